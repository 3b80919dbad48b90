package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.FeeKind;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.revenue.LineFee;
import dev.mercato.pricing.revenue.LineSettlement;
import dev.mercato.pricing.revenue.Settlement;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * What the platform keeps from a full release: commission, service fee and payment fee, as
 * computed at order time (for example by the commission schedules of {@code
 * dev.mercato.pricing.commission}). When less than the captured amount is released, each
 * deduction is prorated by {@link dev.mercato.pricing.money.Allocation}, so the parts always add
 * up to the whole.
 *
 * <p>Immutable and thread-safe.
 *
 * @param commission the commission, non-negative
 * @param serviceFee the service fee, non-negative
 * @param paymentFee the payment processing fee passed on to the seller, non-negative
 */
public record Deductions(MonetaryAmount commission, MonetaryAmount serviceFee, MonetaryAmount paymentFee) {

    /**
     * Validates the amounts: same currency, exact in its minor unit, non-negative.
     *
     * @throws InvalidInputException if an amount is missing or negative
     */
    public Deductions {
        InvalidInputException.requireNonNull(commission, "commission");
        InvalidInputException.requireNonNull(serviceFee, "serviceFee");
        InvalidInputException.requireNonNull(paymentFee, "paymentFee");
        MinorUnits.requireCurrency(serviceFee, commission.getCurrency());
        MinorUnits.requireCurrency(paymentFee, commission.getCurrency());
        for (MonetaryAmount a : new MonetaryAmount[] {commission, serviceFee, paymentFee}) {
            if (MinorUnits.toMinor(a) < 0) {
                throw new InvalidInputException("deductions", a, "must not be negative");
            }
        }
    }

    /**
     * No deductions.
     *
     * @param currency the currency
     * @return zero commission and fees
     */
    public static Deductions none(CurrencyUnit currency) {
        MonetaryAmount zero = MinorUnits.toAmount(0, currency);
        return new Deductions(zero, zero, zero);
    }

    /**
     * A commission only.
     *
     * @param commission the commission
     * @return the deductions
     */
    public static Deductions commission(MonetaryAmount commission) {
        MonetaryAmount zero = MinorUnits.toAmount(0, commission.getCurrency());
        return new Deductions(commission, zero, zero);
    }

    /**
     * The deductions of one order as computed by the revenue calculators of {@code
     * dev.mercato.pricing.revenue} (commission schedules and fee schedules): its commissions, its
     * seller-borne transaction fees (as the service fee) and its seller-borne payment channel fees.
     * Platform-borne fees are the platform's cost and are not deducted.
     *
     * @param settlement the settlement of the order's lines, as stored with the order
     * @param orderId the order (one seller's part of a checkout)
     * @return the deductions of a full release of that order
     * @throws InvalidInputException if the settlement has no line of the order, or the order has
     *     creator shares, which an escrow does not carry yet
     */
    public static Deductions fromSettlement(Settlement settlement, String orderId) {
        InvalidInputException.requireNonNull(settlement, "settlement");
        InvalidInputException.requireNonNull(orderId, "orderId");
        CurrencyUnit currency = settlement.currency();
        long commission = 0;
        long serviceFee = 0;
        long paymentFee = 0;
        boolean found = false;
        for (LineSettlement line : settlement.lines()) {
            if (!line.line().orderId().equals(orderId)) {
                continue;
            }
            found = true;
            if (!line.shares().isEmpty()) {
                throw new InvalidInputException("settlement", orderId,
                        "has creator shares, which escrow deductions do not carry");
            }
            commission = Exact.add(commission, MinorUnits.toMinor(line.commission().amount(), currency));
            for (LineFee fee : line.fees()) {
                if (fee.bearer() != Bearer.SELLER) {
                    continue;
                }
                long units = MinorUnits.toMinor(fee.amount(), currency);
                if (fee.kind() == FeeKind.PAYMENT_CHANNEL) {
                    paymentFee = Exact.add(paymentFee, units);
                } else {
                    serviceFee = Exact.add(serviceFee, units);
                }
            }
        }
        if (!found) {
            throw new InvalidInputException("orderId", orderId, "has no line in the settlement");
        }
        return new Deductions(MinorUnits.toAmount(commission, currency), MinorUnits.toAmount(serviceFee, currency),
                MinorUnits.toAmount(paymentFee, currency));
    }

    long[] minor() {
        return new long[] {MinorUnits.toMinor(commission), MinorUnits.toMinor(serviceFee), MinorUnits.toMinor(paymentFee)};
    }
}
