package dev.mercato.core.timer;

import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers from storage with handlers registered per timer kind. Time comes from the
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
     * Fires every due timer of the kinds this runner has handlers for, asking storage for those
     * kinds only, so due timers of other kinds (left to other runners) never starve these. Keeps
     * asking until nothing more is due; each timer fires at most once per call. A handler that
     * throws is isolated: the others still fire, and its timer is moved back by an exponential
     * backoff (30 s, doubling, at most 1 h) so a failing timer is retried without blocking the rest.
     *
     * @return how many timers fired without failing
     */
    public int runDue() {
        Set<String> kinds = Set.copyOf(handlers.keySet());
        if (kinds.isEmpty()) {
            return 0;
        }
        Set<TimerKey> tried = new HashSet<>();
        int fired = 0;
        while (true) {
            Instant now = clock.instant();
            List<DueTimer> due = storage.inTransaction(uow -> uow.timers().due(now, kinds, BATCH));
            List<DueTimer> fresh = due.stream().filter(t -> tried.add(t.key())).toList();
            if (fresh.isEmpty()) {
                return fired;
            }
            for (DueTimer timer : fresh) {
                try {
                    handlers.get(timer.key().kind()).fire(timer, now);
                    failures.remove(timer.key());
                    fired++;
                } catch (RuntimeException e) {
                    Duration wait = backoff(failures.merge(timer.key(), 1, Integer::sum));
                    LOG.warn("timer {} due at {} failed; retried in {}", timer.key(), timer.dueAt(), wait, e);
                    postpone(timer, now.plus(wait));
                }
            }
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
