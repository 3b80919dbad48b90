package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.Shipped;
import dev.mercato.core.fulfilment.CouponResult;
import dev.mercato.core.fulfilment.LateDelivery;
import dev.mercato.core.fulfilment.LateDeliveryCoupon;
import dev.mercato.core.fulfilment.LateDeliveryRule;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Orders;
import dev.mercato.core.order.PricedSnapshot;
import dev.mercato.core.order.Refund;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Late-delivery compensation (docs/core.md, "Delivery promises in minutes and late compensation"):
 * evaluated in the unit of work in which the carrier's delivery scan delivers an order. A late
 * order gets one more refund, {@link #CASE}, which the escrow follows as a partial refund of the
 * held money (sent to the provider after the commit, re-sent by reconciliation); a platform or
 * carrier funder pays the seller the same amount back in an entry of its own. The order's refund
 * is the per-order key: an order delivered once is compensated once, whatever notifications repeat.
 * A rule that pays coupons ({@link LateDeliveryRule#asCoupon}) issues a {@link LateDeliveryCoupon}
 * instead, keyed by the order, with the funder's entry into the buyer's credit (docs/fees.md).
 */
final class LateDeliveries {
    /** The case id of the compensation refund on the order. */
    static final String CASE = "late-delivery";
    /** The timer that expires an unused late-delivery coupon (target: the late order's id). */
    static final String COUPON_EXPIRY_TIMER = "late-delivery.coupon-expiry";
    static final AggregateType<OrderId, LateDeliveryCoupon> COUPONS = AggregateType
            .of("late-delivery-coupon", OrderId.class, LateDeliveryCoupon.class, OrderId::value)
            .withIndex("buyer", LateDeliveryCoupon::buyerId);

    private static final Logger LOG = LoggerFactory.getLogger(LateDeliveries.class);

    private final Context context;
    private final LateDeliveryRule rule;

    LateDeliveries(Context context, LateDeliveryRule rule) {
        this.context = context;
        this.rule = rule;
    }

    /** The compensated order and what to publish, or empty when the order is on time or not compensable. */
    record Compensated(Order.Delivered order, LateDelivery event) {}

    /** The order's deadline under the rule, if it has one. */
    static Optional<Instant> deadline(LateDeliveryRule rule, Order order, Collection<TrackedParcel> outbound,
            Optional<Instant> paidAt) {
        LateDeliveryRule.Deadline source = rule.deadline();
        if (source instanceof LateDeliveryRule.Deadline.WithinOfPayment within) {
            return paidAt.map(at -> at.plus(within.window()));
        }
        if (source instanceof LateDeliveryRule.Deadline.CheckoutQuote) {
            return order.facts().deliveryPromise().map(p -> p.deadline());
        }
        return outbound.stream().map(p -> p.shipment().promise().deadline()).max(Comparator.naturalOrder());
    }

    /**
     * Compensates a just-delivered order when it is late: stages the order's refund (the escrow
     * follows) and the funder's entry in {@code uow}. An order whose escrow holds nothing or is not
     * held or shipped (disputed, released), or whose prices are before exclusive tax, is left as it is.
     */
    Optional<Compensated> compensate(UnitOfWork uow, Order.Delivered delivered, Collection<TrackedParcel> outbound) {
        if (context.guarantee().isEmpty() || delivered.refunds().stream().anyMatch(r -> r.caseId().equals(Optional.of(CASE)))) {
            return Optional.empty();
        }
        Optional<Instant> deadline = deadline(rule, delivered, outbound, Optional.of(delivered.payment().paidAt()));
        if (deadline.isEmpty() || !rule.isLate(deadline.get(), delivered.deliveredAt())) {
            return Optional.empty();
        }
        PricedSnapshot snapshot = delivered.facts().snapshot();
        CurrencyUnit currency = snapshot.currency();
        boolean exclusiveTax = snapshot.tax().isPresent()
                && snapshot.tax().get().mode() == dev.mercato.pricing.tax.TaxMode.EXCLUSIVE;
        if (!rule.compensation().fixed().getCurrency().equals(currency) || exclusiveTax) {
            return Optional.empty();
        }
        Guarantee guarantee = context.guarantee().get();
        Optional<Escrow> escrow = guarantee.escrows().find(uow, Guarantee.escrowId(delivered.id()));
        if (escrow.isEmpty() || !(escrow.get() instanceof Shipped || escrow.get() instanceof Held)) {
            return Optional.empty();
        }
        long paid = MinorUnits.toMinor(escrow.get().terms().amount());
        long held = MinorUnits.toMinor(escrow.get().funds().held());
        long amount = rule.compensationMinor(paid, held);
        if (amount <= 0) {
            return Optional.empty();
        }
        Instant now = context.now();
        if (rule.couponValidity().isPresent()) {
            return issueCoupon(uow, delivered, deadline.get(), amount, now, outbound);
        }
        Order.Delivered compensated = withRefund(delivered, refund(snapshot, amount, now));
        try {
            context.follow(uow, delivered, compensated);
        } catch (Context.EscrowRefusal refused) {
            // The escrow refused and staged nothing: the delivery commits without a compensation.
            LOG.warn("late-delivery compensation of order {} refused by its escrow: {}", delivered.id(),
                    refused.refused().detail());
            return Optional.empty();
        }
        fundingEntry(delivered, amount, now, outbound).ifPresent(entry -> {
            PostResult posted = guarantee.journal().post(uow, entry);
            if (!posted.isAccepted()) {
                throw new IllegalStateException("the journal refused late-delivery entry " + entry.key() + ": " + posted);
            }
        });
        return Optional.of(new Compensated(compensated, new LateDelivery(delivered.id(), deadline.get(),
                delivered.deliveredAt(), MinorUnits.toAmount(amount, currency), rule.funder(), LateDelivery.Form.REFUND, now)));
    }

    /**
     * Issues the compensation as a coupon, once per order: the funder pays the buyer credit in
     * {@code uow} ({@code funder -c, BuyerCredit(buyer) +c}), the coupon is stored and its expiry
     * timer set; the order and its escrow are left as they are.
     */
    private Optional<Compensated> issueCoupon(UnitOfWork uow, Order.Delivered delivered, Instant deadline, long amount,
            Instant now, Collection<TrackedParcel> outbound) {
        Repository<OrderId, LateDeliveryCoupon> coupons = uow.repository(COUPONS);
        if (coupons.find(delivered.id()).isPresent()) {
            return Optional.empty();
        }
        CurrencyUnit currency = delivered.facts().snapshot().currency();
        Account from = switch (rule.funder()) {
            case SELLER -> Account.sellerPayable(delivered.facts().sellerId());
            case PLATFORM -> Account.platformClearing();
            case CARRIER -> Account.carrierClaims(carrierOf(outbound));
        };
        String buyer = delivered.facts().buyerId();
        LateDeliveryCoupon.Issued coupon = new LateDeliveryCoupon.Issued(delivered.id(), buyer,
                MinorUnits.toAmount(amount, currency), from, now, now.plus(rule.couponValidity().orElseThrow()));
        coupons.insert(delivered.id(), coupon);
        post(context, uow, JournalEntry.builder(couponKey(delivered.id(), "issued"), now,
                        "late-delivery coupon for order " + delivered.id().value())
                .minor(from, currency, -amount).minor(Account.buyerCredit(buyer), currency, amount).build());
        uow.timers().schedule(new TimerKey(COUPON_EXPIRY_TIMER, delivered.id().value()), coupon.expiresAt());
        return Optional.of(new Compensated(delivered, new LateDelivery(delivered.id(), deadline, delivered.deliveredAt(),
                coupon.amount(), rule.funder(), LateDelivery.Form.COUPON, now)));
    }

    /** Redeems a late order's coupon on a later order of its buyer: see {@link Commerce#redeemLateDeliveryCoupon}. */
    static CouponResult redeemCoupon(Context context, Actor actor, OrderId lateOrder, OrderId redeemedOn) {
        Access.system(actor, "redeem a late-delivery coupon");
        InvalidInputException.requireNonNull(lateOrder, "lateOrder");
        InvalidInputException.requireNonNull(redeemedOn, "redeemedOn");
        Instant now = context.now();
        String entryKey = couponKey(lateOrder, "redeemed");
        return context.tx(uow -> {
            Optional<Versioned<LateDeliveryCoupon>> found = context.guarantee().isEmpty() ? Optional.empty()
                    : uow.repository(COUPONS).find(lateOrder);
            if (found.isEmpty()) {
                return new CouponResult.Refused(CouponResult.Reason.NO_COUPON, "order " + lateOrder.value()
                        + " earned no late-delivery coupon");
            }
            LateDeliveryCoupon coupon = found.get().value();
            if (coupon instanceof LateDeliveryCoupon.Redeemed redeemed) {
                return redeemed.redeemedOn().equals(redeemedOn) ? new CouponResult.Redeemed(redeemed, entryKey)
                        : new CouponResult.Refused(CouponResult.Reason.ALREADY_REDEEMED, "the coupon of order "
                                + lateOrder.value() + " was spent on order " + redeemed.redeemedOn().value());
            }
            if (!(coupon instanceof LateDeliveryCoupon.Issued issued) || !now.isBefore(issued.expiresAt())) {
                return new CouponResult.Refused(CouponResult.Reason.EXPIRED, "the coupon of order " + lateOrder.value()
                        + " has expired");
            }
            Order order = uow.repository(Orders.TYPE).find(redeemedOn).map(Versioned::value)
                    .orElseThrow(() -> new InvalidInputException("redeemedOn", redeemedOn, "is not a known order"));
            if (!order.facts().buyerId().equals(issued.buyerId())) {
                return new CouponResult.Refused(CouponResult.Reason.NOT_THE_BUYERS_ORDER, "order " + redeemedOn.value()
                        + " is not " + issued.buyerId() + "'s");
            }
            if (order instanceof Order.AwaitingPayment || order instanceof Order.Cancelled || order instanceof Order.Closed
                    || order instanceof Order.RefundedBeforeShipment) {
                return new CouponResult.Refused(CouponResult.Reason.ORDER_NOT_PAID, "order " + redeemedOn.value() + " is "
                        + order.stateName());
            }
            CurrencyUnit currency = issued.amount().getCurrency();
            if (!order.facts().snapshot().currency().equals(currency)) {
                return new CouponResult.Refused(CouponResult.Reason.OTHER_CURRENCY, "order " + redeemedOn.value()
                        + " is in " + order.facts().snapshot().currency() + ", the coupon in " + currency);
            }
            long amount = MinorUnits.toMinor(issued.amount());
            post(context, uow, JournalEntry.builder(entryKey, now, "late-delivery coupon of order " + lateOrder.value()
                            + " spent on order " + redeemedOn.value())
                    .minor(Account.buyerCredit(issued.buyerId()), currency, -amount)
                    .minor(Account.platformClearing(), currency, amount).build());
            LateDeliveryCoupon.Redeemed redeemed = issued.redeem(redeemedOn, now);
            uow.repository(COUPONS).update(lateOrder, redeemed, found.get().version());
            uow.timers().cancel(new TimerKey(COUPON_EXPIRY_TIMER, lateOrder.value()));
            return new CouponResult.Redeemed(redeemed, entryKey);
        });
    }

    /** The expiry timer: an unused coupon's credit goes back to its funder. */
    static void expireCoupon(Context context, DueTimer timer) {
        OrderId id = new OrderId(timer.key().target());
        Instant now = context.now();
        context.tx(uow -> {
            Optional<Versioned<LateDeliveryCoupon>> found = uow.repository(COUPONS).find(id);
            if (found.isEmpty() || !(found.get().value() instanceof LateDeliveryCoupon.Issued issued)) {
                return null;
            }
            if (now.isBefore(issued.expiresAt())) {
                uow.timers().schedule(timer.key(), issued.expiresAt());
                return null;
            }
            CurrencyUnit currency = issued.amount().getCurrency();
            long amount = MinorUnits.toMinor(issued.amount());
            post(context, uow, JournalEntry.builder(couponKey(id, "expired"), now, "late-delivery coupon of order "
                            + id.value() + " expired unused")
                    .minor(Account.buyerCredit(issued.buyerId()), currency, -amount)
                    .minor(issued.fundedFrom(), currency, amount).build());
            uow.repository(COUPONS).update(id, issued.expire(now), found.get().version());
            return null;
        });
    }

    /** A late order's coupon, if it earned one. */
    static Optional<LateDeliveryCoupon> coupon(Context context, OrderId id) {
        return context.tx(uow -> uow.repository(COUPONS).find(id)).map(Versioned::value);
    }

    private static String couponKey(OrderId order, String step) {
        return CASE + ":" + order.value() + ":coupon-" + step;
    }

    private String carrierOf(Collection<TrackedParcel> outbound) {
        return outbound.stream().map(p -> p.shipment().carrier().value()).findFirst()
                .orElse(context.carrier().id().value());
    }

    private static void post(Context context, UnitOfWork uow, JournalEntry entry) {
        PostResult posted = context.guarantee().orElseThrow().journal().post(uow, entry);
        if (!posted.isAccepted()) {
            throw new IllegalStateException("the journal refused late-delivery entry " + entry.key() + ": " + posted);
        }
    }

    /**
     * The compensation as a refund of no units: split over the lines by their payables through
     * {@link Allocation} up to what the lines are worth, the rest from the shipping.
     */
    private static Refund refund(PricedSnapshot snapshot, long amount, Instant at) {
        CurrencyUnit currency = snapshot.currency();
        long[] weights = snapshot.lines().stream().mapToLong(l -> MinorUnits.toMinor(l.payable())).toArray();
        long linesWorth = java.util.Arrays.stream(weights).sum();
        long onLines = Math.min(amount, linesWorth);
        long[] parts = onLines == 0 ? new long[weights.length] : Allocation.allocate(onLines, weights);
        List<Refund.LineRefund> lines = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                lines.add(new Refund.LineRefund(i + 1, 0, MinorUnits.toAmount(parts[i], currency)));
            }
        }
        return new Refund(Optional.of(CASE), lines, MinorUnits.toAmount(amount, currency), at);
    }

    private static Order.Delivered withRefund(Order.Delivered d, Refund refund) {
        List<Refund> refunds = new ArrayList<>(d.refunds());
        refunds.add(refund);
        return new Order.Delivered(d.facts(), d.payment(), d.shipments(), d.deliveredAt(), d.returnBy(), d.cases(),
                refunds);
    }

    /** The platform or the carrier pays the seller back what the seller's held money refunded. */
    private Optional<JournalEntry> fundingEntry(Order.Delivered order, long amount, Instant at,
            Collection<TrackedParcel> outbound) {
        if (rule.funder() == LateDeliveryRule.Funder.SELLER) {
            return Optional.empty();
        }
        CurrencyUnit currency = order.facts().snapshot().currency();
        String carrier = outbound.stream().map(p -> p.shipment().carrier().value()).findFirst()
                .orElse(context.carrier().id().value());
        Account source = rule.funder() == LateDeliveryRule.Funder.PLATFORM ? Account.platformClearing()
                : Account.carrierClaims(carrier);
        String id = order.id().value();
        return Optional.of(JournalEntry.builder(CASE + ":" + id + ":funding", at, "late-delivery funding " + id)
                .minor(source, currency, -amount)
                .minor(Account.sellerPayable(order.facts().sellerId()), currency, amount).build());
    }
}
