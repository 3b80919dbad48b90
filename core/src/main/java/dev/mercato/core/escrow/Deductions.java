package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.FeeKind;
import dev.mercato.pricing.fee.ShareCharge;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.revenue.LineFee;
import dev.mercato.pricing.revenue.LineSettlement;
import dev.mercato.pricing.revenue.Settlement;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * What is kept from the seller on a full release: the platform's commission, service fee and
 * payment fee, and the creators' and referrers' revenue shares, as computed at order time (for
 * example by the schedules of {@code dev.mercato.pricing.revenue}). When less than the captured
 * amount is released, each deduction (each share included) is prorated by {@link
 * dev.mercato.pricing.money.Allocation}, so the parts always add up to the whole.
 *
 * <p>Immutable and thread-safe.
 *
 * @param commission the commission, non-negative
 * @param serviceFee the service fee, non-negative
 * @param paymentFee the payment processing fee passed on to the seller, non-negative
 * @param shares the seller-borne revenue shares, one per creator or referrer (distinct parties),
 *     in a stable order; empty when the order was not sold through a creator
 */
public record Deductions(MonetaryAmount commission, MonetaryAmount serviceFee, MonetaryAmount paymentFee,
        List<CreatorShare> shares) {

    /**
     * Validates the amounts: same currency, exact in its minor unit, non-negative; one share per party.
     *
     * @throws InvalidInputException if an amount is missing or negative, a share is in another
     *     currency, or two shares name the same party
     */
    public Deductions {
        InvalidInputException.requireNonNull(commission, "commission");
        InvalidInputException.requireNonNull(serviceFee, "serviceFee");
        InvalidInputException.requireNonNull(paymentFee, "paymentFee");
        InvalidInputException.requireNonNull(shares, "shares");
        shares = List.copyOf(shares);
        MinorUnits.requireCurrency(serviceFee, commission.getCurrency());
        MinorUnits.requireCurrency(paymentFee, commission.getCurrency());
        for (MonetaryAmount a : new MonetaryAmount[] {commission, serviceFee, paymentFee}) {
            if (MinorUnits.toMinor(a) < 0) {
                throw new InvalidInputException("deductions", a, "must not be negative");
            }
        }
        Set<String> parties = new HashSet<>();
        for (CreatorShare share : shares) {
            MinorUnits.requireCurrency(share.amount(), commission.getCurrency());
            if (!parties.add(share.partyId())) {
                throw new InvalidInputException("shares", share.partyId(), "names the same party twice");
            }
        }
    }

    /**
     * Commission and fees without revenue shares.
     *
     * @param commission the commission, non-negative
     * @param serviceFee the service fee, non-negative
     * @param paymentFee the payment processing fee passed on to the seller, non-negative
     * @throws InvalidInputException if an amount is missing or negative
     */
    public Deductions(MonetaryAmount commission, MonetaryAmount serviceFee, MonetaryAmount paymentFee) {
        this(commission, serviceFee, paymentFee, List.of());
    }

    /**
     * The sum of the revenue shares.
     *
     * @return non-negative, in the deductions' currency
     */
    public MonetaryAmount sharesTotal() {
        long total = 0;
        for (CreatorShare share : shares) {
            total = Exact.add(total, MinorUnits.toMinor(share.amount()));
        }
        return MinorUnits.toAmount(total, commission.getCurrency());
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
     * seller-borne transaction fees (as the service fee), its seller-borne payment channel fees,
     * and its revenue shares summed per creator or referrer (over lines and levels, in the order
     * each party first appears; zero shares are left out). Platform-borne fees are the platform's
     * cost and are not deducted; revenue shares are always borne by the seller ({@link
     * dev.mercato.pricing.fee.RevenueSharePolicy}).
     *
     * @param settlement the settlement of the order's lines, as stored with the order
     * @param orderId the order (one seller's part of a checkout)
     * @return the deductions of a full release of that order
     * @throws InvalidInputException if the settlement has no line of the order
     */
    public static Deductions fromSettlement(Settlement settlement, String orderId) {
        InvalidInputException.requireNonNull(settlement, "settlement");
        InvalidInputException.requireNonNull(orderId, "orderId");
        List<LineSettlement> lines = settlement.lines().stream().filter(l -> l.line().orderId().equals(orderId))
                .toList();
        if (lines.isEmpty()) {
            throw new InvalidInputException("orderId", orderId, "has no line in the settlement");
        }
        return ofLines(lines, settlement.currency());
    }

    /**
     * The deductions of a full release of these lines, as {@link #fromSettlement}.
     *
     * @param lines the lines as settled
     * @param currency their currency
     * @return the deductions
     */
    static Deductions ofLines(List<LineSettlement> lines, CurrencyUnit currency) {
        long commission = 0;
        long serviceFee = 0;
        long paymentFee = 0;
        Map<String, Long> shares = new LinkedHashMap<>();
        for (LineSettlement line : lines) {
            for (ShareCharge share : line.shares()) {
                long units = MinorUnits.toMinor(share.amount(), currency);
                if (units != 0) {
                    shares.merge(share.partyId(), units, Exact::add);
                }
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
        List<CreatorShare> perParty = new ArrayList<>(shares.size());
        shares.forEach((party, units) -> perParty.add(new CreatorShare(party, MinorUnits.toAmount(units, currency))));
        return new Deductions(MinorUnits.toAmount(commission, currency), MinorUnits.toAmount(serviceFee, currency),
                MinorUnits.toAmount(paymentFee, currency), perParty);
    }

    /** {@code [commission, service fee, payment fee, share 0, share 1, ...]} in minor units. */
    long[] minor() {
        long[] minor = new long[3 + shares.size()];
        minor[0] = MinorUnits.toMinor(commission);
        minor[1] = MinorUnits.toMinor(serviceFee);
        minor[2] = MinorUnits.toMinor(paymentFee);
        for (int i = 0; i < shares.size(); i++) {
            minor[3 + i] = MinorUnits.toMinor(shares.get(i).amount());
        }
        return minor;
    }
}
