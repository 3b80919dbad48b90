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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        InvalidInputException.requireNonNull(lines, "lines");
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", lines, "must not be empty");
        }
        SaleLine first = lines.get(0);
        for (SaleLine line : lines) {
            MinorUnits.requireCurrency(line.paid(), currency);
            if (!line.orderId().equals(first.orderId()) || !line.sellerId().equals(first.sellerId())) {
                throw new InvalidInputException("lines", line.orderId() + "/" + line.sellerId(),
                        "must all belong to order " + first.orderId() + " and seller " + first.sellerId());
            }
        }
        List<OrderFee> fees = new ArrayList<>(2);
        transactionFee.ifPresent(fee -> fees.add(transaction(fee, lines)));
        paymentFees.ifPresent(pf -> fees.addAll(payment(pf, lines)));
        return List.copyOf(fees);
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
        Map<String, long[]> byMethod = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            long[] weights = byMethod.computeIfAbsent(line.paymentMethod(), m -> new long[lines.size()]);
            weights[i] = ChargeBase.PAID_WITH_SHIPPING.minorUnitsOf(line);
        }
        List<OrderFee> fees = new ArrayList<>(byMethod.size());
        for (Map.Entry<String, long[]> entry : byMethod.entrySet()) {
            long total = Exact.sum(entry.getValue());
            Rate rate = pf.rateFor(entry.getKey());
            long charged = rate.applyToMinor(total, rounding);
            fees.add(new OrderFee(FeeKind.PAYMENT_CHANNEL, entry.getKey(), pf.bearer(), MinorUnits.toAmount(charged, currency),
                    split(charged, entry.getValue()), "payment fee for " + entry.getKey() + ": " + rate + " of "
                            + Amounts.show(total, currency) + " paid = " + Amounts.show(charged, currency) + ", borne by "
                            + pf.bearer().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return fees;
    }

    private List<MonetaryAmount> split(long charged, long[] weights) {
        long[] parts = charged == 0 ? new long[weights.length] : Allocation.allocate(charged, weights);
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
