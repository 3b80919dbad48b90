package dev.mercato.core.timer;

import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Storage;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private final Map<String, DueTaskHandler> handlers = new ConcurrentHashMap<>();

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
     * Fires every timer due at the clock's current instant that has a handler, earliest first.
     *
     * @return how many timers were handled without an exception
     */
    public int runDue() {
        Instant now = clock.instant();
        List<DueTimer> due = storage.inTransaction(uow -> uow.timers().due(now, BATCH));
        int fired = 0;
        for (DueTimer timer : due) {
            DueTaskHandler handler = handlers.get(timer.key().kind());
            if (handler == null) {
                continue;
            }
            try {
                handler.fire(timer, now);
                fired++;
            } catch (RuntimeException e) {
                LOG.warn("timer {} due at {} failed; it stays due", timer.key(), timer.dueAt(), e);
            }
        }
        return fired;
    }
}
