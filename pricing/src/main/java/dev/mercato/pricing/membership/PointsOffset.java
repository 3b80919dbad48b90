package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Funding;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import java.util.List;

/**
 * Points redeemed as a cash offset at checkout, expressed as a platform-funded discount: the
 * pricing engine has no points input of its own, so the offset is a promotion in the platform
 * coupon lane with the lowest priority, applied after every other merchandise discount.
 *
 * <p>The offset is quoted by {@link RedemptionPolicy#quoteMinor} on what the buyer still pays
 * for the merchandise at that point (the lines' current amounts, shipping excluded), so the
 * share cap applies to the discounted order. One pool is prorated over every line by its
 * current amount. The platform funds it (the seller is paid the pre-offset amount), because
 * the platform issued the points. The points actually spent are {@link
 * RedemptionPolicy#pointsForMinor} of the applied discount. Immutable and thread-safe.
 *
 * @param terms the common terms; use {@link #of(String, long, RedemptionPolicy)} for the usual ones
 * @param points the points the buyer offers, not negative
 * @param policy what points are worth
 */
public record PointsOffset(PromotionTerms terms, long points, RedemptionPolicy policy) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "points-offset";

    /** The rejection code when the points buy nothing on this order. */
    public static final String NOTHING_TO_OFFSET = "points-nothing-to-offset";

    /**
     * Validates the promotion.
     *
     * @throws InvalidInputException if a value is missing or the points negative
     */
    public PointsOffset {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(policy, "policy");
        if (points < 0) {
            throw new InvalidInputException("points", points, "must not be negative");
        }
    }

    /**
     * A points offset with the lowest priority, funded by the platform.
     *
     * @param id the promotion id, e.g. {@code "points:buyer-7"}
     * @param points the points offered
     * @param policy what points are worth
     * @return the promotion
     */
    public static PointsOffset of(String id, long points, RedemptionPolicy policy) {
        return new PointsOffset(PromotionTerms.of(id).withPriority(Integer.MIN_VALUE).fundedBy(Funding.PLATFORM),
                points, policy);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return Lane.PLATFORM_COUPON;
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        int n = context.lineCount();
        long[] weights = new long[n];
        long base = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = context.currentAmount(i);
            base = Exact.add(base, weights[i]);
        }
        RedemptionQuote quote = policy.quoteMinor(points, base, context.currency());
        if (quote.isEmpty()) {
            return Outcome.rejected(new RejectionReason.Other(NOTHING_TO_OFFSET,
                    points + " points buy no offset on " + context.amount(base)));
        }
        long offset = Math.min(context.minor(quote.offset()), base);
        return Outcome.applied(new Effect.Pooled(List.of(new Effect.Pool(offset, weights))),
                quote.points() + " points for " + quote.offset());
    }
}
