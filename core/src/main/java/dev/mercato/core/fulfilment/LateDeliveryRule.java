package dev.mercato.core.fulfilment;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.FeeFormula;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * When a carrier's delivery counts as late and what the buyer is then paid, automatically: the
 * rule {@code Commerce.Builder.lateDelivery} sets for every order shipped through the carrier
 * (docs/core.md, "Delivery promises in minutes and late compensation").
 *
 * <p>The order's deadline comes from {@code deadline}; an order delivered more than {@code grace}
 * after it is late, and its buyer receives {@code compensation} applied to what the buyer paid
 * for the order ({@link FeeFormula}: a fixed amount, a rate, or a rate with a cap), never more
 * than the escrow still holds. The compensation is a refund to the buyer through the payment
 * provider, or, with {@link #asCoupon}, a coupon (a buyer credit) the buyer spends on a later
 * order; {@code funder} says who bears it. Immutable and thread-safe.
 *
 * @param deadline where the order's deadline comes from, never {@code null}
 * @param grace how much later than the deadline a delivery may come before it is compensated, zero
 *     or positive (zero: any delivery after the deadline)
 * @param compensation the compensation as a formula on what the buyer paid for the order, never
 *     {@code null}; its currency is the orders' (an order in another currency is not compensated)
 * @param rounding how the formula's rate product is rounded to the minor unit, never {@code null}
 * @param funder who bears the compensation, never {@code null}
 * @param couponValidity empty: the compensation is refunded; present: it is issued as a coupon
 *     valid this long (positive) from the late delivery (docs/fees.md, "Late-delivery coupons")
 */
public record LateDeliveryRule(Deadline deadline, Duration grace, FeeFormula compensation, RoundingPolicy rounding,
        Funder funder, Optional<Duration> couponValidity) {

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a component is {@code null} or the grace is negative
     */
    public LateDeliveryRule {
        InvalidInputException.requireNonNull(deadline, "deadline");
        InvalidInputException.requireNonNull(grace, "grace");
        InvalidInputException.requireNonNull(compensation, "compensation");
        InvalidInputException.requireNonNull(rounding, "rounding");
        InvalidInputException.requireNonNull(funder, "funder");
        if (grace.isNegative()) {
            throw new InvalidInputException("grace", grace, "must be zero or positive");
        }
        InvalidInputException.requireNonNull(couponValidity, "couponValidity");
        if (couponValidity.isPresent() && (couponValidity.get().isZero() || couponValidity.get().isNegative())) {
            throw new InvalidInputException("couponValidity", couponValidity.get(), "must be positive");
        }
    }

    /**
     * A rule that refunds its compensation.
     *
     * @param deadline where the deadline comes from
     * @param grace the tolerated lateness
     * @param compensation the compensation formula
     * @param rounding how the formula's product is rounded
     * @param funder who bears it
     */
    public LateDeliveryRule(Deadline deadline, Duration grace, FeeFormula compensation, RoundingPolicy rounding,
            Funder funder) {
        this(deadline, grace, compensation, rounding, funder, Optional.empty());
    }

    /**
     * This rule paying its compensation as a coupon instead of a refund: a buyer credit of the
     * compensation's amount, valid {@code validFor} from the late delivery, booked as a liability
     * to the buyer when issued and released when redeemed or expired (docs/fees.md, "Late-delivery
     * coupons").
     *
     * @param validFor how long the coupon is valid, positive
     * @return the rule
     */
    public LateDeliveryRule asCoupon(Duration validFor) {
        return new LateDeliveryRule(deadline, grace, compensation, rounding, funder,
                Optional.of(InvalidInputException.requireNonNull(validFor, "validFor")));
    }

    /**
     * A fixed amount for any late delivery ("late: CNY 5.00 back").
     *
     * @param deadline where the deadline comes from
     * @param grace the tolerated lateness
     * @param amount the amount paid to the buyer, positive
     * @param funder who bears it
     * @return the rule
     */
    public static LateDeliveryRule fixed(Deadline deadline, Duration grace, MonetaryAmount amount, Funder funder) {
        InvalidInputException.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new InvalidInputException("amount", amount, "must be positive");
        }
        return new LateDeliveryRule(deadline, grace, FeeFormula.of(Rate.ZERO, amount), RoundingPolicy.HALF_UP, funder);
    }

    /**
     * A percentage of what the buyer paid for the order, rounded half up, capped.
     *
     * @param deadline where the deadline comes from
     * @param grace the tolerated lateness
     * @param rate the rate on what the buyer paid
     * @param cap the most paid for one order, positive
     * @param funder who bears it
     * @return the rule
     */
    public static LateDeliveryRule percentCapped(Deadline deadline, Duration grace, Rate rate, MonetaryAmount cap,
            Funder funder) {
        InvalidInputException.requireNonNull(rate, "rate");
        InvalidInputException.requireNonNull(cap, "cap");
        if (!cap.isPositive()) {
            throw new InvalidInputException("cap", cap, "must be positive");
        }
        return new LateDeliveryRule(deadline, grace,
                FeeFormula.of(rate, MinorUnits.toAmount(0, cap.getCurrency())).withMaximum(cap),
                RoundingPolicy.HALF_UP, funder);
    }

    /**
     * Whether a delivery at {@code deliveredAt} is late under this rule.
     *
     * @param deadlineAt the order's deadline
     * @param deliveredAt when the carrier delivered it
     * @return {@code true} when delivered more than {@code grace} after the deadline
     */
    public boolean isLate(Instant deadlineAt, Instant deliveredAt) {
        InvalidInputException.requireNonNull(deadlineAt, "deadlineAt");
        InvalidInputException.requireNonNull(deliveredAt, "deliveredAt");
        return deliveredAt.isAfter(deadlineAt.plus(grace));
    }

    /**
     * What the buyer of a late order receives, in minor units: the formula on what the buyer paid,
     * never more than {@code heldMinor} (what the escrow still holds) nor than what was paid.
     *
     * @param paidMinor what the buyer paid for the order, in minor units, not negative
     * @param heldMinor what its escrow still holds, in minor units, not negative
     * @return the compensation, zero or positive, at most {@code min(paidMinor, heldMinor)}
     */
    public long compensationMinor(long paidMinor, long heldMinor) {
        if (paidMinor < 0 || heldMinor < 0) {
            throw new InvalidInputException("paidMinor/heldMinor", paidMinor + "/" + heldMinor, "must not be negative");
        }
        long due = compensation.applyToMinor(paidMinor, rounding);
        return Math.max(0, Math.min(due, Math.min(paidMinor, heldMinor)));
    }

    /** Where an order's delivery deadline comes from. */
    public sealed interface Deadline {

        /**
         * The carrier's promises for the order's booked parcels: the latest deadline among its
         * outbound parcels (for an on-demand courier, "within 30 minutes of dispatch").
         */
        record CarrierBooking() implements Deadline {}

        /**
         * The promise the carrier quoted at checkout ({@code OrderFacts.deliveryPromise}, with
         * {@code Builder.quotedShipping}); an order checked out without one is not compensated.
         */
        record CheckoutQuote() implements Deadline {}

        /**
         * A window from the payment: "delivered within 30 minutes of paying".
         *
         * @param window the window, positive
         */
        record WithinOfPayment(Duration window) implements Deadline {
            /**
             * Validates the window.
             *
             * @throws InvalidInputException if it is {@code null}, zero or negative
             */
            public WithinOfPayment {
                InvalidInputException.requireNonNull(window, "window");
                if (window.isZero() || window.isNegative()) {
                    throw new InvalidInputException("window", window, "must be positive");
                }
            }
        }

        /**
         * The booked parcels' promises.
         *
         * @return the deadline source
         */
        static Deadline carrierBooking() {
            return new CarrierBooking();
        }

        /**
         * The checkout quote's promise.
         *
         * @return the deadline source
         */
        static Deadline checkoutQuote() {
            return new CheckoutQuote();
        }

        /**
         * A window from the payment.
         *
         * @param window the window, positive
         * @return the deadline source
         */
        static Deadline withinOfPayment(Duration window) {
            return new WithinOfPayment(window);
        }
    }

    /** Who bears a late-delivery compensation. */
    public enum Funder {
        /**
         * The seller: the compensation is a partial refund of the order's held money, so the
         * seller is released that much less (the platform's commission and fees on it are given
         * back with it, as with any partial refund).
         */
        SELLER,
        /**
         * The platform: the refund comes out of the held money as for the seller, and the platform
         * pays the seller the same amount back from its own funds ({@code Account.platformClearing}).
         */
        PLATFORM,
        /**
         * The carrier: as for the platform, but the platform's outlay is booked as a claim on the
         * carrier ({@code Account.carrierClaims(carrierId)}) for the host to settle with it.
         */
        CARRIER
    }
}
