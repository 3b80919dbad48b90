package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.BuyerPayments;
import dev.mercato.core.checkout.PaidHook;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.inventory.Reservation;
import dev.mercato.core.inventory.ReservationId;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderFacts;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Orders;
import dev.mercato.core.order.PaymentInfo;
import dev.mercato.core.order.Refund;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.Versioned;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentEvent;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Buyer payments: pays a checkout's payment through the provider, one transaction id per attempt;
 * settles the provider's outcomes (a timeout or an unknown answer stays pending, an answer that does
 * not match the open attempt is refused: docs/architecture.md rule 8); confirms asynchronous
 * notifications; reconciles pending payments by their timer; and, once captured, marks the orders
 * paid, allocates their stock and, with guaranteed transactions, holds the money in escrow
 * ({@link Guarantee#hold}) in the same unit of work (an order closed meanwhile is refunded), then
 * runs the payment guard and the paid hooks.
 */
final class PaymentCommands {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PaymentCommands.class);

    /** Timer kind that asks the provider about a pending payment; the target is the payment id. */
    static final String RECONCILE_TIMER = "payment.reconcile";
    private static final Duration RECONCILE_EVERY = Duration.ofMinutes(1);

    private final Context context;
    private final List<PaidHook> onPaid;
    private final PaymentGuard paymentGuard;

    PaymentCommands(Context context, List<PaidHook> onPaid, PaymentGuard paymentGuard) {
        this.context = context;
        this.onPaid = List.copyOf(onPaid);
        this.paymentGuard = paymentGuard;
    }

    PaymentResult pay(Actor actor, String paymentId, PaymentSource source) {
        InvalidInputException.requireNonNull(source, "source");
        BuyerPayment payment = requirePayment(paymentId);
        if (!Access.isBuyer(actor, payment.buyerId())) {
            throw new NotPermittedException(actor, "pay", "payment " + paymentId);
        }
        if (payment.paid().isPresent()) {
            return new PaymentResult.Paid(payment);
        }
        Optional<String> unpayable = unpayable(payment);
        if (unpayable.isPresent()) {
            return new PaymentResult.Refused(PaymentResult.Reason.ORDER_NOT_PAYABLE, unpayable.get());
        }
        // A new attempt (a new transaction id) is started only before the first one or after the
        // provider declined the last one. While the last attempt's fate is open (the provider has not
        // seen it yet, or it is pending or unknown), the same transaction id is sent again: the
        // provider applies one id once, so concurrent or repeated calls charge the buyer once.
        String transaction = null;
        if (payment.lastAttempt().isPresent()) {
            Optional<PaymentOutcome> last = context.payments().status(new TransactionId(payment.lastAttempt().get()));
            if (last.isPresent() && !(last.get() instanceof PaymentOutcome.Declined)) {
                return settle(paymentId, last.get(), Optional.of(source));
            }
            if (last.isEmpty()) {
                transaction = payment.lastAttempt().get();
            }
        }
        if (transaction == null) {
            Optional<String> held = paymentGuard.refusal(payment, sellersOf(payment), source);
            if (held.isPresent()) {
                return new PaymentResult.Refused(PaymentResult.Reason.GUARD_REFUSED, held.get());
            }
        }
        if (transaction == null) {
            // The attempt is recorded before the provider is called, so a crash leaves a trace to reconcile.
            int attemptsSeen = payment.attempts().size();
            transaction = context.tx(uow -> {
                Repository<String, BuyerPayment> payments = uow.repository(BuyerPayments.TYPE);
                Versioned<BuyerPayment> current = payments.find(paymentId).orElseThrow();
                if (current.value().attempts().size() != attemptsSeen || current.value().paid().isPresent()) {
                    // Another call started an attempt meanwhile: join it rather than start a second charge.
                    return current.value().lastAttempt().orElseThrow();
                }
                BuyerPayment next = current.value().withNextAttempt();
                payments.update(paymentId, next, current.version());
                uow.timers().schedule(new TimerKey(RECONCILE_TIMER, paymentId), context.now().plus(RECONCILE_EVERY));
                return next.lastAttempt().orElseThrow();
            });
        }
        BuyerPayment attempt = requirePayment(paymentId);
        if (attempt.paid().isPresent()) {
            return new PaymentResult.Paid(attempt);
        }
        PaymentOutcome outcome;
        try {
            Optional<ProviderFunds> held = context.guarantee().flatMap(Guarantee::providerFunds);
            // Provider-held funds: the sale is a held sale, frozen at the provider until the orders' releases split it.
            outcome = held.isPresent()
                    ? held.get().holdSale(new TransactionId(transaction), payment.total(), source, "checkout " + paymentId)
                    : context.payments().sale(new PaymentRequest(new TransactionId(transaction),
                            payment.total(), source, "checkout " + paymentId));
        } catch (InvalidPaymentRequestException refused) {
            if (refused.problem() == InvalidPaymentRequestException.Problem.TRANSACTION_ID_REUSED) {
                // A concurrent call is paying this attempt from another source: its outcome decides.
                return new PaymentResult.Pending(attempt, "another payment attempt is in progress");
            }
            context.tx(uow -> {
                uow.timers().cancel(new TimerKey(RECONCILE_TIMER, paymentId));
                return null;
            });
            return new PaymentResult.Refused(PaymentResult.Reason.REFUSED_BY_PROVIDER, "refused by the provider: " + refused.getMessage());
        } catch (RuntimeException unreachable) {
            // A provider that cannot be reached has not said no: the reconcile timer will ask again.
            return new PaymentResult.Pending(attempt, "provider unreachable: " + unreachable.getMessage());
        }
        return settle(paymentId, outcome, Optional.of(source));
    }

    private PaymentResult settle(String paymentId, PaymentOutcome outcome) {
        return settle(paymentId, outcome, Optional.empty());
    }

    private PaymentResult settle(String paymentId, PaymentOutcome outcome, Optional<PaymentSource> source) {
        Optional<String> mismatch = mismatch(requirePayment(paymentId), outcome);
        if (mismatch.isPresent()) {
            // A verified answer that is not the answer to what was asked changes nothing: an
            // operator looks at it (docs/architecture.md rule 8).
            LOG.error("payment {}: the provider's answer does not match the attempt: {}", paymentId, mismatch.get());
            return new PaymentResult.Refused(PaymentResult.Reason.ANSWER_MISMATCH, "the provider's answer does not match the payment: " + mismatch.get());
        }
        if (outcome instanceof PaymentOutcome.Succeeded succeeded) {
            return markPaid(paymentId, succeeded.providerReference(), source);
        }
        if (outcome instanceof PaymentOutcome.Declined declined) {
            context.tx(uow -> {
                uow.timers().cancel(new TimerKey(RECONCILE_TIMER, paymentId));
                return null;
            });
            return new PaymentResult.Refused(PaymentResult.Reason.DECLINED, "declined: " + declined.reason() + " " + declined.message());
        }
        return new PaymentResult.Pending(requirePayment(paymentId), outcome.toString());
    }

    /**
     * Why an answer is not the answer to this payment's open attempt: another transaction id, or a
     * success or pending answer for another amount or currency.
     */
    static Optional<String> mismatch(BuyerPayment payment, PaymentOutcome outcome) {
        String asked = payment.lastAttempt().orElse("");
        if (!outcome.transactionId().value().equals(asked)) {
            return Optional.of("transaction " + outcome.transactionId().value() + " answered, " + asked + " asked");
        }
        javax.money.MonetaryAmount answered = outcome instanceof PaymentOutcome.Succeeded s ? s.amount()
                : outcome instanceof PaymentOutcome.Pending p ? p.amount() : null;
        // Compared exactly, without converting: an answer of any size (or precision) is a mismatch,
        // never an overflow.
        if (answered != null && (!answered.getCurrency().getCurrencyCode().equals(payment.total().getCurrency().getCurrencyCode())
                || answered.getNumber().numberValue(java.math.BigDecimal.class)
                        .compareTo(payment.total().getNumber().numberValue(java.math.BigDecimal.class)) != 0)) {
            String shown = answered.getNumber().numberValue(java.math.BigDecimal.class).toString();
            return Optional.of("answered " + answered.getCurrency().getCurrencyCode() + " "
                    + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown)
                    + " for a payment of " + MinorUnits.format(MinorUnits.toMinor(payment.total()),
                            payment.total().getCurrency()));
        }
        return Optional.empty();
    }

    /**
     * Asks the provider about the latest attempt of a payment that is not confirmed yet; runs from
     * the reconcile timer until the outcome is final.
     */
    void reconcile(DueTimer timer) {
        String paymentId = timer.key().target();
        boolean mine = context.tx(uow -> {
            Optional<DueTimer> still = uow.timers().find(timer.key());
            if (still.isEmpty() || !still.get().equals(timer)) {
                return false;
            }
            uow.timers().schedule(timer.key(), context.now().plus(RECONCILE_EVERY));
            return true;
        });
        if (!mine) {
            return;
        }
        BuyerPayment payment = requirePayment(paymentId);
        Optional<PaymentOutcome> status = payment.paid().isPresent() || payment.lastAttempt().isEmpty()
                ? Optional.empty()
                : context.payments().status(new TransactionId(payment.lastAttempt().get()));
        if (payment.paid().isPresent() || payment.lastAttempt().isEmpty()
                || status.filter(PaymentOutcome::isFinal).isPresent()) {
            status.ifPresent(outcome -> settle(paymentId, outcome));
            context.tx(uow -> {
                uow.timers().cancel(timer.key());
                return null;
            });
        }
    }

    /**
     * Verifies a provider webhook and applies each event: an answer to a buyer payment's latest
     * attempt settles it as {@link #pay} would (paid, declined, still pending; an answer that does
     * not match the attempt changes nothing); an answer for an escrow's refund or capture goes to
     * the escrow service. Duplicated, replayed and reordered notifications change nothing twice:
     * a paid payment stays paid, an answer to an older attempt is ignored.
     */
    NotificationResult onNotification(Actor actor, Notification notification) {
        Access.system(actor, "apply a payment notification");
        InvalidInputException.requireNonNull(notification, "notification");
        NotificationResult result = context.payments().parseNotification(notification);
        if (result instanceof NotificationResult.Verified verified) {
            for (PaymentEvent event : verified.events()) {
                Optional<BuyerPayment> payment = paymentOfAttempt(event.transactionId().value());
                if (payment.isPresent()) {
                    if (payment.get().paid().isEmpty()
                            && payment.get().lastAttempt().orElse("").equals(event.transactionId().value())) {
                        settle(payment.get().paymentId(), event.outcome());
                    }
                } else {
                    context.guarantee().ifPresent(g -> g.escrows().onPaymentEvent(event));
                }
            }
        }
        return result;
    }

    /** The buyer payment whose attempt {@code transactionId} is ({@code <paymentId>-<n>}), if any. */
    private Optional<BuyerPayment> paymentOfAttempt(String transactionId) {
        int dash = transactionId.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        String paymentId = transactionId.substring(0, dash);
        return context.tx(uow -> uow.repository(BuyerPayments.TYPE).find(paymentId)).map(Versioned::value)
                .filter(p -> p.attempts().contains(transactionId));
    }

    PaymentResult confirm(Actor actor, String paymentId, String providerReference) {
        Access.system(actor, "confirm payment");
        BuyerPayment payment = requirePayment(paymentId);
        if (context.guarantee().isPresent() && payment.lastAttempt().isEmpty() && payment.paid().isEmpty()) {
            return new PaymentResult.Refused(PaymentResult.Reason.NO_PROVIDER_SALE, "payment " + paymentId + " has no provider sale to hold in escrow;"
                    + " pay it with pay()");
        }
        return markPaid(paymentId, InvalidInputException.requireNonNull(providerReference, "providerReference"));
    }

    Optional<BuyerPayment> read(Actor actor, String paymentId) {
        Optional<BuyerPayment> payment = context.tx(uow -> uow.repository(BuyerPayments.TYPE)
                .find(InvalidInputException.requireNonNull(paymentId, "paymentId"))).map(Versioned::value);
        payment.ifPresent(p -> {
            if (!Access.isBuyer(actor, p.buyerId()) && !Access.isPlatform(actor)) {
                throw new NotPermittedException(actor, "read", "payment " + paymentId);
            }
        });
        return payment;
    }

    private BuyerPayment requirePayment(String paymentId) {
        InvalidInputException.requireNonNull(paymentId, "paymentId");
        return context.tx(uow -> uow.repository(BuyerPayments.TYPE).find(paymentId)).map(Versioned::value)
                .orElseThrow(() -> new InvalidInputException("paymentId", paymentId, "is not a known payment"));
    }

    /** The sellers of a payment's orders, in order id order. */
    private List<String> sellersOf(BuyerPayment payment) {
        return context.tx(uow -> payment.orderIds().stream()
                .map(id -> uow.repository(Orders.TYPE).find(id).orElseThrow().value().facts().sellerId())
                .distinct().toList());
    }

    private Optional<String> unpayable(BuyerPayment payment) {
        return context.tx(uow -> {
            for (OrderId id : payment.orderIds()) {
                Order order = uow.repository(Orders.TYPE).find(id).orElseThrow().value();
                if (!(order instanceof Order.AwaitingPayment)) {
                    return Optional.of("order " + id + " is " + order.stateName() + " and cannot be paid");
                }
            }
            // A group-buy member pays only while the group can still form with them.
            return GroupBuyCommands.unpayable(uow, payment.paymentId(), context.now());
        });
    }

    /**
     * Marks a payment and its orders paid and allocates their stock. An order that closed
     * meanwhile stays closed and a refund is due for it.
     */
    private PaymentResult markPaid(String paymentId, String providerReference) {
        return markPaid(paymentId, providerReference, Optional.empty());
    }

    private PaymentResult markPaid(String paymentId, String providerReference, Optional<PaymentSource> source) {
        boolean wasPaid = requirePayment(paymentId).paid().isPresent();
        PaymentResult result = markPaidOnce(paymentId, providerReference);
        if (!wasPaid && result instanceof PaymentResult.Paid paid) {
            try {
                paymentGuard.paid(paid.payment(), sellersOf(paid.payment()), source);
            } catch (RuntimeException e) {
                LOG.warn("the payment guard failed after payment {}", paymentId, e);
            }
        }
        if (result instanceof PaymentResult.Paid paid) {
            paid.payment().orderIds().forEach(context::afterCommit);
        }
        if (result instanceof PaymentResult.Paid paid) {
            tellPaid(paid.payment());
        }
        return result;
    }

    /**
     * Tells the paid hooks (escrow holding the money among them). Runs after the payment's commit,
     * also when a confirmation finds it already paid (hooks are idempotent, so one lost in a crash
     * catches up); a failing hook is logged and changes nothing.
     */
    private void tellPaid(BuyerPayment payment) {
        if (onPaid.isEmpty()) {
            return;
        }
        List<Order> orders = context.tx(uow -> {
            Repository<OrderId, Order> repo = uow.repository(Orders.TYPE);
            return payment.orderIds().stream().map(id -> repo.find(id).orElseThrow().value()).toList();
        });
        for (PaidHook hook : onPaid) {
            try {
                hook.paid(payment, orders);
            } catch (RuntimeException e) {
                LOG.warn("a paid hook failed for payment {}", payment.paymentId(), e);
            }
        }
    }

    private PaymentResult markPaidOnce(String paymentId, String providerReference) {
        return context.tx(uow -> {
            Instant now = context.now();
            Repository<String, BuyerPayment> payments = uow.repository(BuyerPayments.TYPE);
            Versioned<BuyerPayment> payment = payments.find(paymentId).orElseThrow();
            if (payment.value().paid().isPresent()) {
                return new PaymentResult.Paid(payment.value());
            }
            PaymentInfo info = new PaymentInfo(providerReference, now);
            Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
            for (OrderId id : payment.value().orderIds()) {
                Versioned<Order> order = orders.find(id).orElseThrow();
                if (order.value() instanceof Order.AwaitingPayment awaiting) {
                    Order.Paid paid = awaiting.pay(info);
                    List<Reservation.Pick> picks = context.inventory().find(new ReservationId(id.value()))
                            .map(Reservation::picks).orElse(List.of());
                    Order.StockAllocated allocated = paid.allocateStock(picks, now);
                    orders.update(id, allocated, order.version());
                    if (context.guarantee().isPresent()) {
                        context.guarantee().get().hold(uow, payment.value(), allocated, true, now);
                    }
                    uow.timers().cancel(new TimerKey(Orders.UNPAID_CLOSE_TIMER, id.value()));
                    uow.publishAfterCommit(OrderEvent.entered(paid, now));
                    uow.publishAfterCommit(OrderEvent.entered(allocated, now));
                } else if (context.guarantee().isPresent()) {
                    // Closed or cancelled while the money was on its way: booked and refunded at once.
                    context.guarantee().get().hold(uow, payment.value(), order.value(), false, now);
                } else {
                    OrderFacts facts = order.value().facts();
                    List<Refund.LineRefund> lines = facts.snapshot().lines().stream()
                            .map(l -> new Refund.LineRefund(l.lineNo(), l.quantity(), l.payable())).toList();
                    uow.publishAfterCommit(new OrderEvent.RefundDue(id, facts.buyerId(), facts.sellerId(),
                            new Refund(Optional.empty(), lines, facts.snapshot().payable(), now), now));
                }
            }
            uow.timers().cancel(new TimerKey(RECONCILE_TIMER, paymentId));
            BuyerPayment paid = payment.value().withPaid(info);
            payments.update(paymentId, paid, payment.version());
            // A group-buy member: marked paid; paying the last place forms the group here.
            GroupBuyCommands.paid(context, uow, paid, now);
            return new PaymentResult.Paid(paid);
        });
    }
}
