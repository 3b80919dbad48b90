package dev.mercato.core;

import dev.mercato.core.Access.OrderRole;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.inventory.ReservationId;
import dev.mercato.core.inventory.ReservationRequest;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.OrderStateException;
import dev.mercato.core.order.Orders;
import dev.mercato.core.order.Refund;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.promotion.PromotionCaps;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Order commands: authorize, load, check the refusal, transition, save, publish. */
final class OrderCommands {
    /** Timer kind that completes a delivered order when its after-sale window ends. */
    static final String AUTO_COMPLETE_TIMER = "order.auto-complete";

    private final Context context;

    OrderCommands(Context context) {
        this.context = context;
    }

    /** One command's change: the new state, or a refusal; it may also touch the unit of work. */
    @FunctionalInterface
    private interface Change {
        OrderResult apply(Order current, UnitOfWork uow, Instant now);
    }

    private OrderResult change(Actor actor, OrderId id, String action, List<OrderRole> roles, Change change) {
        InvalidInputException.requireNonNull(id, "orderId");
        OrderResult result;
        try {
            result = changeOnce(actor, id, action, roles, change);
        } catch (Context.EscrowRefusal refusal) {
            return new OrderResult.Refused(OrderResult.Reason.ESCROW_REFUSED, "order " + id + ": " + refusal.getMessage());
        }
        context.afterCommit(id);
        return result;
    }

    private OrderResult changeOnce(Actor actor, OrderId id, String action, List<OrderRole> roles, Change change) {
        return context.tx(uow -> {
            Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
            Versioned<Order> current = orders.find(id)
                    .orElseThrow(() -> new InvalidInputException("orderId", id, "is not a known order"));
            Access.order(actor, current.value().facts(), action, roles.toArray(OrderRole[]::new));
            Instant now = context.now();
            OrderResult result = change.apply(current.value(), uow, now);
            if (result instanceof OrderResult.Done done && done.order() != current.value()) {
                context.follow(uow, current.value(), done.order());
                orders.update(id, done.order(), current.version());
                if (!done.order().stateName().equals(current.value().stateName())) {
                    uow.publishAfterCommit(OrderEvent.entered(done.order(), now));
                    PromotionCaps.releaseIfEnded(uow, done.order().facts().paymentId());
                }
            }
            return result;
        });
    }

    private static OrderResult refused(Order order, String action) {
        return new OrderResult.Refused(OrderResult.Reason.WRONG_STATE, "order " + order.id() + " is " + order.stateName() + " and cannot " + action);
    }

    Optional<Order> read(Actor actor, OrderId id) {
        InvalidInputException.requireNonNull(id, "orderId");
        Optional<Order> order = context.tx(uow -> uow.repository(Orders.TYPE).find(id)).map(Versioned::value);
        order.ifPresent(o -> Access.order(actor, o.facts(), "read", OrderRole.values()));
        return order;
    }

    List<Order> ofBuyer(Actor actor, String buyerId) {
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        if (!Access.isBuyer(actor, buyerId) && !Access.isPlatform(actor)) {
            throw new NotPermittedException(actor, "list", "orders of " + buyerId);
        }
        return context.tx(uow -> uow.repository(Orders.TYPE).findBy(Orders.BY_BUYER, buyerId)).stream()
                .map(Versioned::value).toList();
    }

    OrderResult cancel(Actor actor, OrderId id) {
        OrderResult result = change(actor, id, "cancel", List.of(OrderRole.BUYER), (order, uow, now) -> {
            if (!(order instanceof Order.AwaitingPayment awaiting)) {
                return refused(order, "be cancelled by the buyer");
            }
            uow.timers().cancel(new TimerKey(Orders.UNPAID_CLOSE_TIMER, id.value()));
            return new OrderResult.Done(awaiting.cancelByBuyer(now));
        });
        releaseIfDone(result, Order.Cancelled.class);
        return result;
    }

    OrderResult refundBeforeShipment(Actor actor, OrderId id) {
        OrderResult result = change(actor, id, "refund", List.of(OrderRole.BUYER, OrderRole.SELLER, OrderRole.OPERATOR),
                (order, uow, now) -> {
                    Order.RefundedBeforeShipment refunded;
                    if (order instanceof Order.Paid paid) {
                        refunded = paid.refundBeforeShipment(now);
                    } else if (order instanceof Order.StockAllocated allocated) {
                        refunded = allocated.refundBeforeShipment(now);
                    } else {
                        return refused(order, "be refunded before shipment");
                    }
                    uow.publishAfterCommit(new OrderEvent.RefundDue(id, order.facts().buyerId(), order.facts().sellerId(),
                            refunded.refund(), now));
                    return new OrderResult.Done(refunded);
                });
        releaseIfDone(result, Order.RefundedBeforeShipment.class);
        return result;
    }

    private void releaseIfDone(OrderResult result, Class<? extends Order> state) {
        if (result instanceof OrderResult.Done done && state.isInstance(done.order())) {
            context.inventory().release(new ReservationId(done.order().id().value()));
        }
    }

    OrderResult ship(Actor actor, OrderId id, String trackingNumber, List<Shipment.Item> items) {
        Shipment shipment = new Shipment(trackingNumber, items, context.now());
        OrderResult result = change(actor, id, "ship", List.of(OrderRole.SELLER), (order, uow, now) -> {
            Optional<String> refusal;
            Order next;
            if (order instanceof Order.StockAllocated allocated) {
                refusal = allocated.shipmentRefusal(shipment);
                next = refusal.isPresent() ? order : allocated.ship(shipment);
            } else if (order instanceof Order.PartiallyShipped partial) {
                refusal = partial.shipmentRefusal(shipment);
                next = refusal.isPresent() ? order : partial.ship(shipment);
            } else {
                return refused(order, "ship");
            }
            if (refusal.isPresent()) {
                return new OrderResult.Refused(OrderResult.Reason.SHIPMENT_REFUSED, refusal.get());
            }
            uow.publishAfterCommit(new OrderEvent.ShipmentSent(id, shipment, now));
            return new OrderResult.Done(next);
        });
        if (result instanceof OrderResult.Done done && done.order() instanceof Order.Dispatched dispatched) {
            // The parcel's units leave the reservation and the warehouse (idempotent per parcel).
            Map<SkuId, Long> perSku = new LinkedHashMap<>();
            for (Shipment.Item item : shipment.items()) {
                perSku.merge(dispatched.facts().snapshot().line(item.lineNo()).sku(), item.quantity(), Long::sum);
            }
            List<ReservationRequest.Item> units = perSku.entrySet().stream()
                    .map(e -> new ReservationRequest.Item(e.getKey(), e.getValue())).toList();
            context.inventory().commit(new ReservationId(id.value()),
                    trackingNumber + "#" + dispatched.shipments().size(), units);
        }
        return result;
    }

    OrderResult deliver(Actor actor, OrderId id) {
        return change(actor, id, "confirm delivery of", List.of(OrderRole.BUYER, OrderRole.SYSTEM, OrderRole.OPERATOR),
                (order, uow, now) -> {
                    if (!(order instanceof Order.Shipped shipped)) {
                        return refused(order, "be delivered");
                    }
                    Order.Delivered delivered = shipped.deliver(now, context.policy().returnWindow());
                    uow.timers().schedule(new TimerKey(AUTO_COMPLETE_TIMER, id.value()), delivered.returnBy());
                    return new OrderResult.Done(delivered);
                });
    }

    OrderResult requestAfterSale(Actor actor, OrderId id, String caseId, AfterSaleCase.Kind kind,
            List<AfterSaleCase.Item> items, Optional<String> reason) {
        AfterSaleCase.Request request = new AfterSaleCase.Request(caseId, kind, items, reason, context.now());
        return change(actor, id, "request after-sale service for", List.of(OrderRole.BUYER), (order, uow, now) -> {
            if (!(order instanceof Order.Delivered delivered)) {
                return refused(order, "take after-sale requests");
            }
            Optional<String> refusal = delivered.afterSaleRefusal(request);
            if (refusal.isPresent()) {
                return new OrderResult.Refused(OrderResult.Reason.AFTER_SALE_REFUSED, refusal.get());
            }
            uow.publishAfterCommit(new OrderEvent.AfterSaleChanged(id, caseId, "Requested", now));
            return new OrderResult.Done(delivered.requestAfterSale(request));
        });
    }

    OrderResult approve(Actor actor, OrderId id, String caseId) {
        return caseStep(actor, id, caseId, "approve", List.of(OrderRole.SELLER, OrderRole.OPERATOR),
                (d, now) -> d.approveCase(caseId, now));
    }

    OrderResult reject(Actor actor, OrderId id, String caseId, String why) {
        InvalidInputException.requireNonNull(why, "why");
        return caseStep(actor, id, caseId, "reject", List.of(OrderRole.SELLER, OrderRole.OPERATOR),
                (d, now) -> d.rejectCase(caseId, why, now));
    }

    OrderResult receiveGoods(Actor actor, OrderId id, String caseId) {
        return caseStep(actor, id, caseId, "receive returned goods of", List.of(OrderRole.SELLER, OrderRole.OPERATOR),
                (d, now) -> d.receiveReturnedGoods(caseId, now));
    }

    OrderResult exchange(Actor actor, OrderId id, String caseId, String trackingNumber) {
        InvalidInputException.requireNonNull(trackingNumber, "trackingNumber");
        return caseStep(actor, id, caseId, "ship the exchange of", List.of(OrderRole.SELLER),
                (d, now) -> d.exchange(caseId, trackingNumber, now));
    }

    OrderResult refundCase(Actor actor, OrderId id, String caseId) {
        return caseStep(actor, id, caseId, "refund", List.of(OrderRole.SELLER, OrderRole.OPERATOR, OrderRole.SYSTEM),
                (d, now) -> d.refundCase(caseId, now));
    }

    /** A step of an after-sale case; an illegal step for the case's state is a refusal. */
    private interface CaseStep {
        Order.Delivered apply(Order.Delivered delivered, Instant now);
    }

    private OrderResult caseStep(Actor actor, OrderId id, String caseId, String action, List<OrderRole> roles,
            CaseStep step) {
        InvalidInputException.requireNonNull(caseId, "caseId");
        return change(actor, id, action + " after-sale case " + caseId + " of", roles, (order, uow, now) -> {
            if (!(order instanceof Order.Delivered delivered)) {
                return refused(order, action + " after-sale cases");
            }
            Order.Delivered next;
            try {
                next = step.apply(delivered, now);
            } catch (OrderStateException | InvalidInputException wrongState) {
                return new OrderResult.Refused(OrderResult.Reason.WRONG_STATE, wrongState.getMessage());
            }
            AfterSaleCase moved = next.findCase(caseId).orElseThrow();
            uow.publishAfterCommit(new OrderEvent.AfterSaleChanged(id, caseId, moved.getClass().getSimpleName(), now));
            if (moved instanceof AfterSaleCase.Refunded refunded) {
                Refund refund = refunded.refund();
                uow.publishAfterCommit(new OrderEvent.RefundDue(id, order.facts().buyerId(), order.facts().sellerId(),
                        refund, now));
            }
            return new OrderResult.Done(next);
        });
    }

    void fire(DueTimer timer) {
        OrderId id = new OrderId(timer.key().target());
        Optional<Order> closed = context.tx(uow -> {
            Optional<DueTimer> still = uow.timers().find(timer.key());
            if (still.isEmpty() || !still.get().equals(timer)) {
                return Optional.<Order>empty();
            }
            uow.timers().cancel(timer.key());
            Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
            Optional<Versioned<Order>> found = orders.find(id);
            if (found.isEmpty()) {
                return Optional.<Order>empty();
            }
            Order order = found.get().value();
            Instant now = context.now();
            Order next = order;
            if (timer.key().kind().equals(Orders.UNPAID_CLOSE_TIMER) && order instanceof Order.AwaitingPayment awaiting
                    && awaiting.closeRefusal(now).isEmpty()) {
                next = awaiting.closeUnpaid(now);
            } else if (timer.key().kind().equals(AUTO_COMPLETE_TIMER) && order instanceof Order.Delivered delivered) {
                if (context.guarantee().isPresent() && !context.guarantee().get().settled(uow, id)) {
                    // The escrow still holds the money: its release completes the order (see Commerce).
                    return Optional.of(order);
                }
                if (delivered.completionRefusal(now).isEmpty()) {
                    next = delivered.complete(now);
                } else {
                    // An open case holds completion back: look again a day later.
                    uow.timers().schedule(timer.key(), now.plus(java.time.Duration.ofDays(1)));
                }
            }
            if (next != order) {
                orders.update(id, next, found.get().version());
                uow.publishAfterCommit(OrderEvent.entered(next, now));
                PromotionCaps.releaseIfEnded(uow, next.facts().paymentId());
            }
            return Optional.of(next);
        });
        closed.filter(Order.Closed.class::isInstance)
                .ifPresent(o -> context.inventory().release(new ReservationId(o.id().value())));
    }
}
