package dev.mercato.pricing.revenue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of the revenue calculators: commission, then fee, then revenue, then its JSON adapter. */
@AnalyzeClasses(packages = "dev.mercato.pricing", importOptions = ImportOption.DoNotIncludeTests.class)
class RevenueArchitectureTest {
    private static final String ROOT = "dev.mercato.pricing";

    @ArchTest
    static final ArchRule commissionStandsOnTheMoneyKernelAlone = noClasses().that().resideInAPackage(ROOT + ".commission..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".fee..", ROOT + ".revenue..", ROOT + ".promotion..")
            .because("commission is the bottom of the revenue calculators");

    @ArchTest
    static final ArchRule feesDoNotSeeSettlement = noClasses().that().resideInAPackage(ROOT + ".fee..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".revenue..", ROOT + ".promotion..")
            .because("fees are computed per line or order; settlement composes them");

    @ArchTest
    static final ArchRule revenueIsIndependentOfThePricingEngine = noClasses().that().resideInAPackage(ROOT + ".revenue..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".promotion..")
            .because("the revenue calculators take their own SaleLine; core maps priced lines into it");

    @ArchTest
    static final ArchRule onlyTheJsonAdapterReadsJson = noClasses().that()
            .resideInAnyPackage(ROOT + ".commission", ROOT + ".fee", ROOT + ".revenue")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".revenue.json..")
            .because("the domain does not know how it is serialised");
}
