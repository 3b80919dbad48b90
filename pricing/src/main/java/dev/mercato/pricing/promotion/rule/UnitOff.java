package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.PromotionContext;
import javax.money.MonetaryAmount;

/** What a rule takes off each unit it discounts: a percentage or a fixed amount. */
public sealed interface UnitOff {

    /**
     * The discount on {@code units} units of a line whose current amount is {@code lineAmount}
     * for {@code quantity} units, rounded once, at most their share of the line amount.
     *
     * @param context the pricing context (currency, rounding)
     * @param lineAmount the line's current amount, minor units
     * @param quantity the line's quantity, at least 1
     * @param units the units discounted, at most {@code quantity}
     * @return the discount in minor units
     */
    long on(PromotionContext context, long lineAmount, long quantity, long units);

    /**
     * A percentage off each unit.
     *
     * @param rate the rate
     */
    record Percent(Rate rate) implements UnitOff {
        /**
         * Validates the value.
         *
         * @throws InvalidInputException if the rate is missing
         */
        public Percent {
            InvalidInputException.requireNonNull(rate, "rate");
        }

        @Override
        public long on(PromotionContext context, long lineAmount, long quantity, long units) {
            long share = Rules.mulDiv(lineAmount, units, quantity, context.rounding());
            return rate.applyToMinor(share, context.rounding());
        }

        @Override
        public String toString() {
            return rate + " off";
        }
    }

    /**
     * A fixed amount off each unit, never more than the unit's amount.
     *
     * @param perUnit the amount, positive
     */
    record Amount(MonetaryAmount perUnit) implements UnitOff {
        /**
         * Validates the value.
         *
         * @throws InvalidInputException if the amount is missing or not positive
         */
        public Amount {
            Rules.requirePositive(perUnit, "perUnit");
        }

        @Override
        public long on(PromotionContext context, long lineAmount, long quantity, long units) {
            long share = Rules.mulDiv(lineAmount, units, quantity, context.rounding());
            return Math.min(share, Rules.times(context.minor(perUnit), units));
        }
    }
}
