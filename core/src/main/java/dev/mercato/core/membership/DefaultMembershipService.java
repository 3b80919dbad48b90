package dev.mercato.core.membership;

import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentProviderException;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.membership.Activity;
import dev.mercato.pricing.membership.BonusEvent;
import dev.mercato.pricing.membership.MemberStanding;
import dev.mercato.pricing.membership.PlanBenefits;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.MonetaryAmount;

/** The membership service over storage, journal, payments and timers. */
final class DefaultMembershipService implements MembershipService {
    /**
     * Version 2 names the order a lot was earned by ({@link PointsLot#orderId()}); a version-1 lot
     * reads with none, so a refund of an order earned before claws back by the other lots' rule.
     */
    static final AggregateType<String, MemberAccount> ACCOUNTS =
            AggregateType.of("membership-account", String.class, MemberAccount.class, k -> k)
                    .withCodec(dev.mercato.core.storage.Codecs.json(MemberAccount.class, 2,
                            new dev.mercato.core.storage.Upcaster(1, DefaultMembershipService::lotsWithoutOrder)));

    /** Schema 1 to 2: lots stored before lots named their order have none. */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> lotsWithoutOrder(java.util.Map<String, Object> doc) {
        if (doc.get("lots") instanceof java.util.List<?> lots) {
            for (Object lot : lots) {
                if (lot instanceof java.util.Map<?, ?> fields) {
                    ((java.util.Map<String, Object>) fields).putIfAbsent("orderId", null);
                }
            }
        }
        return doc;
    }
    /**
     * Version 2 gives plan benefits an eligible scope and the discount's funding; a version-1
     * plan reads eligible for everything and platform-funded ({@code PlanBenefits.none()}'s).
     */
    static final AggregateType<String, SubscriptionRecord> SUBSCRIPTIONS =
            AggregateType.of("membership-subscription", String.class, SubscriptionRecord.class, k -> k)
                    .withCodec(dev.mercato.core.storage.Codecs.json(SubscriptionRecord.class, 2,
                            new dev.mercato.core.storage.Upcaster(1, doc -> {
                                benefitsEverywhere(doc);
                                return doc;
                            })));

    /** Schema 1 to 2: every plan's benefits, wherever they sit in the state, apply to everything. */
    @SuppressWarnings("unchecked")
    private static void benefitsEverywhere(Object node) {
        if (node instanceof java.util.Map<?, ?> map) {
            java.util.Map<String, Object> fields = (java.util.Map<String, Object>) map;
            if (fields.containsKey("pointsAccelerationPercent") && fields.containsKey("otherBenefits")) {
                java.util.Map<String, Object> scope = new java.util.HashMap<>();
                scope.put("skus", new java.util.ArrayList<>());
                scope.put("categories", new java.util.ArrayList<>());
                scope.put("sellers", new java.util.ArrayList<>());
                fields.putIfAbsent("eligible", scope);
                java.util.Map<String, Object> share = new java.util.HashMap<>();
                share.put("fraction", "1");
                java.util.Map<String, Object> funding = new java.util.HashMap<>();
                funding.put("platformShare", share);
                fields.putIfAbsent("discountFunding", funding);
            }
            fields.values().forEach(DefaultMembershipService::benefitsEverywhere);
        } else if (node instanceof java.util.List<?> list) {
            list.forEach(DefaultMembershipService::benefitsEverywhere);
        }
    }
    /**
     * A first plan fee whose outcome the provider did not tell at once (a timeout, an unknown
     * outcome, pending): written before the charge, checked by {@link #FIRST_CHARGE_TIMER} until
     * it is known, so a charged member is never left without the plan or the ledger entry.
     */
    record PendingCharge(String memberId, String planCode, PaymentSource source, String key, int started,
            String transactionId) {}

    static final AggregateType<String, PendingCharge> PENDING_CHARGES =
            AggregateType.of("membership-pending-charge", String.class, PendingCharge.class, k -> k);
    /**
     * A cancellation refund whose outcome is not known yet, written before the provider is called
     * and checked by {@link #REFUND_CHECK_TIMER} until it is: {@code posted} once the refund's entry
     * is in the ledger (the provider answered pending).
     */
    record PendingRefund(String memberId, String subscriptionId, long period, String paymentId, boolean posted) {}

    static final AggregateType<String, PendingRefund> PENDING_REFUNDS =
            AggregateType.of("membership-pending-refund", String.class, PendingRefund.class, k -> k);
    /** How long after an undecided first fee the provider is asked again. */
    static final Duration RECHECK = Duration.ofMinutes(5);
    private static final int ATTEMPTS = 5;
    /** Declined cancellation refunds of one period after which the last answer stands. */
    private static final int MAX_REFUND_ATTEMPTS = 5;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DefaultMembershipService.class);

    /** What a cancellation refunded, and whether the provider still has it pending. */
    private record RefundDone(MonetaryAmount amount, boolean pending) {}

    /** The cancellation refund the cancellation's commit settles: its tracking record's key and state. */
    private record TrackedRefund(String key, boolean pending) {}

    private final MembershipSettings settings;
    private final Storage storage;
    private final Journal journal;
    private final PaymentProvider payments;
    private final Clock clock;

    DefaultMembershipService(MembershipSettings settings, Storage storage, Journal journal, PaymentProvider payments,
            Clock clock) {
        this.settings = InvalidInputException.requireNonNull(settings, "settings");
        this.storage = InvalidInputException.requireNonNull(storage, "storage");
        this.journal = InvalidInputException.requireNonNull(journal, "journal");
        this.payments = InvalidInputException.requireNonNull(payments, "payments");
        this.clock = InvalidInputException.requireNonNull(clock, "clock");
    }

    // ---- points ----

    @Override
    public PointsChange recordPaidOrder(String memberId, String orderId, MonetaryAmount paid) {
        return recordPaidOrder(memberId, orderId, paid, Optional.empty());
    }

    @Override
    public PointsChange recordPaidOrder(String memberId, String orderId, MonetaryAmount paid, List<EarningLine> lines) {
        return recordPaidOrder(memberId, orderId, paid, Optional.of(List.copyOf(
                InvalidInputException.requireNonNull(lines, "lines"))));
    }

    private PointsChange recordPaidOrder(String memberId, String orderId, MonetaryAmount paid,
            Optional<List<EarningLine>> lines) {
        long paidMinor = MinorUnits.toMinor(InvalidInputException.requireNonNull(paid, "paid"), settings.currency());
        if (paidMinor < 0) {
            throw new InvalidInputException("paid", paid, "must not be negative");
        }
        Instant now = clock.instant();
        return pointsCommand(memberId, "order-paid:" + orderId, orderId + "|" + paidMinor, (uow, account) -> {
            Optional<PlanTerms> plan = planAt(uow, memberId, now);
            long acceleration = plan.map(p -> p.benefits().pointsAccelerationPercent()).orElse(0L);
            MonetaryAmount accelerated = paid;
            if (plan.isPresent() && lines.isPresent() && !plan.get().benefits().eligible().isAll()) {
                long eligible = 0;
                for (EarningLine line : lines.get()) {
                    if (plan.get().benefits().eligible(line.sku(), line.seller(), line.categoryPath())) {
                        eligible = Exact.add(eligible, MinorUnits.toMinor(line.paid(), settings.currency()));
                    }
                }
                accelerated = MinorUnits.toAmount(Math.min(eligible, paidMinor), settings.currency());
            }
            long points = settings.earn().pointsFor(paid, accelerated, tierCodes(account), acceleration);
            PointsChange change = account.earnForOrder("order-paid:" + orderId, now, orderId, paidMinor, points,
                    now.plus(settings.pointsLifetime()));
            if (change instanceof PointsChange.Applied applied && settings.tiers().basis() == QualificationBasis.SPEND) {
                return new PointsChange.Applied(withActivity(applied.account(), paidMinor, now), applied.entry());
            }
            return change;
        });
    }

    @Override
    public PointsChange recordRefund(String memberId, String orderId, String refundId, MonetaryAmount refunded) {
        long minor = MinorUnits.toMinor(InvalidInputException.requireNonNull(refunded, "refunded"), settings.currency());
        Instant now = clock.instant();
        return pointsCommand(memberId, "refund:" + refundId, orderId + "|" + minor, (uow, account) -> {
            PointsChange change = account.clawBack("refund:" + refundId, now, orderId, minor, settings.clawback(),
                    now.plus(settings.pointsLifetime()));
            if (change instanceof PointsChange.Applied applied && settings.tiers().basis() == QualificationBasis.SPEND) {
                // The refund lowers the rolling spend; the ladder's refund rule re-evaluates the tier.
                MemberAccount spent = applied.account().withActivity(new Activity(now, -minor))
                        .withoutActivityBefore(now.minus(settings.tiers().window()));
                long measure = settings.tiers().measure(spent.activity(), now);
                spent = spent.withTier(settings.tiers().onRefund(spent.tier(), measure, now).standing());
                return new PointsChange.Applied(spent, applied.entry());
            }
            return change;
        });
    }

    @Override
    public PointsChange grantBonus(String memberId, String eventCode, String key) {
        Instant now = clock.instant();
        return pointsCommand(memberId, key, "bonus|" + eventCode, (uow, account) -> {
            Optional<BonusEvent> event = settings.earn().bonus(eventCode);
            if (event.isEmpty()) {
                return new PointsChange.Refused(PointsRefusal.UNKNOWN_BONUS, "no bonus event " + eventCode);
            }
            return account.grantBonus(key, now, event.get(), now.plus(settings.pointsLifetime()));
        });
    }

    @Override
    public PointsChange redeem(String memberId, String orderId, long points, String key) {
        Instant now = clock.instant();
        return pointsCommand(memberId, key, "redeem|" + orderId + "|" + points,
                (uow, account) -> account.spend(key, now, points, orderId));
    }

    @Override
    public MemberAccount addScore(String memberId, long score, String key) {
        Instant now = clock.instant();
        PointsChange ignored = pointsCommand(memberId, key, "score|" + score, (uow, account) -> {
            MemberAccount scored = withActivity(account, score, now);
            return new PointsChange.Applied(scored, new PointsEntry(key, now, EntryKind.BONUS, 0, "score",
                    "score " + score + " toward the tier"));
        });
        return account(memberId).orElseThrow(() -> new InvalidInputException("memberId", memberId,
                "has no account after scoring (" + ignored + ")"));
    }

    private MemberAccount withActivity(MemberAccount account, long amount, Instant now) {
        MemberAccount more = account.withActivity(new Activity(now, amount))
                .withoutActivityBefore(now.minus(settings.tiers().window()));
        long measure = settings.tiers().measure(more.activity(), now);
        return more.withTier(settings.tiers().onActivity(more.tier(), measure, now).standing());
    }

    @FunctionalInterface
    private interface AccountWork {
        PointsChange apply(UnitOfWork uow, MemberAccount account);
    }

    private PointsChange pointsCommand(String memberId, String key, String fingerprint, AccountWork work) {
        InvalidInputException.requireNonNull(memberId, "memberId");
        IdempotencyKey idem = IdempotencyKey.of(POINTS_SCOPE, memberId, key);
        return storage.inTransaction(ATTEMPTS, uow -> {
            Optional<PointsChange> replay = uow.idempotency().find(idem, fingerprint, PointsChange.class);
            if (replay.isPresent()) {
                return replay.get();
            }
            Repository<String, MemberAccount> accounts = uow.repository(ACCOUNTS);
            Optional<Versioned<MemberAccount>> current = accounts.find(memberId);
            MemberAccount account = current.map(Versioned::value)
                    .orElseGet(() -> MemberAccount.open(memberId, settings.tiers().join(clock.instant())));
            PointsChange change = work.apply(uow, account);
            if (change instanceof PointsChange.Applied applied) {
                saveAccount(uow, applied.account(), current);
                uow.idempotency().remember(idem, fingerprint, change);
            }
            return change;
        }, EventPublisher.none());
    }

    private void saveAccount(UnitOfWork uow, MemberAccount account, Optional<Versioned<MemberAccount>> current) {
        uow.repository(ACCOUNTS).save(account.memberId(), account, current);
        TimerKey expiry = new TimerKey(EXPIRY_TIMER, account.memberId());
        account.nextExpiry().ifPresentOrElse(at -> uow.timers().schedule(expiry, at), () -> uow.timers().cancel(expiry));
        uow.timers().schedule(new TimerKey(TIER_REVIEW_TIMER, account.memberId()), account.tier().nextReviewAt());
    }

    @Override
    public Optional<MemberAccount> account(String memberId) {
        return storage.inTransaction(uow -> uow.repository(ACCOUNTS).find(memberId).map(Versioned::value));
    }

    @Override
    public MemberStanding standing(String memberId) {
        Instant now = clock.instant();
        return storage.inTransaction(uow -> {
            MemberAccount account = uow.repository(ACCOUNTS).find(memberId).map(Versioned::value)
                    .orElseGet(() -> MemberAccount.open(memberId, settings.tiers().join(now)));
            return standingAt(uow, account, now);
        });
    }

    private Set<String> tierCodes(MemberAccount account) {
        return Set.of(settings.tiers().levelOf(account.tier()).code());
    }

    private MemberStanding standingAt(UnitOfWork uow, MemberAccount account, Instant now) {
        TierLevel level = settings.tiers().levelOf(account.tier());
        Set<String> tiers = new HashSet<>(Set.of(level.code()));
        Set<String> benefits = new HashSet<>(level.benefits());
        Set<String> coupons = new HashSet<>();
        planAt(uow, account.memberId(), now).ifPresent(plan -> {
            tiers.add(plan.code());
            benefits.addAll(plan.benefits().codes());
            if (couponsLeft(uow, account.memberId(), plan, now) > 0) {
                coupons.add(PlanBenefits.shippingCouponId(plan.code()));
            }
        });
        return new MemberStanding(tiers, benefits, account.spendable(), coupons);
    }

    private int couponsLeft(UnitOfWork uow, String memberId, PlanTerms plan, Instant now) {
        int used = uow.repository(SUBSCRIPTIONS).find(memberId)
                .map(v -> v.value().couponOrdersIn(month(now)).size()).orElse(0);
        return Math.max(0, plan.benefits().shippingCouponsPerMonth() - used);
    }

    private static String month(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }

    @Override
    public ShippingCouponUse useShippingCoupon(String memberId, String orderId) {
        InvalidInputException.requireNonNull(orderId, "orderId");
        Instant now = clock.instant();
        return storage.inTransaction(ATTEMPTS, uow -> {
            Optional<Versioned<SubscriptionRecord>> current = uow.repository(SUBSCRIPTIONS).find(memberId);
            Optional<PlanTerms> plan = planAt(uow, memberId, now);
            if (current.isEmpty() || plan.isEmpty()) {
                return new ShippingCouponUse(false, 0);
            }
            SubscriptionRecord record = current.get().value();
            String month = month(now);
            java.util.List<String> orders = new java.util.ArrayList<>(record.couponOrdersIn(month));
            int left = couponsLeft(uow, memberId, plan.get(), now);
            if (orders.contains(orderId)) {
                return new ShippingCouponUse(true, left);
            }
            if (left == 0) {
                return new ShippingCouponUse(false, 0);
            }
            orders.add(orderId);
            uow.repository(SUBSCRIPTIONS).update(memberId, new SubscriptionRecord(record.current(), record.started(),
                    month, orders), current.get().version());
            return new ShippingCouponUse(true, left - 1);
        }, EventPublisher.none());
    }

    private Optional<PlanTerms> planAt(UnitOfWork uow, String memberId, Instant now) {
        return uow.repository(SUBSCRIPTIONS).find(memberId).map(v -> v.value().current())
                .filter(s -> s.entitledAt(now)).map(s -> s.terms().plan());
    }

    // ---- subscriptions ----

    @Override
    public Optional<Subscription> subscription(String memberId) {
        return storage.inTransaction(uow -> uow.repository(SUBSCRIPTIONS).find(memberId).map(v -> v.value().current()));
    }

    @Override
    public SubscriptionResult subscribe(String memberId, String planCode, PaymentSource source, String key) {
        InvalidInputException.requireNonNull(memberId, "memberId");
        InvalidInputException.requireNonNull(source, "source");
        IdempotencyKey idem = IdempotencyKey.of(SUBSCRIPTION_SCOPE, memberId, key);
        String fingerprint = "subscribe|" + planCode;
        Instant now = clock.instant();
        Optional<SubscriptionResult> replay = storage.inTransaction(uow ->
                uow.idempotency().find(idem, fingerprint, SubscriptionResult.class));
        if (replay.isPresent()) {
            return replay.get();
        }
        PlanTerms plan = settings.plans().get(planCode);
        if (plan == null) {
            return new SubscriptionResult.Refused(SubscriptionRefusal.UNKNOWN_PLAN, "no plan " + planCode);
        }
        Optional<Versioned<SubscriptionRecord>> current = storage.inTransaction(uow ->
                uow.repository(SUBSCRIPTIONS).find(memberId));
        if (current.isPresent() && !current.get().value().current().isTerminal()) {
            return new SubscriptionResult.Refused(SubscriptionRefusal.ALREADY_SUBSCRIBED,
                    memberId + " holds " + current.get().value().current());
        }
        int started = current.map(v -> v.value().started()).orElse(0) + 1;
        SubscriptionTerms terms = new SubscriptionTerms(memberId + "#" + started, memberId, plan, source);
        Subscription next;
        if (started == 1 && !plan.trial().isZero()) {
            next = new Trial(terms, now, now.plus(plan.trial()));
        } else {
            // The key is part of the id: a declined first charge stays declined for its key, and
            // a new attempt (new key) is a new transaction; a repeated key replays the same one.
            TransactionId payment = transactionId(terms.subscriptionId(), "p1", "a1", key);
            // Written ahead: if the answer is lost (or the process stops), the timer asks again.
            PendingCharge pending = new PendingCharge(memberId, planCode, source, key, started, payment.value());
            storage.inTransaction(uow -> {
                Repository<String, PendingCharge> repo = uow.repository(PENDING_CHARGES);
                repo.save(payment.value(), pending, repo.find(payment.value()));
                uow.timers().schedule(new TimerKey(FIRST_CHARGE_TIMER, payment.value()), now.plus(RECHECK));
                return null;
            });
            PaymentOutcome outcome = charge(terms, payment, 1);
            if (outcome instanceof PaymentOutcome.Declined declined) {
                forget(payment.value());
                return new SubscriptionResult.Refused(SubscriptionRefusal.PAYMENT_DECLINED,
                        declined.reason() + " " + declined.providerCode() + ": " + declined.message());
            }
            if (!(outcome instanceof PaymentOutcome.Succeeded)) {
                return new SubscriptionResult.PaymentUndecided(outcome.toString());
            }
            postFee(terms, 1, payment, now);
            next = new Active(terms, 1, now, plan.period().end(now), payment.value());
        }
        return commitSubscription(memberId, idem, fingerprint, next, started, current);
    }

    private SubscriptionResult commitSubscription(String memberId, IdempotencyKey idem, String fingerprint,
            Subscription next, int started, Optional<Versioned<SubscriptionRecord>> current) {
        SubscriptionResult result = new SubscriptionResult.Done(next);
        return storage.inTransaction(uow -> {
            Optional<SubscriptionResult> raced = uow.idempotency().find(idem, fingerprint, SubscriptionResult.class);
            if (raced.isPresent()) {
                return raced.get();
            }
            uow.repository(SUBSCRIPTIONS).save(memberId, new SubscriptionRecord(next, started), current);
            scheduleRenewal(uow, next);
            if (next instanceof Active active) {
                forget(uow, active.paymentId());
            }
            uow.idempotency().remember(idem, fingerprint, result);
            return result;
        });
    }

    private void forget(String transactionId) {
        storage.inTransaction(uow -> {
            forget(uow, transactionId);
            return null;
        });
    }

    private static void forget(UnitOfWork uow, String transactionId) {
        Repository<String, PendingCharge> repo = uow.repository(PENDING_CHARGES);
        repo.find(transactionId).ifPresent(v -> repo.delete(transactionId, v.version()));
        uow.timers().cancel(new TimerKey(FIRST_CHARGE_TIMER, transactionId));
    }

    /**
     * Asks the provider again about a first fee whose outcome was not known: charged, the
     * subscription starts as the subscribe call would have started it (its key then replays it);
     * declined or never received, it is forgotten; still open, asked again later. A fee charged
     * while the member subscribed again meanwhile is posted and refunded.
     */
    private void recheckFirstCharge(DueTimer timer, Instant now) {
        String id = timer.key().target();
        Optional<PendingCharge> found = storage.inTransaction(uow -> uow.repository(PENDING_CHARGES).find(id))
                .map(Versioned::value);
        if (found.isEmpty()) {
            forget(id);
            return;
        }
        PendingCharge pending = found.get();
        TransactionId payment = new TransactionId(id);
        Optional<PaymentOutcome> status;
        try {
            status = payments.status(payment);
        } catch (PaymentProviderException e) {
            reschedule(timer, now);
            return;
        }
        if (status.isEmpty() || status.get() instanceof PaymentOutcome.Declined) {
            forget(id);
            return;
        }
        if (!(status.get() instanceof PaymentOutcome.Succeeded)) {
            reschedule(timer, now);
            return;
        }
        PlanTerms plan = settings.plans().get(pending.planCode());
        Optional<Versioned<SubscriptionRecord>> current = storage.inTransaction(uow ->
                uow.repository(SUBSCRIPTIONS).find(pending.memberId()));
        int started = current.map(v -> v.value().started()).orElse(0) + 1;
        SubscriptionTerms terms = new SubscriptionTerms(pending.memberId() + "#" + pending.started(), pending.memberId(),
                plan, pending.source());
        if (started == pending.started() && (current.isEmpty() || current.get().value().current().isTerminal())) {
            postFee(terms, 1, payment, now);
            IdempotencyKey idem = IdempotencyKey.of(SUBSCRIPTION_SCOPE, pending.memberId(), pending.key());
            commitSubscription(pending.memberId(), idem, "subscribe|" + pending.planCode(),
                    new Active(terms, 1, now, plan.period().end(now), id), started, current);
            return;
        }
        // The member subscribed again meanwhile: this fee buys nothing and goes back.
        TransactionId refund = transactionId(id, "orphan-refund");
        PaymentOutcome outcome;
        try {
            outcome = payments.refund(new RefundRequest(refund, payment, plan.price(), "membership fee charged twice"));
        } catch (PaymentProviderException e) {
            outcome = new PaymentOutcome.Unknown(refund, String.valueOf(e.getMessage()));
        }
        if (!(outcome instanceof PaymentOutcome.Succeeded)) {
            reschedule(timer, now);
            return;
        }
        // The fee came in and went back out: one entry, keyed by the charge, not by the period
        // (the subscription that did start has its own fee entry for that period).
        long units = MinorUnits.toMinor(plan.price());
        journal.post(JournalEntry.builder("membership:" + id + ":orphan-refund", now,
                        "membership fee " + id + " refunded: the member subscribed again meanwhile")
                .reference(new EntryReference(EntryReference.Kind.MEMBERSHIP, terms.subscriptionId(), 1, "orphan-refund"))
                .minor(Account.buyerFundsIn(pending.memberId()), plan.price().getCurrency(), -units)
                .minor(Account.refunds(), plan.price().getCurrency(), units).build());
        forget(id);
    }

    private static String refundKey(Active active) {
        return active.terms().subscriptionId() + "|p" + active.periodNumber();
    }

    private TransactionId refundId(String subscriptionId, long period, int attempt) {
        return transactionId(subscriptionId, "p" + period, "refund", "a" + attempt);
    }

    private void forgetRefund(String tracked) {
        storage.inTransaction(uow -> {
            Repository<String, PendingRefund> repo = uow.repository(PENDING_REFUNDS);
            repo.find(tracked).ifPresent(v -> repo.delete(tracked, v.version()));
            uow.timers().cancel(new TimerKey(REFUND_CHECK_TIMER, tracked));
            return null;
        });
    }

    /**
     * Asks the provider about a cancellation refund whose outcome was not known: refunded, its
     * entry is posted (once, by key) and the subscription, if still live, is cancelled as the
     * member asked; declined or never received, an entry already posted is reversed into what the
     * platform owes the member ({@link Account#refundOwed}); still open, asked again later.
     */
    private void recheckRefund(DueTimer timer, Instant now) {
        String tracked = timer.key().target();
        Optional<PendingRefund> found = storage.inTransaction(uow -> uow.repository(PENDING_REFUNDS).find(tracked))
                .map(Versioned::value);
        if (found.isEmpty()) {
            forgetRefund(tracked);
            return;
        }
        PendingRefund pending = found.get();
        Optional<PaymentOutcome.Succeeded> refunded = Optional.empty();
        try {
            for (int attempt = 1; attempt <= MAX_REFUND_ATTEMPTS; attempt++) {
                Optional<PaymentOutcome> status = payments.status(refundId(pending.subscriptionId(), pending.period(), attempt));
                if (status.isEmpty()) {
                    break;
                }
                if (status.get() instanceof PaymentOutcome.Succeeded s) {
                    refunded = Optional.of(s);
                    break;
                }
                if (!status.get().isFinal()) {
                    reschedule(timer, now);
                    return;
                }
            }
        } catch (PaymentProviderException e) {
            reschedule(timer, now);
            return;
        }
        if (refunded.isPresent()) {
            MonetaryAmount amount = refunded.get().amount();
            postRefund(pending.subscriptionId(), pending.period(), amount, now);
            storage.inTransaction(uow -> {
                Repository<String, SubscriptionRecord> subs = uow.repository(SUBSCRIPTIONS);
                subs.find(pending.memberId()).ifPresent(v -> {
                    Subscription current = v.value().current();
                    if (!current.isTerminal() && current.terms().subscriptionId().equals(pending.subscriptionId())) {
                        subs.update(pending.memberId(), v.value().with(new Cancelled(current.terms(), now, amount, now)),
                                v.version());
                        uow.timers().cancel(new TimerKey(RENEWAL_TIMER, pending.memberId()));
                    }
                });
                return null;
            });
        } else if (pending.posted()) {
            LOG.warn("membership refund of {} period {} was declined: it is owed to {}", pending.subscriptionId(),
                    pending.period(), pending.memberId());
            Optional<JournalEntry> posted = journal.entry("membership:" + pending.subscriptionId() + ":p" + pending.period()
                    + ":refund");
            posted.ifPresent(entry -> {
                long units = entry.postings().stream().filter(x -> x.account().equals(Account.refunds()))
                        .mapToLong(x -> MinorUnits.toMinor(x.amount())).sum();
                javax.money.CurrencyUnit currency = entry.postings().get(0).currency();
                journal.post(JournalEntry.builder("membership:" + pending.subscriptionId() + ":p" + pending.period()
                                + ":refund-declined", now, "membership refund declined; owed to the member")
                        .reference(new EntryReference(EntryReference.Kind.MEMBERSHIP, pending.subscriptionId(),
                                pending.period(), "refund-declined"))
                        .minor(Account.refunds(), currency, -units)
                        .minor(Account.refundOwed(pending.memberId()), currency, units).build());
            });
        }
        forgetRefund(tracked);
    }

    private void reschedule(DueTimer timer, Instant now) {
        storage.inTransaction(uow -> {
            uow.timers().schedule(timer.key(), now.plus(RECHECK));
            return null;
        });
    }

    @Override
    public SubscriptionResult cancel(String memberId, String key) {
        IdempotencyKey idem = IdempotencyKey.of(SUBSCRIPTION_SCOPE, memberId, key);
        String fingerprint = "cancel";
        Instant now = clock.instant();
        Optional<SubscriptionResult> replay = storage.inTransaction(uow ->
                uow.idempotency().find(idem, fingerprint, SubscriptionResult.class));
        if (replay.isPresent()) {
            return replay.get();
        }
        Optional<Versioned<SubscriptionRecord>> current = storage.inTransaction(uow ->
                uow.repository(SUBSCRIPTIONS).find(memberId));
        if (current.isEmpty() || current.get().value().current().isTerminal()) {
            return new SubscriptionResult.Refused(SubscriptionRefusal.NOT_SUBSCRIBED, memberId + " holds no live subscription");
        }
        SubscriptionRecord record = current.get().value();
        Subscription state = record.current();
        Cancelled cancelled;
        Optional<TrackedRefund> tracking = Optional.empty();
        if (state instanceof Trial trial) {
            cancelled = trial.cancel(now);
        } else if (state instanceof RenewalRetrying retrying) {
            cancelled = retrying.cancel(now);
        } else {
            Active active = (Active) state;
            Cancelled proposed = active.cancel(now);
            if (proposed.refund().isPositive()) {
                String tracked = refundKey(active);
                storage.inTransaction(uow -> {
                    Repository<String, PendingRefund> repo = uow.repository(PENDING_REFUNDS);
                    if (repo.find(tracked).isEmpty()) {
                        repo.insert(tracked, new PendingRefund(memberId, active.terms().subscriptionId(),
                                active.periodNumber(), active.paymentId(), false));
                    }
                    uow.timers().schedule(new TimerKey(REFUND_CHECK_TIMER, tracked), now.plus(RECHECK));
                    return null;
                });
                Object refunded = refund(active, proposed.refund(), now, key);
                if (refunded instanceof SubscriptionResult.Refused) {
                    forgetRefund(tracked);
                }
                if (refunded instanceof SubscriptionResult problem) {
                    return problem;
                }
                RefundDone done = (RefundDone) refunded;
                tracking = Optional.of(new TrackedRefund(tracked, done.pending()));
                proposed = new Cancelled(proposed.terms(), proposed.at(), done.amount(), proposed.benefitsUntil());
            }
            cancelled = proposed;
        }
        SubscriptionResult result = new SubscriptionResult.Done(cancelled);
        Optional<TrackedRefund> settled = tracking;
        storage.inTransaction(uow -> {
            uow.repository(SUBSCRIPTIONS).update(memberId, record.with(cancelled),
                    current.get().version());
            uow.timers().cancel(new TimerKey(RENEWAL_TIMER, memberId));
            if (settled.isPresent()) {
                // Refunded: the record is done with. Pending: its entry is now posted, and the
                // refund-check timer reverses it if the provider declines it later.
                String tracked = settled.get().key();
                Repository<String, PendingRefund> refunds = uow.repository(PENDING_REFUNDS);
                Optional<Versioned<PendingRefund>> v = refunds.find(tracked);
                if (!settled.get().pending()) {
                    v.ifPresent(x -> refunds.delete(tracked, x.version()));
                    uow.timers().cancel(new TimerKey(REFUND_CHECK_TIMER, tracked));
                } else if (v.isPresent()) {
                    PendingRefund r = v.get().value();
                    refunds.update(tracked, new PendingRefund(r.memberId(), r.subscriptionId(), r.period(), r.paymentId(),
                            true), v.get().version());
                }
            }
            uow.idempotency().remember(idem, fingerprint, result);
            return result;
        });
        return result;
    }

    /** Refunds the cancellation; returns the amount refunded, or the result to return instead. */
    private Object refund(Active active, MonetaryAmount amount, Instant now, String key) {
        SubscriptionTerms terms = active.terms();
        // One refund per paid period, whatever key the cancellation comes with: a cancel repeated
        // (with the same key or another) after an undecided refund must not refund again, and its
        // amount (pro rata by the clock) has changed since, so the provider is asked what each
        // attempt did first. Only after a decline is a new attempt (a new id) sent.
        TransactionId refundId = null;
        PaymentOutcome outcome = null;
        try {
            for (int attempt = 1; attempt <= MAX_REFUND_ATTEMPTS && outcome == null; attempt++) {
                TransactionId id = refundId(terms.subscriptionId(), active.periodNumber(), attempt);
                Optional<PaymentOutcome> earlier = payments.status(id);
                if (earlier.isPresent() && earlier.get() instanceof PaymentOutcome.Declined
                        && attempt < MAX_REFUND_ATTEMPTS) {
                    continue;
                }
                refundId = id;
                outcome = earlier.isPresent() && !(earlier.get() instanceof PaymentOutcome.Unknown) ? earlier.get()
                        : payments.refund(new RefundRequest(id, new TransactionId(active.paymentId()), amount,
                                "membership " + terms.subscriptionId() + " cancelled"));
            }
        } catch (PaymentProviderException e) {
            return new SubscriptionResult.PaymentUndecided(String.valueOf(e.getMessage()));
        } catch (dev.mercato.payments.InvalidPaymentRequestException e) {
            return new SubscriptionResult.Refused(SubscriptionRefusal.REFUND_DECLINED,
                    "the provider refused the refund: " + e.getMessage());
        }
        if (outcome instanceof PaymentOutcome.Declined declined) {
            return new SubscriptionResult.Refused(SubscriptionRefusal.REFUND_DECLINED,
                    declined.reason() + " " + declined.providerCode() + ": " + declined.message());
        }
        if (outcome instanceof PaymentOutcome.Unknown) {
            return new SubscriptionResult.PaymentUndecided(outcome.toString());
        }
        MonetaryAmount refunded = outcome instanceof PaymentOutcome.Succeeded s ? s.amount()
                : ((PaymentOutcome.Pending) outcome).amount();
        // Succeeded or pending: the provider holds the refund against the payment, so the
        // revenue is reversed now; a pending refund that later fails is reversed by the
        // refund-check timer (recheckRefund).
        long units = MinorUnits.toMinor(refunded, terms.plan().price().getCurrency());
        postRefund(terms.subscriptionId(), active.periodNumber(), refunded, now);
        return new RefundDone(MinorUnits.toAmount(units, refunded.getCurrency()), outcome instanceof PaymentOutcome.Pending);
    }

    /** The cancellation refund of a period: revenue back into refunds, once by key. */
    private void postRefund(String subscriptionId, long period, MonetaryAmount refunded, Instant now) {
        long units = MinorUnits.toMinor(refunded);
        journal.post(JournalEntry.builder("membership:" + subscriptionId + ":p" + period + ":refund", now,
                        "membership refund " + subscriptionId)
                .reference(new EntryReference(EntryReference.Kind.MEMBERSHIP, subscriptionId, period, "refund"))
                .minor(Account.revenue(RevenueStream.MEMBERSHIP), refunded.getCurrency(), -units)
                .minor(Account.refunds(), refunded.getCurrency(), units).build());
    }

    private PaymentOutcome charge(SubscriptionTerms terms, TransactionId payment, long period) {
        try {
            return payments.sale(new PaymentRequest(payment, terms.plan().price(), terms.source(),
                    "membership " + terms.subscriptionId() + " period " + period));
        } catch (PaymentProviderException e) {
            return new PaymentOutcome.Unknown(payment, String.valueOf(e.getMessage()));
        }
    }

    private void postFee(SubscriptionTerms terms, long period, TransactionId payment, Instant at) {
        MonetaryAmount price = terms.plan().price();
        long units = MinorUnits.toMinor(price);
        journal.post(JournalEntry.builder("membership:" + terms.subscriptionId() + ":p" + period + ":fee", at,
                        "membership fee " + terms.plan().code() + " " + terms.subscriptionId() + " (" + payment + ")")
                .reference(new EntryReference(EntryReference.Kind.MEMBERSHIP, terms.subscriptionId(), period, "fee"))
                .minor(Account.buyerFundsIn(terms.memberId()), price.getCurrency(), -units)
                .minor(Account.revenue(RevenueStream.MEMBERSHIP), price.getCurrency(), units).build());
    }

    private static void scheduleRenewal(UnitOfWork uow, Subscription state) {
        TimerKey key = new TimerKey(RENEWAL_TIMER, state.terms().memberId());
        state.nextChargeAt().ifPresentOrElse(at -> uow.timers().schedule(key, at), () -> uow.timers().cancel(key));
    }

    static TransactionId transactionId(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return new TransactionId("mbr-" + HexFormat.of().formatHex(digest, 0, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    // ---- timers ----

    @Override
    public DueTaskRunner registerTimers(DueTaskRunner runner) {
        return runner.on(RENEWAL_TIMER, this::renew).on(EXPIRY_TIMER, this::expire).on(TIER_REVIEW_TIMER, this::review)
                .on(FIRST_CHARGE_TIMER, this::recheckFirstCharge).on(REFUND_CHECK_TIMER, this::recheckRefund);
    }

    private void renew(DueTimer timer, Instant now) {
        String memberId = timer.key().target();
        Optional<Versioned<SubscriptionRecord>> current = storage.inTransaction(uow ->
                uow.repository(SUBSCRIPTIONS).find(memberId));
        if (current.isEmpty() || current.get().value().current().nextChargeAt().map(now::isBefore).orElse(true)) {
            storage.inTransaction(uow -> {
                current.ifPresentOrElse(v -> scheduleRenewal(uow, v.value().current()),
                        () -> uow.timers().cancel(timer.key()));
                return null;
            });
            return;
        }
        SubscriptionRecord record = current.get().value();
        Subscription state = record.current();
        long period;
        int attempt;
        if (state instanceof Trial) {
            period = 1;
            attempt = 1;
        } else if (state instanceof Active active) {
            period = active.periodNumber() + 1;
            attempt = 1;
        } else {
            RenewalRetrying retrying = (RenewalRetrying) state;
            period = retrying.periodNumber();
            attempt = retrying.failedAttempts() + 1;
        }
        SubscriptionTerms terms = state.terms();
        TransactionId payment = transactionId(terms.subscriptionId(), "p" + period, "a" + attempt);
        PaymentOutcome outcome = charge(terms, payment, period);
        Subscription next;
        if (outcome instanceof PaymentOutcome.Succeeded) {
            postFee(terms, period, payment, now);
            if (state instanceof Trial trial) {
                next = trial.charged(payment.value());
            } else if (state instanceof Active active) {
                next = active.renewed(payment.value());
            } else {
                next = ((RenewalRetrying) state).charged(now, payment.value());
            }
        } else if (outcome instanceof PaymentOutcome.Declined) {
            if (state instanceof Trial trial) {
                next = trial.chargeFailed(now);
            } else if (state instanceof Active active) {
                next = active.renewalFailed(now);
            } else {
                next = ((RenewalRetrying) state).attemptFailed(now);
            }
        } else {
            // Undecided: keep the state and ask again later with the same transaction id.
            storage.inTransaction(uow -> {
                uow.timers().schedule(timer.key(), now.plus(terms.plan().retryInterval()));
                return null;
            });
            return;
        }
        storage.inTransaction(uow -> {
            uow.repository(SUBSCRIPTIONS).update(memberId, record.with(next),
                    current.get().version());
            scheduleRenewal(uow, next);
            return null;
        });
    }

    private void expire(DueTimer timer, Instant now) {
        String memberId = timer.key().target();
        storage.inTransaction(ATTEMPTS, uow -> {
            Optional<Versioned<MemberAccount>> current = uow.repository(ACCOUNTS).find(memberId);
            if (current.isEmpty()) {
                uow.timers().cancel(timer.key());
                return null;
            }
            Optional<PointsChange.Applied> expired = current.get().value().expire(now);
            saveAccount(uow, expired.map(PointsChange.Applied::account).orElse(current.get().value()), current);
            return null;
        }, EventPublisher.none());
    }

    private void review(DueTimer timer, Instant now) {
        String memberId = timer.key().target();
        storage.inTransaction(ATTEMPTS, uow -> {
            Optional<Versioned<MemberAccount>> current = uow.repository(ACCOUNTS).find(memberId);
            if (current.isEmpty()) {
                uow.timers().cancel(timer.key());
                return null;
            }
            MemberAccount account = current.get().value().withoutActivityBefore(now.minus(settings.tiers().window()));
            long measure = settings.tiers().measure(account.activity(), now);
            saveAccount(uow, account.withTier(settings.tiers().review(account.tier(), measure, now).standing()), current);
            return null;
        }, EventPublisher.none());
    }
}
