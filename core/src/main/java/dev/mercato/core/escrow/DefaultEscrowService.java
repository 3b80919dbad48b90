package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.ledger.TransactionalJournal;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.DueTimers;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentEvent;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.money.MonetaryAmount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The escrow service over {@link Storage}: see {@link EscrowService} for the contract. */
final class DefaultEscrowService implements EscrowService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEscrowService.class);
    private static final int ATTEMPTS = 50;
    private static final Actor SYSTEM = new Actor.System("escrow-timers");
    private static final String OPEN = "open";
    /** The outcome of a refund staged with its state and not sent to the provider yet. */
    private static final String NOT_SENT = "not sent yet";

    /**
     * An escrow with the last entry it posted, the provider operations made for it and, for an
     * escrow opened as held from a checkout's sale, that sale.
     */
    record EscrowRecord(Escrow escrow, Optional<JournalEntry> lastEntry, List<ProviderOperation> operations,
            Optional<CheckoutCapture> checkoutCapture) {
        EscrowRecord {
            operations = List.copyOf(operations);
        }

        EscrowRecord(Escrow escrow, Optional<JournalEntry> lastEntry, List<ProviderOperation> operations) {
            this(escrow, lastEntry, operations, Optional.empty());
        }

        boolean hasOpenOperations() {
            return operations.stream().anyMatch(op -> !op.isFinal());
        }

        Optional<ProviderOperation> operation(TransactionId id) {
            return operations.stream().filter(op -> op.transactionId().equals(id)).findFirst();
        }

        EscrowRecord withOperation(ProviderOperation changed) {
            List<ProviderOperation> ops = new ArrayList<>();
            boolean replaced = false;
            for (ProviderOperation op : operations) {
                if (op.transactionId().equals(changed.transactionId())) {
                    ops.add(changed);
                    replaced = true;
                } else {
                    ops.add(op);
                }
            }
            if (!replaced) {
                ops.add(changed);
            }
            return new EscrowRecord(escrow, lastEntry, ops, checkoutCapture);
        }

        EscrowRecord withState(Escrow next, Optional<JournalEntry> entry) {
            return new EscrowRecord(next, entry.isPresent() ? entry : lastEntry, operations, checkoutCapture);
        }
    }

    static final AggregateType<String, EscrowRecord> ESCROWS = AggregateType
            .of("escrow", String.class, EscrowRecord.class, Function.identity())
            .withCodec(dev.mercato.core.storage.Codecs.json(EscrowRecord.class, 4,
                    new dev.mercato.core.storage.Upcaster(1, DefaultEscrowService::withoutLines),
                    new dev.mercato.core.storage.Upcaster(2, DefaultEscrowService::withoutTax),
                    new dev.mercato.core.storage.Upcaster(3, DefaultEscrowService::withoutCostsOfGoods)))
            .withIndex("operations", r -> r.hasOpenOperations() ? OPEN : "")
            .withIndex("all", r -> "escrow");

    /**
     * Schema 1 to 2: escrows stored before refunds by line have terms without lines (their refunds
     * stay prorated over the whole order).
     */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> withoutLines(java.util.Map<String, Object> doc) {
        Object escrow = doc.get("escrow");
        if (escrow instanceof java.util.Map<?, ?> e && e.get("terms") instanceof java.util.Map<?, ?> terms) {
            ((java.util.Map<String, Object>) terms).putIfAbsent("lines", List.of());
        }
        return doc;
    }

    /**
     * Schema 2 to 3: escrows stored before tax and cash rounding have no tax on their lines, none
     * released (the lines were settled without tax) and no cash adjustment.
     */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> withoutTax(java.util.Map<String, Object> doc) {
        if (!(doc.get("escrow") instanceof java.util.Map<?, ?> escrow)) {
            return doc;
        }
        if (escrow.get("funds") instanceof java.util.Map<?, ?> funds) {
            ((java.util.Map<String, Object>) funds).putIfAbsent("tax", 0L);
        }
        if (escrow.get("terms") instanceof java.util.Map<?, ?> terms && terms.get("amount") instanceof java.util.Map<?, ?> a) {
            java.util.Map<String, Object> zero = new java.util.LinkedHashMap<>();
            zero.put("minor", 0L);
            zero.put("currency", a.get("currency"));
            ((java.util.Map<String, Object>) terms).putIfAbsent("cashAdjustment", zero);
        }
        if (escrow.get("terms") instanceof java.util.Map<?, ?> terms && terms.get("lines") instanceof List<?> lines) {
            for (Object line : lines) {
                if (line instanceof java.util.Map<?, ?> l && l.get("sellerNet") instanceof java.util.Map<?, ?> net) {
                    java.util.Map<String, Object> zero = new java.util.LinkedHashMap<>();
                    zero.put("minor", 0L);
                    zero.put("currency", net.get("currency"));
                    ((java.util.Map<String, Object>) l).putIfAbsent("tax", zero);
                }
            }
        }
        return doc;
    }

    /**
     * Schema 3 to 4: escrows stored before self-operated goods carry no costs of goods (their
     * releases post none).
     */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> withoutCostsOfGoods(java.util.Map<String, Object> doc) {
        if (doc.get("escrow") instanceof java.util.Map<?, ?> escrow && escrow.get("terms") instanceof java.util.Map<?, ?> t) {
            ((java.util.Map<String, Object>) t).putIfAbsent("costsOfGoods", List.of());
        }
        return doc;
    }

    /** What to do once a unit of work has committed. */
    private record AfterCommit(List<JournalEntry> entries, List<ProviderOperation> refunds, String escrowId) {
        static AfterCommit nothing(String escrowId) {
            return new AfterCommit(List.of(), List.of(), escrowId);
        }
    }

    private record Outcome<T>(T result, AfterCommit after) {}

    private final Storage storage;
    private final Journal journal;
    /** The journal, when it lives in the same storage: entries are then posted in the command's unit of work. */
    private final Optional<TransactionalJournal> sameStorageJournal;
    private final PaymentProvider provider;
    private final Clock clock;
    private final Duration backoffBase;
    private final Duration backoffMax;

    DefaultEscrowService(Storage storage, Journal journal, PaymentProvider provider, Clock clock, Duration backoffBase,
            Duration backoffMax) {
        this.storage = InvalidInputException.requireNonNull(storage, "storage");
        this.journal = InvalidInputException.requireNonNull(journal, "journal");
        this.sameStorageJournal = journal instanceof TransactionalJournal tj && tj.storage() == storage
                ? Optional.of(tj) : Optional.empty();
        this.provider = InvalidInputException.requireNonNull(provider, "provider");
        this.clock = InvalidInputException.requireNonNull(clock, "clock");
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
    }

    // ------------------------------------------------------------------ reads and opening

    @Override
    public Escrow open(EscrowTerms terms) {
        InvalidInputException.requireNonNull(terms, "terms");
        paymentId(terms.escrowId(), 1); // fails early on ids the provider cannot carry
        if (!terms.cashAdjustment().isZero()) {
            throw new InvalidInputException("terms.cashAdjustment", terms.cashAdjustment(), "comes from a checkout's"
                    + " cash-rounded capture: open the escrow with openPaid");
        }
        Instant now = clock.instant();
        return storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, EscrowRecord> repo = uow.repository(ESCROWS);
            Optional<Versioned<EscrowRecord>> existing = repo.find(terms.escrowId());
            if (existing.isPresent()) {
                Escrow escrow = existing.get().value().escrow();
                if (!escrow.terms().equals(terms)) {
                    throw new InvalidInputException("escrowId", terms.escrowId(), "is already used for other terms");
                }
                return escrow;
            }
            AwaitingPayment opened = Escrow.open(terms, now);
            repo.insert(terms.escrowId(), new EscrowRecord(opened, Optional.empty(), List.of()));
            syncTimers(uow.timers(), opened);
            return opened;
        }, EventPublisher.none());
    }

    @Override
    public Escrow openInStages(EscrowTerms terms, PaymentSchedule schedule) {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(schedule, "schedule");
        if (schedule instanceof PaymentSchedule.InFull) {
            return open(terms);
        }
        paymentId(terms.escrowId(), 1); // fails early on ids the provider cannot carry
        transactionId(terms.escrowId(), LONGEST_STAGE_SUFFIX);
        Instant now = clock.instant();
        Escrow opened = Escrow.openInStages(terms, schedule, now);
        return storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, EscrowRecord> repo = uow.repository(ESCROWS);
            Optional<Versioned<EscrowRecord>> existing = repo.find(terms.escrowId());
            if (existing.isPresent()) {
                Escrow escrow = existing.get().value().escrow();
                if (!escrow.terms().equals(terms)) {
                    throw new InvalidInputException("escrowId", terms.escrowId(), "is already used for other terms");
                }
                return escrow;
            }
            repo.insert(terms.escrowId(), new EscrowRecord(opened, Optional.empty(), List.of()));
            syncTimers(uow.timers(), opened);
            return opened;
        }, EventPublisher.none());
    }

    @Override
    public Escrow openPaid(EscrowTerms terms, CheckoutCapture capture) {
        checkOpenPaid(terms, capture);
        Instant now = clock.instant();
        Outcome<Escrow> outcome = storage.inTransaction(ATTEMPTS, uow -> stagedOpenPaid(uow, terms, capture, now),
                EventPublisher.none());
        finish(outcome.after());
        return outcome.result();
    }

    @Override
    public Escrow openPaid(UnitOfWork uow, EscrowTerms terms, CheckoutCapture capture) {
        InvalidInputException.requireNonNull(uow, "uow");
        checkOpenPaid(terms, capture);
        requireSameStorageJournal("open an escrow");
        return stagedOpenPaid(uow, terms, capture, clock.instant()).result();
    }

    @Override
    public Escrow openPaidInStages(UnitOfWork uow, EscrowTerms terms, PaymentSchedule schedule, CheckoutCapture capture) {
        InvalidInputException.requireNonNull(uow, "uow");
        InvalidInputException.requireNonNull(schedule, "schedule");
        if (schedule instanceof PaymentSchedule.InFull) {
            return openPaid(uow, terms, capture);
        }
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(capture, "capture");
        paymentId(terms.escrowId(), 1);
        transactionId(terms.escrowId(), LONGEST_STAGE_SUFFIX);
        if (!terms.currency().getCurrencyCode().equals(capture.total().getCurrency().getCurrencyCode())) {
            throw new InvalidInputException("capture", capture.total(), "is in another currency than the escrow's "
                    + terms.amount());
        }
        long first = schedule.firstStage(terms);
        if (first > MinorUnits.toMinor(capture.total())) {
            throw new InvalidInputException("capture", capture.total(), "is less than the first stage "
                    + MinorUnits.toAmount(first, terms.currency()));
        }
        requireSameStorageJournal("open an escrow");
        Repository<String, EscrowRecord> repo = uow.repository(ESCROWS);
        Optional<Versioned<EscrowRecord>> existing = repo.find(terms.escrowId());
        if (existing.isPresent()) {
            Escrow escrow = existing.get().value().escrow();
            if (!escrow.terms().equals(terms)) {
                throw new InvalidInputException("escrowId", terms.escrowId(), "is already used for other terms");
            }
            return escrow;
        }
        Instant now = clock.instant();
        Transition.Accepted paid = (Transition.Accepted) ((AwaitingFirstStage) Escrow.openInStages(terms, schedule,
                capture.capturedAt())).pay(SYSTEM, capture.capturedAt());
        Escrow awaiting = paid.state();
        ProviderOperation sale = new ProviderOperation(ProviderOperation.Kind.PAYMENT, capture.transactionId(),
                MinorUnits.toAmount(first, terms.currency()), new PaymentOutcome.Succeeded(capture.transactionId(),
                        capture.total(), "checkout " + capture.transactionId().value()), 0, now);
        repo.insert(terms.escrowId(), new EscrowRecord(awaiting, paid.entry(), List.of(sale), Optional.of(capture)));
        syncTimers(uow.timers(), awaiting);
        stage(uow, new ArrayList<>(paid.entry().stream().toList()));
        return awaiting;
    }

    private void checkOpenPaid(EscrowTerms terms, CheckoutCapture capture) {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(capture, "capture");
        paymentId(terms.escrowId(), 1); // fails early on ids the provider cannot carry
        if (!terms.currency().getCurrencyCode().equals(capture.total().getCurrency().getCurrencyCode())) {
            throw new InvalidInputException("capture", capture.total(), "is in another currency than the escrow's "
                    + terms.amount());
        }
        if (MinorUnits.toMinor(terms.paidInCash()) > MinorUnits.toMinor(capture.total())) {
            throw new InvalidInputException("terms.amount", terms.paidInCash(), "exceeds the captured total "
                    + capture.total());
        }
    }

    private Outcome<Escrow> stagedOpenPaid(UnitOfWork uow, EscrowTerms terms, CheckoutCapture capture, Instant now) {
        Repository<String, EscrowRecord> repo = uow.repository(ESCROWS);
        Optional<Versioned<EscrowRecord>> existing = repo.find(terms.escrowId());
        if (existing.isPresent()) {
            Escrow escrow = existing.get().value().escrow();
            if (!escrow.terms().equals(terms)) {
                throw new InvalidInputException("escrowId", terms.escrowId(), "is already used for other terms");
            }
            return new Outcome<>(escrow, AfterCommit.nothing(terms.escrowId()));
        }
        // The same transition and entry as a payment through the escrow's own sale.
        Transition.Accepted paid = (Transition.Accepted) Escrow.open(terms, capture.capturedAt())
                .pay(SYSTEM, capture.capturedAt());
        Escrow held = paid.state();
        ProviderOperation sale = new ProviderOperation(ProviderOperation.Kind.PAYMENT, capture.transactionId(),
                terms.amount(), new PaymentOutcome.Succeeded(capture.transactionId(), capture.total(),
                        "checkout " + capture.transactionId().value()), 0, now);
        repo.insert(terms.escrowId(), new EscrowRecord(held, paid.entry(), List.of(sale), Optional.of(capture)));
        syncTimers(uow.timers(), held);
        List<JournalEntry> entries = new ArrayList<>(paid.entry().stream().toList());
        cashRounding(held, held.step(), "cash-rounding", 0, capture.capturedAt()).ifPresent(entries::add);
        return new Outcome<>(held, new AfterCommit(stage(uow, entries), List.of(), terms.escrowId()));
    }

    @Override
    public Optional<Escrow> find(String escrowId) {
        return record(escrowId).map(EscrowRecord::escrow);
    }

    @Override
    public Optional<Escrow> find(UnitOfWork uow, String escrowId) {
        InvalidInputException.requireNonNull(uow, "uow");
        InvalidInputException.requireNonNull(escrowId, "escrowId");
        return uow.repository(ESCROWS).find(escrowId).map(v -> v.value().escrow());
    }

    @Override
    public List<ProviderOperation> operations(String escrowId) {
        return record(escrowId).map(EscrowRecord::operations).orElse(List.of());
    }

    @Override
    public List<ProviderOperation> operations(UnitOfWork uow, String escrowId) {
        InvalidInputException.requireNonNull(uow, "uow");
        InvalidInputException.requireNonNull(escrowId, "escrowId");
        return uow.repository(ESCROWS).find(escrowId).map(v -> v.value().operations()).orElse(List.of());
    }

    private Optional<EscrowRecord> record(String escrowId) {
        return storage.inTransaction(uow -> uow.repository(ESCROWS).find(escrowId)).map(Versioned::value);
    }

    // ------------------------------------------------------------------ commands

    @Override
    public Transition ship(String escrowId, Actor actor, String trackingNumber) {
        return execute(escrowId, new EscrowCommand.Ship(actor, trackingNumber));
    }

    @Override
    public Transition deliver(String escrowId, Actor actor, String trackingNumber, Instant shippedAt,
            Instant deliveredAt) {
        return execute(escrowId, new EscrowCommand.Deliver(actor, trackingNumber, shippedAt, deliveredAt));
    }

    @Override
    public Transition confirmReceipt(String escrowId, Actor actor) {
        return execute(escrowId, new EscrowCommand.ConfirmReceipt(actor));
    }

    @Override
    public Transition extendAutoConfirm(String escrowId, Actor actor) {
        return execute(escrowId, new EscrowCommand.ExtendAutoConfirm(actor));
    }

    @Override
    public Transition openDispute(String escrowId, Actor actor) {
        return execute(escrowId, new EscrowCommand.OpenDispute(actor));
    }

    @Override
    public Transition endDispute(String escrowId, Actor actor) {
        return execute(escrowId, new EscrowCommand.EndDispute(actor));
    }

    @Override
    public Transition refund(String escrowId, Actor actor, MonetaryAmount amount) {
        return execute(escrowId, new EscrowCommand.Refund(actor, amount));
    }

    @Override
    public Transition refundAfterReturn(String escrowId, Actor actor, MonetaryAmount amount) {
        return execute(escrowId, new EscrowCommand.RefundAfterReturn(actor, amount));
    }

    @Override
    public Transition resolveByRelease(String escrowId, Actor actor) {
        return execute(escrowId, new EscrowCommand.ResolveByRelease(actor));
    }

    @Override
    public Transition resolveByRefund(String escrowId, Actor actor) {
        return execute(escrowId, new EscrowCommand.ResolveByRefund(actor));
    }

    @Override
    public Transition resolveBySplit(String escrowId, Actor actor, MonetaryAmount refundToBuyer) {
        return execute(escrowId, new EscrowCommand.ResolveBySplit(actor, refundToBuyer));
    }

    @Override
    public Transition compensateBuyer(String escrowId, Actor actor, MonetaryAmount amount) {
        return execute(escrowId, new EscrowCommand.CompensateBuyer(actor, amount));
    }

    @Override
    public Transition groupFormed(String escrowId, Actor actor) {
        return execute(escrowId, new EscrowCommand.GroupFormed(actor));
    }

    @Override
    public Transition execute(String escrowId, EscrowCommand command) {
        InvalidInputException.requireNonNull(command, "command");
        return command(escrowId, (e, now) -> transition(command, e, now));
    }

    @Override
    public Transition stage(UnitOfWork uow, String escrowId, EscrowCommand command) {
        InvalidInputException.requireNonNull(uow, "uow");
        InvalidInputException.requireNonNull(escrowId, "escrowId");
        InvalidInputException.requireNonNull(command, "command");
        requireSameStorageJournal("stage a command");
        return staged(uow, escrowId, (e, now) -> transition(command, e, now), clock.instant()).result();
    }

    /** The one dispatch from a command to the transition of the state the escrow is in. */
    private Transition transition(EscrowCommand command, Escrow e, Instant now) {
        Actor actor = command.actor();
        if (command instanceof EscrowCommand.Ship c) {
            return e instanceof Held s ? s.ship(actor, c.trackingNumber(), now) : wrongState(e, "ship");
        } else if (command instanceof EscrowCommand.Deliver c) {
            if (e instanceof Held s) {
                return s.deliver(actor, c.trackingNumber(), c.shippedAt(), c.deliveredAt());
            }
            if (e instanceof Shipped s) {
                return s.deliver(actor, c.deliveredAt());
            }
            if (e instanceof Released || e instanceof Refunded || e instanceof Disputed) {
                // Already confirmed, refunded or frozen by a dispute: the delivery changes nothing.
                return new Transition.Refused(e, RefusalReason.ALREADY_DONE, "escrow " + e.id() + " is "
                        + e.getClass().getSimpleName() + "; a delivery does not move it");
            }
            return wrongState(e, "deliver");
        } else if (command instanceof EscrowCommand.ConfirmReceipt) {
            return e instanceof Shipped s ? s.confirmReceipt(actor, now) : wrongState(e, "confirm receipt");
        } else if (command instanceof EscrowCommand.ExtendAutoConfirm) {
            return e instanceof Shipped s ? s.extendAutoConfirm(actor, now) : wrongState(e, "extend");
        } else if (command instanceof EscrowCommand.OpenDispute) {
            if (e instanceof Held s) {
                return s.openDispute(actor, now);
            }
            return e instanceof Shipped s ? s.openDispute(actor, now) : wrongState(e, "dispute");
        } else if (command instanceof EscrowCommand.EndDispute) {
            return e instanceof Disputed s ? s.endWithoutResolution(actor, now) : wrongState(e, "end a dispute");
        } else if (command instanceof EscrowCommand.Refund c) {
            if (e instanceof Held s) {
                return s.refundPart(actor, c.amount(), now);
            }
            if (e instanceof Shipped s) {
                return s.refundAfterReturn(actor, c.amount(), now);
            }
            if (e instanceof Released s) {
                return s.refundAfterRelease(actor, c.amount(), balances(s), now);
            }
            return wrongState(e, "refund");
        } else if (command instanceof EscrowCommand.RefundLines c) {
            if (e instanceof Held s) {
                return s.refundLines(actor, c, now);
            }
            if (e instanceof Shipped s) {
                return s.refundLines(actor, c, now);
            }
            if (e instanceof Released s) {
                return s.refundLinesAfterRelease(actor, c, balances(s), now);
            }
            return wrongState(e, "refund");
        } else if (command instanceof EscrowCommand.ResolveBySplitLines c) {
            return e instanceof Disputed s ? s.resolveBySplitLines(actor, c.refund(), now) : wrongState(e, "resolve");
        } else if (command instanceof EscrowCommand.RefundAfterReturn c) {
            return e instanceof Shipped s ? s.refundAfterReturn(actor, c.amount(), now) : wrongState(e, "refund after return");
        } else if (command instanceof EscrowCommand.ResolveByRelease) {
            return e instanceof Disputed s ? s.resolveByRelease(actor, now) : wrongState(e, "resolve");
        } else if (command instanceof EscrowCommand.ResolveByRefund) {
            return e instanceof Disputed s ? s.resolveByRefund(actor, now) : wrongState(e, "resolve");
        } else if (command instanceof EscrowCommand.ResolveBySplit c) {
            return e instanceof Disputed s ? s.resolveBySplit(actor, c.refundToBuyer(), now) : wrongState(e, "resolve");
        } else if (command instanceof EscrowCommand.CompensateBuyer c) {
            return e instanceof Released s ? s.compensateBuyer(actor, c.amount(), balances(s), now)
                    : wrongState(e, "compensate");
        } else if (command instanceof EscrowCommand.GroupFormed) {
            return e instanceof AwaitingGroup s ? s.groupFormed(actor, now) : wrongState(e, "form the group");
        } else if (command instanceof EscrowCommand.GroupFailed) {
            return e instanceof AwaitingGroup s ? s.groupFailed(actor, now) : wrongState(e, "fail the group");
        } else if (command instanceof EscrowCommand.LeaveGroup) {
            return e instanceof AwaitingGroup s ? s.leaveGroup(actor, now) : wrongState(e, "leave the group");
        } else if (command instanceof EscrowCommand.RefundFirstStage) {
            return e instanceof AwaitingBalance s ? s.refundFirstStage(actor, now) : wrongState(e, "refund the first stage");
        }
        throw new IllegalStateException("unhandled escrow command " + command);
    }

    private void requireSameStorageJournal(String what) {
        if (sameStorageJournal.isEmpty()) {
            throw new InvalidInputException("journal", journal.getClass().getSimpleName(), "must be a journal kept in"
                    + " this service's storage (Journal.inStorage) to " + what + " in a caller's unit of work");
        }
    }

    private SellerBalances balances(Escrow e) {
        return SellerBalances.from(journal, e.terms().sellerId(), e.terms().currency());
    }

    private static Transition wrongState(Escrow e, String action) {
        return new Transition.Refused(e, RefusalReason.NOT_IN_THIS_STATE, "cannot " + action + " escrow " + e.id()
                + " while " + e.getClass().getSimpleName());
    }

    /** A transition computed from the current state and the current instant. */
    private interface Command {
        Transition apply(Escrow current, Instant now);
    }

    private Transition command(String escrowId, Command command) {
        InvalidInputException.requireNonNull(escrowId, "escrowId");
        Instant now = clock.instant();
        Outcome<Transition> outcome = storage.inTransaction(ATTEMPTS, uow -> staged(uow, escrowId, command, now),
                EventPublisher.none());
        finish(outcome.after());
        return outcome.result();
    }

    /** A command's transition staged in a unit of work; what is owed after the commit comes back with it. */
    private Outcome<Transition> staged(UnitOfWork uow, String escrowId, Command command, Instant now) {
        Repository<String, EscrowRecord> repo = uow.repository(ESCROWS);
        Versioned<EscrowRecord> current = repo.find(escrowId).orElseThrow(() -> new UnknownEscrowException(escrowId));
        Transition t = command.apply(current.value().escrow(), now);
        if (!(t instanceof Transition.Accepted accepted)) {
            return new Outcome<>(t, AfterCommit.nothing(escrowId));
        }
        Optional<Transition.Refused> unrefundable = providerCannotRefund(current.value(), accepted);
        if (unrefundable.isPresent()) {
            return new Outcome<Transition>(unrefundable.get(), AfterCommit.nothing(escrowId));
        }
        return new Outcome<>(t, commitTransition(uow, current, accepted, now));
    }

    /**
     * A refund of an escrow that holds a share of a checkout's sale goes to the provider as a part
     * of that sale, perhaps one of several: refused, changing nothing, where the provider cannot.
     */
    private Optional<Transition.Refused> providerCannotRefund(EscrowRecord before, Transition.Accepted accepted) {
        if (before.checkoutCapture().isEmpty()) {
            return Optional.empty();
        }
        CheckoutCapture capture = before.checkoutCapture().get();
        long refundedNow = MinorUnits.toMinor(accepted.state().funds().refunded())
                - MinorUnits.toMinor(before.escrow().funds().refunded());
        if (refundedNow <= 0) {
            return Optional.empty();
        }
        refundedNow = refundInCash(before.escrow(), accepted.state());
        if (refundedNow <= 0) {
            return Optional.empty();
        }
        Capabilities can = provider.capabilities();
        boolean partial = refundedNow < MinorUnits.toMinor(capture.total());
        boolean another = capture.orders() > 1 || MinorUnits.toMinor(before.escrow().funds().refunded()) > 0;
        Escrow e = before.escrow();
        if (partial && !can.supports(Capabilities.Feature.PARTIAL_REFUND)) {
            return Optional.of(new Transition.Refused(e, RefusalReason.PROVIDER_CANNOT_REFUND, "refunding "
                    + MinorUnits.toAmount(refundedNow, e.terms().currency()) + " of escrow " + e.id()
                    + " is a part of checkout sale " + capture.transactionId().value() + " of " + capture.total()
                    + ", and the provider does not refund part of a sale"));
        }
        if (another && !can.supports(Capabilities.Feature.MULTIPLE_REFUNDS)) {
            return Optional.of(new Transition.Refused(e, RefusalReason.PROVIDER_CANNOT_REFUND, "escrow " + e.id()
                    + " shares checkout sale " + capture.transactionId().value() + " (" + capture.orders()
                    + " orders), and the provider does not refund one sale more than once"));
        }
        return Optional.empty();
    }

    /** Stages the new state, its entry, the refunds it owes and its timers. */
    private AfterCommit commitTransition(UnitOfWork uow, Versioned<EscrowRecord> current, Transition.Accepted accepted,
            Instant now) {
        EscrowRecord before = current.value();
        Escrow next = accepted.state();
        EscrowRecord after = before.withState(next, accepted.entry());
        List<ProviderOperation> refunds = new ArrayList<>();
        long refundedNow = MinorUnits.toMinor(next.funds().refunded()) - MinorUnits.toMinor(before.escrow().funds().refunded());
        Optional<JournalEntry> cashBack = Optional.empty();
        if (refundedNow > 0) {
            long inCash = refundInCash(before.escrow(), next);
            cashBack = cashRounding(next, next.step(), "cash-rounding-refund", inCash - refundedNow, now);
            refundedNow = inCash;
        }
        for (long[] part : refundsBySale(before, next, refundedNow)) {
            if (part[1] <= 0) {
                continue;
            }
            String suffix = "refund-" + next.step() + (part[0] == 0 ? "" : part[0] == 1 ? DEPOSIT_SUFFIX : BALANCE_SUFFIX);
            ProviderOperation refund = new ProviderOperation(ProviderOperation.Kind.REFUND,
                    transactionId(next.id(), suffix), MinorUnits.toAmount(part[1], next.terms().currency()),
                    new PaymentOutcome.Unknown(transactionId(next.id(), suffix), NOT_SENT), 0,
                    now.plus(backoffBase));
            refunds.add(refund);
            after = after.withOperation(refund);
        }
        uow.repository(ESCROWS).update(next.id(), after, current.version());
        syncTimers(uow.timers(), next);
        // With a journal of its own, the previous entry is posted again (a no-op replay) in case
        // the process stopped after its commit and before its post: the record is the outbox, the
        // journal deduplicates. A journal in the same storage posted it with its state, atomically.
        List<JournalEntry> entries = new ArrayList<>();
        if (sameStorageJournal.isEmpty()) {
            before.lastEntry().ifPresent(entries::add);
        }
        accepted.entry().ifPresent(entries::add);
        cashBack.ifPresent(entries::add);
        return new AfterCommit(stage(uow, entries), refunds, next.id());
    }

    /**
     * What the provider refunds for a transition that refunds some of the escrow's money: what the
     * buyer paid in cash is returned in full and never exceeded. Without a cash adjustment that is
     * the exact refund. Rounded up, the refund that gives back the escrow's last money adds the
     * adjustment; rounded down, refunds stop at what was paid in cash and the last one returns
     * only what is left of it.
     */
    private static long refundInCash(Escrow before, Escrow next) {
        long exactNow = MinorUnits.toMinor(next.funds().refunded()) - MinorUnits.toMinor(before.funds().refunded());
        long adjustment = MinorUnits.toMinor(next.terms().cashAdjustment());
        if (adjustment == 0) {
            return exactNow;
        }
        long captured = MinorUnits.toMinor(next.funds().captured());
        long cashLeft = Exact.add(captured, adjustment) - MinorUnits.toMinor(before.funds().refunded());
        boolean last = MinorUnits.toMinor(next.funds().refunded()) == captured;
        return Math.max(0, last ? cashLeft : Math.min(exactNow, cashLeft));
    }

    /**
     * The cash rounding of an escrow's checkout, as its own entry beside the escrow's. At capture
     * ({@code refundDelta} 0): the buyer paid the adjustment on top of the escrow's amount (below
     * it when negative), and the platform's cash-rounding account takes it. At a refund: what the
     * provider refunds beyond the exact refund ({@code refundDelta}, see {@link #refundInCash})
     * comes from that account. Empty when there is nothing to post.
     */
    private static Optional<JournalEntry> cashRounding(Escrow escrow, long step, String event, long refundDelta,
            Instant at) {
        EscrowTerms t = escrow.terms();
        long adjustment = MinorUnits.toMinor(t.cashAdjustment());
        boolean capture = event.equals("cash-rounding");
        long amount = capture ? adjustment : refundDelta;
        if (amount == 0) {
            return Optional.empty();
        }
        JournalEntry.Builder b = JournalEntry.builder("escrow:" + t.escrowId() + ":" + step + ":" + event, at,
                event + " " + t.escrowId())
                .reference(new EntryReference(EntryReference.Kind.ESCROW, t.escrowId(), step, event));
        if (capture) {
            b.minor(Account.buyerFundsIn(t.buyerId()), t.currency(), -amount).minor(Account.cashRounding(), t.currency(),
                    amount);
        } else {
            b.minor(Account.refunds(), t.currency(), amount).minor(Account.cashRounding(), t.currency(), -amount);
        }
        return Optional.of(b.build());
    }

    /**
     * Posts entries in the unit of work when the journal shares the storage (state and entry then
     * commit together); otherwise returns them to be posted after the commit.
     */
    private List<JournalEntry> stage(UnitOfWork uow, List<JournalEntry> entries) {
        if (sameStorageJournal.isEmpty()) {
            return entries;
        }
        for (JournalEntry entry : entries) {
            PostResult result = sameStorageJournal.get().post(uow, entry);
            if (!result.isAccepted()) {
                throw new IllegalStateException("the journal refused escrow entry " + entry.key() + ": " + result);
            }
        }
        return List.of();
    }

    private void finish(AfterCommit after) {
        if (!after.entries().isEmpty()) {
            try {
                for (PostResult result : journal.postAll(after.entries())) {
                    if (!result.isAccepted()) {
                        LOG.error("journal refused an escrow entry: {}", result);
                    }
                }
            } catch (RuntimeException e) {
                // The state is committed with its entry in the record: the next command on this
                // escrow or repairJournal() posts it. The caller's command did happen.
                LOG.error("posting escrow entries of {} failed; they stay in the escrow record", after.escrowId(), e);
            }
        }
        for (ProviderOperation refund : after.refunds()) {
            sendRefund(after.escrowId(), refund);
        }
    }

    // ------------------------------------------------------------------ payment

    @Override
    public PaymentAttempt pay(String escrowId, Actor actor, PaymentSource source) {
        InvalidInputException.requireNonNull(source, "source");
        Instant now = clock.instant();
        record Prepared(Optional<Transition.Refused> refusal, Escrow escrow, Optional<TransactionId> id) {}
        Prepared prepared = storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, EscrowRecord> repo = uow.repository(ESCROWS);
            Versioned<EscrowRecord> current = repo.find(escrowId).orElseThrow(() -> new UnknownEscrowException(escrowId));
            Escrow escrow = current.value().escrow();
            Transition check = escrow instanceof AwaitingPayment s ? s.pay(actor, now)
                    : escrow instanceof AwaitingFirstStage s ? s.pay(actor, now)
                    : escrow instanceof AwaitingBalance s ? s.payBalance(actor, now)
                    : wrongState(escrow, "pay");
            if (check instanceof Transition.Refused refused) {
                return new Prepared(Optional.of(refused), escrow, Optional.empty());
            }
            boolean balance = escrow instanceof AwaitingBalance;
            List<ProviderOperation> payments = current.value().operations().stream()
                    .filter(op -> op.kind() == ProviderOperation.Kind.PAYMENT && isBalanceSale(op) == balance).toList();
            Optional<ProviderOperation> reusable = payments.stream()
                    .filter(op -> !(op.outcome() instanceof PaymentOutcome.Declined)).findFirst();
            if (reusable.isPresent()) {
                return new Prepared(Optional.empty(), escrow, Optional.of(reusable.get().transactionId()));
            }
            // Declined ids are used up: a new attempt needs a new id.
            TransactionId id = balance ? transactionId(escrowId, BALANCE_SALE + (payments.size() + 1))
                    : paymentId(escrowId, payments.size() + 1);
            ProviderOperation op = new ProviderOperation(ProviderOperation.Kind.PAYMENT, id, dueNow(escrow),
                    new PaymentOutcome.Unknown(id, "requested"), 0, now.plus(backoffBase));
            repo.update(escrowId, current.value().withOperation(op), current.version());
            return new Prepared(Optional.empty(), escrow, Optional.of(id));
        }, EventPublisher.none());
        if (prepared.refusal().isPresent()) {
            return new PaymentAttempt(Optional.empty(), prepared.escrow(), prepared.refusal());
        }
        TransactionId id = prepared.id().orElseThrow();
        PaymentOutcome outcome;
        try {
            outcome = provider.sale(new PaymentRequest(id, dueNow(prepared.escrow()), source, escrowId));
        } catch (InvalidPaymentRequestException e) {
            outcome = new PaymentOutcome.Declined(id, DeclineReason.REFUSED, "invalid-request", e.getMessage());
        } catch (RuntimeException e) {
            outcome = new PaymentOutcome.Unknown(id, "provider call failed: " + e);
        }
        record(escrowId, id, outcome, Optional.empty());
        return new PaymentAttempt(Optional.of(outcome), find(escrowId).orElseThrow(), Optional.empty());
    }

    private void sendRefund(String escrowId, ProviderOperation refund) {
        PaymentOutcome outcome;
        try {
            TransactionId payment = capturedPayment(escrowId, refund.transactionId());
            outcome = provider.refund(new RefundRequest(refund.transactionId(), payment, refund.amount(),
                    "escrow " + escrowId));
        } catch (RuntimeException e) {
            // Unknown, never failed: the reconciler asks the provider and re-sends with the same id.
            outcome = new PaymentOutcome.Unknown(refund.transactionId(), "refund call failed: " + e);
        }
        record(escrowId, refund.transactionId(), outcome, Optional.empty());
    }

    /** Folds a reported outcome into an operation and applies what it means to the escrow. */
    private void record(String escrowId, TransactionId id, PaymentOutcome reported, Optional<Instant> checkedAt) {
        Instant now = clock.instant();
        AfterCommit after = storage.inTransaction(ATTEMPTS, uow -> apply(uow, escrowId, id, reported, checkedAt, now),
                EventPublisher.none());
        finish(after);
    }

    private AfterCommit apply(UnitOfWork uow, String escrowId, TransactionId id, PaymentOutcome reported,
            Optional<Instant> checkedAt, Instant now) {
        Repository<String, EscrowRecord> repo = uow.repository(ESCROWS);
        Optional<Versioned<EscrowRecord>> found = repo.find(escrowId);
        if (found.isEmpty() || found.get().value().operation(id).isEmpty()) {
            LOG.warn("payment outcome for unknown transaction {} ignored", id);
            return AfterCommit.nothing(escrowId);
        }
        Versioned<EscrowRecord> current = found.get();
        ProviderOperation op = current.value().operation(id).get();
        ProviderOperation updated;
        try {
            updated = checkedAt.isPresent() ? op.checkedAt(now, reported, backoff(op.checks())) : op.withOutcome(reported);
        } catch (RuntimeException contradiction) {
            LOG.error("provider contradicts itself on {}: keeping {}", id, op.outcome(), contradiction);
            return AfterCommit.nothing(escrowId);
        }
        EscrowRecord record = current.value().withOperation(updated);
        Escrow escrow = record.escrow();
        if (op.kind() == ProviderOperation.Kind.REFUND && updated.outcome() instanceof PaymentOutcome.Declined
                && !(op.outcome() instanceof PaymentOutcome.Declined)) {
            return refundDeclined(uow, current, record, updated, now);
        }
        if (op.kind() == ProviderOperation.Kind.PAYMENT && updated.outcome() instanceof PaymentOutcome.Succeeded
                && !(op.outcome() instanceof PaymentOutcome.Succeeded)) {
            boolean balance = isBalanceSale(op);
            Transition t = !balance && escrow instanceof AwaitingPayment awaiting ? awaiting.pay(SYSTEM, now)
                    : !balance && escrow instanceof AwaitingFirstStage first ? first.pay(SYSTEM, now)
                    : balance && escrow instanceof AwaitingBalance due ? due.payBalance(SYSTEM, now)
                    : null;
            if (t instanceof Transition.Accepted accepted) {
                Versioned<EscrowRecord> staged = new Versioned<>(record, current.version());
                return commitTransition(uow, staged, accepted, now);
            } else if (balance && !(escrow instanceof AwaitingBalance)) {
                // A balance captured after the first stage was forfeited or refunded: it goes back.
                return lateCapture(uow, current, record, updated, now, "late-refund" + BALANCE_SUFFIX);
            } else if (t == null && MinorUnits.toMinor(escrow.funds().captured()) == 0) {
                return lateCapture(uow, current, record, updated, now, "late-refund");
            }
        }
        repo.update(escrowId, record, current.version());
        return AfterCommit.nothing(escrowId);
    }

    /**
     * The provider declined a refund: the money never left the platform, so the refund's entry is
     * reversed into what the platform owes the buyer ({@link Account#refundOwed}), once per
     * declined transaction, until {@link #resendDeclinedRefunds} sends it again.
     */
    private AfterCommit refundDeclined(UnitOfWork uow, Versioned<EscrowRecord> current, EscrowRecord record,
            ProviderOperation refund, Instant now) {
        Escrow escrow = record.escrow();
        LOG.warn("refund {} of escrow {} was declined: {} is owed to buyer {} until it is sent again",
                refund.transactionId().value(), escrow.id(), refund.amount(), escrow.terms().buyerId());
        JournalEntry entry = JournalEntry.builder("escrow:" + escrow.id() + ":declined:" + refund.transactionId().value(),
                        now, "refund " + refund.transactionId().value() + " declined; owed to the buyer")
                .reference(new EntryReference(EntryReference.Kind.ESCROW, escrow.id(), escrow.step(), "refund-declined"))
                .credit(Account.refunds(), refund.amount())
                .debit(Account.refundOwed(escrow.terms().buyerId()), refund.amount()).build();
        uow.repository(ESCROWS).update(escrow.id(), record.withState(escrow, Optional.of(entry)), current.version());
        return new AfterCommit(stage(uow, List.of(entry)), List.of(), escrow.id());
    }

    @Override
    public int resendDeclinedRefunds(String escrowId, Actor actor) {
        InvalidInputException.requireNonNull(escrowId, "escrowId");
        InvalidInputException.requireNonNull(actor, "actor");
        if (!(actor instanceof Actor.PlatformOperator) && !(actor instanceof Actor.System)) {
            throw new InvalidInputException("actor", actor, "only the platform sends a declined refund again");
        }
        Instant now = clock.instant();
        AfterCommit after = storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, EscrowRecord> repo = uow.repository(ESCROWS);
            Versioned<EscrowRecord> current = repo.find(escrowId).orElseThrow(() -> new UnknownEscrowException(escrowId));
            EscrowRecord record = current.value();
            Escrow escrow = record.escrow();
            List<ProviderOperation> declined = record.operations().stream()
                    .filter(op -> op.kind() == ProviderOperation.Kind.REFUND && op.outcome() instanceof PaymentOutcome.Declined)
                    .toList();
            List<ProviderOperation> resent = new ArrayList<>();
            List<JournalEntry> entries = new ArrayList<>();
            for (ProviderOperation op : declined) {
                TransactionId again = new TransactionId(op.transactionId().value() + "-again");
                if (record.operation(again).isPresent()) {
                    continue;
                }
                ProviderOperation retry = new ProviderOperation(ProviderOperation.Kind.REFUND, again, op.amount(),
                        new PaymentOutcome.Unknown(again, NOT_SENT), 0, now.plus(backoffBase));
                JournalEntry entry = JournalEntry.builder("escrow:" + escrowId + ":resent:" + again.value(), now,
                                "declined refund " + op.transactionId().value() + " sent again as " + again.value())
                        .reference(new EntryReference(EntryReference.Kind.ESCROW, escrowId, escrow.step(), "refund-resent"))
                        .credit(Account.refundOwed(escrow.terms().buyerId()), op.amount())
                        .debit(Account.refunds(), op.amount()).build();
                record = record.withOperation(retry).withState(escrow, Optional.of(entry));
                resent.add(retry);
                entries.add(entry);
            }
            if (resent.isEmpty()) {
                return AfterCommit.nothing(escrowId);
            }
            repo.update(escrowId, record, current.version());
            return new AfterCommit(stage(uow, entries), resent, escrowId);
        }, EventPublisher.none());
        finish(after);
        return after.refunds().size();
    }

    /** The buyer's money arrived after the escrow closed: record it and send it straight back. */
    private AfterCommit lateCapture(UnitOfWork uow, Versioned<EscrowRecord> current, EscrowRecord record,
            ProviderOperation payment, Instant now, String refundSuffix) {
        Escrow escrow = record.escrow();
        TransactionId refundId = transactionId(escrow.id(), refundSuffix);
        if (record.operation(refundId).isPresent()) {
            uow.repository(ESCROWS).update(escrow.id(), record, current.version());
            return AfterCommit.nothing(escrow.id());
        }
        JournalEntry entry = JournalEntry.builder("escrow:" + escrow.id() + ":" + refundSuffix.replace("late-refund", "late-payment"), now,
                        "payment after close, refunded " + escrow.id())
                .reference(new EntryReference(EntryReference.Kind.ESCROW, escrow.id(), escrow.step(), "late-payment"))
                .credit(Account.buyerFundsIn(escrow.terms().buyerId()), payment.amount())
                .debit(Account.refunds(), payment.amount()).build();
        ProviderOperation refund = new ProviderOperation(ProviderOperation.Kind.REFUND, refundId, payment.amount(),
                new PaymentOutcome.Unknown(refundId, NOT_SENT), 0, now.plus(backoffBase));
        uow.repository(ESCROWS).update(escrow.id(), record.withOperation(refund).withState(escrow, Optional.of(entry)),
                current.version());
        return new AfterCommit(stage(uow, List.of(entry)), List.of(refund), escrow.id());
    }

    @Override
    public int repairJournal() {
        List<Versioned<EscrowRecord>> all = storage.inTransaction(uow -> uow.repository(ESCROWS).findBy("all", "escrow"));
        int posted = 0;
        for (Versioned<EscrowRecord> v : all) {
            Optional<JournalEntry> last = v.value().lastEntry();
            if (last.isPresent() && journal.post(last.get()) instanceof PostResult.Posted) {
                posted++;
            }
        }
        return posted;
    }

    // ------------------------------------------------------------------ notifications and reconciliation

    @Override
    public NotificationResult onNotification(Notification notification) {
        NotificationResult result = provider.parseNotification(notification);
        if (result instanceof NotificationResult.Verified verified) {
            verified.events().forEach(this::onPaymentEvent);
        }
        return result;
    }

    @Override
    public void onPaymentEvent(PaymentEvent event) {
        InvalidInputException.requireNonNull(event, "event");
        Optional<String> escrowId = escrowOf(event.transactionId());
        if (escrowId.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        IdempotencyKey key = new IdempotencyKey("payment-event", event.eventId());
        AfterCommit after = storage.inTransaction(ATTEMPTS, uow -> {
            if (uow.idempotency().find(key, event.eventId(), String.class).isPresent()) {
                return AfterCommit.nothing(escrowId.get());
            }
            uow.idempotency().remember(key, event.eventId(), event.transactionId().value());
            return apply(uow, escrowId.get(), event.transactionId(), event.outcome(), Optional.empty(), now);
        }, EventPublisher.none());
        finish(after);
    }

    @Override
    public int reconcile() {
        Instant now = clock.instant();
        List<Versioned<EscrowRecord>> open = storage.inTransaction(uow -> uow.repository(ESCROWS).findBy("operations", OPEN));
        int checked = 0;
        for (Versioned<EscrowRecord> v : open) {
            String escrowId = v.value().escrow().id();
            for (ProviderOperation op : v.value().operations()) {
                if (op.isFinal() || op.nextCheckAt().isAfter(now)) {
                    continue;
                }
                record(escrowId, op.transactionId(), query(escrowId, op), Optional.of(now));
                checked++;
            }
        }
        return checked;
    }

    private PaymentOutcome query(String escrowId, ProviderOperation op) {
        try {
            Optional<PaymentOutcome> status = provider.status(op.transactionId());
            if (status.isPresent()) {
                return status.get();
            }
            if (op.kind() == ProviderOperation.Kind.REFUND) {
                // Nothing moved under this id: send it again, same id, so it happens once.
                TransactionId payment = capturedPayment(escrowId, op.transactionId());
                return provider.refund(new RefundRequest(op.transactionId(), payment, op.amount(), "escrow " + escrowId));
            }
            // The provider never recorded the sale: nothing moved, and nothing will under this id.
            return new PaymentOutcome.Declined(op.transactionId(), DeclineReason.REFUSED, "not-found",
                    "the provider has no record of this payment");
        } catch (RuntimeException e) {
            return new PaymentOutcome.Unknown(op.transactionId(), "status query failed: " + e);
        }
    }

    /**
     * The sale a refund returns: the balance's for a refund naming the balance, otherwise the first
     * captured sale (the first stage of an escrow paid in stages, the only sale of any other).
     */
    private TransactionId capturedPayment(String escrowId, TransactionId refund) {
        boolean balance = refund.value().substring(refund.value().lastIndexOf('.') + 1).contains(BALANCE_SUFFIX);
        return operations(escrowId).stream()
                .filter(op -> op.kind() == ProviderOperation.Kind.PAYMENT && op.outcome() instanceof PaymentOutcome.Succeeded
                        && isBalanceSale(op) == balance)
                .map(ProviderOperation::transactionId).findFirst()
                .orElseThrow(() -> new IllegalStateException("no captured payment for escrow " + escrowId));
    }

    private Duration backoff(int checks) {
        Duration d = backoffBase.multipliedBy(1L << Math.min(checks, 20));
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }

    // ------------------------------------------------------------------ timers

    @Override
    public DueTaskRunner registerTimers(DueTaskRunner runner) {
        return runner
                .on(UNPAID_CLOSE, (timer, now) -> fire(timer))
                .on(AUTO_CONFIRM, (timer, now) -> fire(timer))
                .on(GROUP_DEADLINE, (timer, now) -> fire(timer))
                .on(BALANCE_DUE, (timer, now) -> fire(timer));
    }

    @Override
    public Optional<Transition> fire(UnitOfWork uow, DueTimer timer) {
        InvalidInputException.requireNonNull(uow, "uow");
        InvalidInputException.requireNonNull(timer, "timer");
        requireSameStorageJournal("fire a timer");
        return stagedFire(uow, timer, clock.instant()).result();
    }

    /** The transition a due timer of this kind asks for: the state's own, if it runs that timer. */
    private static Command timerCommand(String kind) {
        if (!EscrowTimer.KINDS.contains(kind)) {
            throw new InvalidInputException("timer", kind, "is not an escrow timer kind");
        }
        return (e, at) -> e.timer().filter(t -> t.kind().equals(kind)).isPresent() ? e.onTimer(SYSTEM, at)
                : wrongState(e, "fire " + kind + " on");
    }

    private void fire(DueTimer timer) {
        Instant now = clock.instant();
        AfterCommit after = storage.inTransaction(ATTEMPTS, uow -> stagedFire(uow, timer, now).after(),
                EventPublisher.none());
        finish(after);
    }

    private Outcome<Optional<Transition>> stagedFire(UnitOfWork uow, DueTimer timer, Instant now) {
        String escrowId = timer.key().target();
        Command command = timerCommand(timer.key().kind());
        Optional<Versioned<EscrowRecord>> current = uow.repository(ESCROWS).find(escrowId);
        if (current.isEmpty()) {
            uow.timers().cancel(timer.key());
            return new Outcome<>(Optional.empty(), AfterCommit.nothing(escrowId));
        }
        Transition t = command.apply(current.get().value().escrow(), now);
        if (t instanceof Transition.Accepted accepted) {
            return new Outcome<>(Optional.of(t), commitTransition(uow, current.get(), accepted, now));
        }
        // Stale or early timer (extended, disputed, already done): line the timers up with the state.
        syncTimers(uow.timers(), current.get().value().escrow());
        return new Outcome<>(Optional.of(t), AfterCommit.nothing(escrowId));
    }

    @Override
    public int sendOwedRefunds(String escrowId) {
        InvalidInputException.requireNonNull(escrowId, "escrowId");
        List<ProviderOperation> owed = operations(escrowId).stream()
                .filter(op -> op.kind() == ProviderOperation.Kind.REFUND && !op.isFinal() && op.checks() == 0
                        && op.outcome() instanceof PaymentOutcome.Unknown u && u.detail().equals(NOT_SENT))
                .toList();
        owed.forEach(op -> sendRefund(escrowId, op));
        return owed.size();
    }

    /** Schedules exactly the timer the escrow's state declares, and cancels the others. */
    private static void syncTimers(DueTimers timers, Escrow escrow) {
        String id = escrow.id();
        for (String kind : EscrowTimer.KINDS) {
            timers.cancel(new TimerKey(kind, id));
        }
        escrow.timer().ifPresent(t -> timers.schedule(new TimerKey(t.kind(), id), t.dueAt()));
    }

    // ------------------------------------------------------------------ transaction ids

    private static final String PREFIX = "esc.";
    /** The balance's sales of an escrow paid in stages: {@code esc.<id>.balance-<n>} ({@link EscrowService#isBalanceSale}). */
    private static final String BALANCE_SALE = "balance-";
    /**
     * Ends the id of a refund of the first stage's sale (short: a facade order id is 40 characters
     * and a transaction id at most 64).
     */
    private static final String DEPOSIT_SUFFIX = "-d";
    /** Ends the id of a refund of the balance's sale. */
    private static final String BALANCE_SUFFIX = "-b";
    /** The longest suffix an escrow paid in stages may need: a resent balance refund at step 9999. */
    private static final String LONGEST_STAGE_SUFFIX = "refund-9999" + BALANCE_SUFFIX + "-again";

    private static boolean isBalanceSale(ProviderOperation op) {
        return EscrowService.isBalanceSale(op.transactionId());
    }

    /** What {@link #pay} asks the provider for in this state: the stage due, or the whole amount. */
    private static javax.money.MonetaryAmount dueNow(Escrow escrow) {
        if (escrow instanceof AwaitingFirstStage s) {
            return MinorUnits.toAmount(s.schedule().firstStage(s.terms()), s.terms().currency());
        }
        if (escrow instanceof AwaitingBalance s) {
            return s.balanceDue();
        }
        return escrow.terms().amount();
    }

    /**
     * The provider refunds a transition owes, as {@code {sale, units}} with sale 0 for the only sale
     * of an escrow paid at once, 1 for the first stage's and 2 for the balance's. Before the balance
     * everything returns the first stage; after, refunds are split over the two sales in proportion
     * to what each captured, cumulatively (this refund takes the first stage up to its share of all
     * refunded so far), so each sale's refunds never exceed it.
     */
    private List<long[]> refundsBySale(EscrowRecord before, Escrow next, long units) {
        if (units <= 0) {
            return List.of();
        }
        if (before.escrow() instanceof AwaitingBalance) {
            return List.of(new long[] {1, units});
        }
        Optional<ProviderOperation> balanceSale = before.operations().stream()
                .filter(op -> op.kind() == ProviderOperation.Kind.PAYMENT && isBalanceSale(op)
                        && op.outcome() instanceof PaymentOutcome.Succeeded).findFirst();
        if (balanceSale.isEmpty()) {
            return List.of(new long[] {0, units});
        }
        javax.money.CurrencyUnit c = next.terms().currency();
        long balance = MinorUnits.toMinor(balanceSale.get().amount(), c);
        long first = MinorUnits.toMinor(next.terms().amount()) - balance;
        long refundedAfter = MinorUnits.toMinor(next.funds().refunded());
        long firstTarget = dev.mercato.pricing.money.Allocation.allocate(refundedAfter, new long[] {first, balance})[0];
        long firstBefore = 0;
        for (ProviderOperation op : before.operations()) {
            String id = op.transactionId().value();
            if (op.kind() == ProviderOperation.Kind.REFUND && id.substring(id.lastIndexOf('.') + 1).endsWith(DEPOSIT_SUFFIX)) {
                firstBefore = dev.mercato.pricing.money.Exact.add(firstBefore, MinorUnits.toMinor(op.amount(), c));
            }
        }
        long fromFirst = Math.max(0, Math.min(units, firstTarget - firstBefore));
        return List.of(new long[] {1, fromFirst}, new long[] {2, units - fromFirst});
    }

    static TransactionId paymentId(String escrowId, int attempt) {
        return transactionId(escrowId, "pay-" + attempt);
    }

    static TransactionId transactionId(String escrowId, String suffix) {
        String value = PREFIX + escrowId + "." + suffix;
        try {
            return new TransactionId(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("escrowId", escrowId,
                    "must make a valid transaction id (" + PREFIX + "<id>.<suffix>, [A-Za-z0-9._:-], at most 64)");
        }
    }

    static Optional<String> escrowOf(TransactionId id) {
        String value = id.value();
        int lastDot = value.lastIndexOf('.');
        if (!value.startsWith(PREFIX) || lastDot <= PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(value.substring(PREFIX.length(), lastDot));
    }
}
