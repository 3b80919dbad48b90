package dev.mercato.pricing.tax;

import java.util.List;

/**
 * Computes the tax of an order. Implementations must be pure (the same request gives the same
 * result; no clock, no I/O at call time), thread-safe and exact: every line's
 * {@code net + tax == gross} to the minor unit, and the totals are the sums of the lines. A
 * region or rate the implementation does not know is a {@link NoTaxRateException}; a malformed
 * request an {@link dev.mercato.pricing.error.InvalidInputException}. The abstract conformance
 * suite {@code TaxCalculatorContract} (pricing test-jar) checks these for any implementation.
 */
public interface TaxCalculator {

    /**
     * Computes the tax.
     *
     * @param request the lines and parcels of one order
     * @return per-line tax and totals
     * @throws NoTaxRateException if a rate is missing
     */
    TaxResult calculate(TaxRequest request);

    /**
     * The reference implementation: rates by region and category from a table, with effective
     * dates.
     *
     * @param regions how each region taxes, distinct region codes
     * @param rates the rows; two rows of the same region and category must not overlap in time
     * @return the calculator
     * @throws dev.mercato.pricing.error.InvalidInputException if regions repeat or rows overlap
     */
    static TaxCalculator fromTable(List<TaxRegion> regions, List<TaxRate> rates) {
        return new TableTaxCalculator(regions, rates);
    }
}
