package dev.mercato.pricing.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of {@link TaxCalculator}: extend it (name the subclass
 * {@code *ContractTest}) and say which region and category your calculator knows; every check
 * then runs against it.
 */
public abstract class TaxCalculatorContract {

    /** For subclasses. */
    protected TaxCalculatorContract() {}

    /**
     * The calculator under test.
     *
     * @return the calculator
     */
    protected abstract TaxCalculator calculator();

    /**
     * A region the calculator knows, with a category taxed at a positive rate at {@link #at()}.
     *
     * @return the region code
     */
    protected abstract String region();

    /**
     * A category with a positive rate in {@link #region()}.
     *
     * @return the category
     */
    protected abstract String category();

    /**
     * The currency of the region.
     *
     * @return the currency
     */
    protected abstract CurrencyUnit currency();

    /**
     * An instant at which the rates apply.
     *
     * @return the instant
     */
    protected abstract Instant at();

    private TaxRequest request(long... amounts) {
        List<TaxLine> lines = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            lines.add(new TaxLine("l" + i, category(), MinorUnits.toAmount(amounts[i], currency()),
                    MinorUnits.toAmount(0, currency())));
        }
        return new TaxRequest(currency(), region(), at(), lines, List.of());
    }

    @Test
    void everyLineHasNetPlusTaxEqualGrossAndTheTotalsAreTheSums() {
        TaxResult result = calculator().calculate(request(1, 999, 123_456, 0, 50_000_00));
        long tax = 0;
        for (LineTax line : result.lines()) {
            assertEquals(MinorUnits.toMinor(line.gross()), MinorUnits.toMinor(line.net()) + MinorUnits.toMinor(line.tax()));
            tax += MinorUnits.toMinor(line.tax());
        }
        assertEquals(tax, MinorUnits.toMinor(result.tax()));
        assertEquals(5, result.lines().size());
    }

    @Test
    void aPositiveLineAtAPositiveRateIsTaxed() {
        assertTrue(calculator().calculate(request(1_000_000)).tax().isPositive());
    }

    @Test
    void theSameRequestGivesTheSameResult() {
        assertEquals(calculator().calculate(request(4_321, 8_765)), calculator().calculate(request(4_321, 8_765)));
    }

    @Test
    void anUnknownRegionIsANoTaxRateException() {
        assertThrows(NoTaxRateException.class, () -> calculator().calculate(new TaxRequest(currency(),
                "no-such-region-" + region(), at(), List.of(), List.of())));
    }

    @Test
    void theResultKeepsTheRequestsLineIdsInOrder() {
        TaxResult result = calculator().calculate(request(10, 20, 30));
        assertEquals(List.of("l0", "l1", "l2"), result.lines().stream().map(LineTax::id).toList());
    }
}
