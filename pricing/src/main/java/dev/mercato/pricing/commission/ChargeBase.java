package dev.mercato.pricing.commission;

import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.MonetaryAmount;

/**
 * Which amount of a line a rate is charged on. Each schedule names its base, so the same rate
 * means the same thing to everyone reading the schedule.
 *
 * <p>"Paid" is what the buyer paid for the goods after every discount. Adding the platform
 * subsidy gives what the seller is paid for the goods (the platform funds its own coupons, so
 * the seller is charged as if they had not been used). Seller-funded discounts are never part
 * of a base: the seller never received that money.
 */
public enum ChargeBase {
    /** What the buyer paid for the goods, without shipping. */
    PAID,
    /** What the buyer paid for the goods and the shipping. */
    PAID_WITH_SHIPPING,
    /** What the buyer paid for the goods plus the platform-funded subsidy, without shipping. */
    PAID_PLUS_SUBSIDY,
    /** What the buyer paid for the goods plus the platform-funded subsidy plus shipping: the seller's gross. */
    PAID_PLUS_SUBSIDY_WITH_SHIPPING;

    /**
     * This base for a line.
     *
     * @param line the line
     * @return the base amount, never negative
     */
    public MonetaryAmount of(SaleLine line) {
        return MinorUnits.toAmount(minorUnitsOf(line), line.currency());
    }

    /**
     * This base for a line, in minor units.
     *
     * @param line the line
     * @return the base in minor units, never negative
     */
    public long minorUnitsOf(SaleLine line) {
        long base = MinorUnits.toMinor(line.paid());
        if (includesSubsidy()) {
            base = Exact.add(base, MinorUnits.toMinor(line.platformSubsidy()));
        }
        if (includesShipping()) {
            base = Exact.add(base, MinorUnits.toMinor(line.shipping()));
        }
        return base;
    }

    /**
     * This base from a line's amounts already in minor units: the same value as {@link
     * #minorUnitsOf(SaleLine)}, for callers that convert each amount once.
     *
     * @param paid the line's {@link SaleLine#paid()} in minor units
     * @param platformSubsidy the line's {@link SaleLine#platformSubsidy()} in minor units
     * @param shipping the line's {@link SaleLine#shipping()} in minor units
     * @return the base in minor units
     * @throws dev.mercato.pricing.money.MoneyOverflowException if the sum does not fit in a {@code long}
     */
    public long minorUnitsOf(long paid, long platformSubsidy, long shipping) {
        long base = paid;
        if (includesSubsidy()) {
            base = Exact.add(base, platformSubsidy);
        }
        if (includesShipping()) {
            base = Exact.add(base, shipping);
        }
        return base;
    }

    private boolean includesSubsidy() {
        return this == PAID_PLUS_SUBSIDY || this == PAID_PLUS_SUBSIDY_WITH_SHIPPING;
    }

    private boolean includesShipping() {
        return this == PAID_WITH_SHIPPING || this == PAID_PLUS_SUBSIDY_WITH_SHIPPING;
    }

    /**
     * Words for explanations, e.g. {@code "paid amount plus platform subsidy"}.
     *
     * @return a short description
     */
    public String describe() {
        return switch (this) {
            case PAID -> "paid amount";
            case PAID_WITH_SHIPPING -> "paid amount with shipping";
            case PAID_PLUS_SUBSIDY -> "paid amount plus platform subsidy";
            case PAID_PLUS_SUBSIDY_WITH_SHIPPING -> "paid amount plus platform subsidy with shipping";
        };
    }
}
