package dev.mercato.core.timer;

import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.TimerClaim;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers from storage with handlers registered per timer kind, claiming them with a
 * lease so that several instances sharing one storage fire each timer once. Time comes from the
 * injected clock only: a test advances its clock and calls {@link #runDue()}.
 *
 * <p>A handler that throws is logged and its timer stays due; the other timers still fire. Timers
 * of a kind without a handler are left alone (another runner may own them). Thread-safe.
 */
public final class DueTaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DueTaskRunner.class);
    private static final int BATCH = 256;

    private final Storage storage;
    private final Clock clock;
    private static final Duration BACKOFF_BASE = Duration.ofSeconds(30);
    private static final Duration BACKOFF_MAX = Duration.ofHours(1);

    private final Map<String, DueTaskHandler> handlers = new ConcurrentHashMap<>();
    /** Consecutive failures per timer, for the backoff; forgotten when the timer fires. */
    private final Map<TimerKey, Integer> failures = new ConcurrentHashMap<>();

    private DueTaskRunner(Storage storage, Clock clock) {
        this.storage = InvalidInputException.requireNonNull(storage, "storage");
        this.clock = InvalidInputException.requireNonNull(clock, "clock");
    }

    /**
     * Creates a runner with no handlers.
     *
     * @param storage where the timers are
     * @param clock the clock that says what is due
     * @return the runner
     */
    public static DueTaskRunner create(Storage storage, Clock clock) {
        return new DueTaskRunner(storage, clock);
    }

    /**
     * Registers the handler of a timer kind, replacing any earlier one.
     *
     * @param kind the timer kind, for example {@code "escrow.auto-confirm"}
     * @param handler the handler
     * @return this runner
     */
    public DueTaskRunner on(String kind, DueTaskHandler handler) {
        handlers.put(InvalidInputException.requireNonNull(kind, "kind"),
                InvalidInputException.requireNonNull(handler, "handler"));
        return this;
    }

    /**
     * Fires every due timer of the kinds this runner has handlers for. Timers are
     * {@linkplain dev.mercato.core.storage.DueTimers#claim claimed}, not polled: each batch is
     * leased (for {@link #LEASE}) in a committed unit of work, so other instances sharing the
     * storage skip it while this one fires it, and a timer this instance dies holding is claimed
     * again once its lease expires. Only the kinds with handlers are asked for, so due timers of
     * other kinds (left to other runners) never starve these. Keeps claiming until nothing more is
     * due; a timer whose handler keeps it due fires at most four times per call. After its handler ran, a timer the handler left
     * as it was is {@linkplain dev.mercato.core.storage.DueTimers#complete completed} (one that the
     * handler rescheduled or cancelled stays as the handler left it). A handler that throws is
     * isolated: the others still fire, and its timer is moved back by an exponential backoff
     * (30 s, doubling, at most 1 h) so a failing timer is retried without blocking the rest.
     *
     * @return how many timers fired without failing
     */
    public int runDue() {
        Set<String> kinds = Set.copyOf(handlers.keySet());
        if (kinds.isEmpty()) {
            return 0;
        }
        Map<TimerKey, Integer> firings = new HashMap<>();
        int fired = 0;
        int races = 0;
        while (true) {
            Instant now = clock.instant();
            List<TimerClaim> claims;
            try {
                claims = storage.inTransaction(uow -> uow.timers().claim(now, kinds, BATCH, LEASE));
            } catch (ConcurrencyConflictException raced) {
                // Another instance claimed some of these timers first: claim what is left, a few
                // times; what stays contended is left to the instances that hold it.
                if (++races > MAX_RACES) {
                    return fired;
                }
                continue;
            }
            // A handler may reschedule its own timer at once (a renewal that is due again): it fires
            // again, a few times per call at most; beyond that its claim is handed back.
            List<TimerClaim> fresh = claims.stream()
                    .filter(c -> firings.merge(c.timer().key(), 1, Integer::sum) <= MAX_FIRINGS_PER_CALL).toList();
            List<TimerClaim> spent = claims.stream().filter(c -> !fresh.contains(c)).toList();
            if (!spent.isEmpty()) {
                release(spent);
            }
            if (fresh.isEmpty()) {
                return fired;
            }
            for (TimerClaim claim : fresh) {
                DueTimer timer = claim.timer();
                try {
                    handlers.get(timer.key().kind()).fire(timer, now);
                    failures.remove(timer.key());
                    fired++;
                    complete(claim);
                } catch (RuntimeException e) {
                    Duration wait = backoff(failures.merge(timer.key(), 1, Integer::sum));
                    LOG.warn("timer {} due at {} failed; retried in {}", timer.key(), timer.dueAt(), wait, e);
                    postpone(timer, now.plus(wait));
                }
            }
        }
    }

    /** How often one timer fires in one call when its handler keeps it due. */
    private static final int MAX_FIRINGS_PER_CALL = 4;

    /** Hands claims back unfired: rescheduling a timer at its own instant ends its lease. */
    private void release(List<TimerClaim> claims) {
        try {
            storage.inTransaction(uow -> {
                for (TimerClaim claim : claims) {
                    Optional<DueTimer> still = uow.timers().find(claim.timer().key());
                    if (still.isPresent() && still.get().equals(claim.timer())) {
                        uow.timers().schedule(claim.timer().key(), claim.timer().dueAt());
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            // The leases expire on their own.
            LOG.warn("could not hand back {} timer claims; their leases expire", claims.size(), e);
        }
    }

    /** How many lost claim races one call tolerates before it leaves the rest to other instances. */
    private static final int MAX_RACES = 16;

    /** How long a claim holds its timers: far longer than a batch takes to fire. */
    public static final Duration LEASE = Duration.ofMinutes(5);

    /** Removes a fired timer its handler left as it was; one the handler changed stays changed. */
    private void complete(TimerClaim claim) {
        try {
            storage.inTransaction(uow -> {
                Optional<DueTimer> still = uow.timers().find(claim.timer().key());
                if (still.isPresent() && still.get().equals(claim.timer())) {
                    uow.timers().complete(claim);
                }
                return null;
            });
        } catch (ConcurrencyConflictException changed) {
            // The handler (or another instance after the lease) moved the timer: it stays as they left it.
        }
    }

    private void postpone(DueTimer timer, Instant at) {
        try {
            storage.inTransaction(uow -> {
                Optional<DueTimer> still = uow.timers().find(timer.key());
                if (still.isPresent() && still.get().equals(timer)) {
                    uow.timers().schedule(timer.key(), at);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not postpone failing timer {}", timer.key(), e);
        }
    }

    /** 30 s after the first failure, doubling, at most one hour. */
    static Duration backoff(int failures) {
        Duration wait = BACKOFF_BASE.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return wait.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : wait;
    }
}
