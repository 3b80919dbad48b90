package dev.mercato.logistics;

import java.util.List;
import javax.money.MonetaryAmount;

/**
 * A carrier's price and delivery promise for one parcel on one route with one service.
 *
 * <p>Invariants checked on construction: at least one line; every line and the total are in
 * the same currency; the lines add up exactly to the total; the chargeable weight is
 * positive. Immutable and thread-safe.
 *
 * @param carrier the carrier that quoted, never {@code null}
 * @param service the service quoted, never {@code null}
 * @param total what the carrier charges, zero or positive, in the requested currency
 * @param lines the itemized charges adding up to {@code total}, at least one, unmodifiable
 * @param chargeableWeightGrams the weight the price is based on (for most carriers the
 *     greater of the actual and the volumetric weight), positive
 * @param promise when the parcel will be delivered, never {@code null}
 */
public record Quote(CarrierId carrier, ServiceLevel service, MonetaryAmount total, List<QuoteLine> lines,
        long chargeableWeightGrams, DeliveryPromise promise) {

    /**
     * Validates the quote and copies the lines.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null}, the lines are
     *     empty, a currency differs or the lines do not add up to the total
     */
    public Quote {
        InvalidLogisticsInputException.requireNonNull(carrier, "carrier");
        InvalidLogisticsInputException.requireNonNull(service, "service");
        InvalidLogisticsInputException.requireNonNull(total, "total");
        InvalidLogisticsInputException.requireNonNull(lines, "lines");
        InvalidLogisticsInputException.requireNonNull(promise, "promise");
        InvalidLogisticsInputException.requirePositive(chargeableWeightGrams, "chargeableWeightGrams");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new InvalidLogisticsInputException("lines", lines, "must hold at least one charge");
        }
        MonetaryAmount sum = null;
        for (QuoteLine line : lines) {
            if (!line.amount().getCurrency().equals(total.getCurrency())) {
                throw new InvalidLogisticsInputException("lines", line,
                        "must be in the currency of the total " + total.getCurrency().getCurrencyCode());
            }
            sum = sum == null ? line.amount() : sum.add(line.amount());
        }
        if (!sum.isEqualTo(total)) {
            throw new InvalidLogisticsInputException("total", total, "must equal the sum of the lines " + sum);
        }
    }
}
