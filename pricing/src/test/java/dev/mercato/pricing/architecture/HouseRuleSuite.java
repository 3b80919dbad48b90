package dev.mercato.pricing.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules as one suite a module's architecture test includes with
 * {@code @ArchTest static final ArchTests houseRules = ArchTests.in(HouseRuleSuite.class);}.
 * The rules cover all of {@code dev.mercato}; each test's {@code @AnalyzeClasses} decides which
 * module's classes they are checked against.
 */
public final class HouseRuleSuite {
    private static final String ROOT = "dev.mercato";

    /** No double or float fields. */
    @ArchTest
    public static final ArchRule noFloatingPointFields = HouseRules.noFloatingPointFields(ROOT);

    /** No double or float parameters or results. */
    @ArchTest
    public static final ArchRule noFloatingPointParametersOrResults = HouseRules.noFloatingPointParametersOrResults(ROOT);

    /** No reads of the system clock. */
    @ArchTest
    public static final ArchRule noSystemClock = HouseRules.noSystemClock(ROOT);

    /** Jackson only in json packages. */
    @ArchTest
    public static final ArchRule jacksonOnlyInJsonPackages = HouseRules.jacksonOnlyInJsonPackages(ROOT);

    /** No package cycles. */
    @ArchTest
    public static final ArchRule noPackageCycles = HouseRules.noPackageCycles(ROOT);

    private HouseRuleSuite() {}
}
