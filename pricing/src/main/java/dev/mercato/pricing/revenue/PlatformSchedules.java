package dev.mercato.pricing.revenue;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.AdAuction;
import dev.mercato.pricing.fee.AnnualFee;
import dev.mercato.pricing.fee.DepositSchedule;
import dev.mercato.pricing.fee.PenaltySchedule;
import java.util.Optional;

/**
 * Everything a platform charges, as one value: the per-order {@link RevenueSchedule} (commission,
 * fees, revenue shares) and the seller-level schedules (annual fee, deposits, penalties,
 * advertising auction). This is what a schedule document in JSON describes.
 *
 * @param revenue the commission, fee and revenue-share schedules used to settle orders
 * @param annualFee the annual technical-service fee, if the platform charges one
 * @param deposits the security deposit requirements, if any
 * @param penalties the penalties and buyer compensation, if defined
 * @param advertising the paid-placement auction, if the platform sells ads
 */
public record PlatformSchedules(RevenueSchedule revenue, Optional<AnnualFee> annualFee,
        Optional<DepositSchedule> deposits, Optional<PenaltySchedule> penalties, Optional<AdAuction> advertising) {
    /** Validates the components. */
    public PlatformSchedules {
        InvalidInputException.requireNonNull(revenue, "revenue");
        InvalidInputException.requireNonNull(annualFee, "annualFee");
        InvalidInputException.requireNonNull(deposits, "deposits");
        InvalidInputException.requireNonNull(penalties, "penalties");
        InvalidInputException.requireNonNull(advertising, "advertising");
    }
}
