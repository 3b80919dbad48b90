package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.promotion.PromotionContext;
import java.util.Optional;
import javax.money.MonetaryAmount;

/** What a coupon is worth: a fixed amount, or a percentage with an optional maximum. */
public sealed interface CouponValue {

    /**
     * The discount on a base amount, in minor units, before the budget cap.
     *
     * @param context the pricing context (currency, rounding)
     * @param base the current amount of the lines in scope
     * @return the discount, at most {@code base}
     */
    long discountOn(PromotionContext context, long base);

    /**
     * A fixed amount off.
     *
     * @param off the amount, positive
     */
    record Amount(MonetaryAmount off) implements CouponValue {
        /**
         * Validates the value.
         *
         * @throws InvalidInputException if the amount is missing or not positive
         */
        public Amount {
            Rules.requirePositive(off, "off");
        }

        @Override
        public long discountOn(PromotionContext context, long base) {
            return Math.min(base, context.minor(off));
        }
    }

    /**
     * A percentage off, optionally capped.
     *
     * @param rate the rate
     * @param maxDiscount the most it takes off; empty for no maximum
     */
    record Percent(Rate rate, Optional<MonetaryAmount> maxDiscount) implements CouponValue {
        /**
         * Validates the value.
         *
         * @throws InvalidInputException if a value is missing or the maximum not positive
         */
        public Percent {
            InvalidInputException.requireNonNull(rate, "rate");
            InvalidInputException.requireNonNull(maxDiscount, "maxDiscount");
            maxDiscount.ifPresent(m -> Rules.requirePositive(m, "maxDiscount"));
        }

        @Override
        public long discountOn(PromotionContext context, long base) {
            RoundingPolicy rounding = context.rounding();
            long d = rate.applyToMinor(base, rounding);
            return maxDiscount.isPresent() ? Math.min(d, context.minor(maxDiscount.get())) : d;
        }
    }
}
