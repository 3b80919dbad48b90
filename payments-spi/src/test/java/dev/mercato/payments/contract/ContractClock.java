package dev.mercato.payments.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock the payment kits hand to the provider under test: it stands still until the kit
 * moves it, so that settlement of pending operations and the expiry of notifications are
 * tested without sleeping. Thread-safe.
 */
public final class ContractClock extends Clock {
    /** Where every kit test starts: Sunday 2026-03-01, 09:00 UTC. */
    public static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** Creates a clock standing at {@link #START}, in UTC. */
    public ContractClock() {
        this(new AtomicReference<>(START), ZoneOffset.UTC);
    }

    private ContractClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far, not negative
     * @throws IllegalArgumentException if the duration is negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the kit's clock only moves forward: " + duration);
        }
        now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ContractClock(now, other);
    }
}
