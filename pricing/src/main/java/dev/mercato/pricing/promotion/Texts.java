package dev.mercato.pricing.promotion;

import java.math.BigDecimal;
import javax.money.MonetaryAmount;

/** Renders amounts in explanations the way {@code MinorUnits.format} does: code, space, all decimals. */
final class Texts {
    private Texts() {}

    /**
     * An amount as {@code "CNY 5.90"}: at least the currency's decimals (never Moneta's stripped
     * {@code "CNY 5.9"}), more only if the amount has them, plain notation.
     */
    static String amount(MonetaryAmount amount) {
        BigDecimal number = amount.getNumber().numberValue(BigDecimal.class);
        int digits = amount.getCurrency().getDefaultFractionDigits();
        if (digits > number.scale()) {
            number = number.setScale(digits);
        }
        return amount.getCurrency().getCurrencyCode() + " " + number.toPlainString();
    }
}
