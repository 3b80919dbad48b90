package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import java.util.Comparator;
import java.util.List;
import javax.money.CurrencyUnit;

/**
 * Kind 18, a shipping discount in tiers: the highest tier whose threshold the merchandise spend in
 * scope reaches (measured after every merchandise lane) takes its percentage or fixed amount off
 * the shipping left. Per shop, each seller with lines in scope is measured and discounted on its
 * own; across shops the order's spend in scope picks one tier, whose discount is computed on the
 * shipping left of those sellers together, rounded once, and spread by shipping left with
 * {@link Allocation#allocate}. A single tier with threshold zero is a plain percentage or amount
 * off shipping. Shipping lane.
 *
 * @param terms the common terms
 * @param scope the lines whose spend counts; its sellers restrict which shops' shipping is discounted
 * @param reach per shop or across shops
 * @param tiers the tiers, at least one, thresholds strictly increasing
 */
public record ShippingDiscount(PromotionTerms terms, Scope scope, Reach reach, List<ShippingTier> tiers)
        implements Promotion {

    /** The kind's name. */
    public static final String KIND = "shipping-discount";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing, there is no tier, or thresholds do not increase
     */
    public ShippingDiscount {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        InvalidInputException.requireNonNull(reach, "reach");
        tiers = List.copyOf(InvalidInputException.requireNonNull(tiers, "tiers"));
        if (tiers.isEmpty()) {
            throw new InvalidInputException("tiers", tiers, "must have at least one tier");
        }
        for (int t = 1; t < tiers.size(); t++) {
            if (tiers.get(t).threshold().compareTo(tiers.get(t - 1).threshold()) <= 0) {
                throw new InvalidInputException("tiers[" + t + "].threshold", tiers.get(t).threshold(),
                        "must be above the previous tier's threshold");
            }
        }
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
    public Outcome evaluate(PromotionContext context) {
        boolean[] in = Rules.inScope(context, scope);
        if (in == null) {
            return Rules.noMatchingLines();
        }
        int sellers = context.sellerCount();
        long[] spend = new long[sellers];
        boolean[] present = new boolean[sellers];
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                spend[context.sellerOf(i)] = Exact.add(spend[context.sellerOf(i)], context.laneStartAmount(i));
                present[context.sellerOf(i)] = true;
            }
        }
        long[] discounts = new long[sellers];
        long lowest = context.minor(tiers.get(0).threshold());
        long best = -1;
        boolean reached = false;
        if (reach == Reach.PER_SHOP) {
            for (int s = 0; s < sellers; s++) {
                if (!present[s]) {
                    continue;
                }
                ShippingTier tier = tierFor(context, spend[s]);
                if (tier == null) {
                    best = Math.max(best, spend[s]);
                    continue;
                }
                reached = true;
                discounts[s] = offOf(context, tier, context.shippingLeft(s));
            }
        } else {
            long total = 0;
            long[] left = new long[sellers];
            long leftTotal = 0;
            for (int s = 0; s < sellers; s++) {
                if (present[s]) {
                    total = Exact.add(total, spend[s]);
                    left[s] = context.shippingLeft(s);
                    leftTotal = Exact.add(leftTotal, left[s]);
                }
            }
            ShippingTier tier = tierFor(context, total);
            if (tier == null) {
                best = total;
            } else {
                reached = true;
                long off = offOf(context, tier, leftTotal);
                if (off > 0) {
                    discounts = Allocation.allocate(off, left);
                }
            }
        }
        if (!reached) {
            return Outcome.rejected(Rules.belowThreshold(context, lowest, best));
        }
        long sum = 0;
        for (long d : discounts) {
            sum += d;
        }
        if (sum == 0) {
            return Outcome.rejected(new dev.mercato.pricing.promotion.RejectionReason.NothingToDiscount());
        }
        long saved = sum;
        CurrencyUnit currency = context.currency();
        return Outcome.applied(new Effect.ShippingDiscounts(discounts),
                () -> "takes " + Rules.text(saved, currency) + " off shipping");
    }

    private ShippingTier tierFor(PromotionContext context, long spend) {
        return tiers.stream().filter(t -> context.minor(t.threshold()) <= spend)
                .max(Comparator.comparing(ShippingTier::threshold)).orElse(null);
    }

    private static long offOf(PromotionContext context, ShippingTier tier, long left) {
        if (tier.percent().isPresent()) {
            return Math.min(left, tier.percent().get().applyToMinor(left, context.rounding()));
        }
        return Math.min(left, context.minor(tier.off().get()));
    }
}
