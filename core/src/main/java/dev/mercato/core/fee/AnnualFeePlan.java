package dev.mercato.core.fee;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.AnnualFee;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * A seller's annual technical-service fee: its terms and when its first fee year starts. Fee year
 * {@code n} (from 1) runs from {@code firstYearStart} plus {@code n - 1} calendar years (UTC), for
 * one calendar year; {@code nextYear} is the first year not charged yet. Stored per seller
 * (aggregate type {@code annual-fee-plan}). Immutable and thread-safe.
 *
 * @param sellerId the seller, not blank
 * @param fee the yearly fee
 * @param rebates the rebate thresholds ({@link AnnualFee.Rebate})
 * @param firstYearStart when fee year 1 starts
 * @param nextYear the next fee year to charge, at least 1
 */
public record AnnualFeePlan(String sellerId, MonetaryAmount fee, List<AnnualFee.Rebate> rebates, Instant firstYearStart,
        int nextYear) {

    /** Validates the fields and copies the list. */
    public AnnualFeePlan {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(fee, "fee");
        rebates = List.copyOf(InvalidInputException.requireNonNull(rebates, "rebates"));
        InvalidInputException.requireNonNull(firstYearStart, "firstYearStart");
        if (nextYear < 1) {
            throw new InvalidInputException("nextYear", nextYear, "must be at least 1");
        }
    }

    /**
     * The calculator of these terms.
     *
     * @return the annual fee
     */
    public AnnualFee terms() {
        return new AnnualFee(fee, rebates);
    }

    /**
     * When a fee year starts.
     *
     * @param year the fee year, from 1
     * @return its first instant
     */
    public Instant yearStart(int year) {
        return firstYearStart.atZone(ZoneOffset.UTC).plusYears(year - 1L).toInstant();
    }

    /**
     * This plan with its next year moved on by one, after a charge.
     *
     * @return the next plan
     */
    public AnnualFeePlan charged() {
        return new AnnualFeePlan(sellerId, fee, rebates, firstYearStart, nextYear + 1);
    }
}
