package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.tax.LineTax;
import dev.mercato.pricing.tax.TaxMode;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The tax of one order, computed at checkout and frozen with its priced snapshot (docs/pricing.md,
 * "Tax in the facade"): per order line ({@code line-<lineNo>}, as {@link SaleLines}) and for the
 * order's shipping. Refunds reverse each line's tax in proportion, exactly on the refund that
 * closes the line (the escrow's lines, {@code dev.mercato.pricing.revenue.RefundProgress}).
 * Immutable and thread-safe.
 *
 * @param region the tax region the order was taxed in
 * @param mode inclusive (the tax is inside the prices) or exclusive
 * @param lines the tax of each order line, in line order
 * @param shipping the tax of the order's shipping; empty when the order has no shipping charge
 */
public record OrderTax(String region, TaxMode mode, List<LineTax> lines, List<LineTax> shipping) {

    /**
     * Validates and copies the lists.
     *
     * @throws InvalidInputException if a value is missing or there is no line
     */
    public OrderTax {
        InvalidInputException.requireNonNull(region, "region");
        InvalidInputException.requireNonNull(mode, "mode");
        lines = List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
        shipping = List.copyOf(InvalidInputException.requireNonNull(shipping, "shipping"));
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", lines, "must not be empty");
        }
    }

    /**
     * The order's tax: its lines' and its shipping's.
     *
     * @return what the order owes the tax authority
     */
    public MonetaryAmount total() {
        CurrencyUnit currency = lines.get(0).tax().getCurrency();
        return MinorUnits.toAmount(Exact.add(sum(lines), sum(shipping)), currency);
    }

    /**
     * The tax of the order's shipping, all parcels together.
     *
     * @return zero when shipping is not taxed or not charged
     */
    public MonetaryAmount shippingTax() {
        return MinorUnits.toAmount(sum(shipping), lines.get(0).tax().getCurrency());
    }

    private static long sum(List<LineTax> taxes) {
        long sum = 0;
        for (LineTax t : taxes) {
            sum = Exact.add(sum, MinorUnits.toMinor(t.tax()));
        }
        return sum;
    }
}
