package dev.mercato.core.membership;

import dev.mercato.core.ledger.Journal;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.membership.MemberStanding;
import dev.mercato.pricing.promotion.BuyerContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * Runs a membership programme over storage, the journal, a payment provider and due timers.
 *
 * <p>Every points command is idempotent by its key (scope {@value #POINTS_SCOPE}, per member):
 * a replay returns the first applied result; the same key with other content throws {@code
 * IdempotencyKeyReusedException}; a refused command is not remembered, so it may be retried.
 * Every applied command records exactly one {@link PointsEntry}. Subscription commands are
 * idempotent the same way, and their payment transaction ids are derived from the subscription,
 * period and attempt, so a repeated or re-run charge never charges twice.
 *
 * <p>Timers (register them with {@link #registerTimers}): {@value #RENEWAL_TIMER} charges trial
 * ends, renewals and retries; {@value #EXPIRY_TIMER} expires lots; {@value #TIER_REVIEW_TIMER}
 * reviews tier retention. Thread-safe.
 */
public interface MembershipService {

    /** The idempotency scope of points commands. */
    String POINTS_SCOPE = "membership.points";
    /** The idempotency scope of subscription commands. */
    String SUBSCRIPTION_SCOPE = "membership.subscription";
    /** The timer kind that charges plan fees. */
    String RENEWAL_TIMER = "membership.renewal";
    /** The timer kind that expires points. */
    String EXPIRY_TIMER = "membership.points-expiry";
    /** The timer kind that asks the provider again about a first plan fee whose outcome was not known. */
    String FIRST_CHARGE_TIMER = "membership.first-charge";
    /** The timer kind that asks the provider again about a cancellation refund it answered pending. */
    String REFUND_CHECK_TIMER = "membership.refund-check";
    /** The timer kind that reviews tier retention. */
    String TIER_REVIEW_TIMER = "membership.tier-review";

    /**
     * Creates the service.
     *
     * @param settings the programme
     * @param storage where accounts and subscriptions are kept
     * @param journal where plan fees and refunds are posted
     * @param payments who charges plan fees
     * @param clock the only source of time
     * @return the service
     */
    static MembershipService create(MembershipSettings settings, Storage storage, Journal journal,
            PaymentProvider payments, Clock clock) {
        return new DefaultMembershipService(settings, storage, journal, payments, clock);
    }

    /**
     * A paid order earns points (with tier multiplier and plan acceleration) and, for a spend
     * ladder, counts toward the tier. Idempotent by order id.
     *
     * @param memberId the member
     * @param orderId the order
     * @param paid what the member paid, in the programme's currency
     * @return the change, or a refusal
     */
    PointsChange recordPaidOrder(String memberId, String orderId, MonetaryAmount paid);

    /**
     * A paid order earns points, the plan's acceleration counting only on the lines its benefits
     * make eligible ({@code PlanBenefits.eligible()}, e.g. the {@code food} category): base and
     * tier points on all of {@code paid}, acceleration on the eligible lines' paid amounts
     * ({@code EarnRules.pointsFor(paid, accelerated, tiers, percent)}). A plan eligible for
     * everything accelerates all of {@code paid}, as {@link #recordPaidOrder(String, String,
     * MonetaryAmount)} does. Idempotent by order id.
     *
     * @param memberId the member
     * @param orderId the order
     * @param paid what the member paid for the order
     * @param lines the order's lines; their amounts sum to at most {@code paid}
     * @return the change, or a refusal
     */
    PointsChange recordPaidOrder(String memberId, String orderId, MonetaryAmount paid, List<EarningLine> lines);

    /**
     * A refund claws back the order's points in proportion to the refunded amount. On a
     * spend-based ladder it also lowers the rolling spend, and the ladder's {@link
     * dev.mercato.pricing.membership.RefundTierRule} re-evaluates the tier ({@code
     * TierPolicy.onRefund}) in the same change; a replay changes nothing.
     *
     * @param memberId the member
     * @param orderId the refunded order
     * @param refundId the refund's id, its idempotency key
     * @param refunded this refund's amount
     * @return the change, or a refusal
     */
    PointsChange recordRefund(String memberId, String orderId, String refundId, MonetaryAmount refunded);

    /**
     * Grants an activity bonus (review, daily sign-in) within its daily limit.
     *
     * @param memberId the member
     * @param eventCode the bonus event code
     * @param key the idempotency key
     * @return the change, or a refusal
     */
    PointsChange grantBonus(String memberId, String eventCode, String key);

    /**
     * Spends points as the cash offset of an order, from the lots that expire first. Price the
     * order with {@link MemberStanding#pointsOffset} first and redeem the points the applied
     * discount cost ({@code RedemptionPolicy.pointsForMinor}).
     *
     * @param memberId the member
     * @param orderId the order
     * @param points the points, positive
     * @param key the idempotency key
     * @return the change, or {@link PointsRefusal#INSUFFICIENT_POINTS}
     */
    PointsChange redeem(String memberId, String orderId, long points, String key);

    /**
     * Adds score for a score-based tier ladder (ignored by a spend ladder's measure only in that
     * the host decides what scores). Upgrades at once when a threshold is reached.
     *
     * @param memberId the member
     * @param score the score, may be negative
     * @param key the idempotency key
     * @return the account after
     */
    MemberAccount addScore(String memberId, long score, String key);

    /**
     * Uses one of this calendar month's shipping coupons of the member's plan for an order
     * (priced with the coupon the member's context held). Idempotent by order id; coupons are
     * issued afresh each month (UTC) and do not roll over.
     *
     * @param memberId the member
     * @param orderId the order
     * @return whether a coupon was used and how many are left this month
     */
    ShippingCouponUse useShippingCoupon(String memberId, String orderId);

    /**
     * The member's account.
     *
     * @param memberId the member
     * @return the account, or empty before the member's first activity
     */
    Optional<MemberAccount> account(String memberId);

    /**
     * The member's standing now: tier code, plan code while entitled, their benefits, the
     * spendable points and the plan's shipping coupon while one is left this month.
     *
     * @param memberId the member
     * @return the standing, empty sets and 0 points for an unknown member
     */
    MemberStanding standing(String memberId);

    /**
     * The pricing context of the member now: {@code base} plus the standing's tiers and benefits.
     *
     * @param memberId the member
     * @param base the host's context (new-user flag, coupons, flags)
     * @return the context
     */
    default BuyerContext buyerContext(String memberId, BuyerContext base) {
        return standing(memberId).applyTo(base);
    }

    /**
     * Subscribes to a plan: a first subscription with a trial starts the trial; otherwise the
     * first fee is charged now and posted to the ledger as membership revenue.
     *
     * @param memberId the member
     * @param planCode the plan
     * @param source what pays
     * @param key the idempotency key
     * @return the result
     */
    SubscriptionResult subscribe(String memberId, String planCode, PaymentSource source, String key);

    /**
     * Cancels the member's subscription, refunding per the plan's policy.
     *
     * @param memberId the member
     * @param key the idempotency key
     * @return the result
     */
    SubscriptionResult cancel(String memberId, String key);

    /**
     * The member's latest subscription.
     *
     * @param memberId the member
     * @return the subscription, possibly terminal, or empty
     */
    Optional<Subscription> subscription(String memberId);

    /**
     * Registers the renewal, expiry and tier-review handlers.
     *
     * @param runner the runner
     * @return the runner
     */
    DueTaskRunner registerTimers(DueTaskRunner runner);
}
