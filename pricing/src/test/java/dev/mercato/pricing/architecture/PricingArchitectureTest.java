package dev.mercato.pricing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.mercato.pricing", importOptions = ImportOption.DoNotIncludeTests.class)
class PricingArchitectureTest {
    private static final String ROOT = "dev.mercato.pricing";

    @ArchTest
    static final ArchTests houseRules = ArchTests.in(HouseRuleSuite.class);

    @ArchTest
    static final ArchRule pricingSeesNeitherCoreNorTheSpis = noClasses().that().resideInAPackage(ROOT + "..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mercato.core..", "dev.mercato.payments..",
                    "dev.mercato.logistics..")
            .because("pricing is pure: it never sees core or the SPI modules (docs/architecture.md)");

    @ArchTest
    static final ArchRule theMoneyKernelStandsAlone = classes()
            .that().resideInAnyPackage(ROOT + ".money..", ROOT + ".error..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".money..", ROOT + ".error..",
                    "java..", "javax.money..", "org.javamoney..", "com.google.common..")
            .because("the money kernel is the bottom layer: everything else may use it, it uses nothing else");
}
