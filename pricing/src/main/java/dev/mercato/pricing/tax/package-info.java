/**
 * Tax: the {@link dev.mercato.pricing.tax.TaxCalculator} SPI and its table-driven reference
 * implementation (rates by region and category with effective dates), tax-inclusive (VAT/GST)
 * and tax-exclusive (sales tax) prices, per-line tax results and refund reversals in
 * proportion. Pure: no clock, no I/O; the host records the result on its orders and ledger.
 */
package dev.mercato.pricing.tax;
