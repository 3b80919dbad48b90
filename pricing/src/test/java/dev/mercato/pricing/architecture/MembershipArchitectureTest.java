package dev.mercato.pricing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Where the membership calculators sit: on top of the money kernel and the promotion engine. */
@AnalyzeClasses(packages = "dev.mercato.pricing", importOptions = ImportOption.DoNotIncludeTests.class)
class MembershipArchitectureTest {
    private static final String ROOT = "dev.mercato.pricing";

    @ArchTest
    static final ArchRule membershipUsesOnlyMoneyErrorsAndPromotions = classes()
            .that().resideInAPackage(ROOT + ".membership..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".membership..", ROOT + ".money..",
                    ROOT + ".error..", ROOT + ".promotion..", "java..", "javax.money..")
            .because("membership rules are pure calculators over money and the pricing context");

    @ArchTest
    static final ArchRule nothingElseInPricingDependsOnMembership = noClasses()
            .that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(ROOT + ".membership..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".membership..")
            .because("the engine knows memberships only as tier, benefit and coupon codes in BuyerContext");
}
