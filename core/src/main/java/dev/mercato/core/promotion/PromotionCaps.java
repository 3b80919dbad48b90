package dev.mercato.core.promotion;

import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Orders;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.RemainingCaps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The promotion limits the facade books between checkouts, and the aggregates that record them
 * in the facade's storage: {@link #USAGE} per promotion, {@link #BUYERS} per buyer and {@link
 * #BOOKINGS} per checkout.
 *
 * <p>Pricing reads {@link #remaining} into the engine's {@link RemainingCaps}. Checkout calls
 * {@link #book} inside the unit of work that places its orders, so orders and booking commit
 * together or not at all; each usage is written with the version read, so of two checkouts
 * racing for the last use one commit fails and that checkout prices again.
 *
 * <p>Release policy: a checkout's booking (every use and every amount) is given back once all of
 * its orders ended before shipment: cancelled or closed unpaid, or refunded before shipment. An
 * order that shipped keeps the booking, and so does a checkout of which only some orders ended,
 * since a coupon is spent on the checkout as a whole.
 *
 * <p>Immutable and thread-safe; the unit of work passed in is not.
 */
public final class PromotionCaps {
    /** Usage per promotion id. */
    public static final AggregateType<String, PromotionUsage> USAGE =
            AggregateType.of("promotion-usage", String.class, PromotionUsage.class, k -> k);
    /** Usage per buyer id. */
    public static final AggregateType<String, BuyerUsage> BUYERS =
            AggregateType.of("promotion-buyer-usage", String.class, BuyerUsage.class, k -> k);
    /** Bookings per checkout payment id. */
    public static final AggregateType<String, CapBooking> BOOKINGS =
            AggregateType.of("promotion-booking", String.class, CapBooking.class, k -> k);

    private static final PromotionCaps NONE = new PromotionCaps(List.of());

    private final Map<String, PromotionLimit> limits;

    private PromotionCaps(List<PromotionLimit> limits) {
        Map<String, PromotionLimit> byId = new LinkedHashMap<>();
        for (PromotionLimit limit : InvalidInputException.requireNonNull(limits, "limits")) {
            InvalidInputException.requireNonNull(limit, "limit");
            if (byId.put(limit.promotionId(), limit) != null) {
                throw new InvalidInputException("limits", limit.promotionId(), "names a promotion twice");
            }
        }
        this.limits = Map.copyOf(byId);
    }

    /**
     * Caps over these limits.
     *
     * @param limits one per promotion
     * @return the caps
     * @throws InvalidInputException if a promotion is named twice
     */
    public static PromotionCaps of(List<PromotionLimit> limits) {
        return limits.isEmpty() ? NONE : new PromotionCaps(limits);
    }

    /**
     * No tracked limits: pricing sees {@link RemainingCaps#none()} and nothing is booked.
     *
     * @return the empty caps
     */
    public static PromotionCaps none() {
        return NONE;
    }

    /**
     * The limits, by promotion id.
     *
     * @return an immutable map
     */
    public Map<String, PromotionLimit> limits() {
        return limits;
    }

    /**
     * What is left for a buyer: uses left is the smaller of the buyer's and the total uses left;
     * budget left is given for budgets in the pricing currency.
     *
     * @param uow the unit of work to read in
     * @param buyerId the buyer
     * @param currency the pricing currency
     * @return the caps for the engine
     */
    public RemainingCaps remaining(UnitOfWork uow, String buyerId, CurrencyUnit currency) {
        if (limits.isEmpty()) {
            return RemainingCaps.none();
        }
        BuyerUsage buyer = buyerUsage(uow.repository(BUYERS), buyerId).map(Versioned::value)
                .orElse(new BuyerUsage(buyerId, Map.of()));
        Repository<String, PromotionUsage> usage = uow.repository(USAGE);
        RemainingCaps caps = RemainingCaps.none();
        for (PromotionLimit limit : limits.values()) {
            PromotionUsage used = usage.find(limit.promotionId()).map(Versioned::value)
                    .orElse(new PromotionUsage(limit.promotionId(), 0, 0));
            long usesLeft = Long.MAX_VALUE;
            if (limit.usesPerBuyer().isPresent()) {
                usesLeft = Math.max(0, limit.usesPerBuyer().getAsLong() - buyer.usesOf(limit.promotionId()));
            }
            if (limit.totalUses().isPresent()) {
                usesLeft = Math.min(usesLeft, Math.max(0, limit.totalUses().getAsLong() - used.uses()));
            }
            if (usesLeft != Long.MAX_VALUE) {
                caps = caps.withUsesLeft(limit.promotionId(), usesLeft);
            }
            if (limit.budget().isPresent() && limit.budget().get().getCurrency().equals(currency)) {
                long left = Math.max(0, MinorUnits.toMinor(limit.budget().get(), currency) - used.spentMinor());
                caps = caps.withBudgetLeft(limit.promotionId(), MinorUnits.toAmount(left, currency));
            }
        }
        return caps;
    }

    /**
     * Books what a checkout's applied promotions took, against the limits it is tracked for, in
     * the checkout's unit of work. Writes nothing when a limit would be overdrawn (the caps the
     * cart was priced with are stale) and says which.
     *
     * @param uow the checkout's unit of work
     * @param paymentId the checkout's payment id
     * @param buyerId the buyer
     * @param orderIds the checkout's orders
     * @param applied what each applied promotion took off, by promotion id
     * @param currency the checkout's currency
     * @return empty when booked (or nothing to book), else what would be overdrawn
     */
    public Optional<String> book(UnitOfWork uow, String paymentId, String buyerId, List<OrderId> orderIds,
            Map<String, MonetaryAmount> applied, CurrencyUnit currency) {
        Map<String, Long> spent = new LinkedHashMap<>();
        for (Map.Entry<String, MonetaryAmount> e : new java.util.TreeMap<>(applied).entrySet()) {
            if (limits.containsKey(e.getKey())) {
                spent.put(e.getKey(), MinorUnits.toMinor(e.getValue(), currency));
            }
        }
        if (spent.isEmpty()) {
            return Optional.empty();
        }
        Repository<String, BuyerUsage> buyers = uow.repository(BUYERS);
        Optional<Versioned<BuyerUsage>> buyerRead = buyerUsage(buyers, buyerId);
        BuyerUsage buyer = buyerRead.map(Versioned::value).orElse(new BuyerUsage(buyerId, Map.of()));
        Repository<String, PromotionUsage> usage = uow.repository(USAGE);
        List<Runnable> writes = new ArrayList<>();
        for (Map.Entry<String, Long> e : spent.entrySet()) {
            String id = e.getKey();
            PromotionLimit limit = limits.get(id);
            Optional<Versioned<PromotionUsage>> read = usage.find(id);
            PromotionUsage used = read.map(Versioned::value).orElse(new PromotionUsage(id, 0, 0));
            if (limit.usesPerBuyer().isPresent() && buyer.usesOf(id) >= limit.usesPerBuyer().getAsLong()) {
                return Optional.of("promotion " + id + ": uses left 0 for buyer " + buyerId);
            }
            if (limit.totalUses().isPresent() && used.uses() >= limit.totalUses().getAsLong()) {
                return Optional.of("promotion " + id + ": uses left 0");
            }
            long spend = limit.budget().filter(b -> b.getCurrency().equals(currency)).isPresent() ? e.getValue() : 0;
            if (spend > 0) {
                long left = MinorUnits.toMinor(limit.budget().get(), currency) - used.spentMinor();
                if (spend > left) {
                    return Optional.of("promotion " + id + ": budget left " + MinorUnits.toAmount(Math.max(0, left),
                            currency) + ", " + MinorUnits.toAmount(spend, currency) + " wanted");
                }
            }
            e.setValue(spend);
            PromotionUsage next = used.plus(1, spend);
            writes.add(() -> usage.save(id, next, read));
            buyer = buyer.plus(id, 1);
        }
        writes.forEach(Runnable::run);
        buyers.save(buyerId, buyer, buyerRead);
        uow.repository(BOOKINGS).insert(paymentId, new CapBooking(paymentId, buyerId,
                orderIds.stream().map(OrderId::value).toList(), spent, false));
        return Optional.empty();
    }

    /**
     * Gives a checkout's booking back once every one of its orders ended before shipment
     * (cancelled, closed unpaid or refunded before shipment). Call it in the unit of work that
     * ends an order, after staging the order's new state. Idempotent.
     *
     * @param uow the unit of work
     * @param paymentId the order's checkout payment id
     * @return whether the booking was released by this call
     */
    public static boolean releaseIfEnded(UnitOfWork uow, String paymentId) {
        Repository<String, CapBooking> bookings = uow.repository(BOOKINGS);
        Optional<Versioned<CapBooking>> found = bookings.find(paymentId);
        if (found.isEmpty() || found.get().value().released()) {
            return false;
        }
        CapBooking booking = found.get().value();
        Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
        for (String orderId : booking.orderIds()) {
            Optional<Order> order = orders.find(new OrderId(orderId)).map(Versioned::value);
            if (order.isEmpty() || !endedBeforeShipment(order.get())) {
                return false;
            }
        }
        Repository<String, PromotionUsage> usage = uow.repository(USAGE);
        Repository<String, BuyerUsage> buyers = uow.repository(BUYERS);
        Versioned<BuyerUsage> buyer = buyers.find(booking.buyerId()).orElseThrow();
        BuyerUsage next = buyer.value();
        for (Map.Entry<String, Long> e : booking.spentMinor().entrySet()) {
            Versioned<PromotionUsage> used = usage.find(e.getKey()).orElseThrow();
            usage.update(e.getKey(), used.value().plus(-1, -e.getValue()), used.version());
            next = next.plus(e.getKey(), -1);
        }
        buyers.update(booking.buyerId(), next, buyer.version());
        bookings.update(paymentId, new CapBooking(paymentId, booking.buyerId(), booking.orderIds(),
                booking.spentMinor(), true), found.get().version());
        return true;
    }

    private static boolean endedBeforeShipment(Order order) {
        return order instanceof Order.Cancelled || order instanceof Order.Closed
                || order instanceof Order.RefundedBeforeShipment;
    }

    private static Optional<Versioned<BuyerUsage>> buyerUsage(Repository<String, BuyerUsage> buyers, String buyerId) {
        return buyers.find(InvalidInputException.requireNonNull(buyerId, "buyerId"));
    }
}
