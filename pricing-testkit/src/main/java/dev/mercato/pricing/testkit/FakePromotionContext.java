package dev.mercato.pricing.testkit;

import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import javax.money.MonetaryAmount;

/**
 * A {@link PromotionContext} built from a request, for unit-testing a custom
 * {@link Promotion#evaluate(PromotionContext)} without an engine. Lines are in the engine's
 * canonical order (seller, SKU, line id), sellers in id order, exactly as the engine indexes
 * them. Every line starts at its list amount (price levels are not applied) and that is both its
 * lane-start and its current amount, until a {@code with...} call says otherwise, for example to
 * play a rule after an earlier lane took something off. Rounding is {@code HALF_UP}.
 *
 * <pre>{@code
 * FakePromotionContext context = FakePromotionContext.of(request).withCurrentAmount("line-1", cny("3.00"));
 * Outcome outcome = context.evaluate(myRule);
 * long[] asked = context.askedPerLine(outcome);   // minor units per line, canonical order
 * }</pre>
 *
 * <p>Unlike the engine's view, this context stays valid after {@code evaluate}; it is immutable.
 */
public interface FakePromotionContext extends PromotionContext {

    /**
     * A context over a request.
     *
     * @param request the cart
     * @return the context
     */
    static FakePromotionContext of(PricingRequest request) {
        return FakeContext.of(request);
    }

    /**
     * This context with a line's current amount (what discounts are taken from) changed.
     *
     * @param lineId the line
     * @param amount the current amount, in the request's currency, not negative
     * @return a new context
     * @throws dev.mercato.pricing.error.InvalidInputException if the line is unknown or the amount negative
     */
    FakePromotionContext withCurrentAmount(String lineId, MonetaryAmount amount);

    /**
     * This context with a line's lane-start amount (what thresholds measure) changed.
     *
     * @param lineId the line
     * @param amount the lane-start amount, in the request's currency, not negative
     * @return a new context
     * @throws dev.mercato.pricing.error.InvalidInputException if the line is unknown or the amount negative
     */
    FakePromotionContext withLaneStartAmount(String lineId, MonetaryAmount amount);

    /**
     * This context with a seller's shipping left changed.
     *
     * @param sellerId the seller, one of the cart's
     * @param amount the shipping left, not negative
     * @return a new context
     * @throws dev.mercato.pricing.error.InvalidInputException if the seller is unknown or the amount negative
     */
    FakePromotionContext withShippingLeft(String sellerId, MonetaryAmount amount);

    /**
     * This context with another rounding policy.
     *
     * @param policy the policy
     * @return a new context
     */
    FakePromotionContext withRounding(RoundingPolicy policy);

    /**
     * The index of a line in canonical order.
     *
     * @param lineId the line id
     * @return its index
     * @throws dev.mercato.pricing.error.InvalidInputException if the line is unknown
     */
    int lineIndex(String lineId);

    /**
     * Evaluates a promotion against this context (the terms' window, tiers and new-user
     * condition are not checked: the engine checks those before calling a rule).
     *
     * @param promotion the promotion
     * @return its outcome
     */
    default Outcome evaluate(Promotion promotion) {
        return promotion.evaluate(this);
    }

    /**
     * What an outcome asks from each line, in minor units, canonical order: a line discount or
     * pre-sale bonus as given, a pooled discount split by its weights with
     * {@code Allocation.allocate} (as the engine does before it cuts to what lines hold), zero
     * for price offers, shipping discounts, gifts and rejections.
     *
     * @param outcome an outcome of a rule evaluated against this context
     * @return one entry per line
     * @throws dev.mercato.pricing.error.InvalidInputException if an array has the wrong length
     */
    long[] askedPerLine(Outcome outcome);
}
