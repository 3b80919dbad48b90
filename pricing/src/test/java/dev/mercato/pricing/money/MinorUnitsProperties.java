package dev.mercato.pricing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.javamoney.moneta.Money;

class MinorUnitsProperties {

    @Property
    void minorUnitsRoundTripThroughMonetaryAmountLosslessly(@ForAll long units, @ForAll("currencies") CurrencyUnit currency) {
        MonetaryAmount amount = MinorUnits.toAmount(units, currency);
        assertEquals(units, MinorUnits.toMinor(amount));
    }

    @Property
    void amountsRoundTripThroughMinorUnitsLosslessly(@ForAll long units, @ForAll("currencies") CurrencyUnit currency) {
        // Built independently of toAmount, with trailing zeros stripped as Moneta may do.
        BigDecimal value = BigDecimal.valueOf(units, MinorUnits.scale(currency)).stripTrailingZeros();
        MonetaryAmount amount = Money.of(value, currency);
        assertTrue(MinorAmount.of(amount).toMonetaryAmount().isEqualTo(amount));
    }

    @Property
    void additionOverflowIsDetectedNeverWrapped(@ForAll long a, @ForAll long b) {
        BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        CurrencyUnit cny = Monetary.getCurrency("CNY");
        if (exact.bitLength() < Long.SIZE) {
            assertEquals(exact.longValueExact(), new MinorAmount(a, cny).plus(new MinorAmount(b, cny)).units());
        } else {
            assertThrows(MoneyOverflowException.class, () -> new MinorAmount(a, cny).plus(new MinorAmount(b, cny)));
        }
    }

    @Property
    void multiplicationOverflowIsDetectedNeverWrapped(@ForAll long units, @ForAll long quantity) {
        BigInteger exact = BigInteger.valueOf(units).multiply(BigInteger.valueOf(quantity));
        CurrencyUnit cny = Monetary.getCurrency("CNY");
        if (exact.bitLength() < Long.SIZE) {
            assertEquals(exact.longValueExact(), new MinorAmount(units, cny).times(quantity).units());
        } else {
            assertThrows(MoneyOverflowException.class, () -> new MinorAmount(units, cny).times(quantity));
        }
    }

    @Property
    void toMinorAgreesWithTheStraightforwardDecimalConversion(@ForAll("unscaled") long unscaled,
            @ForAll("valueScales") int valueScale, @ForAll("currencies") CurrencyUnit currency) {
        // Any scale the amount may carry: fewer decimals, trailing zeros, too many decimals, negative scales.
        BigDecimal value = BigDecimal.valueOf(unscaled, valueScale);
        MonetaryAmount amount = Money.of(value, currency);
        BigDecimal exactMinor = amount.getNumber().numberValue(BigDecimal.class).movePointRight(MinorUnits.scale(currency));
        BigDecimal whole;
        try {
            whole = exactMinor.setScale(0);
        } catch (ArithmeticException fractional) {
            assertThrows(InvalidAmountException.class, () -> MinorUnits.toMinor(amount));
            return;
        }
        if (whole.unscaledValue().bitLength() >= Long.SIZE) {
            assertThrows(MoneyOverflowException.class, () -> MinorUnits.toMinor(amount));
        } else {
            assertEquals(whole.longValueExact(), MinorUnits.toMinor(amount));
        }
    }

    @Provide
    Arbitrary<Long> unscaled() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-100_000, 100_000), Arbitraries.longs());
    }

    @Provide
    Arbitrary<Integer> valueScales() {
        return Arbitraries.integers().between(-3, 8);
    }

    @Property
    void amountsBeyondTheRangeOfLongAreRejected(@ForAll("currencies") CurrencyUnit currency) {
        BigDecimal tooLarge = new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), MinorUnits.scale(currency));
        assertThrows(MoneyOverflowException.class, () -> MinorUnits.toMinor(Money.of(tooLarge, currency)));
        assertThrows(MoneyOverflowException.class, () -> MinorUnits.toMinor(Money.of(tooLarge.negate().subtract(BigDecimal.ONE), currency)));
    }

    @Property
    void anAmountFinerThanTheMinorUnitIsRejectedNotRounded(@ForAll long units, @ForAll("currencies") CurrencyUnit currency) {
        BigDecimal finer = BigDecimal.valueOf(units, MinorUnits.scale(currency)).add(BigDecimal.valueOf(5, MinorUnits.scale(currency) + 1));
        InvalidAmountException e = assertThrows(InvalidAmountException.class, () -> MinorUnits.toMinor(Money.of(finer, currency)));
        assertTrue(e.getMessage().contains(currency.getCurrencyCode()), e.getMessage());
    }

    @Provide
    Arbitrary<CurrencyUnit> currencies() {
        return Arbitraries.of("JPY", "CNY", "USD", "EUR", "BHD", "KWD").map(Monetary::getCurrency);
    }
}
