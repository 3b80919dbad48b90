package dev.mercato.pricing.commission;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import java.util.List;

/** How a commission rule's rate is set: one flat rate, or bands of the seller's period GMV. */
public sealed interface RateStructure {

    /**
     * One rate for every line.
     *
     * @param rate the rate
     */
    record Flat(Rate rate) implements RateStructure {
        /** Validates the rate. */
        public Flat {
            InvalidInputException.requireNonNull(rate, "rate");
        }
    }

    /**
     * Rates by band of the seller's period GMV (the sum of the bases of the seller's earlier
     * sales in the period, as supplied by the caller, plus this line).
     *
     * @param mode marginal or whole-tier
     * @param tiers the bands, the first starting at zero, starts strictly increasing, one currency
     */
    record Tiered(TierMode mode, List<Tier> tiers) implements RateStructure {
        /** Validates the bands. */
        public Tiered {
            InvalidInputException.requireNonNull(mode, "mode");
            InvalidInputException.requireNonNull(tiers, "tiers");
            tiers = List.copyOf(tiers);
            if (tiers.isEmpty()) {
                throw new InvalidInputException("tiers", tiers, "must have at least one band");
            }
            if (!tiers.get(0).from().isZero()) {
                throw new InvalidInputException("tiers[0].from", tiers.get(0).from(), "must be zero");
            }
            for (int i = 1; i < tiers.size(); i++) {
                if (!tiers.get(i).from().getCurrency().equals(tiers.get(0).from().getCurrency())) {
                    throw new InvalidInputException("tiers[" + i + "].from", tiers.get(i).from(),
                            "must be in the currency of the first band");
                }
                if (!tiers.get(i).from().isGreaterThan(tiers.get(i - 1).from())) {
                    throw new InvalidInputException("tiers[" + i + "].from", tiers.get(i).from(),
                            "must be greater than the previous band's start " + tiers.get(i - 1).from());
                }
            }
        }
    }
}
