package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.InvalidLogisticsInputException;
import java.time.LocalDate;

/**
 * A surcharge the sandbox carrier adds to orders placed on certain dates, in the carrier's
 * time zone: a peak-season or holiday fee. Quoted as an {@code OTHER_FEE} line.
 *
 * @param from the first local order date that pays it, never {@code null}
 * @param until the last local order date that pays it, not before {@code from}, never {@code null}
 * @param surchargeMinor the fee in minor units of the sandbox's currency, positive
 */
public record DatedSurcharge(LocalDate from, LocalDate until, long surchargeMinor) {

    /**
     * Validates the surcharge.
     *
     * @throws InvalidLogisticsInputException if a date is {@code null}, {@code until} is before
     *     {@code from}, or the fee is not positive
     */
    public DatedSurcharge {
        InvalidLogisticsInputException.requireNonNull(from, "from");
        InvalidLogisticsInputException.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new InvalidLogisticsInputException("until", until, "must not be before from " + from);
        }
        InvalidLogisticsInputException.requirePositive(surchargeMinor, "surchargeMinor");
    }

    /**
     * Whether an order placed on a local date pays it.
     *
     * @param orderDate the local order date
     * @return {@code true} from {@code from} to {@code until}, both included
     */
    public boolean applies(LocalDate orderDate) {
        return !orderDate.isBefore(from) && !orderDate.isAfter(until);
    }
}
