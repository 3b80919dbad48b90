package dev.mercato.core.escrow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.mercato.core", importOptions = ImportOption.DoNotIncludeTests.class)
class EscrowArchitectureTest {

    @ArchTest
    static final ArchRule theLedgerStandsOnTheMoneyKernelAlone = classes()
            .that().resideInAPackage("dev.mercato.core.ledger..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.mercato.core.ledger..",
                    "dev.mercato.pricing.money..", "dev.mercato.pricing.error..", "dev.mercato.core.storage..",
                    "dev.mercato.core.event..", "java..", "javax.money..")
            .because("every money movement is a journal entry; the ledger knows nothing of escrows or settlement");

    @ArchTest
    static final ArchRule escrowStatesAreUnawareOfStorageAndProviders = noClasses()
            .that().resideInAPackage("dev.mercato.core.escrow..")
            .and().areAssignableTo(Escrow.class)
            .should().dependOnClassesThat().resideInAnyPackage("dev.mercato.core.storage..", "dev.mercato.payments..",
                    "dev.mercato.core.timer..")
            .because("states are pure values; the service persists them and talks to the provider");

    @ArchTest
    static final ArchRule theLedgerDoesNotDependOnSettlementOrEscrow = noClasses()
            .that().resideInAnyPackage("dev.mercato.core.ledger..", "dev.mercato.core.timer..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mercato.core.escrow..",
                    "dev.mercato.core.settlement..");
}
