package dev.mercato.core;

import dev.mercato.core.Access.OrderRole;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.EscrowCommand;
import dev.mercato.core.escrow.RefusalReason;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.escrow.Transition;
import dev.mercato.core.inventory.ReservationId;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.PricedSnapshot;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Orders;
import dev.mercato.core.promotion.PromotionCaps;
import dev.mercato.core.settlement.DiscountFunding;
import dev.mercato.core.settlement.SettlementStatement;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.Optional;
import javax.money.CurrencyUnit;

/**
 * Escrow commands through the facade: each runs the escrow's transition and the order's matching
 * transition in one unit of work, so order and escrow never disagree (docs/core.md, "Guaranteed
 * transactions").
 */
final class EscrowCommands {
    /** How often a confirmation deadline held by a parcel in trouble looks again. */
    static final java.time.Duration TROUBLE_RECHECK = java.time.Duration.ofDays(1);

    /** Who asks the escrow to give back a first stage on a refund the facade allowed. */
    private static final Actor REFUNDS = new Actor.System("order-refund");

    private final Context context;

    EscrowCommands(Context context) {
        this.context = context;
    }

    private Guarantee guarantee() {
        return context.guarantee().orElseThrow(() -> new InvalidInputException("guaranteedTransactions", "not set",
                "this facade runs no escrows: build it with Builder.guaranteedTransactions(schedule)"));
    }

    Optional<Escrow> read(Actor actor, OrderId id) {
        InvalidInputException.requireNonNull(id, "orderId");
        Order order = context.tx(uow -> uow.repository(Orders.TYPE).find(id)).map(Versioned::value)
                .orElseThrow(() -> new InvalidInputException("orderId", id, "is not a known order"));
        Access.order(actor, order.facts(), "read the escrow of", OrderRole.values());
        if (context.guarantee().isEmpty()) {
            return Optional.empty();
        }
        return context.tx(uow -> guarantee().escrows().find(uow, Guarantee.escrowId(id)));
    }

    OrderResult command(Actor actor, OrderId id, EscrowCommand command, String action, OrderRole... roles) {
        InvalidInputException.requireNonNull(id, "orderId");
        Guarantee g = guarantee();
        OrderResult result = context.tx(uow -> {
            Versioned<Order> order = uow.repository(Orders.TYPE).find(id)
                    .orElseThrow(() -> new InvalidInputException("orderId", id, "is not a known order"));
            Access.order(actor, order.value().facts(), action, roles);
            Optional<Escrow> escrow = g.escrows().find(uow, Guarantee.escrowId(id));
            if (escrow.isEmpty()) {
                return new OrderResult.Refused(OrderResult.Reason.NO_ESCROW, "order " + id + " is "
                        + order.value().stateName() + " and has no escrow yet");
            }
            if (command instanceof EscrowCommand.ResolveBySplit split && !shipped(order.value())
                    && MinorUnits.toMinor(split.refundToBuyer()) < MinorUnits.toMinor(escrow.get().funds().held())) {
                // Released money for goods that never left would leave the order unshippable.
                return new OrderResult.Refused(OrderResult.Reason.NOT_SHIPPED, "order " + id + " is " + order.value().stateName() + " and has not"
                        + " shipped: a dispute before shipment is ended (endDispute) or refunded in full");
            }
            if (command instanceof EscrowCommand.ResolveBySplitLines && !shipped(order.value())) {
                return new OrderResult.Refused(OrderResult.Reason.NOT_SHIPPED, "order " + id + " is "
                        + order.value().stateName() + " and has not shipped: a dispute before shipment is ended"
                        + " (endDispute) or refunded in full");
            }
            Transition t = g.escrows().stage(uow, escrow.get().id(), command);
            if (t instanceof Transition.Refused refused) {
                return new OrderResult.Refused(OrderResult.Reason.ESCROW_REFUSED, "order " + id + ": " + refused.reason() + ": " + refused.detail());
            }
            return new OrderResult.Done(sync(uow, id, ((Transition.Accepted) t).state()));
        });
        context.afterCommit(id);
        releaseIfEnded(id);
        return result;
    }

    /**
     * Takes an order's balance through the escrow (its own sale, {@code esc.<id>.balance-<n>}): only
     * for an escrow awaiting its balance, only by the order's buyer, only inside the window.
     */
    dev.mercato.core.escrow.BalanceResult payBalance(Actor actor, OrderId id, dev.mercato.payments.PaymentSource source) {
        InvalidInputException.requireNonNull(id, "orderId");
        InvalidInputException.requireNonNull(source, "source");
        Guarantee g = guarantee();
        Order order = context.tx(uow -> uow.repository(Orders.TYPE).find(id)).map(Versioned::value)
                .orElseThrow(() -> new InvalidInputException("orderId", id, "is not a known order"));
        Access.order(actor, order.facts(), "pay the balance of", OrderRole.BUYER);
        Optional<Escrow> escrow = context.tx(uow -> g.escrows().find(uow, Guarantee.escrowId(id)));
        if (escrow.isEmpty() || !(escrow.get() instanceof dev.mercato.core.escrow.AwaitingBalance awaiting)) {
            boolean staged = context.tx(uow -> uow.repository(dev.mercato.core.escrow.StagedOrder.TYPE)
                    .find(id.value())).isPresent();
            boolean paid = staged && escrow.isPresent() && MinorUnits.toMinor(escrow.get().funds().captured())
                    >= MinorUnits.toMinor(escrow.get().terms().amount());
            return new dev.mercato.core.escrow.BalanceResult.Refused(paid
                    ? dev.mercato.core.escrow.BalanceResult.Reason.ALREADY_PAID
                    : dev.mercato.core.escrow.BalanceResult.Reason.NOT_STAGED, "order " + id + " is "
                    + order.stateName() + " and its escrow " + escrow.map(e -> "is " + e.getClass().getSimpleName())
                            .orElse("is not open") + ": no balance is due");
        }
        Instant now = context.now();
        if (now.isBefore(awaiting.balanceOpensAt())) {
            return new dev.mercato.core.escrow.BalanceResult.Refused(dev.mercato.core.escrow.BalanceResult.Reason.TOO_EARLY,
                    "the balance of order " + id + " can be paid from " + awaiting.balanceOpensAt() + ", now " + now);
        }
        if (!now.isBefore(awaiting.balanceDueBy())) {
            return new dev.mercato.core.escrow.BalanceResult.Refused(dev.mercato.core.escrow.BalanceResult.Reason.TOO_LATE,
                    "the balance of order " + id + " was due by " + awaiting.balanceDueBy() + ", now " + now
                            + "; nothing was charged");
        }
        dev.mercato.core.escrow.PaymentAttempt attempt = g.escrows().pay(awaiting.id(), actor, source);
        context.afterCommit(id);
        if (attempt.refusal().isPresent()) {
            Transition.Refused refused = attempt.refusal().get();
            return new dev.mercato.core.escrow.BalanceResult.Refused(refused.reason() == RefusalReason.TOO_EARLY
                    ? dev.mercato.core.escrow.BalanceResult.Reason.TOO_EARLY
                    : dev.mercato.core.escrow.BalanceResult.Reason.NOT_STAGED, refused.detail());
        }
        dev.mercato.payments.PaymentOutcome outcome = attempt.outcome().orElseThrow();
        if (outcome instanceof dev.mercato.payments.PaymentOutcome.Declined declined) {
            return new dev.mercato.core.escrow.BalanceResult.Refused(dev.mercato.core.escrow.BalanceResult.Reason.DECLINED,
                    "the provider declined the balance of order " + id + ": " + declined.reason());
        }
        if (attempt.escrow() instanceof dev.mercato.core.escrow.AwaitingBalance) {
            return new dev.mercato.core.escrow.BalanceResult.Pending(attempt.escrow(), outcome.toString());
        }
        return new dev.mercato.core.escrow.BalanceResult.Paid(attempt.escrow());
    }

    /**
     * A refund before shipment asked of an order whose escrow awaits its balance: the first stage
     * (the deposit or advance, all that was captured) goes back to the buyer and the order closes
     * with its stock released, as the {@code REFUND} forfeit rule does at the due date. The seller
     * and an operator may always; the buyer only when the forfeit rule refunds the deposit anyway
     * (under {@code KEEP_NET_OF_COMMISSION} the buyer is refused with
     * {@link OrderResult.Reason#DEPOSIT_NOT_REFUNDABLE}). Empty when the order's escrow does not
     * await a balance: the order's own refund applies.
     */
    Optional<OrderResult> refundBeforeBalance(Actor actor, OrderId id) {
        if (context.guarantee().isEmpty()) {
            return Optional.empty();
        }
        Guarantee g = guarantee();
        Optional<OrderResult> result = context.tx(uow -> {
            Optional<Versioned<Order>> order = uow.repository(Orders.TYPE).find(id);
            if (order.isEmpty()) {
                return Optional.empty();
            }
            Optional<Escrow> escrow = g.escrows().find(uow, Guarantee.escrowId(id));
            if (escrow.isEmpty() || !(escrow.get() instanceof dev.mercato.core.escrow.AwaitingBalance awaiting)) {
                return Optional.empty();
            }
            Access.order(actor, order.get().value().facts(), "refund", OrderRole.BUYER, OrderRole.SELLER,
                    OrderRole.OPERATOR);
            if (actor instanceof Actor.Buyer
                    && awaiting.forfeitRule() != dev.mercato.core.escrow.PaymentSchedule.ForfeitRule.REFUND) {
                return Optional.of(new OrderResult.Refused(OrderResult.Reason.DEPOSIT_NOT_REFUNDABLE, "order " + id
                        + " waits for its balance (due by " + awaiting.balanceDueBy() + "); its first stage is kept for"
                        + " the seller by rule " + awaiting.forfeitRule() + " if the balance is not paid, so only the"
                        + " seller or an operator can refund it; nothing changed"));
            }
            Transition t = g.escrows().stage(uow, awaiting.id(), new EscrowCommand.RefundFirstStage(REFUNDS));
            if (t instanceof Transition.Refused refused) {
                return Optional.of(new OrderResult.Refused(OrderResult.Reason.ESCROW_REFUSED, "order " + id + ": "
                        + refused.reason() + ": " + refused.detail()));
            }
            return Optional.of(new OrderResult.Done(sync(uow, id, ((Transition.Accepted) t).state())));
        });
        if (result.isPresent()) {
            context.afterCommit(id);
            releaseIfEnded(id);
        }
        return result;
    }

    /**
     * Why an order's seller may not ship yet because of its escrow: a balance not paid. Empty when
     * it may (or the facade runs no escrows).
     */
    Optional<String> balanceRefusal(OrderId id) {
        if (context.guarantee().isEmpty()) {
            return Optional.empty();
        }
        return context.tx(uow -> context.guarantee().get().escrows().find(uow, Guarantee.escrowId(id)))
                .filter(e -> e instanceof dev.mercato.core.escrow.AwaitingBalance)
                .map(e -> "order " + id + " waits for its balance (due by "
                        + ((dev.mercato.core.escrow.AwaitingBalance) e).balanceDueBy() + ") and cannot ship before it is paid");
    }

    private static boolean shipped(Order order) {
        return order instanceof Order.Shipped || order instanceof Order.Delivered || order instanceof Order.Completed;
    }

    void fire(DueTimer timer) {
        Guarantee g = guarantee();
        OrderId id = new OrderId(timer.key().target());
        context.tx(uow -> {
            Optional<DueTimer> still = uow.timers().find(timer.key());
            if (still.isEmpty() || !still.get().equals(timer)) {
                return null;
            }
            if (timer.key().kind().equals(dev.mercato.core.escrow.EscrowService.AUTO_CONFIRM) && parcelInTrouble(uow, id)) {
                // A parcel the carrier reported lost, damaged or sent back: the deadline waits for it.
                uow.timers().schedule(timer.key(), context.now().plus(TROUBLE_RECHECK));
                return null;
            }
            g.escrows().fire(uow, timer).ifPresent(t -> {
                if (t instanceof Transition.Accepted accepted) {
                    sync(uow, id, accepted.state());
                }
            });
            return null;
        });
        context.afterCommit(id);
        releaseIfEnded(id);
    }

    /**
     * Whether an outbound parcel of the order is in trouble at the carrier (an exception or on its
     * way back) and not delivered: automatic confirmation does not pay the seller for goods the
     * carrier says went astray (docs/core.md, "One lifecycle").
     */
    private static boolean parcelInTrouble(UnitOfWork uow, OrderId id) {
        return uow.repository(dev.mercato.core.fulfilment.Parcels.TYPE).findBy(dev.mercato.core.fulfilment.Parcels.BY_ORDER,
                id.value()).stream().map(Versioned::value).anyMatch(p -> !p.isReturn() && !p.tracking().isDelivered()
                && (p.phase() == dev.mercato.logistics.TrackingPhase.EXCEPTION
                        || p.phase() == dev.mercato.logistics.TrackingPhase.RETURNED));
    }

    SettlementStatement statement(Actor actor, String sellerId, CurrencyUnit currency, Instant from, Instant to) {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        if (!(actor instanceof Actor.Seller s && s.sellerId().equals(sellerId)) && !Access.isPlatform(actor)) {
            throw new NotPermittedException(actor, "read", "the statement of " + sellerId);
        }
        Guarantee g = guarantee();
        return SettlementStatement.of(g.journal(), sellerId, currency, from, to, escrowId -> context.tx(uow ->
                uow.repository(Orders.TYPE).find(new OrderId(escrowId)).map(v -> {
                    PricedSnapshot snapshot = v.value().facts().snapshot();
                    long sellerFunded = snapshot.shippingSellerDiscountMinor();
                    for (OrderLine line : snapshot.lines()) {
                        sellerFunded = Math.addExact(sellerFunded, line.sellerFundedMinor());
                    }
                    return new DiscountFunding(MinorUnits.toAmount(sellerFunded, snapshot.currency()));
                })));
    }

    int reconcile() {
        return context.guarantee().map(g -> g.escrows().reconcile()).orElse(0);
    }

    /**
     * Moves the order to where its escrow now is: money released (receipt confirmed, by the buyer or
     * automatically, or a dispute after shipment decided) delivers a shipped order now and
     * completes a delivered one whose after-sale window has passed; money refunded in full before
     * shipment refunds the order before shipment.
     */
    Order sync(UnitOfWork uow, OrderId id, Escrow escrow) {
        Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
        Versioned<Order> current = orders.find(id).orElseThrow();
        Order order = current.value();
        Instant now = context.now();
        Order next = order;
        if ((escrow instanceof dev.mercato.core.escrow.Closed || escrow instanceof Refunded) && !shipped(order)
                && MinorUnits.toMinor(escrow.funds().captured()) < MinorUnits.toMinor(escrow.terms().amount())
                && (order instanceof Order.Paid || order instanceof Order.StockAllocated)) {
            // A balance never paid: its first stage was forfeited (kept or refunded) and the order closes.
            next = order instanceof Order.Paid paid ? paid.closeUnpaidBalance(now)
                    : ((Order.StockAllocated) order).closeUnpaidBalance(now);
        } else if (escrow instanceof Released || escrow instanceof Refunded && shipped(order)) {
            // Receipt confirmed (or a dispute after shipment decided): the shipment's journey is over.
            if (order instanceof Order.Shipped shipped) {
                Order.Delivered delivered = shipped.deliver(now, context.policy().returnWindow());
                uow.timers().schedule(new TimerKey(OrderCommands.AUTO_COMPLETE_TIMER, id.value()), delivered.returnBy());
                next = delivered;
            } else if (order instanceof Order.Delivered delivered && delivered.completionRefusal(now).isEmpty()) {
                next = delivered.complete(now);
            }
        } else if (escrow instanceof Refunded) {
            // Refunded in full before anything shipped.
            if (order instanceof Order.Paid paid) {
                next = paid.refundBeforeShipment(now);
            } else if (order instanceof Order.StockAllocated allocated) {
                next = allocated.refundBeforeShipment(now);
            }
        }
        if (next != order) {
            orders.update(id, next, current.version());
            uow.publishAfterCommit(OrderEvent.entered(next, now));
            PromotionCaps.releaseIfEnded(uow, next.facts().paymentId());
            // The stock of an order this ends goes back after the commit (releaseIfEnded): a
            // commit that fails leaves the order live with its reservation.
        }
        return next;
    }

    /**
     * After a commit that may have ended the order (closed, cancelled, refunded before shipment):
     * gives its reserved stock back. Idempotent; reads the order as committed, so an order a
     * failed commit left live keeps its reservation.
     */
    void releaseIfEnded(OrderId id) {
        Optional<Order> order = context.tx(uow -> uow.repository(Orders.TYPE).find(id)).map(Versioned::value);
        if (order.isPresent() && (order.get() instanceof Order.Closed || order.get() instanceof Order.Cancelled
                || order.get() instanceof Order.RefundedBeforeShipment)) {
            context.inventory().release(new ReservationId(id.value()));
        }
    }
}
