package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.membership.MemberAccount;
import dev.mercato.core.membership.MembershipService;
import dev.mercato.core.membership.PointsChange;
import dev.mercato.core.membership.ShippingCouponUse;
import dev.mercato.core.membership.Subscription;
import dev.mercato.core.membership.SubscriptionResult;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.membership.MemberStanding;
import java.util.Optional;

/**
 * The facade's memberships ({@link Commerce.Builder#memberships}): points, tiers and paid plans
 * on the facade's storage, ledger, payment provider and clock, behind the same actor checks as
 * every other command.
 *
 * <p>Who may do what:
 * <ul>
 *   <li>a buyer acts on their own membership only: subscribe, cancel, redeem points, read it;</li>
 *   <li>a platform operator may read any membership, cancel one (customer service), grant
 *       activity bonuses and add tier score;</li>
 *   <li>the system (a timer, the host's own jobs) may do what an operator may, and record a
 *       shipping coupon's use;</li>
 *   <li>a seller may do none of it.</li>
 * </ul>
 * A command the actor may not issue throws {@link NotPermittedException} before anything is
 * read or changed. Points for paid orders and their clawback on refunds need no call: the
 * facade earns them on {@code Paid} and claws them back on {@code RefundDue}, after the order's
 * commit, idempotently. Renewals, points expiry and tier reviews run on {@link
 * Commerce#runDueTimers}. Thread-safe.
 */
public final class Memberships {
    private final MembershipService members;

    Memberships(MembershipService members) {
        this.members = members;
    }

    /**
     * Subscribes a member to a paid plan (a first subscription with a trial starts the trial;
     * otherwise the first fee is charged now and posted as membership revenue).
     *
     * @param actor the member themself
     * @param memberId the member
     * @param planCode the plan
     * @param source what pays the fees
     * @param key the idempotency key
     * @return the result
     * @throws NotPermittedException unless the actor is the member
     */
    public SubscriptionResult subscribe(Actor actor, String memberId, String planCode, PaymentSource source,
            String key) {
        self(actor, memberId, "subscribe");
        return members.subscribe(memberId, planCode, source, key);
    }

    /**
     * Cancels a member's subscription, refunding by the plan's policy.
     *
     * @param actor the member, a platform operator or the system
     * @param memberId the member
     * @param key the idempotency key
     * @return the result
     * @throws NotPermittedException for anyone else
     */
    public SubscriptionResult cancel(Actor actor, String memberId, String key) {
        selfOrPlatform(actor, memberId, "cancel the subscription");
        return members.cancel(memberId, key);
    }

    /**
     * Spends points as the cash offset of one of the member's orders ({@link
     * MembershipService#redeem}).
     *
     * @param actor the member themself
     * @param memberId the member
     * @param orderId the order
     * @param points the points, positive
     * @param key the idempotency key
     * @return the change, or a refusal
     * @throws NotPermittedException unless the actor is the member
     */
    public PointsChange redeem(Actor actor, String memberId, String orderId, long points, String key) {
        self(actor, memberId, "redeem points");
        return members.redeem(memberId, orderId, points, key);
    }

    /**
     * Grants an activity bonus (review, daily sign-in) within its daily limit.
     *
     * @param actor a platform operator or the system: a member cannot award themself points
     * @param memberId the member
     * @param eventCode the bonus event
     * @param key the idempotency key
     * @return the change, or a refusal
     * @throws NotPermittedException for a buyer or a seller
     */
    public PointsChange grantBonus(Actor actor, String memberId, String eventCode, String key) {
        Access.system(actor, "grant a points bonus");
        requireMember(memberId);
        return members.grantBonus(memberId, eventCode, key);
    }

    /**
     * Adds score toward a score-based tier ladder.
     *
     * @param actor a platform operator or the system
     * @param memberId the member
     * @param score the score, may be negative
     * @param key the idempotency key
     * @return the account after
     * @throws NotPermittedException for a buyer or a seller
     */
    public MemberAccount addScore(Actor actor, String memberId, long score, String key) {
        Access.system(actor, "add tier score");
        requireMember(memberId);
        return members.addScore(memberId, score, key);
    }

    /**
     * Records the use of one of this month's plan shipping coupons for an order.
     *
     * @param actor the system (the host's job that saw the order priced with the coupon)
     * @param memberId the member
     * @param orderId the order
     * @return whether a coupon was used and how many are left this month
     * @throws NotPermittedException for anyone but the system
     */
    public ShippingCouponUse useShippingCoupon(Actor actor, String memberId, String orderId) {
        InvalidInputException.requireNonNull(actor, "actor");
        if (!(actor instanceof Actor.System)) {
            throw new NotPermittedException(actor, "record a shipping coupon's use", "membership of " + memberId);
        }
        requireMember(memberId);
        return members.useShippingCoupon(memberId, orderId);
    }

    /**
     * A member's account: points lots, entries, tier standing.
     *
     * @param actor the member, a platform operator or the system
     * @param memberId the member
     * @return the account, or empty before the member's first activity
     * @throws NotPermittedException for anyone else
     */
    public Optional<MemberAccount> account(Actor actor, String memberId) {
        selfOrPlatform(actor, memberId, "read the account");
        return members.account(memberId);
    }

    /**
     * A member's standing now: tier, plan while entitled, benefits, spendable points.
     *
     * @param actor the member, a platform operator or the system
     * @param memberId the member
     * @return the standing
     * @throws NotPermittedException for anyone else
     */
    public MemberStanding standing(Actor actor, String memberId) {
        selfOrPlatform(actor, memberId, "read the standing");
        return members.standing(memberId);
    }

    /**
     * A member's latest subscription.
     *
     * @param actor the member, a platform operator or the system
     * @param memberId the member
     * @return the subscription, possibly terminal, or empty
     * @throws NotPermittedException for anyone else
     */
    public Optional<Subscription> subscription(Actor actor, String memberId) {
        selfOrPlatform(actor, memberId, "read the subscription");
        return members.subscription(memberId);
    }

    private static void self(Actor actor, String memberId, String action) {
        InvalidInputException.requireNonNull(actor, "actor");
        requireMember(memberId);
        if (!Access.isBuyer(actor, memberId)) {
            throw new NotPermittedException(actor, action, "membership of " + memberId);
        }
    }

    private static void selfOrPlatform(Actor actor, String memberId, String action) {
        InvalidInputException.requireNonNull(actor, "actor");
        requireMember(memberId);
        if (!Access.isBuyer(actor, memberId) && !Access.isPlatform(actor)) {
            throw new NotPermittedException(actor, action, "membership of " + memberId);
        }
    }

    private static void requireMember(String memberId) {
        InvalidInputException.requireNonNull(memberId, "memberId");
        if (memberId.isBlank()) {
            throw new InvalidInputException("memberId", "\"" + memberId + "\"", "must not be blank");
        }
    }
}
