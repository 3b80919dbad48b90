package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.Funding;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import dev.mercato.pricing.promotion.rule.FreeShipping;
import dev.mercato.pricing.promotion.rule.MemberPercentOff;
import dev.mercato.pricing.promotion.rule.PercentOff;
import dev.mercato.pricing.promotion.rule.ShippingCoupon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * What a paid plan gives its members. Member prices themselves are per-SKU price levels in the
 * catalog restricted to the plan's tier code; the rest is here. Immutable and thread-safe.
 *
 * @param percentOff a member discount on every item (88VIP's 95%: 5% off), or empty
 * @param freeShippingThreshold per-shop spend from which shipping is free (zero for always), or empty
 * @param shippingCouponsPerMonth shipping coupons issued each calendar month (UTC), not negative;
 *     unused ones do not roll over
 * @param shippingCouponMaxOff what one shipping coupon takes off shipping; present when coupons are issued
 * @param pointsAccelerationPercent extra earn percent on purchases (100 doubles points), not negative
 * @param priorityDelivery whether orders get priority delivery
 * @param extraReturnWindow how much longer the return window is, zero for none
 * @param otherBenefits further benefit codes the host application interprets (e.g. {@code "video"})
 * @param eligible the SKUs, categories or sellers the percent discount and the points acceleration
 *     apply to ({@link Scope#all()} for everything)
 * @param discountFunding who pays the percent discount: {@link Funding#PLATFORM} (the default:
 *     the programme is the platform's, so the discount is a platform subsidy and the seller is
 *     paid the pre-discount amount) or a seller or co-funded share
 */
public record PlanBenefits(Optional<Rate> percentOff, Optional<MonetaryAmount> freeShippingThreshold,
        int shippingCouponsPerMonth, Optional<MonetaryAmount> shippingCouponMaxOff, long pointsAccelerationPercent, boolean priorityDelivery,
        Duration extraReturnWindow, Set<String> otherBenefits, Scope eligible, Funding discountFunding) {

    /** Benefit code: member prices (price levels restricted to the plan's tier code). */
    public static final String MEMBER_PRICE = "member-price";
    /** Benefit code: a percent discount on items. */
    public static final String PERCENT_OFF = "member-percent-off";
    /** Benefit code: free shipping from a threshold. */
    public static final String FREE_SHIPPING = "free-shipping";
    /** Benefit code: monthly shipping coupons. */
    public static final String SHIPPING_COUPONS = "shipping-coupons";
    /** Benefit code: points acceleration. */
    public static final String POINTS_ACCELERATION = "points-acceleration";
    /** Benefit code: priority delivery. */
    public static final String PRIORITY_DELIVERY = "priority-delivery";
    /** Benefit code: a longer return window. */
    public static final String EXTENDED_RETURNS = "extended-returns";

    /**
     * Validates the benefits.
     *
     * @throws InvalidInputException if a value is missing or negative
     */
    public PlanBenefits {
        InvalidInputException.requireNonNull(percentOff, "percentOff");
        InvalidInputException.requireNonNull(freeShippingThreshold, "freeShippingThreshold");
        freeShippingThreshold.ifPresent(t -> {
            if (t.isNegative()) {
                throw new InvalidInputException("freeShippingThreshold", t, "must not be negative");
            }
        });
        if (shippingCouponsPerMonth < 0) {
            throw new InvalidInputException("shippingCouponsPerMonth", shippingCouponsPerMonth, "must not be negative");
        }
        InvalidInputException.requireNonNull(shippingCouponMaxOff, "shippingCouponMaxOff");
        if (shippingCouponsPerMonth > 0 && shippingCouponMaxOff.filter(MonetaryAmount::isPositive).isEmpty()) {
            throw new InvalidInputException("shippingCouponMaxOff", shippingCouponMaxOff,
                    "must be a positive amount when coupons are issued");
        }
        if (pointsAccelerationPercent < 0) {
            throw new InvalidInputException("pointsAccelerationPercent", pointsAccelerationPercent,
                    "must not be negative");
        }
        InvalidInputException.requireNonNull(extraReturnWindow, "extraReturnWindow");
        if (extraReturnWindow.isNegative()) {
            throw new InvalidInputException("extraReturnWindow", extraReturnWindow, "must not be negative");
        }
        otherBenefits = Set.copyOf(InvalidInputException.requireNonNull(otherBenefits, "otherBenefits"));
        InvalidInputException.requireNonNull(eligible, "eligible");
        InvalidInputException.requireNonNull(discountFunding, "discountFunding");
    }

    /**
     * Benefits for every item, their percent discount funded by the platform.
     *
     * @param percentOff the member discount, or empty
     * @param freeShippingThreshold the free-shipping threshold, or empty
     * @param shippingCouponsPerMonth shipping coupons a month
     * @param shippingCouponMaxOff what one coupon takes off
     * @param pointsAccelerationPercent extra earn percent
     * @param priorityDelivery priority delivery
     * @param extraReturnWindow longer returns
     * @param otherBenefits further codes
     */
    public PlanBenefits(Optional<Rate> percentOff, Optional<MonetaryAmount> freeShippingThreshold,
            int shippingCouponsPerMonth, Optional<MonetaryAmount> shippingCouponMaxOff, long pointsAccelerationPercent,
            boolean priorityDelivery, Duration extraReturnWindow, Set<String> otherBenefits) {
        this(percentOff, freeShippingThreshold, shippingCouponsPerMonth, shippingCouponMaxOff, pointsAccelerationPercent,
                priorityDelivery, extraReturnWindow, otherBenefits, Scope.all(), Funding.PLATFORM);
    }

    /**
     * These benefits with the percent discount and the points acceleration limited to a scope
     * (e.g. {@code Scope.categories("food")}).
     *
     * @param scope the eligible SKUs, categories or sellers
     * @return new benefits
     */
    public PlanBenefits withEligible(Scope scope) {
        return new PlanBenefits(percentOff, freeShippingThreshold, shippingCouponsPerMonth, shippingCouponMaxOff,
                pointsAccelerationPercent, priorityDelivery, extraReturnWindow, otherBenefits, scope, discountFunding);
    }

    /**
     * These benefits with the percent discount funded otherwise (a shop's own plan: {@link
     * Funding#SELLER}).
     *
     * @param funding who pays the discount
     * @return new benefits
     */
    public PlanBenefits withDiscountFundedBy(Funding funding) {
        return new PlanBenefits(percentOff, freeShippingThreshold, shippingCouponsPerMonth, shippingCouponMaxOff,
                pointsAccelerationPercent, priorityDelivery, extraReturnWindow, otherBenefits, eligible, funding);
    }

    /**
     * Whether a line's SKU, seller and category path are eligible for the percent discount and
     * the points acceleration.
     *
     * @param sku the SKU
     * @param seller the seller
     * @param categoryPath the category path
     * @return {@code true} if {@link #eligible()} matches
     */
    public boolean eligible(String sku, String seller, java.util.List<String> categoryPath) {
        return eligible.matches(sku, seller, categoryPath);
    }

    /**
     * No benefits beyond member prices.
     *
     * @return the benefits
     */
    public static PlanBenefits none() {
        return new PlanBenefits(Optional.empty(), Optional.empty(), 0, Optional.empty(), 0, false, Duration.ZERO, Set.of(),
                Scope.all(), Funding.PLATFORM);
    }

    /**
     * These benefits with a percent discount.
     *
     * @param rate the discount
     * @return new benefits
     */
    public PlanBenefits withPercentOff(Rate rate) {
        return new PlanBenefits(Optional.of(rate), freeShippingThreshold, shippingCouponsPerMonth,
                shippingCouponMaxOff, pointsAccelerationPercent, priorityDelivery, extraReturnWindow, otherBenefits, eligible, discountFunding);
    }

    /**
     * These benefits with free shipping from a threshold.
     *
     * @param threshold the per-shop spend, zero for always
     * @return new benefits
     */
    public PlanBenefits withFreeShippingFrom(MonetaryAmount threshold) {
        return new PlanBenefits(percentOff, Optional.of(threshold), shippingCouponsPerMonth,
                shippingCouponMaxOff, pointsAccelerationPercent, priorityDelivery, extraReturnWindow, otherBenefits, eligible, discountFunding);
    }

    /**
     * These benefits with monthly shipping coupons.
     *
     * @param perMonth coupons per calendar month
     * @param maxOff what one coupon takes off shipping, positive
     * @return new benefits
     */
    public PlanBenefits withShippingCouponsPerMonth(int perMonth, MonetaryAmount maxOff) {
        return new PlanBenefits(percentOff, freeShippingThreshold, perMonth, Optional.of(maxOff),
                pointsAccelerationPercent, priorityDelivery, extraReturnWindow, otherBenefits, eligible, discountFunding);
    }

    /**
     * The coupon id of a plan's monthly shipping coupon: what the member's buyer context holds
     * while a coupon of the month is left, and the id of the promotion from {@link #promotions}.
     *
     * @param tierCode the plan's tier code
     * @return the coupon id
     */
    public static String shippingCouponId(String tierCode) {
        return tierCode + ":" + SHIPPING_COUPONS;
    }

    /**
     * These benefits with points acceleration.
     *
     * @param extraPercent extra earn percent
     * @return new benefits
     */
    public PlanBenefits withPointsAcceleration(long extraPercent) {
        return new PlanBenefits(percentOff, freeShippingThreshold, shippingCouponsPerMonth, shippingCouponMaxOff, extraPercent,
                priorityDelivery, extraReturnWindow, otherBenefits, eligible, discountFunding);
    }

    /**
     * These benefits with priority delivery.
     *
     * @return new benefits
     */
    public PlanBenefits withPriorityDelivery() {
        return new PlanBenefits(percentOff, freeShippingThreshold, shippingCouponsPerMonth,
                shippingCouponMaxOff, pointsAccelerationPercent, true, extraReturnWindow, otherBenefits, eligible, discountFunding);
    }

    /**
     * These benefits with a longer return window.
     *
     * @param extra how much longer
     * @return new benefits
     */
    public PlanBenefits withExtraReturnWindow(Duration extra) {
        return new PlanBenefits(percentOff, freeShippingThreshold, shippingCouponsPerMonth,
                shippingCouponMaxOff, pointsAccelerationPercent, priorityDelivery, extra, otherBenefits, eligible, discountFunding);
    }

    /**
     * These benefits with further codes.
     *
     * @param codes benefit codes
     * @return new benefits
     */
    public PlanBenefits withOther(String... codes) {
        return new PlanBenefits(percentOff, freeShippingThreshold, shippingCouponsPerMonth,
                shippingCouponMaxOff, pointsAccelerationPercent, priorityDelivery, extraReturnWindow, Set.of(codes), eligible, discountFunding);
    }

    /**
     * The benefit codes these benefits grant, for the pricing engine's buyer context.
     *
     * @return {@link #MEMBER_PRICE} plus a code per benefit present plus the other codes
     */
    public Set<String> codes() {
        Set<String> codes = new HashSet<>(otherBenefits);
        codes.add(MEMBER_PRICE);
        percentOff.ifPresent(r -> codes.add(PERCENT_OFF));
        freeShippingThreshold.ifPresent(t -> codes.add(FREE_SHIPPING));
        if (shippingCouponsPerMonth > 0) {
            codes.add(SHIPPING_COUPONS);
        }
        if (pointsAccelerationPercent > 0) {
            codes.add(POINTS_ACCELERATION);
        }
        if (priorityDelivery) {
            codes.add(PRIORITY_DELIVERY);
        }
        if (!extraReturnWindow.isZero()) {
            codes.add(EXTENDED_RETURNS);
        }
        return Set.copyOf(codes);
    }

    /**
     * The promotions that deliver the percent discount, free shipping and the monthly shipping
     * coupon to holders of a tier code: the percent discount on the {@link #eligible()} lines, as
     * a {@link PercentOff} (item lane) funded by {@link #discountFunding()} when the platform
     * pays a share of it, or as a {@link MemberPercentOff} price level (the seller's own price)
     * when the seller pays all of it; a {@link
     * FreeShipping} from the threshold and a {@link ShippingCoupon} with id {@link
     * #shippingCouponId}, all restricted to {@code tierCode}. Add them to the pricing engine once; they
     * apply only to buyers whose context holds the tier.
     *
     * @param tierCode the plan's tier code
     * @return the promotions, possibly empty
     */
    public List<Promotion> promotions(String tierCode) {
        InvalidInputException.requireNonNull(tierCode, "tierCode");
        List<Promotion> out = new ArrayList<>(3);
        PromotionTerms discountTerms = PromotionTerms.of(tierCode + ":" + PERCENT_OFF).forTiers(tierCode);
        percentOff.ifPresent(rate -> out.add(discountFunding.platformShare().isZero()
                ? new MemberPercentOff(discountTerms, eligible, rate)
                : new PercentOff(discountTerms.fundedBy(discountFunding), eligible, rate)));
        freeShippingThreshold.ifPresent(t -> out.add(new FreeShipping(
                PromotionTerms.of(tierCode + ":" + FREE_SHIPPING).forTiers(tierCode), Scope.all(), t)));
        shippingCouponMaxOff.filter(m -> shippingCouponsPerMonth > 0).ifPresent(maxOff -> out.add(new ShippingCoupon(
                PromotionTerms.of(shippingCouponId(tierCode)).forTiers(tierCode), Optional.empty(),
                MinorUnits.toAmount(0, maxOff.getCurrency()), maxOff)));
        return List.copyOf(out);
    }
}
