package dev.mercato.pricing.fee;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * The annual technical-service fee (年费): charged once a year, then refunded in part or in
 * whole when the seller's sales for the year reach thresholds. The highest threshold reached
 * ({@code sales >= salesAtLeast}) decides the refunded share; the rebate is rounded once.
 *
 * <p>Example (numbers illustrative): fee 60,000; half back at 1.5M of sales, all back at 3M.
 *
 * @param fee the yearly fee, not negative
 * @param rebates the thresholds, ascending by sales and by refunded share
 */
public record AnnualFee(MonetaryAmount fee, List<Rebate> rebates) {

    /**
     * A refund of part of the fee once yearly sales reach a threshold.
     *
     * @param salesAtLeast the yearly sales that earn the rebate
     * @param refunded the share of the fee refunded
     */
    public record Rebate(MonetaryAmount salesAtLeast, Rate refunded) {
        /** Validates the components. */
        public Rebate {
            InvalidInputException.requireNonNull(salesAtLeast, "salesAtLeast");
            InvalidInputException.requireNonNull(refunded, "refunded");
        }
    }

    /**
     * What the seller pays for the year after the rebate.
     *
     * @param charged the fee charged at the start of the year
     * @param rebate the amount refunded
     * @param net {@code charged - rebate}
     * @param threshold the threshold reached, if any
     * @param explanation how it was computed
     */
    public record Assessment(MonetaryAmount charged, MonetaryAmount rebate, MonetaryAmount net,
            Optional<Rebate> threshold, String explanation) {}

    /**
     * Validates the fee and thresholds.
     *
     * @throws InvalidInputException if the fee is negative or the thresholds are not ascending
     */
    public AnnualFee {
        InvalidInputException.requireNonNull(fee, "fee");
        if (fee.isNegative()) {
            throw new InvalidInputException("fee", fee, "must not be negative");
        }
        rebates = List.copyOf(InvalidInputException.requireNonNull(rebates, "rebates"));
        for (int i = 0; i < rebates.size(); i++) {
            MinorUnits.requireCurrency(rebates.get(i).salesAtLeast(), fee.getCurrency());
            if (i > 0 && (!rebates.get(i).salesAtLeast().isGreaterThan(rebates.get(i - 1).salesAtLeast())
                    || rebates.get(i).refunded().compareTo(rebates.get(i - 1).refunded()) < 0)) {
                throw new InvalidInputException("rebates[" + i + "]", rebates.get(i),
                        "must have a higher threshold and no smaller refund than the one before");
            }
        }
    }

    /**
     * The fee for a year with the given sales.
     *
     * @param annualSales the seller's sales for the year
     * @param rounding how the rebate is rounded
     * @return the assessment
     */
    public Assessment assess(MonetaryAmount annualSales, RoundingPolicy rounding) {
        long sales = MinorUnits.toMinor(annualSales, fee.getCurrency());
        long charged = MinorUnits.toMinor(fee);
        Optional<Rebate> reached = Optional.empty();
        for (Rebate r : rebates) {
            if (sales >= MinorUnits.toMinor(r.salesAtLeast())) {
                reached = Optional.of(r);
            }
        }
        long rebate = reached.map(r -> r.refunded().applyToMinor(charged, rounding)).orElse(0L);
        String why = reached.map(r -> "sales " + Amounts.show(annualSales) + " reached " + Amounts.show(r.salesAtLeast())
                        + ": " + r.refunded() + " of " + Amounts.show(fee) + " refunded")
                .orElse("sales " + Amounts.show(annualSales) + " reached no rebate threshold");
        return new Assessment(fee, MinorUnits.toAmount(rebate, fee.getCurrency()),
                MinorUnits.toAmount(charged - rebate, fee.getCurrency()), reached, why);
    }
}
