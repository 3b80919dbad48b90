package dev.mercato.pricing.tax;

/** Whether a region's prices include tax. */
public enum TaxMode {
    /**
     * Prices include tax (VAT, GST; retail prices in China include VAT): the tax of a gross
     * amount {@code g} at rate {@code r} is {@code g * r / (1 + r)}, and the buyer pays {@code g}.
     */
    INCLUSIVE,
    /**
     * Prices exclude tax (US sales tax): the tax of a net amount {@code n} is {@code n * r}, added
     * to what the buyer pays.
     */
    EXCLUSIVE
}
