package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;

/**
 * The stored subscription of one member: the latest subscription, how many the member ever
 * started (a trial is granted only to a first subscription), and the orders that used a monthly
 * shipping coupon in {@code couponMonth}. Immutable and thread-safe.
 *
 * @param current the latest subscription, possibly terminal
 * @param started how many subscriptions the member started, at least 1
 * @param couponMonth the calendar month ({@code yyyy-MM}, UTC) {@code couponOrders} belong to, or empty
 * @param couponOrders the orders that used a shipping coupon that month
 */
public record SubscriptionRecord(Subscription current, int started, String couponMonth, List<String> couponOrders) {

    /**
     * Validates the record.
     *
     * @throws InvalidInputException if a value is missing or the count below 1
     */
    public SubscriptionRecord {
        InvalidInputException.requireNonNull(current, "current");
        if (started < 1) {
            throw new InvalidInputException("started", started, "must be at least 1");
        }
        InvalidInputException.requireNonNull(couponMonth, "couponMonth");
        couponOrders = List.copyOf(InvalidInputException.requireNonNull(couponOrders, "couponOrders"));
    }

    /**
     * A record with no coupon use.
     *
     * @param current the latest subscription
     * @param started how many subscriptions the member started
     */
    public SubscriptionRecord(Subscription current, int started) {
        this(current, started, "", List.of());
    }

    /**
     * This record with another state, keeping the coupon use.
     *
     * @param next the state
     * @return a new record
     */
    public SubscriptionRecord with(Subscription next) {
        return new SubscriptionRecord(next, started, couponMonth, couponOrders);
    }

    /**
     * The orders that used a shipping coupon in a month.
     *
     * @param month {@code yyyy-MM}
     * @return the order ids, empty for another month
     */
    public List<String> couponOrdersIn(String month) {
        return month.equals(couponMonth) ? couponOrders : List.of();
    }
}
