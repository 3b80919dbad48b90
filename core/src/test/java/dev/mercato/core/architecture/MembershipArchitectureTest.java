package dev.mercato.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Memberships stand beside orders and escrow: they meet them only through the host or the facade. */
@AnalyzeClasses(packages = "dev.mercato.core", importOptions = ImportOption.DoNotIncludeTests.class)
class MembershipArchitectureTest {
    private static final String ROOT = "dev.mercato.core";

    @ArchTest
    static final ArchRule membershipDependsOnlyOnInfrastructure = noClasses()
            .that().resideInAPackage(ROOT + ".membership..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cart..", ROOT + ".checkout..",
                    ROOT + ".order..", ROOT + ".escrow..", ROOT + ".settlement..", ROOT + ".catalog..",
                    ROOT + ".inventory..", ROOT + ".storage.memory..", ROOT + ".storage.jdbc..")
            .because("memberships are fed paid orders and refunds by ids and amounts, not by order types");

    @ArchTest
    static final ArchRule onlyTheFacadeMayUseMembership = noClasses()
            .that().resideInAPackage(ROOT + ".membership..")
            .should().dependOnClassesThat().resideInAPackage(ROOT)
            .because("the facade may build on memberships, never the reverse");
}
