package dev.mercato.core.settlement;

import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.AccountStatement;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.Versioned;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PayoutProvider;
import dev.mercato.payments.PayoutRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The payout service over {@link Storage}: see {@link PayoutService}. */
final class DefaultPayoutService implements PayoutService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultPayoutService.class);
    private static final int ATTEMPTS = 20;
    private static final Duration BACKOFF_BASE = Duration.ofMinutes(1);
    private static final Duration BACKOFF_MAX = Duration.ofHours(6);

    static final AggregateType<String, Payout> PAYOUTS = AggregateType
            .of("payout", String.class, Payout.class, Function.identity())
            .withIndex("payee", p -> p.payee().payable().code())
            .withIndex("open", p -> p.outcome().isFinal() ? "" : "open");

    private final Storage storage;
    private final Journal journal;
    private final PayoutProvider provider;
    private final Clock clock;
    private final Duration holdPeriod;
    private final Function<String, Optional<PayeeAccount>> payees;
    private final Function<String, Optional<PayeeAccount>> creatorPayees;

    DefaultPayoutService(Storage storage, Journal journal, PayoutProvider provider, Clock clock, Duration holdPeriod,
            Function<String, Optional<PayeeAccount>> payees, Function<String, Optional<PayeeAccount>> creatorPayees) {
        this.storage = InvalidInputException.requireNonNull(storage, "storage");
        this.journal = InvalidInputException.requireNonNull(journal, "journal");
        this.provider = InvalidInputException.requireNonNull(provider, "provider");
        this.clock = InvalidInputException.requireNonNull(clock, "clock");
        this.holdPeriod = InvalidInputException.requireNonNull(holdPeriod, "holdPeriod");
        if (holdPeriod.isNegative()) {
            throw new InvalidInputException("holdPeriod", holdPeriod, "must not be negative");
        }
        this.payees = InvalidInputException.requireNonNull(payees, "payees");
        this.creatorPayees = InvalidInputException.requireNonNull(creatorPayees, "creatorPayees");
    }

    private Optional<PayeeAccount> account(Payee payee) {
        return payee instanceof Payee.Creator ? creatorPayees.apply(payee.id()) : payees.apply(payee.id());
    }

    @Override
    public Optional<Payout> payOut(Payee payee, CurrencyUnit currency) {
        InvalidInputException.requireNonNull(payee, "payee");
        InvalidInputException.requireNonNull(currency, "currency");
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        TransactionId id = payoutId(payee, day);
        Optional<Payout> existing = find(id);
        if (existing.isPresent()) {
            return existing;
        }
        Optional<PayeeAccount> account = account(payee);
        long due = dueMinor(payee.payable(), currency, now);
        if (due <= 0 || account.isEmpty()) {
            if (account.isEmpty() && due > 0) {
                LOG.warn("{} has {} due but no payee account", payee, MinorUnits.toAmount(due, currency));
            }
            return Optional.empty();
        }
        MonetaryAmount amount = MinorUnits.toAmount(due, currency);
        Payout requested = new Payout(id, payee, amount, new PaymentOutcome.Unknown(id, "requested"), 0,
                now.plus(BACKOFF_BASE));
        Payout stored = storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, Payout> repo = uow.repository(PAYOUTS);
            Optional<Versioned<Payout>> raced = repo.find(id.value());
            if (raced.isPresent()) {
                return raced.get().value();
            }
            repo.insert(id.value(), requested);
            return requested;
        }, EventPublisher.none());
        if (stored != requested) {
            return Optional.of(stored);
        }
        journal.post(entry(stored, now));
        return Optional.of(record(stored, send(stored, account.get(), day), false, now));
    }

    /** The payable balance minus what was released to it less than the hold period ago (T+N: due at exactly N). */
    private long dueMinor(Account payable, CurrencyUnit currency, Instant now) {
        long balance = MinorUnits.toMinor(journal.balance(payable, currency));
        AccountStatement recent = journal.statement(payable, currency, now.minus(holdPeriod).plusNanos(1), Instant.MAX);
        long recentInflows = 0;
        for (AccountStatement.Line line : recent.lines()) {
            if (line.amount().isPositive()) {
                recentInflows += MinorUnits.toMinor(line.amount());
            }
        }
        return balance - recentInflows;
    }

    private static JournalEntry entry(Payout payout, Instant at) {
        return JournalEntry.builder(ENTRY_PREFIX + payout.transactionId().value(), at, "payout to " + payout.payee().payable().code())
                .reference(new EntryReference(EntryReference.Kind.PAYOUT, payout.transactionId().value(), 0, "payout"))
                .credit(payout.payee().payable(), payout.amount())
                .debit(Account.payouts(), payout.amount()).build();
    }

    private PaymentOutcome send(Payout payout, PayeeAccount payee, LocalDate day) {
        try {
            return provider.payout(new PayoutRequest(payout.transactionId(), payee, payout.amount(), "settlement " + day));
        } catch (RuntimeException e) {
            return new PaymentOutcome.Unknown(payout.transactionId(), "payout call failed: " + e);
        }
    }

    /** Folds an outcome into the stored payout; a newly declined payout is reversed in the ledger. */
    private Payout record(Payout payout, PaymentOutcome reported, boolean check, Instant now) {
        Payout[] before = new Payout[1];
        Payout after = storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, Payout> repo = uow.repository(PAYOUTS);
            Versioned<Payout> current = repo.find(payout.transactionId().value()).orElseThrow();
            before[0] = current.value();
            int checks = current.value().checks() + (check ? 1 : 0);
            Duration backoff = BACKOFF_BASE.multipliedBy(1L << Math.min(checks, 20));
            Payout updated = current.value().with(reported, checks, now.plus(backoff.compareTo(BACKOFF_MAX) > 0
                    ? BACKOFF_MAX : backoff));
            repo.update(payout.transactionId().value(), updated, current.version());
            return updated;
        }, EventPublisher.none());
        if (after.outcome() instanceof PaymentOutcome.Declined && !(before[0].outcome() instanceof PaymentOutcome.Declined)) {
            JournalEntry original = journal.entry(ENTRY_PREFIX + payout.transactionId().value()).orElseThrow();
            journal.post(original.reversal(original.key() + ":declined", now));
        }
        return after;
    }

    private Optional<Payout> find(TransactionId id) {
        return storage.inTransaction(uow -> uow.repository(PAYOUTS).find(id.value())).map(Versioned::value);
    }

    @Override
    public List<Payout> payouts(Payee payee) {
        InvalidInputException.requireNonNull(payee, "payee");
        return storage.inTransaction(uow -> uow.repository(PAYOUTS).findBy("payee", payee.payable().code())).stream()
                .map(Versioned::value).toList();
    }

    @Override
    public int reconcile() {
        Instant now = clock.instant();
        List<Payout> open = storage.inTransaction(uow -> uow.repository(PAYOUTS).findBy("open", "open")).stream()
                .map(Versioned::value).toList();
        int checked = 0;
        for (Payout payout : open) {
            if (payout.nextCheckAt().isAfter(now)) {
                continue;
            }
            PaymentOutcome outcome;
            try {
                Optional<PaymentOutcome> status = provider.status(payout.transactionId());
                if (status.isPresent()) {
                    outcome = status.get();
                } else {
                    Optional<PayeeAccount> payee = account(payout.payee());
                    outcome = payee.isPresent()
                            ? send(payout, payee.get(), LocalDate.ofInstant(now, ZoneOffset.UTC))
                            : new PaymentOutcome.Unknown(payout.transactionId(), "no payee account");
                }
            } catch (RuntimeException e) {
                outcome = new PaymentOutcome.Unknown(payout.transactionId(), "status query failed: " + e);
            }
            record(payout, outcome, true, now);
            checked++;
        }
        return checked;
    }

    @Override
    public void scheduleCycle(Payee payee, CurrencyUnit currency, Instant firstRun) {
        InvalidInputException.requireNonNull(payee, "payee");
        InvalidInputException.requireNonNull(currency, "currency");
        InvalidInputException.requireNonNull(firstRun, "firstRun");
        String kind = payee instanceof Payee.Creator ? CREATOR_PAYOUT_CYCLE : PAYOUT_CYCLE;
        TimerKey key = new TimerKey(kind, currency.getCurrencyCode() + ":" + payee.id());
        storage.inTransaction(uow -> {
            uow.timers().schedule(key, firstRun);
            return key;
        });
    }

    @Override
    public DueTaskRunner registerTimers(DueTaskRunner runner) {
        return runner.on(PAYOUT_CYCLE, (timer, now) -> fireCycle(timer, now, Payee.Seller::new))
                .on(CREATOR_PAYOUT_CYCLE, (timer, now) -> fireCycle(timer, now, Payee.Creator::new));
    }

    private void fireCycle(DueTimer timer, Instant now, Function<String, Payee> payee) {
        String target = timer.key().target();
        int colon = target.indexOf(':');
        CurrencyUnit currency = Monetary.getCurrency(target.substring(0, colon));
        payOut(payee.apply(target.substring(colon + 1)), currency);
        Instant next = timer.dueAt().plus(Duration.ofDays(1));
        while (!next.isAfter(now)) {
            next = next.plus(Duration.ofDays(1));
        }
        Instant nextRun = next;
        storage.inTransaction(uow -> {
            uow.timers().schedule(timer.key(), nextRun);
            return nextRun;
        });
    }

    static TransactionId payoutId(Payee payee, LocalDate day) {
        String value = payee.idPrefix() + "." + payee.id() + "." + day;
        try {
            return new TransactionId(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(payee instanceof Payee.Creator ? "partyId" : "sellerId", payee.id(),
                    "must make a valid payout transaction id (" + value + ")");
        }
    }
}
