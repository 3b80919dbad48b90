package dev.mercato.pricing.fee;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.RoundingPolicy;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Penalties and buyer compensation for seller violations, computed here and debited from the
 * seller's security deposit by the escrow. Each assessment says who receives what: the buyer
 * (compensation) and the platform (penalty).
 *
 * @param currency the currency of every amount
 * @param counterfeitMultiple how many times the price a counterfeit costs the seller, paid to the
 *     buyer on top of the refund ("fake one, pay ten": 10)
 * @param lateShipment compensation to the buyer for a late shipment, on what the buyer paid
 * @param fakeOrderPenalty the platform's penalty per fake order (刷单)
 */
public record PenaltySchedule(CurrencyUnit currency, long counterfeitMultiple, FeeFormula lateShipment,
        MonetaryAmount fakeOrderPenalty) {

    /** The usual counterfeit multiple: fake one, pay ten. */
    public static final long DEFAULT_COUNTERFEIT_MULTIPLE = 10;

    /**
     * What a violation costs the seller.
     *
     * @param buyerCompensation paid to the buyer from the seller's deposit
     * @param platformPenalty paid to the platform from the seller's deposit
     * @param explanation how it was computed
     */
    public record Assessment(MonetaryAmount buyerCompensation, MonetaryAmount platformPenalty, String explanation) {}

    /** Validates the components. */
    public PenaltySchedule {
        InvalidInputException.requireNonNull(currency, "currency");
        if (counterfeitMultiple < 0) {
            throw new InvalidInputException("counterfeitMultiple", counterfeitMultiple, "must not be negative");
        }
        InvalidInputException.requireNonNull(lateShipment, "lateShipment");
        MinorUnits.requireCurrency(lateShipment.fixed(), currency);
        MinorUnits.requireCurrency(fakeOrderPenalty, currency);
        if (fakeOrderPenalty.isNegative()) {
            throw new InvalidInputException("fakeOrderPenalty", fakeOrderPenalty, "must not be negative");
        }
    }

    /**
     * Compensation for a counterfeit: the multiple times what the buyer paid for the item(s).
     *
     * @param itemPaid what the buyer paid for the counterfeit units
     * @return the assessment (all to the buyer)
     */
    public Assessment counterfeit(MonetaryAmount itemPaid) {
        long paid = MinorUnits.toMinor(itemPaid, currency);
        long compensation = Exact.multiply(paid, counterfeitMultiple);
        return new Assessment(MinorUnits.toAmount(compensation, currency), MinorUnits.toAmount(0, currency),
                "counterfeit: " + counterfeitMultiple + " x " + Amounts.show(itemPaid) + " = "
                        + Amounts.show(compensation, currency) + " to the buyer");
    }

    /**
     * Compensation for a late shipment.
     *
     * @param orderPaid what the buyer paid for the order
     * @param rounding how the rate's product is rounded
     * @return the assessment (all to the buyer)
     */
    public Assessment lateShipment(MonetaryAmount orderPaid, RoundingPolicy rounding) {
        long paid = MinorUnits.toMinor(orderPaid, currency);
        long compensation = lateShipment.applyToMinor(paid, rounding);
        return new Assessment(MinorUnits.toAmount(compensation, currency), MinorUnits.toAmount(0, currency),
                "late shipment: " + lateShipment + " on " + Amounts.show(orderPaid) + " = "
                        + Amounts.show(compensation, currency) + " to the buyer");
    }

    /**
     * The penalty for fake orders.
     *
     * @param count how many fake orders were found
     * @return the assessment (all to the platform)
     */
    public Assessment fakeOrders(long count) {
        if (count < 0) {
            throw new InvalidInputException("count", count, "must not be negative");
        }
        long penalty = Exact.multiply(MinorUnits.toMinor(fakeOrderPenalty), count);
        return new Assessment(MinorUnits.toAmount(0, currency), MinorUnits.toAmount(penalty, currency),
                "fake orders: " + count + " x " + Amounts.show(fakeOrderPenalty) + " = "
                        + Amounts.show(penalty, currency) + " to the platform");
    }
}
