package dev.mercato.pricing.revenue;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.ShareCharge;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * How far a sold line has been refunded, and the reversal of its charges.
 *
 * <p><b>Method.</b> Let {@code P} be what the buyer paid for the line (goods and shipping) and
 * {@code R} what has been refunded so far, this refund included. Each charge {@code C} of the
 * sale (platform subsidy, commission, each fee part, each share) is reversed cumulatively to
 * {@code C}'s part of the split of {@code C} by {@link Allocation} in the weights {@code R : P -
 * R}; this refund reverses the difference from the previous cumulative value. The line's tax
 * ({@link LineSettlement#tax()}) is one more such charge. So:
 * <ul>
 *   <li>a refund never reverses a negative amount, and the reversals of a charge never add up to
 *       more than the charge;</li>
 *   <li>once {@code R = P}, every charge is reversed exactly, whatever the partial refunds were;</li>
 *   <li>the weights are those stored in the {@link LineSettlement} at sale time.</li>
 * </ul>
 * A line the buyer paid nothing for ({@code P = 0}, fully subsidised) is fully reversed by any
 * refund, including one of zero.
 *
 * <p>States are types: {@link Open} accepts refunds, {@link Closed} (fully refunded) accepts
 * none. Persist the sale and the refunded total, and rebuild with {@code new Open(sale,
 * refunded)}. Immutable and thread-safe.
 */
public sealed interface RefundProgress {

    /**
     * The line as settled at sale time.
     *
     * @return the settlement
     */
    LineSettlement sale();

    /**
     * What has been refunded so far.
     *
     * @return the refunded total
     */
    MonetaryAmount refunded();

    /**
     * The outcome of one refund.
     *
     * @param reversal what the refund takes back
     * @param next the progress after it
     */
    record Step(LineReversal reversal, RefundProgress next) {}

    /**
     * A line that can still be refunded.
     *
     * @param sale the line as settled at sale time
     * @param refunded what has been refunded so far, less than what the buyer paid (or zero
     *     when the buyer paid nothing)
     */
    record Open(LineSettlement sale, MonetaryAmount refunded) implements RefundProgress {
        /**
         * Validates the progress.
         *
         * @throws InvalidInputException if the refunded total is negative or not below what the buyer paid
         */
        public Open {
            InvalidInputException.requireNonNull(sale, "sale");
            long r = MinorUnits.toMinor(refunded, sale.line().currency());
            long p = MinorUnits.toMinor(sale.buyerPaid());
            if (r < 0 || (p > 0 && r >= p) || (p == 0 && r != 0)) {
                throw new InvalidInputException("refunded", refunded, "must be at least zero and below " + sale.buyerPaid());
            }
        }

        /**
         * Refunds part or the rest of the line.
         *
         * @param amount the refund, at most what is left to refund
         * @return the reversal and the next progress ({@link Closed} once everything is refunded)
         * @throws ExcessiveRefundException if the amount is negative or more than is left
         */
        public Step refund(MonetaryAmount amount) {
            CurrencyUnit currency = sale.line().currency();
            long now = MinorUnits.toMinor(amount, currency);
            long before = MinorUnits.toMinor(refunded);
            long paid = MinorUnits.toMinor(sale.buyerPaid());
            if (now < 0 || now > paid - before) {
                throw new ExcessiveRefundException(sale.line().orderId() + "/" + sale.line().lineId(), amount.toString(),
                        show(paid - before, currency));
            }
            return reverse(before, before + now, paid);
        }

        /**
         * Refunds whatever is left of the line.
         *
         * @return the reversal and the {@link Closed} progress
         */
        public Step refundRemainder() {
            long paid = MinorUnits.toMinor(sale.buyerPaid());
            return reverse(MinorUnits.toMinor(refunded), paid, paid);
        }

        private Step reverse(long before, long after, long paid) {
            CurrencyUnit currency = sale.line().currency();
            boolean closes = after == paid;
            long subsidy = delta(MinorUnits.toMinor(sale.platformSubsidy()), before, after, paid);
            long commission = delta(MinorUnits.toMinor(sale.commission().amount()), before, after, paid);
            long charges = commission;
            List<LineFee> fees = new ArrayList<>(sale.fees().size());
            for (LineFee fee : sale.fees()) {
                long part = delta(MinorUnits.toMinor(fee.amount()), before, after, paid);
                if (fee.bearer() == Bearer.SELLER) {
                    charges = Exact.add(charges, part);
                }
                fees.add(new LineFee(fee.kind(), fee.id(), fee.bearer(), MinorUnits.toAmount(part, currency),
                        "reversal of " + fee.explanation()));
            }
            List<ShareCharge> shares = new ArrayList<>(sale.shares().size());
            for (ShareCharge share : sale.shares()) {
                long part = delta(MinorUnits.toMinor(share.amount()), before, after, paid);
                charges = Exact.add(charges, part);
                shares.add(new ShareCharge(share.partyId(), share.level(), share.rate(), MinorUnits.toAmount(part, currency)));
            }
            long tax = delta(MinorUnits.toMinor(sale.tax()), before, after, paid);
            charges = Exact.add(charges, tax);
            long gross = Exact.add(after - before, subsidy);
            LineReversal reversal = new LineReversal(sale.line().orderId(), sale.line().lineId(),
                    MinorUnits.toAmount(after - before, currency), MinorUnits.toAmount(after, currency), closes,
                    MinorUnits.toAmount(gross, currency), MinorUnits.toAmount(subsidy, currency),
                    MinorUnits.toAmount(commission, currency), fees, shares,
                    MinorUnits.toAmount(Exact.subtract(gross, charges), currency), MinorUnits.toAmount(tax, currency));
            RefundProgress next = closes ? new Closed(sale) : new Open(sale, MinorUnits.toAmount(after, currency));
            return new Step(reversal, next);
        }

        /**
         * The part of {@code charge} reversed between cumulative refunds {@code before} (while
         * open, so never the whole) and {@code after}, which closes the line when it reaches
         * {@code paid}.
         */
        private static long delta(long charge, long before, long after, long paid) {
            long reversedBefore = proportion(charge, before, paid);
            long reversedAfter = after == paid ? charge : proportion(charge, after, paid);
            return reversedAfter - reversedBefore;
        }

        private static long proportion(long charge, long refunded, long paid) {
            if (refunded == 0 || charge == 0) {
                return 0;
            }
            return Allocation.allocate(charge, new long[] {refunded, paid - refunded})[0];
        }

        private static String show(long minor, CurrencyUnit currency) {
            return MinorUnits.format(minor, currency);
        }
    }

    /**
     * A fully refunded line: every charge has been reversed. Terminal.
     *
     * @param sale the line as settled at sale time
     */
    record Closed(LineSettlement sale) implements RefundProgress {
        /** Validates the component. */
        public Closed {
            InvalidInputException.requireNonNull(sale, "sale");
        }

        @Override
        public MonetaryAmount refunded() {
            return sale.buyerPaid();
        }
    }
}
