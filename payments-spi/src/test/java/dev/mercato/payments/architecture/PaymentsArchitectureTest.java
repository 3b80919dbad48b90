package dev.mercato.payments.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Set;

/**
 * The house rules for the payments SPI. It cannot reuse pricing's HouseRules (the SPI never
 * sees pricing), so the few rules it needs are written here.
 */
@AnalyzeClasses(packages = "dev.mercato.payments", importOptions = ImportOption.DoNotIncludeTests.class)
class PaymentsArchitectureTest {
    private static final String ROOT = "dev.mercato.payments..";
    private static final Set<String> FLOATING_POINT = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

    @ArchTest
    static final ArchRule signaturesAreComparedInConstantTime = noClasses().that().resideInAPackage(ROOT)
            .should().callMethod(Arrays.class, "equals", byte[].class, byte[].class)
            .because("a MAC compared byte by byte with an early exit leaks, through timing, how much of a forged "
                    + "signature is right: compare with MessageDigest.isEqual");

    @ArchTest
    static final ArchRule theSandboxVerifiesItsSignaturesWithMessageDigestIsEqual = classes()
            .that().haveFullyQualifiedName(ROOT.replace("..", "") + ".sandbox.Signer")
            .should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
            .because("notification signatures are compared in constant time");

    @ArchTest
    static final ArchRule theSpiNeverLogs = noClasses().that().resideInAPackage(ROOT)
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethod(System.class, "getLogger", String.class)
            .orShould().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("the SPI writes no logs (it depends on the JDK and javax.money only); what a host may log, "
                    + "exception messages and toString, never shows secrets or whole account tokens");

    @ArchTest
    static final ArchRule noFloatingPointFields = noFields().that().areDeclaredInClassesThat().resideInAPackage(ROOT)
            .should().haveRawType(DescribedPredicate.describe("double or float", (JavaClass c) -> FLOATING_POINT.contains(c.getName())))
            .because("money is never double or float (docs/architecture.md rule 1)");

    @ArchTest
    static final ArchRule noFloatingPointParametersOrResults = noCodeUnits().that().areDeclaredInClassesThat()
            .resideInAPackage(ROOT).should(takeOrReturnFloatingPoint())
            .because("money is never double or float (docs/architecture.md rule 1)");

    @ArchTest
    static final ArchRule noSystemClock = noClasses().that().resideInAPackage(ROOT)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .because("time is injected through a Clock or InstantSource (docs/architecture.md rule 5)");

    @ArchTest
    static final ArchRule seesNeitherCoreNorPricingNorAMoneyImplementation = noClasses().that().resideInAPackage(ROOT)
            .should().dependOnClassesThat().resideInAnyPackage("dev.mercato.core..", "dev.mercato.pricing..",
                    "dev.mercato.logistics..", "org.javamoney..")
            .because("a plug-in author depends on a small, stable jar: the JSR 354 API and the JDK only (docs/architecture.md)");

    @ArchTest
    static final ArchRule theContractDoesNotKnowTheSandbox = noClasses().that().resideInAPackage("dev.mercato.payments")
            .should().dependOnClassesThat().resideInAPackage("dev.mercato.payments.sandbox..")
            .because("the SPI is the contract; the sandbox is one implementation of it");

    @ArchTest
    static final ArchRule sandboxImplementationIsHidden = classes().that().resideInAPackage("dev.mercato.payments.sandbox")
            .and().areTopLevelClasses().and().arePublic()
            .should().beInterfaces().orShould().beRecords()
            .because("the public API is interfaces, records and static factories (docs/architecture.md)");

    @ArchTest
    static final ArchRule exceptionsAreTheSpisOwn = classes().that().resideInAPackage(ROOT)
            .and().areAssignableTo(RuntimeException.class).and().haveModifier(JavaModifier.PUBLIC)
            .should().resideInAPackage("dev.mercato.payments")
            .because("plug-ins and callers handle exactly the SPI's exception types");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.mercato.payments.(**)").should().beFreeOfCycles();

    private static ArchCondition<JavaCodeUnit> takeOrReturnFloatingPoint() {
        return new ArchCondition<>("take or return double or float") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                boolean param = unit.getRawParameterTypes().stream().anyMatch(t -> FLOATING_POINT.contains(t.getName()));
                boolean result = FLOATING_POINT.contains(unit.getRawReturnType().getName());
                events.add(new SimpleConditionEvent(unit, param || result, unit.getFullName() + " uses double or float"));
            }
        };
    }
}
