package dev.mercato.core.catalog;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.InvalidAmountException;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class SkuExamples {
    @Test
    void aListPriceMustBePositive() {
        assertThrows(InvalidAmountException.class, () -> Sku.of("a", "s", "A", Money.of(0, "CNY")));
        assertThrows(InvalidAmountException.class, () -> Sku.of("a", "s", "A", Money.of(-1, "CNY")));
    }

    @Test
    void aPriceWithMoreDecimalsThanTheCurrencyIsRefused() {
        assertThrows(InvalidAmountException.class, () -> Sku.of("a", "s", "A", Money.of(1.5, "JPY")));
    }

    @Test
    void aPriceLevelInAnotherCurrencyIsRefused() {
        Sku sku = Sku.of("a", "s", "A", Money.of(10, "CNY"));
        assertThrows(CurrencyMismatchException.class, () -> sku.withPriceLevel(PriceLevel.MEMBER, Money.of(9, "USD")));
    }
}
