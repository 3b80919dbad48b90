package dev.mercato.pricing.tax;

import dev.mercato.pricing.money.Rate;
import java.time.Instant;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.Monetary;

class TableTaxCalculatorContractTest extends TaxCalculatorContract {
    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");

    @Override
    protected TaxCalculator calculator() {
        return TaxCalculator.fromTable(List.of(TaxRegion.of("DE", TaxMode.INCLUSIVE).withRounding(TaxRounding.PER_ORDER)),
                List.of(TaxRate.from("DE", "standard", Rate.percent(19), FROM)));
    }

    @Override
    protected String region() {
        return "DE";
    }

    @Override
    protected String category() {
        return "standard";
    }

    @Override
    protected CurrencyUnit currency() {
        return Monetary.getCurrency("EUR");
    }

    @Override
    protected Instant at() {
        return Instant.parse("2026-11-11T00:00:00Z");
    }
}
