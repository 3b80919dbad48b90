package dev.mercato.pricing.tax;

import dev.mercato.pricing.error.MercatoException;
import java.time.Instant;

/** The tax table has no region, or no rate for a category in a region at an instant: a configuration error. */
public final class NoTaxRateException extends MercatoException {
    private static final long serialVersionUID = 1L;

    private final String region;
    private final String category;
    private final Instant at;

    /**
     * Creates the exception.
     *
     * @param region the region asked for
     * @param category the category asked for; empty when the region itself is unknown
     * @param at the instant asked for
     */
    public NoTaxRateException(String region, String category, Instant at) {
        super(category.isEmpty() ? "no tax region \"" + region + "\" in the table"
                : "no tax rate for category \"" + category + "\" in region \"" + region + "\" at " + at
                        + ": add a row whose period contains it");
        this.region = region;
        this.category = category;
        this.at = at;
    }

    /**
     * The region asked for.
     *
     * @return the region code
     */
    public String region() {
        return region;
    }

    /**
     * The category asked for.
     *
     * @return the category, empty when the region is unknown
     */
    public String category() {
        return category;
    }

    /**
     * The instant asked for.
     *
     * @return the instant
     */
    public Instant at() {
        return at;
    }
}
