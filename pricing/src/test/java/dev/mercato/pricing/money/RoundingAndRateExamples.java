package dev.mercato.pricing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class RoundingAndRateExamples {

    @Test
    void halfUpIsTheRetailDefaultAndRoundsHalfACentAwayFromZero() {
        assertAmount("0.01", cny("0.005").with(RoundingPolicy.HALF_UP));
        assertAmount("-0.01", cny("-0.005").with(RoundingPolicy.HALF_UP));
        assertAmount("0.00", cny("0.005").with(RoundingPolicy.HALF_EVEN));
    }

    @Test
    void roundingGoesToTheCurrencysMinorUnit() {
        assertTrue(Money.of(new BigDecimal("100.5"), "JPY").with(RoundingPolicy.HALF_UP).isEqualTo(Money.of(101, "JPY")));
        assertTrue(Money.of(new BigDecimal("1.0005"), "BHD").with(RoundingPolicy.HALF_UP)
                .isEqualTo(Money.of(new BigDecimal("1.001"), "BHD")));
    }

    @Test
    void unnecessaryRoundingOnAnInexactAmountIsATypedError() {
        assertThrows(InvalidAmountException.class, () -> RoundingPolicy.of(RoundingMode.UNNECESSARY).apply(cny("0.005")));
    }

    @Test
    void fivePercentOfNinetyNineNinetyNineRoundsOnceHalfUp() {
        // 99.99 * 0.05 = 4.9995 -> 5.00
        assertAmount("5.00", Rate.percent(5).applyTo(cny("99.99"), RoundingPolicy.HALF_UP));
        assertAmount("4.99", Rate.percent(5).applyTo(cny("99.99"), RoundingPolicy.DOWN));
    }

    @Test
    void ratesAreEqualByValueWhateverTheirNotation() {
        assertEquals(Rate.percent("5"), Rate.fraction("0.050"));
        assertEquals(Rate.basisPoints(60), Rate.percent("0.6"));
        assertEquals("12.5%", Rate.percent("12.5").toString());
        assertEquals(Rate.percent(70), Rate.percent(30).complement());
    }

    @Test
    void malformedOrOutOfRangeRatesNameTheProblem() {
        InvalidInputException notANumber = assertThrows(InvalidInputException.class, () -> Rate.percent("ten"));
        assertEquals("percent", notANumber.field());
        InvalidInputException tooHigh = assertThrows(InvalidInputException.class, () -> Rate.percent(101));
        assertTrue(tooHigh.getMessage().contains("1.01"), tooHigh.getMessage());
    }

    @Test
    void amountsAreFormattedWithTheCurrencysFullScale() {
        assertEquals("CNY 5.00", MinorUnits.format(500, javax.money.Monetary.getCurrency("CNY")));
        assertEquals("JPY 7", MinorUnits.format(7, javax.money.Monetary.getCurrency("JPY")));
        assertEquals("BHD -0.005", MinorUnits.format(-5, javax.money.Monetary.getCurrency("BHD")));
    }

    private static MonetaryAmount cny(String amount) {
        return Money.of(new BigDecimal(amount), "CNY");
    }

    private static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(actual.isEqualTo(cny(expected)), "expected " + expected + " got " + actual);
    }
}
