package dev.mercato.pricing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class AllocationExamples {

    @Test
    void ninetyNineNinetyNineSplitSeventyFiveTwentyFiveGivesTheOddCentToTheLargerRemainder() {
        assertAmounts(Allocation.byWeights(cny("99.99"), 75, 25), "74.99", "25.00");
    }

    @Test
    void oneHundredSplitThreeWaysGivesTheExtraCentToTheFirstPart() {
        assertAmounts(Allocation.evenly(cny("100.00"), 3), "33.34", "33.33", "33.33");
    }

    @Test
    void oneYenSplitTwoWaysCannotBeHalved() {
        assertAmounts(Allocation.evenly(Money.of(1, "JPY"), 2), "1", "0");
    }

    @Test
    void oneBahrainiDinarSplitThreeWaysUsesFils() {
        assertAmounts(Allocation.evenly(bhd("1.000"), 3), "0.334", "0.333", "0.333");
    }

    @Test
    void oneCentSplitOneToAMillionGoesToTheMillion() {
        assertAmounts(Allocation.byWeights(cny("0.01"), 1, 1_000_000), "0.00", "0.01");
    }

    @Test
    void aNegativeAmountSplitsAsTheMirrorOfThePositive() {
        assertAmounts(Allocation.evenly(cny("-100.00"), 3), "-33.34", "-33.33", "-33.33");
    }

    @Test
    void aBuyerPaymentSplitsAcrossSellersInProportionToTheirSubtotals() {
        List<MonetaryAmount> parts = Allocation.proportionally(cny("10.00"),
                List.of(cny("199.00"), cny("99.50"), cny("0.50")));
        // exact shares 6.6555, 3.3277, 0.0167: floors 6.65, 3.32, 0.01 leave two cents for the largest remainders
        assertAmounts(parts, "6.65", "3.33", "0.02");
    }

    @Test
    void decimalWeightsWorkLikePercentages() {
        assertAmounts(Allocation.byDecimalWeights(cny("99.99"), List.of(new BigDecimal("0.75"), new BigDecimal("0.25"))),
                "74.99", "25.00");
    }

    @Test
    void zeroTotalWeightIsATypedError() {
        InvalidWeightsException e = assertThrows(InvalidWeightsException.class,
                () -> Allocation.byWeights(cny("1.00"), 0, 0));
        assertTrue(e.getMessage().contains("sum to zero"), e.getMessage());
        assertEquals("[0, 0]", e.weights());
    }

    @Test
    void aNegativeWeightIsATypedError() {
        InvalidWeightsException e = assertThrows(InvalidWeightsException.class,
                () -> Allocation.byWeights(cny("1.00"), 3, -1));
        assertTrue(e.getMessage().contains("-1 is negative"), e.getMessage());
    }

    @Test
    void noWeightsAndNoPartsAreTypedErrors() {
        assertThrows(InvalidWeightsException.class, () -> Allocation.byWeights(cny("1.00")));
        assertThrows(InvalidWeightsException.class, () -> Allocation.evenly(cny("1.00"), 0));
        assertThrows(InvalidWeightsException.class, () -> Allocation.byDecimalWeights(cny("1.00"), List.of()));
    }

    @Test
    void proportionsInAnotherCurrencyAreRejected() {
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> Allocation.proportionally(cny("1.00"), List.of(cny("1.00"), Money.of(1, "USD"))));
        assertEquals("CNY", e.expected());
        assertEquals("USD", e.actual());
    }

    @Test
    void weightsTooLargeForLongArithmeticStillSplitExactly() {
        long[] parts = Allocation.allocate(Long.MAX_VALUE, new long[] {Long.MAX_VALUE, Long.MAX_VALUE, 1});
        assertEquals(Long.MAX_VALUE, Math.addExact(Math.addExact(parts[0], parts[1]), parts[2]));
        assertEquals(parts[0], parts[1]);
    }

    private static MonetaryAmount cny(String amount) {
        return Money.of(new BigDecimal(amount), "CNY");
    }

    private static MonetaryAmount bhd(String amount) {
        return Money.of(new BigDecimal(amount), "BHD");
    }

    private static void assertAmounts(List<MonetaryAmount> parts, String... expected) {
        assertEquals(expected.length, parts.size());
        for (int i = 0; i < expected.length; i++) {
            MonetaryAmount want = Money.of(new BigDecimal(expected[i]), parts.get(i).getCurrency());
            assertTrue(parts.get(i).isEqualTo(want), "part " + i + ": expected " + want + " got " + parts.get(i));
        }
    }
}
