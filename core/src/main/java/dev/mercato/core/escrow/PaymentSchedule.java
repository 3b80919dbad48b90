package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * How one order's buyer pays its escrow's amount: in full, or in two stages (docs/escrow-and-ledger.md,
 * "Payments in stages"). Each escrow carries its own schedule, with its own instants; there is no
 * global pay window to stretch.
 *
 * <p>For the two-stage schedules the first stage ({@link #firstStage}) is paid now and the balance
 * is the rest of the amount, so {@code first stage + balance = terms.amount()} to the minor unit.
 * Immutable and thread-safe.
 */
public sealed interface PaymentSchedule {

    /**
     * What the buyer pays first, in minor units of the terms' currency.
     *
     * @param terms the escrow's terms
     * @return for {@link InFull} the whole amount; otherwise at least 1 and less than the amount
     * @throws InvalidInputException if the schedule does not fit the amount
     */
    long firstStage(EscrowTerms terms);

    /**
     * What the buyer pays at balance time: the amount minus {@link #firstStage}.
     *
     * @param terms the escrow's terms
     * @return zero for {@link InFull}, otherwise positive
     */
    default long balance(EscrowTerms terms) {
        return MinorUnits.toMinor(terms.amount()) - firstStage(terms);
    }

    /** What happens to a first stage whose balance is not paid by its due date. */
    enum ForfeitRule {
        /**
         * The seller keeps the deposit, net of the commission and fees on it (prorated like a
         * release of that much of the order); the platform keeps those.
         */
        KEEP_NET_OF_COMMISSION,
        /** The first stage goes back to the buyer in full. */
        REFUND
    }

    /** The whole amount at once: the escrow's usual {@link AwaitingPayment} flow. */
    record InFull() implements PaymentSchedule {
        @Override
        public long firstStage(EscrowTerms terms) {
            return MinorUnits.toMinor(terms.amount());
        }
    }

    /**
     * Pre-sale (定金 / 尾款): a fixed deposit now, the balance in a window. What the deposit is worth
     * against the price is priced before the escrow opens (the {@code PreSale} promotion makes the
     * difference a line discount), so the escrow's amount is already the priced total.
     *
     * @param deposit the deposit, positive and less than the escrow's amount
     * @param balanceOpensAt from when the balance may be paid
     * @param balanceDueBy when an unpaid balance forfeits the deposit; after {@code balanceOpensAt}
     * @param forfeit what happens to the deposit then
     */
    record DepositAndBalance(MonetaryAmount deposit, Instant balanceOpensAt, Instant balanceDueBy,
            ForfeitRule forfeit) implements PaymentSchedule {
        /**
         * Validates the fields.
         *
         * @throws InvalidInputException if a value is missing, the deposit not positive or the
         *     window empty
         */
        public DepositAndBalance {
            InvalidInputException.requireNonNull(deposit, "deposit");
            InvalidInputException.requireNonNull(balanceOpensAt, "balanceOpensAt");
            InvalidInputException.requireNonNull(balanceDueBy, "balanceDueBy");
            InvalidInputException.requireNonNull(forfeit, "forfeit");
            if (MinorUnits.toMinor(deposit) <= 0) {
                throw new InvalidInputException("deposit", deposit, "must be positive");
            }
            if (!balanceDueBy.isAfter(balanceOpensAt)) {
                throw new InvalidInputException("balanceDueBy", balanceDueBy, "must be after the balance opens at "
                        + balanceOpensAt);
            }
        }

        @Override
        public long firstStage(EscrowTerms terms) {
            long deposit = MinorUnits.toMinor(this.deposit, terms.currency());
            if (deposit >= MinorUnits.toMinor(terms.amount())) {
                throw new InvalidInputException("deposit", this.deposit, "must be less than the escrow's amount "
                        + terms.amount());
            }
            return deposit;
        }
    }

    /**
     * B2B: a share of the amount now (rounded half up to the minor unit, at least one unit and
     * leaving at least one), the balance by a due date. An unpaid balance refunds the advance.
     *
     * @param advanceShare the share paid now, above 0% and below 100%
     * @param balanceDueBy when an unpaid balance refunds the advance
     */
    record AdvanceAndBalance(Rate advanceShare, Instant balanceDueBy) implements PaymentSchedule {
        /**
         * Validates the fields.
         *
         * @throws InvalidInputException if a value is missing or the share is not strictly between
         *     0% and 100%
         */
        public AdvanceAndBalance {
            InvalidInputException.requireNonNull(advanceShare, "advanceShare");
            InvalidInputException.requireNonNull(balanceDueBy, "balanceDueBy");
            if (advanceShare.compareTo(Rate.ZERO) <= 0 || advanceShare.compareTo(Rate.ONE_HUNDRED_PERCENT) >= 0) {
                throw new InvalidInputException("advanceShare", advanceShare, "must be above 0% and below 100%");
            }
        }

        @Override
        public long firstStage(EscrowTerms terms) {
            long amount = MinorUnits.toMinor(terms.amount());
            if (amount < 2) {
                throw new InvalidInputException("terms.amount", terms.amount(), "is too small to pay in two stages");
            }
            long advance = advanceShare.applyToMinor(amount, RoundingPolicy.HALF_UP);
            return Math.max(1, Math.min(amount - 1, advance));
        }
    }
}
