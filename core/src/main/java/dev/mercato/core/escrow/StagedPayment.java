package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import java.time.Duration;
import java.time.Instant;

/**
 * A checkout paid in two stages (docs/core.md, "Payments in stages"): the buyer pays the first
 * stage of each order at checkout and the balance later with {@code Commerce.payBalance}; each
 * order's escrow carries its own {@link PaymentSchedule}. Only with guaranteed transactions.
 * Immutable and thread-safe.
 */
public sealed interface StagedPayment {

    /**
     * Pre-sale (定金 / 尾款): each order's first stage is the deposit its pre-sale lines were priced
     * with (the {@code PreSale} promotion: pay 50 now, worth 100 against the price; the difference is
     * already a line discount), the balance is the rest of the order's payable. Orders of the same
     * checkout without pre-sale lines are paid in full; a checkout with no pre-sale line at all is
     * refused ({@link dev.mercato.core.checkout.CheckoutResult.Reason#CANNOT_STAGE}).
     *
     * @param balanceOpensAt from when the balance may be paid
     * @param balanceDueBy when an unpaid balance forfeits the deposit; after {@code balanceOpensAt}
     * @param forfeit what happens to the deposit then: kept by the seller net of commission, or refunded
     */
    record PreSale(Instant balanceOpensAt, Instant balanceDueBy, PaymentSchedule.ForfeitRule forfeit)
            implements StagedPayment {
        /**
         * Validates the fields.
         *
         * @throws InvalidInputException if a value is missing or the window is empty
         */
        public PreSale {
            InvalidInputException.requireNonNull(balanceOpensAt, "balanceOpensAt");
            InvalidInputException.requireNonNull(balanceDueBy, "balanceDueBy");
            InvalidInputException.requireNonNull(forfeit, "forfeit");
            if (!balanceDueBy.isAfter(balanceOpensAt)) {
                throw new InvalidInputException("balanceDueBy", balanceDueBy, "must be after the balance opens at "
                        + balanceOpensAt);
            }
        }
    }

    /**
     * B2B advance and balance: every order's first stage is {@code advanceShare} of its payable
     * (rounded half up to the minor unit, at least one unit and leaving at least one), the balance is
     * due {@code balanceDueIn} after checkout; an unpaid balance refunds the advance.
     *
     * @param advanceShare the share paid at checkout, above 0% and below 100%
     * @param balanceDueIn how long after checkout the balance is due, positive and at most 366 days
     */
    record Advance(Rate advanceShare, Duration balanceDueIn) implements StagedPayment {
        /**
         * Validates the fields.
         *
         * @throws InvalidInputException if a value is missing, the share not strictly between 0% and
         *     100%, or the duration not positive or beyond 366 days
         */
        public Advance {
            InvalidInputException.requireNonNull(advanceShare, "advanceShare");
            InvalidInputException.requireNonNull(balanceDueIn, "balanceDueIn");
            if (advanceShare.compareTo(Rate.ZERO) <= 0 || advanceShare.compareTo(Rate.ONE_HUNDRED_PERCENT) >= 0) {
                throw new InvalidInputException("advanceShare", advanceShare, "must be above 0% and below 100%");
            }
            if (balanceDueIn.isZero() || balanceDueIn.isNegative() || balanceDueIn.compareTo(Duration.ofDays(366)) > 0) {
                throw new InvalidInputException("balanceDueIn", balanceDueIn, "must be positive and at most 366 days");
            }
        }
    }
}
