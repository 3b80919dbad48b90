package dev.mercato.pricing.promotion;

import dev.mercato.pricing.money.MinorUnits;
import java.math.BigDecimal;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * {@link MinorUnits#toMinor(MonetaryAmount, CurrencyUnit)} with a shortcut for the common case.
 *
 * <p>A Moneta {@link Money} of the expected currency whose number has no more decimals than the
 * currency and fits in a {@code long} is read straight from its {@code BigDecimal}, skipping
 * Moneta's number conversion (the slow part of the general path). Every other amount, and every
 * amount the general path would refuse, goes through {@code MinorUnits}, so the values and the
 * exceptions are the same.
 */
final class FastMinor {
    private FastMinor() {}

    static long toMinor(MonetaryAmount amount, CurrencyUnit currency, int scale) {
        if (amount instanceof Money money && money.getCurrency().equals(currency)) {
            BigDecimal number = money.getNumberStripped();
            if (number.scale() <= scale && number.precision() - number.scale() + scale < 19) {
                return number.movePointRight(scale).longValueExact();
            }
        }
        return MinorUnits.toMinor(amount, currency);
    }
}
