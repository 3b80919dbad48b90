package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.membership.Activity;
import dev.mercato.pricing.membership.BonusEvent;
import dev.mercato.pricing.membership.TierStanding;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.Exact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's points and tier standing: lots with expiry dates, a debt left by clawbacks (under
 * {@link ClawbackPolicy#ALLOW_NEGATIVE}), every entry, what each paid order earned, and the
 * activity that tier qualification measures.
 *
 * <p>Invariants: the balance ({@link #balance()}: lots minus debt) equals the sum of the entries'
 * deltas; lots are kept in {@link PointsLot#SPENDING_ORDER} and spending, expiry and clawback
 * draw from the front; the debt is paid off first by points earned later.
 *
 * <p>Immutable and thread-safe: every command returns a new account in a {@link PointsChange}, or
 * a refusal that changed nothing. The commands are pure; {@link MembershipService} stores them.
 *
 * @param memberId the member, not blank
 * @param lots unspent points by lot, in spending order, each positive
 * @param debt points owed after a clawback exceeded the balance, not negative
 * @param entries every change, oldest first
 * @param orders what each paid order earned, by order id
 * @param tier the tier standing
 * @param activity the spend or score activity tier qualification measures
 * @param bonusesToday bonus grants on the day of the latest one, by event code
 * @param bonusDay the day ({@code yyyy-MM-dd}, UTC) {@code bonusesToday} counts, or empty
 * @param lotSequence how many lots were ever created, for lot ids
 * @param redemptions points redeemed per order and how many of them refunds returned
 */
public record MemberAccount(String memberId, List<PointsLot> lots, long debt, List<PointsEntry> entries,
        Map<String, OrderEarning> orders, TierStanding tier, List<Activity> activity,
        Map<String, Integer> bonusesToday, String bonusDay, long lotSequence, Map<String, Redemption> redemptions) {

    /**
     * Points an order redeemed and how many of them its refunds returned.
     *
     * @param points the points redeemed, positive
     * @param returned the points returned so far, between 0 and {@code points}
     */
    public record Redemption(long points, long returned) {
        /**
         * Validates the record.
         *
         * @throws InvalidInputException if out of range
         */
        public Redemption {
            if (points <= 0 || returned < 0 || returned > points) {
                throw new InvalidInputException("redemption", points + "/" + returned, "must hold 0 <= returned <= points");
            }
        }
    }

    /**
     * Validates and copies the account.
     *
     * @throws InvalidInputException if a value is missing or negative, or the lots are out of order
     */
    public MemberAccount {
        InvalidInputException.requireNonNull(memberId, "memberId");
        if (memberId.isBlank()) {
            throw new InvalidInputException("memberId", "\"" + memberId + "\"", "must not be blank");
        }
        lots = List.copyOf(InvalidInputException.requireNonNull(lots, "lots"));
        for (int i = 1; i < lots.size(); i++) {
            if (PointsLot.SPENDING_ORDER.compare(lots.get(i - 1), lots.get(i)) > 0) {
                throw new InvalidInputException("lots", lots, "must be in spending order");
            }
        }
        if (debt < 0) {
            throw new InvalidInputException("debt", debt, "must not be negative");
        }
        entries = List.copyOf(InvalidInputException.requireNonNull(entries, "entries"));
        orders = Map.copyOf(InvalidInputException.requireNonNull(orders, "orders"));
        InvalidInputException.requireNonNull(tier, "tier");
        activity = List.copyOf(InvalidInputException.requireNonNull(activity, "activity"));
        bonusesToday = Map.copyOf(InvalidInputException.requireNonNull(bonusesToday, "bonusesToday"));
        InvalidInputException.requireNonNull(bonusDay, "bonusDay");
        redemptions = Map.copyOf(InvalidInputException.requireNonNull(redemptions, "redemptions"));
    }

    /**
     * A new member with no points.
     *
     * @param memberId the member
     * @param tier the starting tier standing
     * @return the account
     */
    public static MemberAccount open(String memberId, TierStanding tier) {
        return new MemberAccount(memberId, List.of(), 0, List.of(), Map.of(), tier, List.of(), Map.of(), "", 0,
                Map.of());
    }

    /**
     * The points balance: unspent lots minus debt. Negative only under {@link ClawbackPolicy#ALLOW_NEGATIVE}.
     *
     * @return the balance
     */
    public long balance() {
        long sum = 0;
        for (PointsLot lot : lots) {
            sum = Exact.add(sum, lot.remaining());
        }
        return Exact.subtract(sum, debt);
    }

    /**
     * The points the member may spend now.
     *
     * @return the balance, or 0 when it is negative
     */
    public long spendable() {
        return Math.max(0, balance());
    }

    /**
     * When the next lot expires.
     *
     * @return the earliest expiry, or empty without lots
     */
    public Optional<Instant> nextExpiry() {
        return lots.isEmpty() ? Optional.empty() : Optional.of(lots.get(0).expiresAt());
    }

    /**
     * Records a paid order and the points it earns.
     *
     * @param key the command's idempotency key
     * @param at when the order was paid
     * @param orderId the order
     * @param paidMinor what was paid, minor units
     * @param points the points earned, from {@code EarnRules}
     * @param expiresAt when the points expire
     * @return the change, or {@link PointsRefusal#ORDER_ALREADY_RECORDED}
     */
    public PointsChange earnForOrder(String key, Instant at, String orderId, long paidMinor, long points,
            Instant expiresAt) {
        InvalidInputException.requireNonNull(orderId, "orderId");
        if (orders.containsKey(orderId)) {
            return new PointsChange.Refused(PointsRefusal.ORDER_ALREADY_RECORDED,
                    "order " + orderId + " already earned " + orders.get(orderId).earned() + " points");
        }
        Map<String, OrderEarning> moreOrders = new HashMap<>(orders);
        moreOrders.put(orderId, new OrderEarning(orderId, paidMinor, points, 0, 0));
        return credit(key, at, EntryKind.EARNED, points, expiresAt, orderId,
                "earned by order " + orderId, moreOrders, bonusesToday, bonusDay, Optional.of(orderId));
    }

    /**
     * Grants an activity bonus, within its daily limit.
     *
     * @param key the command's idempotency key
     * @param at now
     * @param event the bonus event
     * @param expiresAt when the points expire
     * @return the change, or {@link PointsRefusal#BONUS_LIMIT_REACHED}
     */
    public PointsChange grantBonus(String key, Instant at, BonusEvent event, Instant expiresAt) {
        String day = at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        Map<String, Integer> counts = day.equals(bonusDay) ? new HashMap<>(bonusesToday) : new HashMap<>();
        int today = counts.getOrDefault(event.code(), 0);
        if (!event.allows(today)) {
            return new PointsChange.Refused(PointsRefusal.BONUS_LIMIT_REACHED,
                    event.code() + " was already granted " + today + " times on " + day);
        }
        counts.put(event.code(), today + 1);
        return credit(key, at, EntryKind.BONUS, event.points(), expiresAt, event.code(), "bonus for " + event.code(),
                orders, counts, day, Optional.empty());
    }

    /**
     * Spends points, from the lots that expire first.
     *
     * @param key the command's idempotency key
     * @param at now
     * @param points the points, positive
     * @param reference what they pay for, e.g. the order id
     * @return the change, or {@link PointsRefusal#INSUFFICIENT_POINTS}
     */
    public PointsChange spend(String key, Instant at, long points, String reference) {
        if (points <= 0) {
            throw new InvalidInputException("points", points, "must be positive");
        }
        if (spendable() < points) {
            return new PointsChange.Refused(PointsRefusal.INSUFFICIENT_POINTS,
                    "member " + memberId + " has " + balance() + " points, " + points + " needed");
        }
        PointsEntry entry = new PointsEntry(key, at, EntryKind.REDEEMED, -points, reference, "redeemed for " + reference);
        Map<String, Redemption> moreRedemptions = new HashMap<>(redemptions);
        Redemption earlier = redemptions.get(reference);
        moreRedemptions.put(reference, earlier == null ? new Redemption(points, 0)
                : new Redemption(Exact.add(earlier.points(), points), earlier.returned()));
        return new PointsChange.Applied(with(drawUpTo(lots, points), debt, entry, orders, moreRedemptions, lotSequence),
                entry);
    }

    /**
     * Expires every lot whose expiry date has come.
     *
     * @param at now
     * @return the change with one entry for all expired points, or empty when nothing expired
     */
    public Optional<PointsChange.Applied> expire(Instant at) {
        long expired = 0;
        List<PointsLot> kept = new ArrayList<>(lots.size());
        for (PointsLot lot : lots) {
            if (lot.expiresAt().isAfter(at)) {
                kept.add(lot);
            } else {
                expired = Exact.add(expired, lot.remaining());
            }
        }
        if (expired == 0) {
            return Optional.empty();
        }
        PointsEntry entry = new PointsEntry("expiry:" + memberId + ":" + at, at, EntryKind.EXPIRED, -expired, "",
                expired + " points expired");
        return Optional.of(new PointsChange.Applied(with(kept, debt, entry, orders), entry));
    }

    /**
     * Claws back the points an order earned in proportion to what has now been refunded of it.
     * The cumulative clawback is the order's earned points split by {@link Allocation} in the
     * ratio refunded : not refunded, so it never exceeds what the order earned and a full refund
     * takes back exactly that. What the balance cannot cover becomes debt or is forgiven,
     * according to {@code policy}. What is due is taken first from the lots the refunded order
     * earned (what is left of them), then from the other lots in {@link PointsLot#SPENDING_ORDER}
     * (earliest expiry first); only what all lots cannot cover is debt or forgiven. Points the
     * order redeemed are returned in the same proportion
     * (as a new lot, first repaying any debt) before the clawback is taken; the one entry carries
     * the net change.
     *
     * @param key the command's idempotency key (the refund's id)
     * @param at now
     * @param orderId the refunded order
     * @param refundedMinor this refund, minor units, positive
     * @param policy what to do when the points were already spent
     * @param returnedExpireAt when the redeemed points the refund returns expire
     * @return the change, or {@link PointsRefusal#UNKNOWN_ORDER} / {@link PointsRefusal#REFUND_EXCEEDS_PAID}
     */
    public PointsChange clawBack(String key, Instant at, String orderId, long refundedMinor, ClawbackPolicy policy,
            Instant returnedExpireAt) {
        InvalidInputException.requireNonNull(policy, "policy");
        InvalidInputException.requireNonNull(returnedExpireAt, "returnedExpireAt");
        if (refundedMinor <= 0) {
            throw new InvalidInputException("refundedMinor", refundedMinor, "must be positive");
        }
        OrderEarning order = orders.get(orderId);
        if (order == null) {
            return new PointsChange.Refused(PointsRefusal.UNKNOWN_ORDER, "order " + orderId + " earned no points for "
                    + memberId);
        }
        long refunded = Exact.add(order.refundedMinor(), refundedMinor);
        if (refunded > order.paidMinor()) {
            return new PointsChange.Refused(PointsRefusal.REFUND_EXCEEDS_PAID, "refunds of order " + orderId + " would reach "
                    + refunded + " of " + order.paidMinor() + " paid");
        }
        long[] ratio = {refunded, order.paidMinor() - refunded};
        long target = Allocation.allocate(order.earned(), ratio)[0];
        long due = target - order.clawed();
        // Points the order redeemed come back in the same proportion, before the clawback is taken.
        Redemption redemption = redemptions.get(orderId);
        Map<String, Redemption> newRedemptions = redemptions;
        long giveBack = 0;
        if (redemption != null) {
            long returnTarget = Allocation.allocate(redemption.points(), ratio)[0];
            giveBack = returnTarget - redemption.returned();
            newRedemptions = new HashMap<>(redemptions);
            newRedemptions.put(orderId, new Redemption(redemption.points(), returnTarget));
        }
        long toDebt = Math.min(debt, giveBack);
        long debtAfterReturn = debt - toDebt;
        List<PointsLot> lotsAfterReturn = new ArrayList<>(lots);
        long sequence = lotSequence;
        if (giveBack - toDebt > 0) {
            sequence++;
            lotsAfterReturn.add(new PointsLot("L" + sequence, giveBack - toDebt, at, returnedExpireAt));
            lotsAfterReturn.sort(PointsLot.SPENDING_ORDER);
        }
        long available = 0;
        for (PointsLot lot : lotsAfterReturn) {
            available = Exact.add(available, lot.remaining());
        }
        long fromLots = Math.min(due, available);
        long shortfall = due - fromLots;
        long own = 0;
        for (PointsLot lot : lotsAfterReturn) {
            if (lot.earnedBy(orderId)) {
                own = Exact.add(own, lot.remaining());
            }
        }
        long fromOwn = Math.min(fromLots, own);
        long newDebt = debtAfterReturn;
        long forgiven = 0;
        if (policy == ClawbackPolicy.ALLOW_NEGATIVE) {
            newDebt = Exact.add(debtAfterReturn, shortfall);
        } else {
            forgiven = shortfall;
        }
        long taken = due - forgiven;
        Map<String, OrderEarning> updated = new HashMap<>(orders);
        updated.put(orderId, new OrderEarning(orderId, order.paidMinor(), order.earned(), refunded, target));
        PointsEntry entry = new PointsEntry(key, at, EntryKind.CLAWED_BACK, giveBack - taken, orderId, "clawed back "
                + due + " points for refund of order " + orderId + " (" + fromOwn + " from its own lots, "
                + (fromLots - fromOwn) + " from other lots" + (shortfall > 0 && forgiven == 0 ? ", " + shortfall
                + " as debt" : "") + ")" + (forgiven > 0 ? ", " + forgiven + " forgiven" : "")
                + (giveBack > 0 ? ", returned " + giveBack + " redeemed points" : ""));
        return new PointsChange.Applied(with(drawForClawback(lotsAfterReturn, orderId, fromOwn, fromLots - fromOwn),
                newDebt, entry, updated, newRedemptions, sequence), entry);
    }

    /**
     * This account with more qualification activity.
     *
     * @param more the activity
     * @return a new account
     */
    public MemberAccount withActivity(Activity more) {
        List<Activity> all = new ArrayList<>(activity);
        all.add(InvalidInputException.requireNonNull(more, "activity"));
        return new MemberAccount(memberId, lots, debt, entries, orders, tier, all, bonusesToday, bonusDay, lotSequence,
                redemptions);
    }

    /**
     * This account with another tier standing.
     *
     * @param standing the standing
     * @return a new account
     */
    public MemberAccount withTier(TierStanding standing) {
        return new MemberAccount(memberId, lots, debt, entries, orders, standing, activity, bonusesToday, bonusDay,
                lotSequence, redemptions);
    }

    /**
     * This account without activity older than {@code before}, which no qualification window reaches.
     *
     * @param before the cut-off
     * @return a new account
     */
    public MemberAccount withoutActivityBefore(Instant before) {
        List<Activity> kept = activity.stream().filter(a -> !a.at().isBefore(before)).toList();
        return new MemberAccount(memberId, lots, debt, entries, orders, tier, kept, bonusesToday, bonusDay, lotSequence,
                redemptions);
    }

    private PointsChange credit(String key, Instant at, EntryKind kind, long points, Instant expiresAt,
            String reference, String memo, Map<String, OrderEarning> newOrders, Map<String, Integer> counts, String day,
            Optional<String> origin) {
        if (points < 0) {
            throw new InvalidInputException("points", points, "must not be negative");
        }
        long toDebt = Math.min(debt, points);
        long toLot = points - toDebt;
        List<PointsLot> newLots = new ArrayList<>(lots);
        long sequence = lotSequence;
        if (toLot > 0) {
            sequence++;
            newLots.add(new PointsLot("L" + sequence, toLot, at, expiresAt, origin));
            newLots.sort(PointsLot.SPENDING_ORDER);
        }
        PointsEntry entry = new PointsEntry(key, at, kind, points, reference, memo);
        List<PointsEntry> newEntries = new ArrayList<>(entries);
        newEntries.add(entry);
        return new PointsChange.Applied(new MemberAccount(memberId, newLots, debt - toDebt, newEntries, newOrders, tier,
                activity, counts, day, sequence, redemptions), entry);
    }

    private MemberAccount with(List<PointsLot> newLots, long newDebt, PointsEntry entry,
            Map<String, OrderEarning> newOrders) {
        return with(newLots, newDebt, entry, newOrders, redemptions, lotSequence);
    }

    private MemberAccount with(List<PointsLot> newLots, long newDebt, PointsEntry entry,
            Map<String, OrderEarning> newOrders, Map<String, Redemption> newRedemptions, long sequence) {
        List<PointsEntry> newEntries = new ArrayList<>(entries);
        newEntries.add(entry);
        return new MemberAccount(memberId, newLots, newDebt, newEntries, newOrders, tier, activity, bonusesToday,
                bonusDay, sequence, newRedemptions);
    }

    /**
     * Takes {@code fromOwn} points from the lots {@code orderId} earned, then {@code fromOthers}
     * from the other lots, each in spending order (earliest expiry first); the lots stay in
     * spending order.
     */
    private static List<PointsLot> drawForClawback(List<PointsLot> from, String orderId, long fromOwn,
            long fromOthers) {
        List<PointsLot> own = new ArrayList<>();
        List<PointsLot> others = new ArrayList<>();
        for (PointsLot lot : from) {
            (lot.earnedBy(orderId) ? own : others).add(lot);
        }
        List<PointsLot> out = new ArrayList<>(drawUpTo(own, fromOwn));
        out.addAll(drawUpTo(others, fromOthers));
        out.sort(PointsLot.SPENDING_ORDER);
        return out;
    }

    private static List<PointsLot> drawUpTo(List<PointsLot> from, long points) {
        long left = points;
        List<PointsLot> out = new ArrayList<>(from.size());
        for (PointsLot lot : from) {
            if (left == 0) {
                out.add(lot);
            } else if (lot.remaining() <= left) {
                left -= lot.remaining();
            } else {
                out.add(lot.withRemaining(lot.remaining() - left));
                left = 0;
            }
        }
        return out;
    }
}
