package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.checkout.PaidHook;
import dev.mercato.core.fulfilment.DeliveryHook;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentEvent;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.money.MonetaryAmount;

/**
 * Runs escrows against storage, the ledger and a payment provider.
 *
 * <p>Each command reads the escrow in a unit of work, asks its state for the transition, and
 * commits the new state together with the journal entry and the provider operations it owes
 * (optimistic versions; a conflicting commit is retried on the fresh state, so concurrent
 * commands leave exactly one outcome). With a journal kept in the same storage ({@link
 * Journal#inStorage}) the entry is posted in that unit of work: state and entry commit together.
 * With another journal the entry is kept in the escrow record and posted right after the commit
 * (idempotently, by its key; see {@link #repairJournal()}). Owed refunds are then sent to the
 * provider. Provider calls carry
 * transaction ids derived from the escrow ({@code esc.<id>.pay}, {@code esc.<id>.<step>.refund}),
 * so a replay has one effect; an exception or timeout is an {@code Unknown} outcome that {@link
 * #reconcile()} resolves by querying the provider with backoff. Outcomes from replies, status
 * queries and notifications are folded with {@link dev.mercato.payments.PaymentOutcome#latest},
 * so duplicates and any order of delivery reach the same final state and nothing moves
 * backwards.
 *
 * <p>Timers (unpaid close, auto-confirm, group deadline) are stored with the escrow and fired by a
 * {@link DueTaskRunner} on the injected clock. Thread-safe.
 */
public interface EscrowService {

    /** Timer kind: close an unpaid escrow. */
    String UNPAID_CLOSE = "escrow.unpaid-close";

    /**
     * Whether a transaction id is one of an escrow's balance sales, {@code esc.<id>.balance-<n>}:
     * the second stage of an escrow paid in stages ({@link #pay} on an {@code AwaitingBalance}).
     *
     * @param id a transaction id
     * @return whether it names a balance sale
     */
    static boolean isBalanceSale(TransactionId id) {
        String value = id.value();
        return value.startsWith("esc.") && value.substring(value.lastIndexOf('.') + 1).startsWith("balance-");
    }
    /** Timer kind: confirm receipt automatically. */
    String AUTO_CONFIRM = "escrow.auto-confirm";
    /** Timer kind: refund a group-buy whose group did not form. */
    String GROUP_DEADLINE = "escrow.group-deadline";
    /** Timer kind: apply the forfeit rule to a first stage whose balance was not paid ({@link AwaitingBalance}). */
    String BALANCE_DUE = "escrow.balance-due";

    /**
     * Creates the service.
     *
     * @param storage where escrows and their timers are kept
     * @param journal the ledger
     * @param provider the payment provider
     * @param clock the only source of time
     * @return the service
     */
    static EscrowService create(Storage storage, Journal journal, PaymentProvider provider, Clock clock) {
        return new DefaultEscrowService(storage, journal, provider, clock, Duration.ofSeconds(30), Duration.ofHours(1));
    }

    /**
     * Opens an escrow awaiting payment and schedules its unpaid close. Opening the same terms
     * again returns the existing escrow.
     *
     * @param terms the terms
     * @return the escrow
     */
    Escrow open(EscrowTerms terms);

    /**
     * Opens an escrow paid by a schedule (docs/escrow-and-ledger.md, "Payments in stages"): in
     * full as {@link #open}; in two stages as {@link AwaitingFirstStage}, its first stage due within
     * {@code terms.payWithin()}. {@link #pay} then takes what is due in the state the escrow is in:
     * the first stage (sales {@code esc.<id>.pay-<n>}), then the balance (sales {@code
     * esc.<id>.balance-<n>}). A refund names the stage whose sale it returns ({@code
     * esc.<id>.refund-<step>-deposit} or {@code -balance}): before the balance it returns the first
     * stage; after, each refund is split over the two sales in proportion to them, cumulatively, so
     * neither sale is ever refunded beyond what it captured. Opening the same terms and schedule
     * again returns the existing escrow.
     *
     * @param terms the terms, without a group-buy deadline, tax or cash adjustment when in stages
     * @param schedule how the buyer pays
     * @return the escrow
     * @throws InvalidInputException if the schedule does not fit the terms or the id is used for
     *     other terms
     */
    Escrow openInStages(EscrowTerms terms, PaymentSchedule schedule);

    /**
     * Opens an escrow directly as {@link Held} from a sale the checkout already captured: one
     * buyer payment covering several orders, each order's escrow holding its share ({@code
     * terms.amount()}). It posts the entry a payment through {@link #pay} posts (buyer funds in to
     * held), and records the sale as the escrow's payment, so its refunds go to the provider as
     * refunds of that sale (ids {@code esc.<id>.refund-<step>}); a refund the provider cannot make
     * as part of a shared sale (see {@link dev.mercato.payments.Capabilities.Feature#PARTIAL_REFUND}
     * and {@link dev.mercato.payments.Capabilities.Feature#MULTIPLE_REFUNDS}) is refused with
     * {@link RefusalReason#PROVIDER_CANNOT_REFUND}. Idempotent by escrow id: opening the same terms
     * again returns the existing escrow, in whatever state it is, and posts nothing.
     *
     * @param terms the terms; with a group deadline ({@link EscrowTerms#withGroupDeadline}) the
     *     escrow opens in {@link AwaitingGroup} instead of {@link Held}
     * @param capture the checkout's sale; its total at least {@code terms.amount()}, same currency
     * @return the escrow
     * @throws InvalidInputException if the id is used for other terms, or the terms do not fit the sale
     */
    Escrow openPaid(EscrowTerms terms, CheckoutCapture capture);

    /**
     * {@link #openPaid(EscrowTerms, CheckoutCapture)} staged in the caller's unit of work, so the
     * escrow in {@link Held} and its capture entry commit with whatever else the caller writes
     * (the {@code Commerce} facade: the orders' paid states), or not at all. Needs this service's
     * journal to be kept in the same storage ({@link Journal#inStorage}).
     *
     * @param uow the caller's unit of work, of this service's storage
     * @param terms the terms; with a group deadline the escrow opens in {@link AwaitingGroup}
     * @param capture the checkout's sale
     * @return the escrow (the existing one when already opened with these terms)
     * @throws InvalidInputException if the journal is not in this storage, the id is used for other
     *     terms, or the terms do not fit the sale
     */
    Escrow openPaid(UnitOfWork uow, EscrowTerms terms, CheckoutCapture capture);

    /**
     * {@link #openPaid(UnitOfWork, EscrowTerms, CheckoutCapture)} for an order paid in stages: the
     * checkout's sale carried the schedule's first stage, so the escrow opens {@link
     * AwaitingBalance} with the first stage's capture entry ({@code deposit-capture} or {@code
     * advance-capture}) and its balance timer; the balance is then taken with {@link #pay}.
     * Idempotent like {@code openPaid}.
     *
     * @param uow the caller's unit of work, on this service's storage
     * @param terms the order's escrow terms (no tax, cash adjustment or group deadline)
     * @param schedule the order's two-stage schedule
     * @param capture the checkout's sale; its total covers at least the first stage
     * @return the escrow awaiting its balance (or as it is, when it was opened before)
     * @throws InvalidInputException if the schedule does not fit the terms, the currencies differ or
     *     the capture is smaller than the first stage
     */
    Escrow openPaidInStages(UnitOfWork uow, EscrowTerms terms, PaymentSchedule schedule, CheckoutCapture capture);

    /**
     * Runs one command: the typed dispatch every command method of this service goes through.
     *
     * @param escrowId the escrow
     * @param command the command
     * @return the transition
     * @throws UnknownEscrowException if there is no such escrow
     */
    Transition execute(String escrowId, EscrowCommand command);

    /**
     * {@link #execute} staged in the caller's unit of work: the new state, its journal entry and
     * its timers commit with the caller's writes. A refund it owes the buyer is recorded with the
     * state and sent by {@link #sendOwedRefunds} after the commit (or by {@link #reconcile()}, so a
     * crash in between loses nothing). Needs the journal in the same storage.
     *
     * @param uow the caller's unit of work, of this service's storage
     * @param escrowId the escrow
     * @param command the command
     * @return the transition; a refusal staged nothing
     * @throws UnknownEscrowException if there is no such escrow
     */
    Transition stage(UnitOfWork uow, String escrowId, EscrowCommand command);

    /**
     * Fires one due escrow timer (unpaid close, auto-confirm, group deadline) in the caller's unit
     * of work; a stale timer lines the escrow's timers up with its state and changes nothing else.
     *
     * @param uow the caller's unit of work, of this service's storage
     * @param timer a due timer of one of this service's kinds
     * @return the transition, or empty when the escrow no longer exists
     */
    Optional<Transition> fire(UnitOfWork uow, DueTimer timer);

    /**
     * Sends the refunds of an escrow that were staged with its state ({@link #stage}) and not sent
     * yet; their ids are fixed, so sending again has one effect.
     *
     * @param escrowId the escrow
     * @return how many refunds were sent
     */
    int sendOwedRefunds(String escrowId);

    /**
     * The hook that connects this service to the payment flow of a {@code Commerce} facade
     * ({@code Commerce.Builder#onPaid}): when a buyer payment is paid, each of its paid orders gets
     * an escrow opened as held from the checkout's sale ({@link #openPaid}), so the money is held
     * per order and the shares sum to the sale. An order for which {@code termsOf} is empty is
     * skipped, as is an order that is not paid (it closed before the money arrived; the facade
     * reports the refund due for it). Idempotent, like {@link #openPaid}: a replayed payment opens
     * nothing twice.
     *
     * @param termsOf the escrow terms of a paid order, empty for an order without escrow; their
     *     amount must be the order's payable and their buyer and seller the order's
     * @return the hook
     */
    default PaidHook paymentHook(Function<Order, Optional<EscrowTerms>> termsOf) {
        InvalidInputException.requireNonNull(termsOf, "termsOf");
        return (payment, orders) -> {
            if (payment.paid().isEmpty()) {
                return;
            }
            TransactionId sale = new TransactionId(payment.lastAttempt().orElseThrow(() -> new InvalidInputException(
                    "payment", payment.paymentId(), "was confirmed without a provider sale of its own; open its escrows"
                            + " with open and pay")));
            CheckoutCapture capture = new CheckoutCapture(sale, payment.total(), payment.orderIds().size(),
                    payment.paid().get().paidAt());
            for (Order order : orders) {
                if (order instanceof Order.AwaitingPayment || order instanceof Order.Cancelled
                        || order instanceof Order.Closed || order instanceof Order.RefundedBeforeShipment) {
                    continue;
                }
                Optional<EscrowTerms> terms = termsOf.apply(order);
                if (terms.isEmpty()) {
                    continue;
                }
                EscrowTerms t = terms.get();
                MonetaryAmount payable = order.facts().snapshot().payable();
                if (!t.currency().getCurrencyCode().equals(payable.getCurrency().getCurrencyCode())
                        || MinorUnits.toMinor(t.amount()) != MinorUnits.toMinor(payable)
                        || !t.buyerId().equals(order.facts().buyerId()) || !t.sellerId().equals(order.facts().sellerId())) {
                    throw new InvalidInputException("terms", t.escrowId(), "do not match order " + order.id()
                            + " (payable " + payable + ", buyer " + order.facts().buyerId()
                            + ", seller " + order.facts().sellerId() + ")");
                }
                openPaid(t, capture);
            }
        };
    }

    /**
     * Reads an escrow.
     *
     * @param escrowId the id
     * @return the escrow, or empty
     */
    Optional<Escrow> find(String escrowId);

    /**
     * Reads an escrow within a caller's unit of work (what that unit of work staged included).
     *
     * @param uow the unit of work, of this service's storage
     * @param escrowId the id
     * @return the escrow, or empty
     */
    Optional<Escrow> find(UnitOfWork uow, String escrowId);

    /**
     * The provider operations of an escrow, in the order they were made.
     *
     * @param escrowId the id
     * @return the operations
     */
    List<ProviderOperation> operations(String escrowId);

    /**
     * The provider operations of an escrow within a caller's unit of work, in the order they were made.
     *
     * @param uow the unit of work, of this service's storage
     * @param escrowId the id
     * @return the operations
     */
    List<ProviderOperation> operations(UnitOfWork uow, String escrowId);

    /**
     * Takes the buyer's payment through the provider (a sale with id {@code esc.<id>.pay}) and
     * holds it. Calling again replays the same transaction id: the buyer is charged at most once.
     * An escrow {@link #openInStages opened in stages} is paid stage by stage: in {@link
     * AwaitingFirstStage} this takes the first stage, in {@link AwaitingBalance} the balance.
     *
     * @param escrowId the escrow
     * @param actor the buyer
     * @param source what pays
     * @return the outcome and the escrow afterwards
     */
    PaymentAttempt pay(String escrowId, Actor actor, PaymentSource source);

    /**
     * {@link Held#ship}.
     *
     * @param escrowId the escrow
     * @param actor the seller
     * @param trackingNumber the tracking number
     * @return the transition
     */
    Transition ship(String escrowId, Actor actor, String trackingNumber);

    /**
     * Starts the confirmation clock at delivery: {@link Held#deliver} (the escrow enters {@link
     * Shipped} with its auto-confirm timer {@code autoConfirmAfter} after {@code deliveredAt}) or,
     * for an escrow shipped by hand, {@link Shipped#deliver} (the timer restarts from the delivery,
     * never earlier). Idempotent: the same delivery again is refused with {@link
     * RefusalReason#ALREADY_DONE} and changes nothing. The {@code Commerce} facade calls it when an
     * order is delivered (see {@link #deliveryHook}).
     *
     * @param escrowId the escrow
     * @param actor the system or a platform operator
     * @param trackingNumber the delivered parcels' tracking numbers, comma-separated
     * @param shippedAt when the first parcel left
     * @param deliveredAt when the last parcel was delivered
     * @return the transition
     */
    Transition deliver(String escrowId, Actor actor, String trackingNumber, Instant shippedAt, Instant deliveredAt);

    /**
     * The hook that connects this service to the order flow of a {@code Commerce} facade
     * ({@code Commerce.Builder#onDelivery}): when an order is delivered, the escrow that holds its
     * money starts its confirmation clock from the delivery ({@link #deliver}, as the system). An
     * order without an escrow is skipped. Idempotent, like {@link #deliver}.
     *
     * @param escrowOf the escrow id of an order, empty for an order without escrow
     * @return the hook
     */
    default DeliveryHook deliveryHook(Function<OrderId, Optional<String>> escrowOf) {
        InvalidInputException.requireNonNull(escrowOf, "escrowOf");
        Actor system = new Actor.System("order-delivery");
        return order -> escrowOf.apply(order.id()).ifPresent(escrowId -> deliver(escrowId, system,
                order.shipments().stream().map(Shipment::trackingNumber).collect(Collectors.joining(",")),
                order.shipments().stream().map(Shipment::shippedAt).filter(at -> at.isBefore(order.deliveredAt()))
                        .min(Comparator.naturalOrder()).orElse(order.deliveredAt()),
                order.deliveredAt()));
    }

    /**
     * {@link Shipped#confirmReceipt}.
     *
     * @param escrowId the escrow
     * @param actor the buyer
     * @return the transition
     */
    Transition confirmReceipt(String escrowId, Actor actor);

    /**
     * {@link Shipped#extendAutoConfirm}.
     *
     * @param escrowId the escrow
     * @param actor the buyer
     * @return the transition
     */
    Transition extendAutoConfirm(String escrowId, Actor actor);

    /**
     * {@link Held#openDispute} or {@link Shipped#openDispute}.
     *
     * @param escrowId the escrow
     * @param actor the buyer (or, after shipment, the seller)
     * @return the transition
     */
    Transition openDispute(String escrowId, Actor actor);

    /**
     * {@link Disputed#endWithoutResolution}.
     *
     * @param escrowId the escrow
     * @param actor the buyer or an operator
     * @return the transition
     */
    Transition endDispute(String escrowId, Actor actor);

    /**
     * Refunds an amount in whatever state allows it: {@link Held#refundPart}, {@link
     * Shipped#refundAfterReturn}, {@link Released#refundAfterRelease} (with the seller's balances
     * read from the journal). The refund is then sent to the provider.
     *
     * @param escrowId the escrow
     * @param actor who refunds
     * @param amount the amount
     * @return the transition
     */
    Transition refund(String escrowId, Actor actor, MonetaryAmount amount);

    /**
     * {@link Shipped#refundAfterReturn} only: refused in any other state, so it cannot turn into
     * a refund after release when it loses a race against a confirmation.
     *
     * @param escrowId the escrow
     * @param actor the seller or an operator
     * @param amount the amount
     * @return the transition
     */
    Transition refundAfterReturn(String escrowId, Actor actor, MonetaryAmount amount);

    /**
     * {@link Disputed#resolveByRelease}.
     *
     * @param escrowId the escrow
     * @param actor an operator
     * @return the transition
     */
    Transition resolveByRelease(String escrowId, Actor actor);

    /**
     * {@link Disputed#resolveByRefund}.
     *
     * @param escrowId the escrow
     * @param actor an operator
     * @return the transition
     */
    Transition resolveByRefund(String escrowId, Actor actor);

    /**
     * {@link Disputed#resolveBySplit}.
     *
     * @param escrowId the escrow
     * @param actor an operator
     * @param refundToBuyer the buyer's part
     * @return the transition
     */
    Transition resolveBySplit(String escrowId, Actor actor, MonetaryAmount refundToBuyer);

    /**
     * {@link Released#compensateBuyer}, with the seller's balances read from the journal. The
     * compensation is recorded in the ledger; paying it to the buyer is the host's payout.
     *
     * @param escrowId the escrow
     * @param actor an operator
     * @param amount the compensation
     * @return the transition
     */
    Transition compensateBuyer(String escrowId, Actor actor, MonetaryAmount amount);

    /**
     * {@link AwaitingGroup#groupFormed}.
     *
     * @param escrowId the escrow
     * @param actor the system or an operator
     * @return the transition
     */
    Transition groupFormed(String escrowId, Actor actor);

    /**
     * Registers the escrow timers' handlers with a runner.
     *
     * @param runner the runner
     * @return the runner
     */
    DueTaskRunner registerTimers(DueTaskRunner runner);

    /**
     * Sends again, under new transaction ids, the refunds of an escrow that the provider declined.
     * A declined refund's entry was reversed into {@link dev.mercato.core.ledger.Account#refundOwed}
     * (the money never left); sending it again moves it back to refunds, and the new attempt is
     * reconciled like any refund. A refund already sent again is not sent a third time by a
     * replay; one declined again can be sent again once more after an operator looked at it.
     *
     * @param escrowId the escrow
     * @param actor a platform operator or the system
     * @return how many refunds were sent again
     * @throws UnknownEscrowException if there is no such escrow
     */
    int resendDeclinedRefunds(String escrowId, dev.mercato.core.actor.Actor actor);

    /**
     * Verifies and applies a provider notification.
     *
     * @param notification the webhook as received
     * @return the provider's verification result; rejected notifications change nothing
     */
    NotificationResult onNotification(Notification notification);

    /**
     * Applies one verified payment event; an event id seen before changes nothing.
     *
     * @param event the event
     */
    void onPaymentEvent(PaymentEvent event);

    /**
     * Posts each escrow's last journal entry again. Posting is idempotent by key, so this only
     * adds entries whose post was lost after their state was committed (a crash, a journal
     * outage); run it at start-up. Entries before the last are re-posted by each next command.
     *
     * @return how many entries were missing and are now posted
     */
    int repairJournal();

    /**
     * Asks the provider for the status of every unresolved operation whose next check is due,
     * backing off exponentially; re-sends refunds the provider has no record of (same id).
     *
     * @return how many operations were checked
     */
    int reconcile();
}
