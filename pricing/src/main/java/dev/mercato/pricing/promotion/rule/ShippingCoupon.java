package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PricingOptions;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Kind 10, a shipping coupon the buyer holds: takes up to {@code maxOff} off the shipping
 * charges left (one shop's when issued by a shop, else every seller's, prorated by charge left)
 * when the merchandise in the order (or the shop) reaches {@code minSpend}. One shipping coupon
 * per order by default (group {@code coupon:shipping}). Shipping lane.
 *
 * @param terms the common terms
 * @param shop the issuing shop; empty for a platform shipping coupon
 * @param minSpend the minimum merchandise spend, zero for none
 * @param maxOff the most it takes off shipping, positive
 */
public record ShippingCoupon(PromotionTerms terms, Optional<String> shop, MonetaryAmount minSpend,
        MonetaryAmount maxOff) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "shipping-coupon";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or out of range
     */
    public ShippingCoupon {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(shop, "shop");
        Rules.requireNonNegative(minSpend, "minSpend");
        Rules.requirePositive(maxOff, "maxOff");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return Lane.SHIPPING;
    }

    @Override
    public Optional<String> exclusivityGroup() {
        return terms.exclusivityGroup().isPresent() ? terms.exclusivityGroup()
                : Optional.of(PricingOptions.SHIPPING_COUPON_GROUP);
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        if (!context.buyer().couponsHeld().contains(id())) {
            return Outcome.rejected(new RejectionReason.CouponNotHeld(id()));
        }
        if (context.caps().usesLeft(id()).orElse(1) == 0) {
            return Outcome.rejected(new RejectionReason.CapReached(RejectionReason.Cap.USES));
        }
        int only = shop.map(context::sellerIndex).orElse(-1);
        if (shop.isPresent() && only < 0) {
            return Rules.noMatchingLines();
        }
        long spend = 0;
        for (int i = 0; i < context.lineCount(); i++) {
            if (only < 0 || context.sellerOf(i) == only) {
                spend = Exact.add(spend, context.laneStartAmount(i));
            }
        }
        long min = context.minor(minSpend);
        if (spend < min) {
            return Outcome.rejected(Rules.belowThreshold(context, min, spend));
        }
        long[] left = new long[context.sellerCount()];
        long leftTotal = 0;
        for (int s = 0; s < left.length; s++) {
            if (only < 0 || s == only) {
                left[s] = context.shippingLeft(s);
                leftTotal = Exact.add(leftTotal, left[s]);
            }
        }
        if (leftTotal == 0) {
            return Outcome.rejected(new RejectionReason.NothingToDiscount());
        }
        long off = Math.min(context.minor(maxOff), leftTotal);
        CurrencyUnit currency = context.currency();
        return Outcome.applied(new Effect.ShippingDiscounts(Allocation.allocate(off, left)),
                () -> "takes " + Rules.text(off, currency) + " off shipping");
    }
}
