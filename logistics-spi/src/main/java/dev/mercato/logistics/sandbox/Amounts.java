package dev.mercato.logistics.sandbox;

import java.math.BigDecimal;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/** The edge between minor units and the host's JSR 354 implementation. */
final class Amounts {
    private Amounts() {}

    static MonetaryAmount of(long minor, CurrencyUnit currency) {
        // A fresh factory per call: factories are builders and not safe to share across threads.
        return Monetary.getDefaultAmountFactory()
                .setCurrency(currency)
                .setNumber(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()))
                .create();
    }
}
