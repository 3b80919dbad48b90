package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;

/** How often a paid plan renews. Calendar arithmetic is in UTC. */
public enum BillingPeriod {
    /** Renews each calendar month (the 31st renews on the last day of shorter months). */
    MONTH,
    /** Renews each calendar year. */
    YEAR;

    /**
     * The end of a period that starts at {@code start}.
     *
     * @param start the period start
     * @return one month or one year later, in UTC
     */
    public Instant end(Instant start) {
        InvalidInputException.requireNonNull(start, "start");
        var utc = start.atOffset(ZoneOffset.UTC);
        return (this == MONTH ? utc.plusMonths(1) : utc.plusYears(1)).toInstant();
    }
}
