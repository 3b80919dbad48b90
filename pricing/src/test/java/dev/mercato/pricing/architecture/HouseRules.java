package dev.mercato.pricing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The rules of the house (see docs/architecture.md) as ArchUnit rules, shared by every module's
 * architecture test. Each factory takes the module's root package.
 */
public final class HouseRules {
    private static final Set<String> FLOATING_POINT = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

    private HouseRules() {}

    /** Money is never a binary floating-point number: no such fields. */
    public static ArchRule noFloatingPointFields(String rootPackage) {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(rootPackage + "..")
                .should().haveRawType(floatingPoint())
                .because("money is never double or float (docs/architecture.md rule 1)");
    }

    /** Money is never a binary floating-point number: no such parameters or return types. */
    public static ArchRule noFloatingPointParametersOrResults(String rootPackage) {
        return noCodeUnits().that().areDeclaredInClassesThat().resideInAPackage(rootPackage + "..")
                .should(takeOrReturnFloatingPoint())
                .because("money is never double or float (docs/architecture.md rule 1)");
    }

    /** Time is injected: no reads of the system clock. */
    public static ArchRule noSystemClock(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time is injected through a Clock or InstantSource (docs/architecture.md rule 5)");
    }

    /** Jackson stays in adapter packages named {@code json}. */
    public static ArchRule jacksonOnlyInJsonPackages(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .and().resideOutsideOfPackage("..json..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .because("domain packages do not import Jackson (STYLE.md)");
    }

    /** Packages form no cycles. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(**)").should().beFreeOfCycles();
    }

    private static DescribedPredicate<JavaClass> floatingPoint() {
        return DescribedPredicate.describe("double or float", c -> FLOATING_POINT.contains(c.getName()));
    }

    private static ArchCondition<JavaCodeUnit> takeOrReturnFloatingPoint() {
        return new ArchCondition<>("take or return double or float") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                boolean param = unit.getRawParameterTypes().stream().anyMatch(t -> FLOATING_POINT.contains(t.getName()));
                boolean result = FLOATING_POINT.contains(unit.getRawReturnType().getName());
                if (param || result) {
                    events.add(SimpleConditionEvent.satisfied(unit, unit.getFullName() + " uses double or float"));
                } else {
                    events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " does not"));
                }
            }
        };
    }
}
