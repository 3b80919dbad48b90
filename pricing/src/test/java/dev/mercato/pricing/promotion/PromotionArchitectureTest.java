package dev.mercato.pricing.promotion;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.mercato.pricing.promotion", importOptions = ImportOption.DoNotIncludeTests.class)
class PromotionArchitectureTest {
    private static final String ENGINE = "dev.mercato.pricing.promotion";

    @ArchTest
    static final ArchRule theEngineKnowsNoBuiltInKindNorJson = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".rule..", ENGINE + ".json..")
            .because("built-in kinds are ordinary Promotion implementations, like the ones users add");

    @ArchTest
    static final ArchRule kindsUseOnlyTheEngineApiAndTheMoneyKernel = classes().that().resideInAPackage(ENGINE + ".rule")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ENGINE, ENGINE + ".rule", "dev.mercato.pricing.money",
                    "dev.mercato.pricing.error", "java..", "javax.money..")
            .because("a promotion kind is pure: it sees the cart through PromotionContext only");

    @ArchTest
    static final ArchRule engineImplementationsStayPackagePrivate = classes().that().resideInAPackage(ENGINE)
            .and().haveSimpleNameStartingWith("Default").or().haveSimpleName("Run").or().haveSimpleName("CanonicalCart")
            .or().haveSimpleName("ResultBuilder")
            .should().notBePublic()
            .because("the public API is interfaces, records and static factories");
}
