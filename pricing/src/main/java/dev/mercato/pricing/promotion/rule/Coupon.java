package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PricingOptions;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import dev.mercato.pricing.promotion.Scope;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Kind 9, a coupon the buyer holds: issued by a shop (funded by it, shop-coupon lane, only that
 * shop's lines) or by the platform (funded by it, platform-coupon lane, after the shop coupons).
 * It needs {@code minSpend} on the lines in scope, measured after the earlier lanes, and is worth
 * a fixed amount or a capped percentage. The caller may track uses left per buyer and budget
 * left ({@link dev.mercato.pricing.promotion.RemainingCaps}); the discount never exceeds the
 * budget left.
 *
 * <p>Coupons occupy implicit exclusivity groups unless the terms name one: one slot per shop
 * ({@code coupon:shop:<seller>}) and one platform slot ({@code coupon:platform}), whose sizes
 * {@link PricingOptions} configures.
 *
 * @param terms the common terms (the window is the validity window)
 * @param shop the issuing shop; empty for a platform coupon
 * @param scope the lines it applies to (further restricted to the issuing shop)
 * @param minSpend the minimum spend, zero for none
 * <p>{@link CouponApplication#ONCE_PER_ORDER} (the default) takes the value once off the lines
 * in scope together, prorated over them; {@link CouponApplication#ONCE_PER_LINE} takes it off
 * each line in scope (a fixed amount off each line, or the percentage of each line capped per
 * line); the budget left caps the sum, prorated over the lines by their own discounts.
 *
 * @param value what it is worth
 * @param application once per order or once per eligible line
 */
public record Coupon(PromotionTerms terms, Optional<String> shop, Scope scope, MonetaryAmount minSpend,
        CouponValue value, CouponApplication application) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "coupon";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or the minimum spend negative
     */
    public Coupon {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(shop, "shop");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requireNonNegative(minSpend, "minSpend");
        InvalidInputException.requireNonNull(value, "value");
        InvalidInputException.requireNonNull(application, "application");
        if (shop.isPresent()) {
            scope = scope.andSellers(shop.get());
        }
    }

    /**
     * A coupon applied once per order.
     *
     * @param terms the common terms (the window is the validity window)
     * @param shop the issuing shop; empty for a platform coupon
     * @param scope the lines it applies to (further restricted to the issuing shop)
     * @param minSpend the minimum spend, zero for none
     * @param value what it is worth
     * @throws InvalidInputException if a value is missing or the minimum spend negative
     */
    public Coupon(PromotionTerms terms, Optional<String> shop, Scope scope, MonetaryAmount minSpend, CouponValue value) {
        this(terms, shop, scope, minSpend, value, CouponApplication.ONCE_PER_ORDER);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return shop.isPresent() ? Lane.SHOP_COUPON : Lane.PLATFORM_COUPON;
    }

    @Override
    public Optional<String> exclusivityGroup() {
        if (terms.exclusivityGroup().isPresent()) {
            return terms.exclusivityGroup();
        }
        return Optional.of(shop.map(s -> PricingOptions.SHOP_COUPON_GROUP_PREFIX + s)
                .orElse(PricingOptions.PLATFORM_COUPON_GROUP));
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        if (!context.buyer().couponsHeld().contains(id())) {
            return Outcome.rejected(new RejectionReason.CouponNotHeld(id()));
        }
        if (context.caps().usesLeft(id()).orElse(1) == 0) {
            return Outcome.rejected(new RejectionReason.CapReached(RejectionReason.Cap.USES));
        }
        MonetaryAmount budget = context.caps().budgetLeft().get(id());
        long budgetLeft = budget == null ? Long.MAX_VALUE : context.minor(budget);
        if (budgetLeft == 0) {
            return Outcome.rejected(new RejectionReason.CapReached(RejectionReason.Cap.BUDGET));
        }
        boolean[] in = Rules.inScope(context, scope);
        if (in == null) {
            return Rules.noMatchingLines();
        }
        long measured = 0;
        long base = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                measured = Exact.add(measured, context.laneStartAmount(i));
                base = Exact.add(base, context.currentAmount(i));
            }
        }
        long threshold = context.minor(minSpend);
        if (measured < threshold) {
            return Outcome.rejected(Rules.belowThreshold(context, threshold, measured));
        }
        long spent = measured;
        CurrencyUnit currency = context.currency();
        if (application == CouponApplication.ONCE_PER_LINE) {
            long[] perLine = new long[in.length];
            long total = 0;
            int lines = 0;
            for (int i = 0; i < in.length; i++) {
                if (in[i]) {
                    perLine[i] = value.discountOn(context, context.currentAmount(i));
                    total = dev.mercato.pricing.money.Exact.add(total, perLine[i]);
                    lines++;
                }
            }
            long cut = Math.min(total, budgetLeft);
            String capped = budget != null && cut == budgetLeft && cut < total ? " (cut to the budget left)" : "";
            int eligible = lines;
            return Rules.pooled(List.of(new dev.mercato.pricing.promotion.Effect.Pool(cut, perLine)),
                    () -> "spent " + Rules.text(spent, currency) + ", once on each of " + eligible + " lines, saves "
                            + Rules.text(cut, currency) + capped);
        }
        long discount = Math.min(value.discountOn(context, base), budgetLeft);
        String note = budget != null && discount == budgetLeft ? " (cut to the budget left)" : "";
        return Rules.pooled(List.of(Rules.pool(context, in, -1, discount)),
                () -> "spent " + Rules.text(spent, currency) + ", saves " + Rules.text(discount, currency) + note);
    }
}
