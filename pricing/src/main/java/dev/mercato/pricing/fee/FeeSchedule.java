package dev.mercato.pricing.fee;

import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The per-order fees and revenue shares of a platform: what a settlement deducts besides
 * commission. Each part is optional.
 *
 * <p>Rounding points: the transaction fee once per order of one seller; the payment fee once per
 * payment method within that order; each share once per line and level. Order-level fees are
 * split across lines with {@link Allocation} in proportion to the lines' bases, so the parts sum
 * exactly to the fee and a refund can reverse each line's part.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name a name for explanations
 * @param currency the currency of every fixed amount and line
 * @param rounding how each fee and share is rounded, once
 * @param transactionFee the platform's transaction or service fee, if any
 * @param paymentFees the payment channel fees, if modelled
 * @param revenueShare the creator and referrer shares, if any
 */
public record FeeSchedule(String name, CurrencyUnit currency, RoundingPolicy rounding,
        Optional<TransactionFee> transactionFee, Optional<PaymentFees> paymentFees,
        Optional<RevenueSharePolicy> revenueShare) {

    /**
     * Validates the components.
     *
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if a fixed amount is in another currency
     */
    public FeeSchedule {
        InvalidInputException.requireNonNull(name, "name");
        InvalidInputException.requireNonNull(currency, "currency");
        InvalidInputException.requireNonNull(rounding, "rounding");
        InvalidInputException.requireNonNull(transactionFee, "transactionFee");
        InvalidInputException.requireNonNull(paymentFees, "paymentFees");
        InvalidInputException.requireNonNull(revenueShare, "revenueShare");
        transactionFee.ifPresent(f -> MinorUnits.requireCurrency(f.formula().fixed(), currency));
    }

    /**
     * A schedule with no fees at all.
     *
     * @param name the name
     * @param currency the currency
     * @param rounding the rounding policy
     * @return the schedule
     */
    public static FeeSchedule none(String name, CurrencyUnit currency, RoundingPolicy rounding) {
        return new FeeSchedule(name, currency, rounding, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * This schedule with a transaction fee.
     *
     * @param fee the fee
     * @return a copy with the fee
     */
    public FeeSchedule withTransactionFee(TransactionFee fee) {
        return new FeeSchedule(name, currency, rounding, Optional.of(fee), paymentFees, revenueShare);
    }

    /**
     * This schedule with payment channel fees.
     *
     * @param fees the fees
     * @return a copy with the fees
     */
    public FeeSchedule withPaymentFees(PaymentFees fees) {
        return new FeeSchedule(name, currency, rounding, transactionFee, Optional.of(fees), revenueShare);
    }

    /**
     * This schedule with revenue shares.
     *
     * @param policy the policy
     * @return a copy with the policy
     */
    public FeeSchedule withRevenueShare(RevenueSharePolicy policy) {
        return new FeeSchedule(name, currency, rounding, transactionFee, paymentFees, Optional.of(policy));
    }

    /**
     * The fees on one seller's part of an order.
     *
     * @param lines the lines, all of one order and one seller, at least one
     * @return the transaction fee (if configured) and one payment fee per payment method used (if
     *     configured), each split across {@code lines}
     * @throws InvalidInputException if the lines are empty or span orders or sellers
     */
    public List<OrderFee> orderFees(List<SaleLine> lines) {
        requireOneOrderAndSeller(lines);
        List<OrderFee> fees = new ArrayList<>(2);
        transactionFee.ifPresent(fee -> fees.add(transaction(fee, lines)));
        paymentFees.ifPresent(pf -> fees.addAll(payment(pf, lines)));
        return List.copyOf(fees);
    }

    /**
     * The fees on one seller's part of an order in minor units, per line and bearer, without
     * explanations: the fast path for settling many lines. Adds line {@code i}'s part of every fee
     * that {@link #orderFees(List)} returns to {@code sellerBorne[offset + i]} or {@code
     * platformBorne[offset + i]} by the fee's bearer, so each array receives exactly the per-line
     * sums of {@link OrderFee#perLine()} over the fees with that bearer. On an exception the
     * arrays are unchanged.
     *
     * @param lines the lines, all of one order and one seller, at least one
     * @param sellerBorne receives the seller-borne parts
     * @param platformBorne receives the platform-borne parts
     * @param offset where line 0's parts go in both arrays
     * @throws InvalidInputException if the lines are empty or span orders or sellers, or the
     *     arrays do not hold {@code lines.size()} parts from {@code offset}
     */
    public void addOrderFeeParts(List<SaleLine> lines, long[] sellerBorne, long[] platformBorne, int offset) {
        requireOneOrderAndSeller(lines);
        InvalidInputException.requireNonNull(sellerBorne, "sellerBorne");
        InvalidInputException.requireNonNull(platformBorne, "platformBorne");
        int n = lines.size();
        if (offset < 0 || sellerBorne.length - n < offset || platformBorne.length - n < offset) {
            throw new InvalidInputException("offset", offset, "must leave room for " + n + " parts in arrays of "
                    + sellerBorne.length + " and " + platformBorne.length);
        }
        if (n == 1) {
            addSingleLineFeeParts(lines.get(0), sellerBorne, platformBorne, offset);
            return;
        }
        // Computed aside first, so a failure leaves the caller's arrays untouched.
        long[] seller = Arrays.copyOfRange(sellerBorne, offset, offset + n);
        long[] platform = Arrays.copyOfRange(platformBorne, offset, offset + n);
        if (transactionFee.isPresent()) {
            TransactionFee fee = transactionFee.get();
            long[] weights = bases(fee.base(), lines);
            addParts(splitMinor(fee.formula().applyToMinor(Exact.sum(weights), rounding), weights), seller);
        }
        if (paymentFees.isPresent()) {
            PaymentFees pf = paymentFees.get();
            MethodWeights byMethod = MethodWeights.of(lines);
            for (int k = 0; k < byMethod.count; k++) {
                long[] weights = byMethod.weights[k];
                addParts(splitMinor(pf.rateFor(byMethod.methods[k]).applyToMinor(Exact.sum(weights), rounding), weights),
                        pf.bearer() == Bearer.SELLER ? seller : platform);
            }
        }
        System.arraycopy(seller, 0, sellerBorne, offset, n);
        System.arraycopy(platform, 0, platformBorne, offset, n);
    }

    /** One line is its order's only line: each fee is entirely its part, with no arrays to split over. */
    private void addSingleLineFeeParts(SaleLine line, long[] sellerBorne, long[] platformBorne, int at) {
        long seller = sellerBorne[at];
        long platform = platformBorne[at];
        if (transactionFee.isPresent()) {
            TransactionFee fee = transactionFee.get();
            long weight = fee.base().minorUnitsOf(line);
            seller = Exact.add(seller, wholePart(fee.formula().applyToMinor(weight, rounding), weight));
        }
        if (paymentFees.isPresent()) {
            PaymentFees pf = paymentFees.get();
            long weight = ChargeBase.PAID_WITH_SHIPPING.minorUnitsOf(line);
            long part = wholePart(pf.rateFor(line.paymentMethod()).applyToMinor(weight, rounding), weight);
            if (pf.bearer() == Bearer.SELLER) {
                seller = Exact.add(seller, part);
            } else {
                platform = Exact.add(platform, part);
            }
        }
        sellerBorne[at] = seller;
        platformBorne[at] = platform;
    }

    /** What splitting {@code charged} over the single weight gives: all of it (or the allocator's refusal of a zero weight). */
    private static long wholePart(long charged, long weight) {
        return charged == 0 || weight != 0 ? charged : splitMinor(charged, new long[] {weight})[0];
    }

    /**
     * The revenue shares on one line in minor units: the sum of the amounts {@link
     * #sharesFor(SaleLine)} returns, without building them.
     *
     * @param line the line
     * @return the sum of the line's shares; zero without a policy or attribution
     */
    public long sharesMinor(SaleLine line) {
        InvalidInputException.requireNonNull(line, "line");
        if (revenueShare.isEmpty() || line.attribution().isEmpty()) {
            return 0;
        }
        RevenueSharePolicy policy = revenueShare.get();
        long base = policy.base().minorUnitsOf(line);
        int levels = Math.min(policy.levelRates().size(), line.attribution().size());
        long sum = 0;
        for (int i = 0; i < levels; i++) {
            sum = Exact.add(sum, policy.levelRates().get(i).applyToMinor(base, rounding));
        }
        return sum;
    }

    /**
     * The revenue shares on one line: one per attributed party up to the policy's levels.
     *
     * @param line the line
     * @return the shares, nearest party first; empty without a policy or attribution
     */
    public List<ShareCharge> sharesFor(SaleLine line) {
        InvalidInputException.requireNonNull(line, "line");
        if (revenueShare.isEmpty() || line.attribution().isEmpty()) {
            return List.of();
        }
        RevenueSharePolicy policy = revenueShare.get();
        long base = policy.base().minorUnitsOf(line);
        int levels = Math.min(policy.levelRates().size(), line.attribution().size());
        List<ShareCharge> shares = new ArrayList<>(levels);
        for (int i = 0; i < levels; i++) {
            Rate rate = policy.levelRates().get(i);
            shares.add(new ShareCharge(line.attribution().get(i), i + 1, rate,
                    MinorUnits.toAmount(rate.applyToMinor(base, rounding), currency)));
        }
        return List.copyOf(shares);
    }

    private void requireOneOrderAndSeller(List<SaleLine> lines) {
        InvalidInputException.requireNonNull(lines, "lines");
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", lines, "must not be empty");
        }
        SaleLine first = InvalidInputException.requireNonNull(lines.get(0), "line");
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = InvalidInputException.requireNonNull(lines.get(i), "line");
            MinorUnits.requireCurrency(line.paid(), currency);
            if (!line.orderId().equals(first.orderId()) || !line.sellerId().equals(first.sellerId())) {
                throw new InvalidInputException("lines", line.orderId() + "/" + line.sellerId(),
                        "must all belong to order " + first.orderId() + " and seller " + first.sellerId());
            }
        }
    }

    private OrderFee transaction(TransactionFee fee, List<SaleLine> lines) {
        long[] weights = bases(fee.base(), lines);
        long total = Exact.sum(weights);
        long charged = fee.formula().applyToMinor(total, rounding);
        return new OrderFee(FeeKind.TRANSACTION, fee.id(), Bearer.SELLER, MinorUnits.toAmount(charged, currency),
                split(charged, weights), "fee '" + fee.id() + "': " + fee.formula() + " on " + fee.base().describe() + " "
                        + Amounts.show(total, currency) + " of order " + lines.get(0).orderId() + " = "
                        + Amounts.show(charged, currency));
    }

    private List<OrderFee> payment(PaymentFees pf, List<SaleLine> lines) {
        MethodWeights byMethod = MethodWeights.of(lines);
        List<OrderFee> fees = new ArrayList<>(byMethod.count);
        for (int k = 0; k < byMethod.count; k++) {
            String method = byMethod.methods[k];
            long total = Exact.sum(byMethod.weights[k]);
            Rate rate = pf.rateFor(method);
            long charged = rate.applyToMinor(total, rounding);
            fees.add(new OrderFee(FeeKind.PAYMENT_CHANNEL, method, pf.bearer(), MinorUnits.toAmount(charged, currency),
                    split(charged, byMethod.weights[k]), "payment fee for " + method + ": " + rate + " of "
                            + Amounts.show(total, currency) + " paid = " + Amounts.show(charged, currency) + ", borne by "
                            + pf.bearer().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return fees;
    }

    /**
     * The lines' payment-fee weights (what each buyer paid, shipping included) per payment
     * method, methods in order of first appearance; a line weighs zero under the other methods.
     */
    private static final class MethodWeights {
        final String[] methods;
        final long[][] weights;
        int count;

        private MethodWeights(int lines) {
            methods = new String[lines];
            weights = new long[lines][];
        }

        static MethodWeights of(List<SaleLine> lines) {
            int n = lines.size();
            MethodWeights result = new MethodWeights(n);
            for (int i = 0; i < n; i++) {
                SaleLine line = lines.get(i);
                String method = line.paymentMethod();
                int k = 0;
                while (k < result.count && !result.methods[k].equals(method)) {
                    k++;
                }
                if (k == result.count) {
                    result.methods[k] = method;
                    result.weights[k] = new long[n];
                    result.count++;
                }
                result.weights[k][i] = ChargeBase.PAID_WITH_SHIPPING.minorUnitsOf(line);
            }
            return result;
        }
    }

    private static long[] splitMinor(long charged, long[] weights) {
        return charged == 0 ? new long[weights.length] : Allocation.allocate(charged, weights);
    }

    private static void addParts(long[] parts, long[] target) {
        for (int i = 0; i < parts.length; i++) {
            target[i] = Exact.add(target[i], parts[i]);
        }
    }

    private List<MonetaryAmount> split(long charged, long[] weights) {
        long[] parts = splitMinor(charged, weights);
        List<MonetaryAmount> amounts = new ArrayList<>(parts.length);
        for (long part : parts) {
            amounts.add(MinorUnits.toAmount(part, currency));
        }
        return amounts;
    }

    private static long[] bases(ChargeBase base, List<SaleLine> lines) {
        long[] weights = new long[lines.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = base.minorUnitsOf(lines.get(i));
        }
        return weights;
    }
}
