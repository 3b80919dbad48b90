package dev.mercato.payments.sandbox;

import dev.mercato.payments.Capabilities;
import dev.mercato.payments.Capabilities.Feature;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.HeldFundsCapabilities;
import dev.mercato.payments.HeldFundsCapabilities.Part;
import dev.mercato.payments.HoldRequest;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.Operation;
import dev.mercato.payments.PaymentEvent;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProviderException;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PayoutRequest;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.RejectionReason;
import dev.mercato.payments.ReturnRequest;
import dev.mercato.payments.SplitPart;
import dev.mercato.payments.SplitRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.UnfreezeRequest;
import dev.mercato.payments.VoidRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/**
 * The sandbox. One lock guards all state: calls are short and in memory, and a single lock
 * makes every call trivially atomic, which is what the idempotency guarantees need.
 */
final class Sandbox implements SandboxPaymentProvider {
    private final SandboxSettings settings;
    private final Signer signer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<TransactionId, Tx> transactions = new HashMap<>();
    private final List<Tx> pending = new ArrayList<>();
    private final Deque<ScriptedAnswer> script = new ArrayDeque<>();
    /** Bodies of notifications not yet handed out; signed on delivery, as real providers sign each attempt. */
    private final List<String> outbox = new ArrayList<>();
    /** Sub-account balances in minor units, per currency code; money reserved by a pending return is already out. */
    private final Map<String, Map<FundsAccount, Long>> balances = new HashMap<>();
    /** Per currency code, an amount of that currency whose factory builds balance amounts. */
    private final Map<String, MonetaryAmount> templates = new HashMap<>();
    private final Set<FundsAccount> frozenAccounts = new HashSet<>();
    private long sequence;

    Sandbox(SandboxSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = new Signer(settings.signingSecret());
    }

    // ---------------------------------------------------------------- PaymentProvider

    @Override
    public Capabilities capabilities() {
        return settings.capabilities();
    }

    @Override
    public PaymentOutcome authorize(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionId id = request.transactionId();
        long minor = validAmount(id, request.amount());
        Content content = new Content(Operation.AUTHORIZE, "", request.amount(), request.source().token(), request.reference());
        return submit(id, content, () -> {
            requireFeature(id, Feature.SEPARATE_CAPTURE, "authorize");
            return new Tx(id, content, request.amount(), minor, Optional.empty(), Effect.NONE);
        });
    }

    @Override
    public PaymentOutcome sale(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionId id = request.transactionId();
        long minor = validAmount(id, request.amount());
        Content content = new Content(Operation.SALE, "", request.amount(), request.source().token(), request.reference());
        return submit(id, content, () -> new Tx(id, content, request.amount(), minor, Optional.empty(), new Effect() {
            @Override
            public void complete(Tx tx) {
                tx.capturedMinor = minor;
            }
        }));
    }

    @Override
    public PaymentOutcome capture(CaptureRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionId id = request.transactionId();
        long minor = validAmount(id, request.amount());
        Content content = new Content(Operation.CAPTURE, request.payment().value(), request.amount(), "", "");
        return submit(id, content, () -> {
            requireFeature(id, Feature.SEPARATE_CAPTURE, "capture");
            Tx payment = authorizedPayment(id, request.payment(), "capture");
            requireSameCurrency(id, payment, request.amount());
            if (minor > payment.minor) {
                throw refused(Problem.EXCEEDS_AUTHORIZED, id, "capture of " + request.amount()
                        + " exceeds the authorized " + payment.amount + " of payment " + payment.id);
            }
            if (minor < payment.minor && !capabilities().supports(Feature.PARTIAL_CAPTURE)) {
                throw refused(Problem.UNSUPPORTED_OPERATION, id, "partial capture of " + request.amount()
                        + " (authorized " + payment.amount + ") is not supported");
            }
            return new Tx(id, content, request.amount(), minor, Optional.of(payment), new Effect() {
                @Override
                public void begin(Tx tx) {
                    payment.captureOrVoidInFlight = true;
                }

                @Override
                public void complete(Tx tx) {
                    payment.capturedMinor = minor;
                }

                @Override
                public void abandon(Tx tx) {
                    payment.captureOrVoidInFlight = false;
                }
            });
        });
    }

    @Override
    public PaymentOutcome voidAuthorization(VoidRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionId id = request.transactionId();
        Content content = new Content(Operation.VOID, request.payment().value(), null, "", "");
        return submit(id, content, () -> {
            requireFeature(id, Feature.SEPARATE_CAPTURE, "void");
            Tx payment = authorizedPayment(id, request.payment(), "void");
            return new Tx(id, content, payment.amount, payment.minor, Optional.of(payment), new Effect() {
                @Override
                public void begin(Tx tx) {
                    payment.captureOrVoidInFlight = true;
                }

                @Override
                public void abandon(Tx tx) {
                    payment.captureOrVoidInFlight = false;
                }
            });
        });
    }

    @Override
    public PaymentOutcome refund(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionId id = request.transactionId();
        long minor = validAmount(id, request.amount());
        Content content = new Content(Operation.REFUND, request.payment().value(), request.amount(), "", request.reason());
        return submit(id, content, () -> {
            Tx payment = payment(id, request.payment());
            requireSameCurrency(id, payment, request.amount());
            if (payment.capturedMinor == 0) {
                throw refused(Problem.INVALID_STATE, id, "payment " + payment.id + " has nothing captured to refund");
            }
            if (payment.refundsInFlight > 0 && !capabilities().supports(Feature.MULTIPLE_REFUNDS)) {
                throw refused(Problem.UNSUPPORTED_OPERATION, id, "payment " + payment.id
                        + " was already refunded and multiple refunds are not supported");
            }
            if (minor != payment.capturedMinor && !capabilities().supports(Feature.PARTIAL_REFUND)) {
                throw refused(Problem.UNSUPPORTED_OPERATION, id, "partial refund of " + request.amount()
                        + " is not supported (captured: " + payment.capturedMinor + " minor units)");
            }
            long refundable = payment.content.operation() == Operation.HOLD
                    ? payment.stillHeldMinor()
                    : payment.capturedMinor - payment.refundedOrReservedMinor;
            if (minor > refundable) {
                throw refused(Problem.EXCEEDS_REFUNDABLE, id, "refund of " + request.amount() + " exceeds the "
                        + refundable + " minor units still refundable on payment " + payment.id);
            }
            return new Tx(id, content, request.amount(), minor, Optional.of(payment), new Effect() {
                @Override
                public void begin(Tx tx) {
                    payment.refundedOrReservedMinor += minor;
                    payment.refundsInFlight++;
                }

                @Override
                public void abandon(Tx tx) {
                    payment.refundedOrReservedMinor -= minor;
                    payment.refundsInFlight--;
                }
            });
        });
    }

    @Override
    public PaymentOutcome payout(PayoutRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionId id = request.transactionId();
        long minor = validAmount(id, request.amount());
        Content content = new Content(Operation.PAYOUT, "", request.amount(), request.payee().token(), request.reference());
        return submit(id, content, () -> {
            requireFeature(id, Feature.PAYOUTS, "payout");
            return new Tx(id, content, request.amount(), minor, Optional.empty(), Effect.NONE);
        });
    }

    // ---------------------------------------------------------------- HeldFundsProvider

    @Override
    public HeldFundsCapabilities heldFundsCapabilities() {
        return settings.heldFunds();
    }

    @Override
    public PaymentOutcome holdSale(HoldRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionId id = request.transactionId();
        long minor = validAmount(id, request.amount());
        Content content = new Content(Operation.HOLD, "", request.amount(), request.source().token(), request.reference(),
                key(request.settlementAccount()));
        return submit(id, content, () -> {
            requirePart(id, Part.HOLD, "a held sale");
            Tx tx = new Tx(id, content, request.amount(), minor, Optional.empty(), new Effect() {
                @Override
                public void complete(Tx hold) {
                    hold.capturedMinor = minor;
                }
            });
            tx.settlementAccount = Optional.of(request.settlementAccount());
            return tx;
        });
    }

    @Override
    public PaymentOutcome split(SplitRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionId id = request.transactionId();
        MonetaryAmount total = request.total();
        long minor = validAmount(id, total);
        Map<String, String> canonical = new TreeMap<>();
        for (SplitPart part : request.parts()) {
            canonical.put(key(part.recipient()), part.amount().getNumber().numberValue(BigDecimal.class).stripTrailingZeros()
                    .toPlainString() + " " + part.description());
        }
        Content content = new Content(Operation.SPLIT, request.payment().value(), total, "", "", canonical.toString());
        return submit(id, content, () -> {
            requirePart(id, Part.SPLIT, "a split");
            if (request.parts().size() > heldFundsCapabilities().maxPartsPerSplit()) {
                throw refused(Problem.TOO_MANY_PARTS, id, "a split of " + request.parts().size() + " parts; this sandbox accepts "
                        + heldFundsCapabilities().maxPartsPerSplit());
            }
            Tx hold = openHold(id, request.payment(), "split");
            requireSameCurrency(id, hold, total);
            long stillHeld = hold.stillHeldMinor();
            if (minor > stillHeld) {
                throw refused(Problem.EXCEEDS_HELD, id, "the split's parts sum to " + total + ", above the " + stillHeld
                        + " minor units still held for payment " + hold.id);
            }
            if (!heldFundsCapabilities().supports(Part.PARTIAL_SPLIT)
                    && (hold.splitOrReservedMinor > 0 || minor != stillHeld)) {
                throw refused(Problem.UNSUPPORTED_OPERATION, id, "a split of " + total + " leaving funds held, or a second split, "
                        + "needs " + Part.PARTIAL_SPLIT + ", which this sandbox does not declare (still held: " + stillHeld
                        + " minor units)");
            }
            Tx tx = new Tx(id, content, total, minor, Optional.of(hold), new Effect() {
                @Override
                public void begin(Tx split) {
                    hold.splitOrReservedMinor += minor;
                    hold.splitsInFlight++;
                }

                @Override
                public void complete(Tx split) {
                    hold.splitsInFlight--;
                    for (SplitPart part : request.parts()) {
                        long units = part.minorUnits();
                        credit(part.recipient(), part.amount(), units);
                        hold.sentTo.merge(part.recipient(), units, Long::sum);
                    }
                }

                @Override
                public void abandon(Tx split) {
                    hold.splitOrReservedMinor -= minor;
                    hold.splitsInFlight--;
                }

                @Override
                public Optional<ScriptedAnswer.Decline> refusal(Tx split) {
                    return request.parts().stream().map(SplitPart::recipient).filter(frozenAccounts::contains).findFirst()
                            .map(Sandbox::frozen);
                }
            });
            return tx;
        });
    }

    @Override
    public PaymentOutcome unfreeze(UnfreezeRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionId id = request.transactionId();
        Content content = new Content(Operation.UNFREEZE, request.payment().value(), null, "", request.reason());
        return submit(id, content, () -> {
            requirePart(id, Part.UNFREEZE, "an unfreeze");
            Tx hold = openHold(id, request.payment(), "unfreeze");
            if (hold.splitsInFlight > 0) {
                throw refused(Problem.INVALID_STATE, id, "payment " + hold.id + " has a split still pending; wait for it");
            }
            long rest = hold.stillHeldMinor();
            FundsAccount settlement = hold.settlementAccount.orElseThrow();
            MonetaryAmount amount = amountOf(hold.amount, rest);
            Tx tx = new Tx(id, content, amount, rest, Optional.of(hold), new Effect() {
                @Override
                public void begin(Tx unfreeze) {
                    hold.unfrozenOrReservedMinor += rest;
                    hold.released = true;
                }

                @Override
                public void complete(Tx unfreeze) {
                    credit(settlement, amount, rest);
                    hold.sentTo.merge(settlement, rest, Long::sum);
                }

                @Override
                public void abandon(Tx unfreeze) {
                    hold.unfrozenOrReservedMinor -= rest;
                    hold.released = false;
                }

                @Override
                public Optional<ScriptedAnswer.Decline> refusal(Tx unfreeze) {
                    return frozenAccounts.contains(settlement) ? Optional.of(frozen(settlement)) : Optional.empty();
                }
            });
            return tx;
        });
    }

    @Override
    public PaymentOutcome returnFunds(ReturnRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionId id = request.transactionId();
        long minor = validAmount(id, request.amount());
        Content content = new Content(Operation.RETURN, request.payment().value(), request.amount(), "", request.reason(),
                key(request.from()));
        return submit(id, content, () -> {
            requirePart(id, Part.RETURN, "a return");
            Tx hold = heldSale(id, request.payment());
            requireSameCurrency(id, hold, request.amount());
            FundsAccount from = request.from();
            long returnable = hold.returnableFrom(from);
            if (minor > returnable) {
                throw refused(Problem.EXCEEDS_RETURNABLE, id, "a return of " + request.amount() + " from " + from
                        + " exceeds the " + returnable + " minor units payment " + hold.id + " sent there and did not take back");
            }
            String currency = request.amount().getCurrency().getCurrencyCode();
            Tx tx = new Tx(id, content, request.amount(), minor, Optional.of(hold), new Effect() {
                @Override
                public void begin(Tx back) {
                    hold.returnedOrReservedFrom.merge(from, minor, Long::sum);
                }

                @Override
                public void complete(Tx back) {
                    balances.get(currency).merge(from, -minor, Long::sum);
                    hold.returnedMinor += minor;
                }

                @Override
                public void abandon(Tx back) {
                    hold.returnedOrReservedFrom.merge(from, -minor, Long::sum);
                }

                @Override
                public Optional<ScriptedAnswer.Decline> refusal(Tx back) {
                    if (frozenAccounts.contains(from)) {
                        return Optional.of(frozen(from));
                    }
                    long balance = balanceMinor(from, currency);
                    if (balance < minor) {
                        return Optional.of(new ScriptedAnswer.Decline(DeclineReason.INSUFFICIENT_FUNDS, "BALANCE_NOT_ENOUGH",
                                "sub-account " + Masking.token(from.token()) + " holds " + balance + " minor units of "
                                        + currency + ", the return needs " + minor));
                    }
                    return Optional.empty();
                }
            });
            return tx;
        });
    }

    @Override
    public Optional<HeldFunds> heldFunds(TransactionId payment) {
        Objects.requireNonNull(payment, "payment");
        lock.lock();
        try {
            settleDueLocked();
            if (!heldFundsCapabilities().supports(Part.QUERY)) {
                throw refused(Problem.UNSUPPORTED_OPERATION, payment, "the held-funds query needs " + Part.QUERY
                        + ", which this sandbox does not declare");
            }
            Tx hold = transactions.get(payment);
            if (hold == null || hold.content.operation() != Operation.HOLD || hold.capturedMinor == 0) {
                return Optional.empty();
            }
            Map<FundsAccount, MonetaryAmount> returnable = new LinkedHashMap<>();
            for (FundsAccount account : hold.sentTo.keySet()) {
                long units = hold.returnableFrom(account);
                if (units > 0) {
                    returnable.put(account, amountOf(hold.amount, units));
                }
            }
            return Optional.of(new HeldFunds(payment, hold.amount, amountOf(hold.amount, hold.splitOrReservedMinor),
                    amountOf(hold.amount, hold.unfrozenOrReservedMinor), amountOf(hold.amount, hold.returnedMinor),
                    amountOf(hold.amount, hold.refundedOrReservedMinor), amountOf(hold.amount, hold.stillHeldMinor()),
                    hold.released, returnable));
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- sub-accounts

    @Override
    public Optional<MonetaryAmount> subAccountBalance(FundsAccount account, CurrencyUnit currency) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
        lock.lock();
        try {
            settleDueLocked();
            MonetaryAmount template = templates.get(currency.getCurrencyCode());
            Map<FundsAccount, Long> accounts = balances.get(currency.getCurrencyCode());
            if (template == null || accounts == null || !accounts.containsKey(account)) {
                return Optional.empty();
            }
            return Optional.of(amountOf(template, accounts.get(account)));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void withdrawFromSubAccount(FundsAccount account, MonetaryAmount amount) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        lock.lock();
        try {
            settleDueLocked();
            long minor = validAmount(null, amount);
            if (minor <= 0) {
                throw refused(Problem.NON_POSITIVE_AMOUNT, null, "a withdrawal must be positive (was: " + amount + ")");
            }
            String currency = amount.getCurrency().getCurrencyCode();
            long balance = balanceMinor(account, currency);
            if (minor > balance) {
                throw refused(Problem.EXCEEDS_HELD, null, "sub-account " + Masking.token(account.token()) + " holds "
                        + balance + " minor units of " + currency + "; cannot withdraw " + amount);
            }
            balances.get(currency).merge(account, -minor, Long::sum);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void freezeSubAccount(FundsAccount account) {
        Objects.requireNonNull(account, "account");
        lock.lock();
        try {
            frozenAccounts.add(account);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void thawSubAccount(FundsAccount account) {
        Objects.requireNonNull(account, "account");
        lock.lock();
        try {
            frozenAccounts.remove(account);
        } finally {
            lock.unlock();
        }
    }

    private void credit(FundsAccount account, MonetaryAmount like, long minor) {
        String currency = like.getCurrency().getCurrencyCode();
        templates.putIfAbsent(currency, like);
        balances.computeIfAbsent(currency, c -> new HashMap<>()).merge(account, minor, Long::sum);
    }

    private long balanceMinor(FundsAccount account, String currency) {
        return balances.getOrDefault(currency, Map.of()).getOrDefault(account, 0L);
    }

    private static ScriptedAnswer.Decline frozen(FundsAccount account) {
        return new ScriptedAnswer.Decline(DeclineReason.ACCOUNT_UNAVAILABLE, "ACCOUNT_FROZEN",
                account.role() + " sub-account " + Masking.token(account.token()) + " is frozen");
    }

    /** What identifies an account in a request's content. */
    private static String key(FundsAccount account) {
        return account.role() + ":" + account.token();
    }

    /** An amount of {@code minor} minor units, built by the factory of an amount of the same currency. */
    private static MonetaryAmount amountOf(MonetaryAmount like, long minor) {
        int digits = Math.max(like.getCurrency().getDefaultFractionDigits(), 0);
        return like.getFactory().setNumber(BigDecimal.valueOf(minor, digits)).create();
    }

    @Override
    public Optional<PaymentOutcome> status(TransactionId transactionId) {
        Objects.requireNonNull(transactionId, "transactionId");
        lock.lock();
        try {
            settleDueLocked();
            return Optional.ofNullable(transactions.get(transactionId)).map(tx -> tx.outcome);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public NotificationResult parseNotification(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        Optional<String> header = notification.header(SIGNATURE_HEADER);
        if (header.isEmpty()) {
            return new NotificationResult.Rejected(RejectionReason.MISSING_SIGNATURE, "no " + SIGNATURE_HEADER + " header");
        }
        Optional<Signer.Signature> signature = Signer.Signature.parse(header.get());
        if (signature.isEmpty()) {
            return new NotificationResult.Rejected(RejectionReason.BAD_SIGNATURE, "unreadable " + SIGNATURE_HEADER + " header");
        }
        if (!signer.verifies(signature.get(), notification.body())) {
            return new NotificationResult.Rejected(RejectionReason.BAD_SIGNATURE, "the signature does not match the body");
        }
        Instant signedAt = Instant.ofEpochSecond(signature.get().epochSecond());
        Instant now = settings.clock().instant();
        if (Duration.between(signedAt, now).abs().compareTo(settings.notificationTolerance()) > 0) {
            return new NotificationResult.Rejected(RejectionReason.EXPIRED, "signed at " + signedAt + ", now " + now
                    + ", tolerance " + settings.notificationTolerance());
        }
        try {
            PaymentEvent event = NotificationCodec.decode(notification.body(), this::amountFor);
            return new NotificationResult.Verified(List.of(event));
        } catch (NotificationCodec.MalformedBody e) {
            return new NotificationResult.Rejected(RejectionReason.MALFORMED, e.getMessage());
        }
    }

    /** Reuses the recorded amount instance when it matches, so parsed outcomes equal returned ones. */
    private MonetaryAmount amountFor(TransactionId id, Map.Entry<String, BigDecimal> parsed) {
        lock.lock();
        try {
            Tx tx = transactions.get(id);
            if (tx != null && tx.amount.getCurrency().getCurrencyCode().equals(parsed.getKey())
                    && tx.amount.getNumber().numberValue(BigDecimal.class).compareTo(parsed.getValue()) == 0) {
                return tx.amount;
            }
        } finally {
            lock.unlock();
        }
        return Monetary.getDefaultAmountFactory().setCurrency(parsed.getKey()).setNumber(parsed.getValue()).create();
    }

    // ---------------------------------------------------------------- scripting

    @Override
    public void scriptNext(ScriptedAnswer... answers) {
        Objects.requireNonNull(answers, "answers");
        lock.lock();
        try {
            for (ScriptedAnswer answer : answers) {
                script.addLast(Objects.requireNonNull(answer, "answer"));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int clearScript() {
        lock.lock();
        try {
            int dropped = script.size();
            script.clear();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int scriptedAnswersLeft() {
        lock.lock();
        try {
            return script.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void settleDue() {
        lock.lock();
        try {
            settleDueLocked();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Notification> drainNotifications(NotificationDelivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        lock.lock();
        try {
            settleDueLocked();
            List<Notification> emitted = new ArrayList<>();
            for (String body : outbox) {
                emitted.add(sign(body));
            }
            outbox.clear();
            return List.copyOf(delivery.arrange(emitted));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Notification sign(String body) {
        Objects.requireNonNull(body, "body");
        long epochSecond = settings.clock().instant().getEpochSecond();
        return new Notification(Map.of(SIGNATURE_HEADER, signer.sign(epochSecond, body).header()), body);
    }

    // ---------------------------------------------------------------- execution

    /** Builds the transaction after the state checks, or throws {@link InvalidPaymentRequestException}. */
    private interface Admission {
        Tx admit();
    }

    /** What an operation does to its payment when it starts (pending or at once), succeeds, or is declined after pending. */
    private interface Effect {
        Effect NONE = new Effect() {};

        default void begin(Tx tx) {}

        default void complete(Tx tx) {}

        default void abandon(Tx tx) {}

        /** A business decline the sandbox's state calls for when the operation executes (a frozen account, a short balance). */
        default Optional<ScriptedAnswer.Decline> refusal(Tx tx) {
            return Optional.empty();
        }
    }

    /** What makes two requests with the same id the same request; amounts compared by value. */
    private record Content(Operation operation, String payment, String currency, BigDecimal amount, String party, String text,
                           String accounts) {
        Content(Operation operation, String payment, MonetaryAmount amount, String party, String text) {
            this(operation, payment, amount, party, text, "");
        }

        Content(Operation operation, String payment, MonetaryAmount amount, String party, String text, String accounts) {
            this(operation, payment, amount == null ? "" : amount.getCurrency().getCurrencyCode(),
                    amount == null ? BigDecimal.ZERO : amount.getNumber().numberValue(BigDecimal.class).stripTrailingZeros(),
                    party, text, accounts);
        }

        /** Never prints the payment source or payee token: the message of a refusal may be logged. */
        @Override
        public String toString() {
            return operation + (payment.isEmpty() ? "" : " of payment " + payment)
                    + (currency.isEmpty() ? "" : " of " + currency + " " + amount.toPlainString())
                    + (party.isEmpty() ? "" : ", token " + Masking.token(party))
                    + (text.isEmpty() ? "" : ", \"" + text + "\"")
                    + (accounts.isEmpty() ? "" : ", with other accounts or parts");
        }
    }

    /** One recorded transaction; for an authorization or sale also its payment's running totals. Guarded by the lock. */
    private static final class Tx {
        final TransactionId id;
        final Content content;
        final MonetaryAmount amount;
        final long minor;
        final Optional<Tx> payment;
        final Effect effect;
        PaymentOutcome outcome;
        String providerReference = "";
        Instant settleAt = Instant.MIN;
        Optional<ScriptedAnswer.Decline> settleAs = Optional.empty();
        // payment totals, used when this is an authorization or a sale
        boolean captureOrVoidInFlight;
        long capturedMinor;
        long refundedOrReservedMinor;
        int refundsInFlight;
        // held-sale totals, used when this is a hold
        Optional<FundsAccount> settlementAccount = Optional.empty();
        long splitOrReservedMinor;
        int splitsInFlight;
        long unfrozenOrReservedMinor;
        boolean released;
        long returnedMinor;
        /** What succeeded splits and the unfreeze sent each account. */
        final Map<FundsAccount, Long> sentTo = new LinkedHashMap<>();
        /** What returns took back from each account, succeeded and pending. */
        final Map<FundsAccount, Long> returnedOrReservedFrom = new HashMap<>();

        Tx(TransactionId id, Content content, MonetaryAmount amount, long minor, Optional<Tx> payment, Effect effect) {
            this.id = id;
            this.content = content;
            this.amount = amount;
            this.minor = minor;
            this.payment = payment;
            this.effect = effect;
        }

        long stillHeldMinor() {
            return capturedMinor + returnedMinor - splitOrReservedMinor - unfrozenOrReservedMinor - refundedOrReservedMinor;
        }

        long returnableFrom(FundsAccount account) {
            return sentTo.getOrDefault(account, 0L) - returnedOrReservedFrom.getOrDefault(account, 0L);
        }
    }

    private PaymentOutcome submit(TransactionId id, Content content, Admission admission) {
        lock.lock();
        try {
            settleDueLocked();
            Tx existing = transactions.get(id);
            if (existing != null) {
                if (!existing.content.equals(content)) {
                    throw refused(Problem.TRANSACTION_ID_REUSED, id, "transaction id " + id
                            + " was already used for " + existing.content + "; this request is " + content);
                }
                return existing.outcome;
            }
            Tx tx = admission.admit();
            ScriptedAnswer answer = script.pollFirst();
            if (answer == null && !capabilities().isSynchronous(content.operation())) {
                answer = ScriptedAnswer.pendingThenSucceed(settings.settlementDelay());
            }
            if (answer == null) {
                return succeed(tx);
            }
            if (answer instanceof ScriptedAnswer.Decline decline) {
                return record(tx, declined(tx, decline));
            }
            if (answer instanceof ScriptedAnswer.Pend pend) {
                tx.settleAt = settings.clock().instant().plus(pend.settlesAfter());
                tx.settleAs = pend.thenDecline();
                begin(tx);
                pending.add(tx);
                return record(tx, new PaymentOutcome.Pending(id, tx.amount, reference(tx)));
            }
            if (answer instanceof ScriptedAnswer.ServerError error) {
                throw new PaymentProviderException("sandbox: HTTP " + error.httpStatus() + " for transaction " + id);
            }
            ScriptedAnswer.TimeOut timeOut = (ScriptedAnswer.TimeOut) answer;
            if (timeOut.effect() == ScriptedAnswer.TimeOut.Effect.MONEY_MOVED) {
                succeed(tx);
            }
            if (timeOut.surface() == ScriptedAnswer.TimeOut.Surface.EXCEPTION) {
                throw new PaymentProviderException("sandbox: scripted timeout of transaction " + id);
            }
            return new PaymentOutcome.Unknown(id, "sandbox: scripted timeout");
        } finally {
            lock.unlock();
        }
    }

    private PaymentOutcome succeed(Tx tx) {
        Optional<ScriptedAnswer.Decline> refusal = tx.effect.refusal(tx);
        if (refusal.isPresent()) {
            return record(tx, declined(tx, refusal.get()));
        }
        begin(tx);
        tx.effect.complete(tx);
        return record(tx, new PaymentOutcome.Succeeded(tx.id, tx.amount, reference(tx)));
    }

    private static void begin(Tx tx) {
        tx.effect.begin(tx);
    }

    private static PaymentOutcome.Declined declined(Tx tx, ScriptedAnswer.Decline decline) {
        return new PaymentOutcome.Declined(tx.id, decline.reason(), decline.code(), decline.message());
    }

    private PaymentOutcome record(Tx tx, PaymentOutcome outcome) {
        tx.outcome = outcome;
        transactions.put(tx.id, tx);
        sequence++;
        PaymentEvent event = new PaymentEvent("evt_" + sequence, tx.content.operation(), outcome, settings.clock().instant());
        outbox.add(NotificationCodec.encode(event));
        return outcome;
    }

    private String reference(Tx tx) {
        if (tx.providerReference.isEmpty()) {
            tx.providerReference = "sbx_" + tx.id.value();
        }
        return tx.providerReference;
    }

    private void settleDueLocked() {
        if (pending.isEmpty()) {
            return;
        }
        Instant now = settings.clock().instant();
        List<Tx> due = new ArrayList<>();
        for (Tx tx : pending) {
            if (!tx.settleAt.isAfter(now)) {
                due.add(tx);
            }
        }
        // a stable sort keeps submission order among equal instants: deterministic notifications
        due.sort(Comparator.comparing(tx -> tx.settleAt));
        for (Tx tx : due) {
            pending.remove(tx);
            if (tx.settleAs.isPresent()) {
                tx.effect.abandon(tx);
                record(tx, declined(tx, tx.settleAs.get()));
            } else if (tx.effect.refusal(tx).isPresent()) {
                tx.effect.abandon(tx);
                record(tx, declined(tx, tx.effect.refusal(tx).get()));
            } else {
                tx.effect.complete(tx);
                record(tx, new PaymentOutcome.Succeeded(tx.id, tx.amount, reference(tx)));
            }
        }
    }

    // ---------------------------------------------------------------- checks

    /** Converts to minor units; refuses unsupported currencies and amounts finer than the minor unit. */
    private long validAmount(TransactionId id, MonetaryAmount amount) {
        CurrencyUnit currency = amount.getCurrency();
        if (!capabilities().supports(currency)) {
            throw refused(Problem.UNSUPPORTED_CURRENCY, id, "currency " + currency.getCurrencyCode()
                    + " is not supported (supported: " + capabilities().currencyCodes() + ")");
        }
        int digits = currency.getDefaultFractionDigits();
        BigDecimal minor = amount.getNumber().numberValue(BigDecimal.class).movePointRight(Math.max(digits, 0));
        try {
            return minor.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw refused(Problem.INVALID_AMOUNT, id, "amount " + amount + " is finer than the minor unit of "
                    + currency.getCurrencyCode() + " or too large");
        }
    }

    private void requireFeature(TransactionId id, Feature feature, String what) {
        if (!capabilities().supports(feature)) {
            throw refused(Problem.UNSUPPORTED_OPERATION, id, what + " needs " + feature + ", which this sandbox does not declare");
        }
    }

    private Tx payment(TransactionId id, TransactionId paymentId) {
        Tx payment = transactions.get(paymentId);
        if (payment == null || (payment.content.operation() != Operation.AUTHORIZE && payment.content.operation() != Operation.SALE
                && payment.content.operation() != Operation.HOLD)) {
            throw refused(Problem.UNKNOWN_PAYMENT, id, "no authorization or sale with transaction id " + paymentId);
        }
        return payment;
    }

    private void requirePart(TransactionId id, Part part, String what) {
        if (!heldFundsCapabilities().supports(part)) {
            throw refused(Problem.UNSUPPORTED_OPERATION, id, what + " needs " + part + ", which this sandbox does not declare");
        }
    }

    /** A hold whose sale succeeded. */
    private Tx heldSale(TransactionId id, TransactionId paymentId) {
        Tx payment = payment(id, paymentId);
        if (payment.content.operation() != Operation.HOLD) {
            throw refused(Problem.INVALID_STATE, id, "payment " + paymentId + " was not taken with a hold");
        }
        if (!(payment.outcome instanceof PaymentOutcome.Succeeded)) {
            throw refused(Problem.INVALID_STATE, id, "the held sale " + paymentId + " is "
                    + payment.outcome.getClass().getSimpleName() + ", not succeeded");
        }
        return payment;
    }

    /** A hold whose sale succeeded and that was not released. */
    private Tx openHold(TransactionId id, TransactionId paymentId, String what) {
        Tx payment = heldSale(id, paymentId);
        if (payment.released) {
            throw refused(Problem.INVALID_STATE, id, "cannot " + what + " payment " + paymentId + ": its hold was released");
        }
        return payment;
    }

    private Tx authorizedPayment(TransactionId id, TransactionId paymentId, String what) {
        Tx payment = payment(id, paymentId);
        if (payment.content.operation() != Operation.AUTHORIZE) {
            throw refused(Problem.INVALID_STATE, id, "cannot " + what + " payment " + paymentId + ": it is a sale");
        }
        if (!(payment.outcome instanceof PaymentOutcome.Succeeded)) {
            throw refused(Problem.INVALID_STATE, id, "cannot " + what + " payment " + paymentId
                    + ": its authorization is " + payment.outcome.getClass().getSimpleName());
        }
        if (payment.captureOrVoidInFlight) {
            throw refused(Problem.INVALID_STATE, id, "cannot " + what + " payment " + paymentId
                    + ": it was already captured or voided");
        }
        return payment;
    }

    private static void requireSameCurrency(TransactionId id, Tx payment, MonetaryAmount amount) {
        String expected = payment.amount.getCurrency().getCurrencyCode();
        if (!expected.equals(amount.getCurrency().getCurrencyCode())) {
            throw refused(Problem.CURRENCY_MISMATCH, id, "payment " + payment.id + " is in " + expected + ", not "
                    + amount.getCurrency().getCurrencyCode());
        }
    }

    private static InvalidPaymentRequestException refused(Problem problem, TransactionId id, String message) {
        return new InvalidPaymentRequestException(problem, id, message);
    }
}
