package dev.mercato.core.timer;

import dev.mercato.core.storage.DueTimer;
import java.time.Instant;

/**
 * Handles due timers of one kind. The handler changes its aggregate and cancels (or reschedules)
 * the timer in one unit of work, so a timer whose handling failed stays due and fires again on
 * the next run. Handlers must tolerate firing twice (another runner, a retry).
 */
@FunctionalInterface
public interface DueTaskHandler {

    /**
     * Handles one due timer.
     *
     * @param timer the timer, due at or before {@code now}
     * @param now the runner's current instant
     */
    void fire(DueTimer timer, Instant now);
}
