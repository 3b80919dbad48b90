package dev.mercato.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.mercato.pricing.architecture.HouseRuleSuite;

@AnalyzeClasses(packages = "dev.mercato.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    private static final String ROOT = "dev.mercato.core";

    @ArchTest
    static final ArchTests houseRules = ArchTests.in(HouseRuleSuite.class);

    @ArchTest
    static final ArchRule theStorageSpiKnowsNoImplementation = noClasses()
            .that().resideInAPackage(ROOT + ".storage")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".storage.memory..", ROOT + ".storage.jdbc..")
            .because("implementations depend on the SPI, never the reverse");

    @ArchTest
    static final ArchRule domainPackagesDoNotReachIntoStorageImplementations = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".storage..")
            .and().resideOutsideOfPackage(ROOT)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".storage.memory..", ROOT + ".storage.jdbc..")
            .because("only the Commerce facade picks a storage implementation");
}
