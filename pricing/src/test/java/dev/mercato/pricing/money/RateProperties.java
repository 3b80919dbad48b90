package dev.mercato.pricing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class RateProperties {

    @Property
    void theMinorUnitFastPathAgreesWithBigDecimal(@ForAll long minorUnits, @ForAll("rates") Rate rate,
            @ForAll("modes") RoundingMode mode) {
        BigDecimal exact = BigDecimal.valueOf(minorUnits).multiply(rate.fraction());
        long expected = exact.setScale(0, mode).longValueExact();
        assertEquals(expected, rate.applyToMinor(minorUnits, RoundingPolicy.of(mode)));
    }

    @Property
    void roundedDivisionAgreesWithBigDecimal(@ForAll long dividend, @ForAll long divisor, @ForAll("modes") RoundingMode mode) {
        if (divisor == 0) {
            return;
        }
        BigDecimal exact = new BigDecimal(dividend).divide(new BigDecimal(divisor), 0, mode);
        if (exact.toBigInteger().bitLength() >= Long.SIZE) {
            assertThrows(MoneyOverflowException.class, () -> RoundingPolicy.of(mode).divide(dividend, divisor));
        } else {
            assertEquals(exact.longValueExact(), RoundingPolicy.of(mode).divide(dividend, divisor));
        }
    }

    @Property
    void theOneQuotientThatDoesNotFitALongIsReportedNotWrapped(@ForAll("modes") RoundingMode mode) {
        assertThrows(MoneyOverflowException.class, () -> RoundingPolicy.of(mode).divide(Long.MIN_VALUE, -1));
    }

    @Property
    void ratesOutsideZeroToOneHundredPercentAreRejected(@ForAll @LongRange(min = 10_001, max = Long.MAX_VALUE / 2) long basisPoints) {
        assertThrows(dev.mercato.pricing.error.InvalidInputException.class, () -> Rate.basisPoints(basisPoints));
        assertThrows(dev.mercato.pricing.error.InvalidInputException.class, () -> Rate.basisPoints(-basisPoints));
    }

    @Provide
    Arbitrary<Rate> rates() {
        Arbitrary<Rate> bps = Arbitraries.longs().between(0, 10_000).map(Rate::basisPoints);
        Arbitrary<Rate> fine = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(24).map(Rate::new);
        return Arbitraries.oneOf(bps, fine);
    }

    @Provide
    Arbitrary<RoundingMode> modes() {
        return Arbitraries.of(RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR,
                RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN);
    }
}
