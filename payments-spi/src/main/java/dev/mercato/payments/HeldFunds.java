package dev.mercato.payments;

import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * What a provider holds for one {@link HeldFundsProvider#holdSale held sale}, and where the
 * rest went: the answer of {@link HeldFundsProvider#heldFunds}. Every amount is in the payment's
 * currency, and they always balance:
 *
 * <pre>held + returned = splitOut + unfrozen + refunded + stillHeld</pre>
 *
 * which, before any return or refund, is {@code held = splitOut + unfrozen + stillHeld}. Pending
 * splits and refunds count as sent (they are reserved); a return counts once it succeeded.
 *
 * <p>Immutable. Amounts are compared by value, so any {@link MonetaryAmount} implementation works.
 *
 * @param payment the payment id, never {@code null}
 * @param held what the sale took and froze, positive, never {@code null}
 * @param splitOut what split instructions sent (succeeded and pending), never {@code null}
 * @param unfrozen what the unfreeze released to the settlement account, never {@code null}
 * @param returned what returns brought back (succeeded), never {@code null}
 * @param refunded what was refunded to the buyer (succeeded and pending), never {@code null}
 * @param stillHeld what the provider still holds: splittable while the hold is open, refundable
 *        always, never {@code null}
 * @param released whether the hold ended (an unfreeze succeeded or is pending); no split is
 *        accepted afterwards
 * @param returnable per account the payment paid (by split or unfreeze): what it sent there less
 *        what was returned from there (pending returns count), never {@code null}; accounts with
 *        nothing returnable may be left out
 */
public record HeldFunds(TransactionId payment, MonetaryAmount held, MonetaryAmount splitOut, MonetaryAmount unfrozen,
                        MonetaryAmount returned, MonetaryAmount refunded, MonetaryAmount stillHeld, boolean released,
                        Map<FundsAccount, MonetaryAmount> returnable) {

    /**
     * Validates that the amounts balance.
     *
     * @throws NullPointerException if a field, key or value is {@code null}
     * @throws IllegalStateException if an amount is negative, amounts are in different currencies,
     *         the equation above does not hold, or more is returnable than was sent and not
     *         returned: a provider answering this contradicts itself
     */
    public HeldFunds {
        Objects.requireNonNull(payment, "payment");
        String currency = Objects.requireNonNull(held, "held").getCurrency().getCurrencyCode();
        long h = minor(held, currency, "held");
        long s = minor(splitOut, currency, "splitOut");
        long u = minor(unfrozen, currency, "unfrozen");
        long r = minor(returned, currency, "returned");
        long f = minor(refunded, currency, "refunded");
        long left = minor(stillHeld, currency, "stillHeld");
        if (h <= 0) {
            throw new IllegalStateException("payment " + payment + ": held must be positive (was: " + held + ")");
        }
        if (!balances(h, r, s, u, f, left)) {
            throw new IllegalStateException("payment " + payment + ": held " + held + " + returned " + returned
                    + " must equal splitOut " + splitOut + " + unfrozen " + unfrozen + " + refunded " + refunded
                    + " + stillHeld " + stillHeld);
        }
        returnable = Map.copyOf(returnable);
        long returnableTotal = 0;
        for (Map.Entry<FundsAccount, MonetaryAmount> entry : returnable.entrySet()) {
            long units = minor(entry.getValue(), currency, "returnable to " + entry.getKey());
            returnableTotal = units > Long.MAX_VALUE - returnableTotal ? Long.MAX_VALUE : returnableTotal + units;
        }
        if (returnableTotal > s + u - r) {
            throw new IllegalStateException("payment " + payment + ": " + returnableTotal
                    + " minor units returnable, but only " + (s + u - r) + " were sent out and not returned");
        }
    }

    /**
     * What can still be returned from an account for this payment.
     *
     * @param account an account, never {@code null}
     * @return the amount, or empty if the payment sent it nothing (or all was returned)
     */
    public Optional<MonetaryAmount> returnableFrom(FundsAccount account) {
        return Optional.ofNullable(returnable.get(Objects.requireNonNull(account, "account")));
    }

    /**
     * Checks, before sending it, that a split fits what is still held: lets a caller refuse a bad
     * split without a round trip. The provider checks the same.
     *
     * @param split the split, never {@code null}
     * @throws InvalidPaymentRequestException {@code UNKNOWN_PAYMENT} if it names another payment,
     *         {@code INVALID_STATE} if the hold was released, {@code CURRENCY_MISMATCH}, or
     *         {@code EXCEEDS_HELD} if its parts sum above {@link #stillHeld()}
     */
    public void requireCovers(SplitRequest split) {
        Objects.requireNonNull(split, "split");
        if (!split.payment().equals(payment)) {
            throw new InvalidPaymentRequestException(Problem.UNKNOWN_PAYMENT, split.transactionId(),
                    "the split is for payment " + split.payment() + ", these funds are held for " + payment);
        }
        if (released) {
            throw new InvalidPaymentRequestException(Problem.INVALID_STATE, split.transactionId(),
                    "the hold of payment " + payment + " was released; nothing more can be split");
        }
        String currency = held.getCurrency().getCurrencyCode();
        if (!split.total().getCurrency().getCurrencyCode().equals(currency)) {
            throw new InvalidPaymentRequestException(Problem.CURRENCY_MISMATCH, split.transactionId(),
                    "payment " + payment + " is in " + currency + ", the split in " + split.total().getCurrency().getCurrencyCode());
        }
        if (split.totalMinorUnits() > minor(stillHeld, currency, "stillHeld")) {
            throw new InvalidPaymentRequestException(Problem.EXCEEDS_HELD, split.transactionId(),
                    "the split's parts sum to " + split.total() + ", above the " + stillHeld + " still held for payment " + payment);
        }
    }

    /** {@code h + r == s + u + f + left}, without overflowing. */
    private static boolean balances(long h, long r, long s, long u, long f, long left) {
        try {
            return Math.addExact(h, r) == Math.addExact(Math.addExact(Math.addExact(s, u), f), left);
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static long minor(MonetaryAmount amount, String currency, String name) {
        Objects.requireNonNull(amount, name);
        if (!amount.getCurrency().getCurrencyCode().equals(currency)) {
            throw new IllegalStateException(name + " is in " + amount.getCurrency().getCurrencyCode() + ", not " + currency);
        }
        int digits = Math.max(amount.getCurrency().getDefaultFractionDigits(), 0);
        BigDecimal minor = amount.getNumber().numberValue(BigDecimal.class).movePointRight(digits);
        long value;
        try {
            value = minor.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalStateException(name + " " + amount + " is finer than the minor unit or too large", e);
        }
        if (value < 0) {
            throw new IllegalStateException(name + " must not be negative (was: " + amount + ")");
        }
        return value;
    }
}
