package dev.mercato.core.fee;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * One fee year of one seller: {@link Charged} at its start, {@link Settled} at its end once the
 * rebate its GMV earned is booked back (docs/fees.md). Stored per seller and year (aggregate type
 * {@code annual-fee-year}, key {@code <seller>/<year>}). Immutable and thread-safe.
 */
public sealed interface AnnualFeeYear {

    /**
     * The seller.
     *
     * @return the seller id
     */
    String sellerId();

    /**
     * The fee year, from 1.
     *
     * @return the year
     */
    int year();

    /**
     * The fee charged at the start of the year.
     *
     * @return the fee
     */
    MonetaryAmount charged();

    /**
     * The stored key of a seller's fee year.
     *
     * @param sellerId the seller
     * @param year the year
     * @return {@code <seller>/<year>}
     */
    static String key(String sellerId, int year) {
        return sellerId + "/" + year;
    }

    /**
     * Charged: the fee was taken from the seller's payable at the start of the year.
     *
     * @param sellerId the seller
     * @param year the fee year
     * @param start the year's first instant
     * @param end the year's end, exclusive
     * @param charged the fee
     * @param owed the part of the fee the payable did not cover when charged (the payable went
     *     that far below zero: the seller owes it, and later releases pay it first); zero when covered
     * @param chargedAt when the charge was booked
     */
    record Charged(String sellerId, int year, Instant start, Instant end, MonetaryAmount charged, MonetaryAmount owed,
            Instant chargedAt) implements AnnualFeeYear {
        /** Validates the fields. */
        public Charged {
            InvalidInputException.requireNonNull(sellerId, "sellerId");
            InvalidInputException.requireNonNull(start, "start");
            InvalidInputException.requireNonNull(end, "end");
            InvalidInputException.requireNonNull(charged, "charged");
            InvalidInputException.requireNonNull(owed, "owed");
            InvalidInputException.requireNonNull(chargedAt, "chargedAt");
        }

        /**
         * Settles the year with the rebate its GMV earned.
         *
         * @param gmv the seller's GMV of the year
         * @param rebate the rebate booked back, zero when no threshold was reached
         * @param explanation the calculator's explanation
         * @param at when
         * @return the settled year
         */
        public Settled settle(MonetaryAmount gmv, MonetaryAmount rebate, String explanation, Instant at) {
            return new Settled(sellerId, year, start, end, charged, owed, chargedAt, gmv, rebate, explanation, at);
        }
    }

    /**
     * Settled: the year ended and its rebate (possibly zero) was booked back to the payable. Terminal.
     *
     * @param sellerId the seller
     * @param year the fee year
     * @param start the year's first instant
     * @param end the year's end, exclusive
     * @param charged the fee
     * @param owed the part of the fee the payable did not cover when charged
     * @param chargedAt when the charge was booked
     * @param gmv the GMV of the year the rebate was computed from
     * @param rebate the rebate booked back
     * @param explanation how the rebate was computed
     * @param settledAt when the rebate was booked
     */
    record Settled(String sellerId, int year, Instant start, Instant end, MonetaryAmount charged, MonetaryAmount owed,
            Instant chargedAt, MonetaryAmount gmv, MonetaryAmount rebate, String explanation, Instant settledAt)
            implements AnnualFeeYear {
        /** Validates the fields. */
        public Settled {
            InvalidInputException.requireNonNull(sellerId, "sellerId");
            InvalidInputException.requireNonNull(start, "start");
            InvalidInputException.requireNonNull(end, "end");
            InvalidInputException.requireNonNull(charged, "charged");
            InvalidInputException.requireNonNull(owed, "owed");
            InvalidInputException.requireNonNull(chargedAt, "chargedAt");
            InvalidInputException.requireNonNull(gmv, "gmv");
            InvalidInputException.requireNonNull(rebate, "rebate");
            InvalidInputException.requireNonNull(explanation, "explanation");
            InvalidInputException.requireNonNull(settledAt, "settledAt");
        }
    }
}
