package dev.mercato.pricing.fee;

import dev.mercato.pricing.money.MinorUnits;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/** Renders amounts for explanations with the currency's full scale, e.g. {@code CNY 5.00}. */
final class Amounts {
    private Amounts() {}

    static String show(MonetaryAmount amount) {
        return show(MinorUnits.toMinor(amount), amount.getCurrency());
    }

    static String show(long minor, CurrencyUnit currency) {
        return MinorUnits.format(minor, currency);
    }
}
