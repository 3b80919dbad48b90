package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.money.MonetaryAmount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The seller service over {@link Storage}: see {@link SellerService}. */
final class DefaultSellerService implements SellerService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSellerService.class);
    private static final int ATTEMPTS = 20;
    private static final Duration RETURN_RETRY = Duration.ofDays(1);
    private static final int MAX_ID_LENGTH = 40;

    static final AggregateType<String, DepositTopUp> TOP_UPS = AggregateType
            .of("seller-deposit-top-up", String.class, DepositTopUp.class, Function.identity())
            .withIndex("awaiting-provider", t -> t instanceof DepositTopUp.AwaitingProvider ? "yes" : "");

    static final AggregateType<String, Seller> SELLERS = AggregateType
            .of("seller", String.class, Seller.class, Function.identity())
            .withIndex("awaiting-provider", DefaultSellerService::awaitingProvider)
            .withIndex("all", s -> "all");

    private final Storage storage;
    private final Journal journal;
    private final PaymentProvider provider;
    private final Clock clock;
    private final OnboardingPolicy policy;
    private final OpenObligations obligations;

    DefaultSellerService(Storage storage, Journal journal, PaymentProvider provider, Clock clock, OnboardingPolicy policy,
            OpenObligations obligations) {
        this.storage = InvalidInputException.requireNonNull(storage, "storage");
        this.journal = InvalidInputException.requireNonNull(journal, "journal");
        this.provider = InvalidInputException.requireNonNull(provider, "provider");
        this.clock = InvalidInputException.requireNonNull(clock, "clock");
        this.policy = InvalidInputException.requireNonNull(policy, "policy");
        this.obligations = InvalidInputException.requireNonNull(obligations, "obligations");
    }

    private static String awaitingProvider(Seller seller) {
        return seller instanceof DepositPending || seller instanceof Closing c && c.returnPayment().isPresent() ? "yes" : "";
    }

    private SellerRequirements required(Seller seller) {
        return policy.of(seller.profile().type());
    }

    @Override
    public SellerResult register(String sellerId, SellerType type, Actor actor) {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        if (sellerId.length() > MAX_ID_LENGTH || !sellerId.matches("[A-Za-z0-9._:-]+")) {
            throw new InvalidInputException("sellerId", sellerId,
                    "must be 1 to " + MAX_ID_LENGTH + " characters of [A-Za-z0-9._:-] to name its deposit payments");
        }
        SellerResult result = Seller.register(new SellerProfile(sellerId, type, clock.instant()), actor);
        return storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, Seller> repo = uow.repository(SELLERS);
            Optional<Versioned<Seller>> existing = repo.find(sellerId);
            if (existing.isPresent()) {
                return new SellerResult.Refused(existing.get().value(), SellerRefusal.NOT_IN_THIS_STATE,
                        "seller " + sellerId + " is already registered");
            }
            if (result.isAccepted()) {
                repo.insert(sellerId, result.state());
            }
            return result;
        }, EventPublisher.none());
    }

    @Override
    public SellerResult submitQualifications(String sellerId, Actor actor, List<QualificationDocument> documents) {
        Instant now = clock.instant();
        return command(sellerId, s -> {
            if (s instanceof Registered r) {
                return r.submitQualifications(actor, documents, required(s), now);
            }
            if (s instanceof Rejected r) {
                return r.resubmit(actor, documents, required(s), now);
            }
            return wrongState(s, "submit qualifications");
        });
    }

    @Override
    public SellerResult approve(String sellerId, Actor actor) {
        Instant now = clock.instant();
        return command(sellerId, s -> s instanceof QualificationsSubmitted q ? q.approve(actor, required(s), now)
                : wrongState(s, "approve"));
    }

    @Override
    public SellerResult reject(String sellerId, Actor actor, RejectionReason reason, String note) {
        Instant now = clock.instant();
        return command(sellerId, s -> s instanceof QualificationsSubmitted q ? q.reject(actor, reason, note, now)
                : wrongState(s, "reject"));
    }

    @Override
    public SellerResult acceptAgreement(String sellerId, Actor actor, String agreementVersion) {
        Instant now = clock.instant();
        return command(sellerId, s -> s instanceof Approved a ? a.acceptAgreement(actor, agreementVersion, now)
                : wrongState(s, "accept the agreement"));
    }

    @Override
    public SellerResult activateWithoutDeposit(String sellerId, Actor actor) {
        Instant now = clock.instant();
        return command(sellerId, s -> s instanceof AgreementAccepted a ? a.activateWithoutDeposit(actor, required(s), now)
                : wrongState(s, "activate"));
    }

    @Override
    public SellerResult payDeposit(String sellerId, Actor actor, MonetaryAmount amount, PaymentSource source, String key) {
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(source, "source");
        IdempotencyKey idempotency = new IdempotencyKey("seller-deposit", sellerId + "/"
                + InvalidInputException.requireNonNull(key, "key"));
        String fingerprint = "seller=" + sellerId + ";amount=" + amount.getCurrency().getCurrencyCode() + " "
                + amount.getNumber().numberValue(java.math.BigDecimal.class).stripTrailingZeros().toPlainString();
        Instant now = clock.instant();
        Object[] replayOf = new Object[1];
        SellerResult requested = storage.inTransaction(ATTEMPTS, uow -> {
            replayOf[0] = null;
            Optional<String> done = uow.idempotency().find(idempotency, fingerprint, String.class);
            Versioned<Seller> current = load(uow, sellerId);
            if (done.isPresent()) {
                replayOf[0] = done.get();
                return new SellerResult.Accepted(current.value());
            }
            if (!(current.value() instanceof AgreementAccepted a)) {
                MinorUnits.requireCurrency(amount, required(current.value()).deposit().getCurrency());
                return wrongState(current.value(), "pay a deposit");
            }
            TransactionId payment = transactionId("sdep." + sellerId + "." + (a.depositAttempts() + 1));
            SellerResult result = a.requestDeposit(actor, payment, amount, required(a), now);
            if (result.isAccepted()) {
                uow.repository(SELLERS).update(sellerId, result.state(), current.version());
                uow.idempotency().remember(idempotency, fingerprint, payment.value());
            }
            return result;
        }, EventPublisher.none());
        if (replayOf[0] != null) {
            return replayAnswer(requested.state(), new TransactionId((String) replayOf[0]));
        }
        if (!(requested.state() instanceof DepositPending pending) || !requested.isAccepted()) {
            return requested;
        }
        PaymentOutcome outcome;
        try {
            outcome = provider.sale(new PaymentRequest(pending.payment(), amount, source, "security deposit " + sellerId));
        } catch (InvalidPaymentRequestException refused) {
            outcome = new PaymentOutcome.Declined(pending.payment(), dev.mercato.payments.DeclineReason.OTHER,
                    refused.problem().name(), refused.getMessage());
        } catch (RuntimeException e) {
            outcome = new PaymentOutcome.Unknown(pending.payment(), "deposit payment failed: " + e);
        }
        Seller after = foldDeposit(sellerId, pending.payment(), outcome);
        if (after instanceof AgreementAccepted) {
            return new SellerResult.Refused(after, SellerRefusal.DEPOSIT_DECLINED, "deposit payment " + pending.payment()
                    + " was declined: " + outcome);
        }
        return new SellerResult.Accepted(after);
    }

    @Override
    public SellerResult topUpDeposit(String sellerId, Actor actor, MonetaryAmount amount, PaymentSource source, String key) {
        InvalidInputException.requireNonNull(actor, "actor");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(source, "source");
        IdempotencyKey idempotency = IdempotencyKey.of("seller-deposit-top-up", sellerId, key);
        String fingerprint = amount.getCurrency().getCurrencyCode() + " " + MinorUnits.toMinor(amount);
        String stored = DepositTopUp.storedKey(sellerId, key);
        Instant now = clock.instant();
        Object answer = storage.inTransaction(ATTEMPTS, uow -> {
            Versioned<Seller> current = load(uow, sellerId);
            Seller seller = current.value();
            if (uow.idempotency().find(idempotency, fingerprint, String.class).isPresent()) {
                return uow.repository(TOP_UPS).find(stored).orElseThrow().value();
            }
            Optional<Deposit> deposit = seller instanceof Active || seller instanceof Suspended ? deposit(seller)
                    : Optional.empty();
            if (deposit.isEmpty() || deposit.get().payment().isEmpty()) {
                return wrongState(seller, "top up a deposit lodged through the provider");
            }
            long minor = MinorUnits.toMinor(amount, deposit.get().currency());
            if (!Rules.isOwner(actor, seller) && !Rules.isOperator(actor)) {
                return Rules.notAllowed(seller, actor, "top up the deposit of");
            }
            if (minor <= 0) {
                return new SellerResult.Refused(seller, SellerRefusal.AMOUNT_NOT_POSITIVE, "top-up of " + amount);
            }
            if (minor > deposit.get().shortfallMinor()) {
                return new SellerResult.Refused(seller, SellerRefusal.EXCEEDS_SHORTFALL, "top-up of " + amount
                        + " but debits took " + deposit.get().shortfall() + " that is not restored yet");
            }
            DepositTopUp.AwaitingProvider awaiting = new DepositTopUp.AwaitingProvider(sellerId, key, amount,
                    topUpTransactionId(sellerId, key), now);
            uow.repository(TOP_UPS).insert(stored, awaiting);
            uow.idempotency().remember(idempotency, fingerprint, stored);
            return new NewTopUp(awaiting);
        }, EventPublisher.none());
        if (answer instanceof SellerResult refused) {
            return refused;
        }
        DepositTopUp topUp;
        if (answer instanceof NewTopUp fresh) {
            TransactionId transaction = transactionId(fresh.topUp().transactionId());
            PaymentOutcome outcome;
            try {
                outcome = provider.sale(new PaymentRequest(transaction, amount, source, "security deposit top-up " + sellerId));
            } catch (InvalidPaymentRequestException refused) {
                // Refused before anything moved: definitive.
                outcome = new PaymentOutcome.Declined(transaction, dev.mercato.payments.DeclineReason.OTHER,
                        refused.problem().name(), refused.getMessage());
            } catch (RuntimeException e) {
                outcome = new PaymentOutcome.Unknown(transaction, "deposit top-up failed: " + e);
            }
            topUp = foldTopUp(stored, outcome);
        } else if (answer instanceof DepositTopUp.AwaitingProvider awaiting) {
            // A replay of a top-up still with the provider: asked about, never sent again.
            topUp = foldTopUp(stored, status(transactionId(awaiting.transactionId())).orElseGet(() -> noRecord(awaiting)));
        } else {
            topUp = (DepositTopUp) answer;
        }
        Seller seller = find(sellerId).orElseThrow();
        if (topUp instanceof DepositTopUp.Declined declined) {
            return new SellerResult.Refused(seller, SellerRefusal.DEPOSIT_DECLINED, "deposit top-up "
                    + declined.transactionId() + " was declined: " + declined.detail());
        }
        return new SellerResult.Accepted(seller);
    }

    /** A top-up just stored, to be sent to the provider. */
    private record NewTopUp(DepositTopUp.AwaitingProvider topUp) {}

    private static PaymentOutcome noRecord(DepositTopUp.AwaitingProvider awaiting) {
        return new PaymentOutcome.Declined(transactionId(awaiting.transactionId()), dev.mercato.payments.DeclineReason.OTHER,
                "no-record", "the provider has no record of the payment: nothing moved");
    }

    @Override
    public Optional<DepositTopUp> depositTopUp(String sellerId, String key) {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(key, "key");
        return storage.inTransaction(uow -> uow.repository(TOP_UPS).find(DepositTopUp.storedKey(sellerId, key)))
                .map(Versioned::value);
    }

    /**
     * Applies a top-up's outcome if it still awaits the provider: captured (of the amount asked)
     * adds it to the deposit of an active or suspended seller, in the unit of work that marks it
     * paid; declined ends it; anything else leaves it awaiting.
     */
    private DepositTopUp foldTopUp(String stored, PaymentOutcome outcome) {
        Instant now = clock.instant();
        Object[] seller = new Object[1];
        DepositTopUp after = storage.inTransaction(ATTEMPTS, uow -> {
            seller[0] = null;
            Repository<String, DepositTopUp> topUps = uow.repository(TOP_UPS);
            Versioned<DepositTopUp> current = topUps.find(stored).orElseThrow();
            if (!(current.value() instanceof DepositTopUp.AwaitingProvider awaiting)
                    || !outcome.transactionId().value().equals(awaiting.transactionId())) {
                return current.value();
            }
            if (outcome instanceof PaymentOutcome.Declined declined) {
                DepositTopUp.Declined done = awaiting.declined(declined.reason() + " " + declined.providerCode() + ": "
                        + declined.message(), now);
                topUps.update(stored, done, current.version());
                return done;
            }
            if (!(outcome instanceof PaymentOutcome.Succeeded succeeded)) {
                return awaiting;
            }
            Versioned<Seller> owner = load(uow, awaiting.sellerId());
            Optional<Seller> toppedUp = withTopUp(owner.value(), awaiting, now);
            if (!PaymentOutcome.sameAmount(succeeded.amount(), awaiting.amount()) || toppedUp.isEmpty()) {
                LOG.warn("deposit top-up {} captured {} for {} while the seller is {}: not booked, left for an operator",
                        stored, succeeded.amount(), awaiting.amount(), owner.value().stateName());
                return awaiting;
            }
            uow.repository(SELLERS).update(awaiting.sellerId(), toppedUp.get(), owner.version());
            DepositTopUp.Paid paid = awaiting.paid(now);
            topUps.update(stored, paid, current.version());
            seller[0] = toppedUp.get();
            return paid;
        }, EventPublisher.none());
        if (seller[0] != null) {
            post((Seller) seller[0]);
        }
        return after;
    }

    /** The seller with a captured top-up in its deposit, if it is active or suspended and the top-up still fits. */
    private static Optional<Seller> withTopUp(Seller seller, DepositTopUp.AwaitingProvider topUp, Instant at) {
        Optional<Deposit> deposit = seller instanceof Active || seller instanceof Suspended ? deposit(seller) : Optional.empty();
        if (deposit.isEmpty() || MinorUnits.toMinor(topUp.amount(), deposit.get().currency()) > deposit.get().shortfallMinor()) {
            return Optional.empty();
        }
        JournalEntry entry = Rules.topUpEntry(seller.sellerId(), transactionId(topUp.transactionId()), topUp.amount(), at);
        Deposit more = deposit.get().topUp(topUp.amount(), entry);
        if (seller instanceof Active a) {
            return Optional.of(new Active(a.profile(), a.badges(), more, a.since()));
        }
        Suspended s = (Suspended) seller;
        return Optional.of(new Suspended(s.profile(), s.badges(), more, s.reason(), s.since()));
    }

    /** The provider transaction id of a top-up: readable when the ids allow it, else a digest. */
    private static String topUpTransactionId(String sellerId, String key) {
        String readable = "sdtop." + sellerId + "." + key;
        if (readable.length() <= 64 && readable.matches("[A-Za-z0-9._:-]+")) {
            return readable;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((sellerId + "\n" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sdtop." + java.util.HexFormat.of().formatHex(digest, 0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK guarantees SHA-256", e);
        }
    }

    /** The answer to a replayed deposit payment, from the seller's current state. */
    private static SellerResult replayAnswer(Seller current, TransactionId payment) {
        boolean pendingNow = current instanceof DepositPending p && p.payment().equals(payment);
        boolean lodgedByIt = deposit(current).flatMap(Deposit::payment).filter(payment::equals).isPresent();
        if (pendingNow || lodgedByIt) {
            return new SellerResult.Accepted(current);
        }
        return new SellerResult.Refused(current, SellerRefusal.DEPOSIT_DECLINED, "deposit payment " + payment
                + " was declined");
    }

    private static Optional<Deposit> deposit(Seller seller) {
        if (seller instanceof Active a) {
            return Optional.of(a.deposit());
        }
        if (seller instanceof Suspended s) {
            return Optional.of(s.deposit());
        }
        if (seller instanceof Closing c) {
            return Optional.of(c.deposit());
        }
        return seller instanceof Closed c ? Optional.of(c.deposit()) : Optional.empty();
    }

    /** Applies a deposit payment's outcome to the seller if it still waits for that payment. */
    private Seller foldDeposit(String sellerId, TransactionId payment, PaymentOutcome outcome) {
        Instant now = clock.instant();
        return store(sellerId, s -> {
            if (s instanceof DepositPending p && p.payment().equals(payment)) {
                if (outcome instanceof PaymentOutcome.Succeeded) {
                    return Optional.of(p.lodged(now));
                }
                if (outcome instanceof PaymentOutcome.Declined) {
                    return Optional.of(p.declined());
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public SellerResult suspend(String sellerId, Actor actor, String reason) {
        Instant now = clock.instant();
        return command(sellerId, s -> s instanceof Active a ? a.suspend(actor, reason, now) : wrongState(s, "suspend"));
    }

    @Override
    public SellerResult reinstate(String sellerId, Actor actor) {
        Instant now = clock.instant();
        return command(sellerId, s -> s instanceof Suspended p ? p.reinstate(actor, now) : wrongState(s, "reinstate"));
    }

    @Override
    public SellerResult debitDeposit(String sellerId, Actor actor, DebitKind kind, MonetaryAmount amount, String key) {
        InvalidInputException.requireNonNull(kind, "kind");
        InvalidInputException.requireNonNull(amount, "amount");
        IdempotencyKey idempotency = new IdempotencyKey("seller-deposit-debit", sellerId + "/"
                + InvalidInputException.requireNonNull(key, "key"));
        String fingerprint = "seller=" + sellerId + ";kind=" + kind + ";amount=" + amount.getCurrency().getCurrencyCode()
                + " " + amount.getNumber().numberValue(java.math.BigDecimal.class).stripTrailingZeros().toPlainString();
        Instant now = clock.instant();
        return command(sellerId, (uow, s) -> {
            if (uow.idempotency().find(idempotency, fingerprint, String.class).isPresent()) {
                return Optional.of(new SellerResult.Accepted(s));
            }
            return Optional.empty();
        }, s -> {
            if (s instanceof Active a) {
                return a.debit(actor, kind, amount, key, now);
            }
            if (s instanceof Suspended p) {
                return p.debit(actor, kind, amount, key, now);
            }
            if (s instanceof Closing c) {
                return c.debit(actor, kind, amount, key, now);
            }
            return wrongState(s, "debit the deposit");
        }, (uow, s) -> uow.idempotency().remember(idempotency, fingerprint, key));
    }

    @Override
    public SellerResult requestClose(String sellerId, Actor actor) {
        Instant now = clock.instant();
        return command(sellerId, (uow, s) -> Optional.empty(), s -> {
            if (s instanceof Active a) {
                return a.requestClose(actor, now);
            }
            if (s instanceof Suspended p) {
                return p.requestClose(actor, now);
            }
            return wrongState(s, "close");
        }, (uow, s) -> uow.timers().schedule(new TimerKey(DEPOSIT_RETURN, sellerId), now));
    }

    @Override
    public SellerResult returnDeposit(String sellerId, Actor actor) {
        Instant now = clock.instant();
        SellerResult started = command(sellerId, s -> {
            if (!(s instanceof Closing c)) {
                return wrongState(s, "return the deposit");
            }
            if (!Rules.isOperatorOrSystem(actor)) {
                return Rules.notAllowed(s, actor, "return the deposit of");
            }
            if (c.returnPayment().isEmpty() && obligations.anyOpen(sellerId)) {
                return new SellerResult.Refused(s, SellerRefusal.OBLIGATIONS_OPEN,
                        "seller " + sellerId + " still has open orders or disputes");
            }
            return c.startReturn(actor, transactionId("sret." + sellerId + "." + (c.returnAttempts() + 1)), now);
        });
        if (!started.isAccepted() || !(started.state() instanceof Closing closing)) {
            return started;
        }
        Seller after = sendReturn(closing);
        if (after instanceof Closing c && c.returnPayment().isEmpty()) {
            return new SellerResult.Refused(after, SellerRefusal.PROVIDER_CANNOT_RETURN,
                    "the provider declined returning " + closing.deposit().held() + " to " + sellerId);
        }
        return new SellerResult.Accepted(after);
    }

    private Seller sendReturn(Closing closing) {
        TransactionId refund = closing.returnPayment().orElseThrow();
        PaymentOutcome outcome;
        try {
            outcome = provider.refund(new RefundRequest(refund, closing.deposit().payment().orElseThrow(),
                    closing.deposit().held(), "security deposit return"));
        } catch (InvalidPaymentRequestException refused) {
            outcome = new PaymentOutcome.Declined(refund, dev.mercato.payments.DeclineReason.OTHER,
                    refused.problem().name(), refused.getMessage());
        } catch (RuntimeException e) {
            outcome = new PaymentOutcome.Unknown(refund, "deposit return failed: " + e);
        }
        return foldReturn(closing.sellerId(), refund, outcome);
    }

    private Seller foldReturn(String sellerId, TransactionId refund, PaymentOutcome outcome) {
        Instant now = clock.instant();
        return store(sellerId, s -> {
            if (s instanceof Closing c && c.returnPayment().filter(refund::equals).isPresent()) {
                if (outcome instanceof PaymentOutcome.Succeeded) {
                    return Optional.of(c.returned(now));
                }
                if (outcome instanceof PaymentOutcome.Declined) {
                    return Optional.of(c.returnDeclined());
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public Optional<Seller> find(String sellerId) {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        return storage.inTransaction(uow -> uow.repository(SELLERS).find(sellerId)).map(Versioned::value);
    }

    @Override
    public boolean maySell(String sellerId) {
        return find(sellerId).map(Seller::maySell).orElse(false);
    }

    @Override
    public int reconcile() {
        List<Seller> waiting = storage.inTransaction(uow -> uow.repository(SELLERS).findBy("awaiting-provider", "yes"))
                .stream().map(Versioned::value).toList();
        List<DepositTopUp> topUps = storage.inTransaction(uow -> uow.repository(TOP_UPS).findBy("awaiting-provider", "yes"))
                .stream().map(Versioned::value).toList();
        for (DepositTopUp topUp : topUps) {
            DepositTopUp.AwaitingProvider awaiting = (DepositTopUp.AwaitingProvider) topUp;
            foldTopUp(DepositTopUp.storedKey(awaiting.sellerId(), awaiting.key()),
                    status(transactionId(awaiting.transactionId())).orElseGet(() -> noRecord(awaiting)));
        }
        for (Seller seller : waiting) {
            if (seller instanceof DepositPending p) {
                PaymentOutcome outcome = status(p.payment()).orElseGet(() -> new PaymentOutcome.Declined(p.payment(),
                        dev.mercato.payments.DeclineReason.OTHER, "no-record", "the provider has no record of the payment"));
                foldDeposit(p.sellerId(), p.payment(), outcome);
            } else if (seller instanceof Closing c) {
                TransactionId refund = c.returnPayment().orElseThrow();
                Optional<PaymentOutcome> outcome = status(refund);
                if (outcome.isPresent()) {
                    foldReturn(c.sellerId(), refund, outcome.get());
                } else {
                    sendReturn(c);
                }
            }
        }
        return waiting.size() + topUps.size();
    }

    private Optional<PaymentOutcome> status(TransactionId id) {
        try {
            return provider.status(id);
        } catch (RuntimeException e) {
            return Optional.of(new PaymentOutcome.Unknown(id, "status query failed: " + e));
        }
    }

    @Override
    public int repairJournal() {
        List<Seller> all = storage.inTransaction(uow -> uow.repository(SELLERS).findBy("all", "all")).stream()
                .map(Versioned::value).toList();
        int posted = 0;
        for (Seller seller : all) {
            posted += post(seller);
        }
        return posted;
    }

    @Override
    public DueTaskRunner registerTimers(DueTaskRunner runner) {
        return runner.on(DEPOSIT_RETURN, (timer, now) -> {
            String sellerId = timer.key().target();
            SellerResult result = returnDeposit(sellerId, new Actor.System("seller-deposit-return"));
            boolean done = result.state() instanceof Closed || !(result.state() instanceof Closing);
            storage.inTransaction(uow -> {
                if (done) {
                    uow.timers().cancel(timer.key());
                } else {
                    uow.timers().schedule(timer.key(), now.plus(RETURN_RETRY));
                }
                return timer;
            });
        });
    }

    // ---- plumbing

    private static SellerResult wrongState(Seller s, String action) {
        return new SellerResult.Refused(s, SellerRefusal.NOT_IN_THIS_STATE,
                "seller " + s.sellerId() + " is " + s.stateName() + " and cannot " + action);
    }

    private static TransactionId transactionId(String value) {
        return new TransactionId(value);
    }

    private static Versioned<Seller> load(UnitOfWork uow, String sellerId) {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        return uow.repository(SELLERS).find(sellerId).orElseThrow(() -> new UnknownSellerException(sellerId));
    }

    private SellerResult command(String sellerId, Function<Seller, SellerResult> transition) {
        return command(sellerId, (uow, s) -> Optional.empty(), transition, (uow, s) -> { });
    }

    /**
     * Runs a transition in a unit of work: a replay check first, then the state's transition;
     * an accepted state is stored with {@code alsoOnAccept}, and its new deposit entries posted
     * after the commit.
     */
    private SellerResult command(String sellerId, java.util.function.BiFunction<UnitOfWork, Seller,
            Optional<SellerResult>> replay, Function<Seller, SellerResult> transition,
            BiConsumer<UnitOfWork, Seller> alsoOnAccept) {
        SellerResult result = storage.inTransaction(ATTEMPTS, uow -> {
            Versioned<Seller> current = load(uow, sellerId);
            Optional<SellerResult> replayed = replay.apply(uow, current.value());
            if (replayed.isPresent()) {
                return replayed.get();
            }
            SellerResult r = transition.apply(current.value());
            if (r.isAccepted() && !r.state().equals(current.value())) {
                uow.repository(SELLERS).update(sellerId, r.state(), current.version());
                alsoOnAccept.accept(uow, r.state());
            }
            return r;
        }, EventPublisher.none());
        if (result.isAccepted()) {
            post(result.state());
        }
        return result;
    }

    /** Stores a change that needs no actor check (a provider outcome); empty when nothing changes. */
    private Seller store(String sellerId, Function<Seller, Optional<Seller>> change) {
        Seller after = storage.inTransaction(ATTEMPTS, uow -> {
            Versioned<Seller> current = load(uow, sellerId);
            Optional<Seller> next = change.apply(current.value());
            next.ifPresent(n -> uow.repository(SELLERS).update(sellerId, n, current.version()));
            return next.orElse(current.value());
        }, EventPublisher.none());
        post(after);
        return after;
    }

    /** Posts a seller's deposit entries; those already posted are replays. */
    private int post(Seller seller) {
        int posted = 0;
        for (JournalEntry entry : deposit(seller).map(Deposit::entries).orElse(List.of())) {
            try {
                PostResult result = journal.post(entry);
                if (result instanceof PostResult.Posted) {
                    posted++;
                } else if (result instanceof PostResult.Rejected rejected) {
                    LOG.error("deposit entry {} rejected: {}", entry.key(), rejected.detail());
                }
            } catch (RuntimeException e) {
                LOG.warn("deposit entry {} not posted; repairJournal() posts it later", entry.key(), e);
            }
        }
        return posted;
    }
}
