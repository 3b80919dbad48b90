package dev.mercato.pricing.promotion;

import java.util.Optional;

/**
 * A promotion rule: a named value that, given the state of a cart in one lane, either applies
 * an {@link Effect} or rejects with a {@link RejectionReason}.
 *
 * <p>Mercato ships the kinds of the big platforms in {@code dev.mercato.pricing.promotion.rule};
 * users add their own by implementing this interface. An implementation must be immutable,
 * thread-safe and pure: the same context gives the same outcome, and no clock, I/O or
 * randomness is involved. It must never throw for a business reason (below threshold, not
 * held, cap reached): those are {@link Outcome.Rejected} values.
 *
 * <p>The engine checks {@link PromotionTerms#window()}, {@link PromotionTerms#tiers()} and
 * {@link PromotionTerms#newUsersOnly()} before calling {@link #evaluate(PromotionContext)}, so
 * implementations only check their own conditions.
 */
public interface Promotion {

    /**
     * The terms shared by every kind: id, priority, group, window, eligibility, funding.
     *
     * @return the terms, never {@code null}
     */
    PromotionTerms terms();

    /**
     * The kind's name as used in JSON and explanations, e.g. {@code "percent-off"}.
     *
     * @return the kind, never {@code null}
     */
    String kind();

    /**
     * The lane this promotion applies in.
     *
     * @return the lane, never {@code null}
     */
    Lane lane();

    /**
     * Evaluates the promotion against the cart's current state in its lane.
     *
     * @param context the cart in minor units of the request's currency, canonical line order
     * @return what to apply, or why not; never {@code null}
     */
    Outcome evaluate(PromotionContext context);

    /**
     * The promotion id.
     *
     * @return {@code terms().id()}
     */
    default String id() {
        return terms().id();
    }

    /**
     * The exclusivity group the engine uses; kinds with implicit slots (coupons) override it.
     *
     * @return the group, or empty
     */
    default Optional<String> exclusivityGroup() {
        return terms().exclusivityGroup();
    }

    /**
     * Who funds this promotion's discounts.
     *
     * @return the terms' funding, else the platform for platform lanes and the seller otherwise
     */
    default Funding funding() {
        return terms().funding().orElseGet(() -> lane() == Lane.PLATFORM || lane() == Lane.PLATFORM_COUPON
                ? Funding.PLATFORM : Funding.SELLER);
    }
}
