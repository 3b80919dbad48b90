package dev.mercato.pricing.commission;

/**
 * How a tiered rate applies to a line, given the seller's period GMV before the line
 * ({@code G}) and the line's base ({@code b}).
 */
public enum TierMode {
    /**
     * Each part of the line is charged at the rate of the band it falls in, like income tax:
     * the part of {@code [G, G + b)} inside {@code [from, next)} pays that band's rate. Bands
     * are half-open, so a line that ends exactly on an edge is charged wholly in the lower band,
     * and one more minor unit adds at most one band's rate of one minor unit: the commission is
     * continuous across edges.
     */
    MARGINAL,
    /**
     * The whole line is charged at the rate of the band that the period GMV including the line,
     * {@code G + b}, has reached ({@code G + b >= from}). A line that ends exactly on an edge
     * reaches the upper band. The commission jumps at the edge; with falling rates (volume
     * rebates) a larger line can pay less.
     */
    WHOLE_TIER
}
