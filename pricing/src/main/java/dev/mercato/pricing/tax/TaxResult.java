package dev.mercato.pricing.tax;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The tax of an order: per line and per parcel, and the totals ({@code net + tax == gross}).
 *
 * @param currency the currency
 * @param region the region
 * @param mode inclusive or exclusive
 * @param lines the lines' tax, in request order
 * @param shipping the parcels' tax, in request order (zero rate where shipping is not taxed)
 * @param net the sum of the nets
 * @param tax the sum of the taxes: what the order owes the tax authority (credit tax payable)
 * @param gross the sum of the grosses
 * @param addedToPayable what tax adds to what the buyer pays: {@code tax} when exclusive, zero
 *     when inclusive (the tax is inside the prices)
 */
public record TaxResult(CurrencyUnit currency, String region, TaxMode mode, List<LineTax> lines, List<LineTax> shipping,
        MonetaryAmount net, MonetaryAmount tax, MonetaryAmount gross, MonetaryAmount addedToPayable) {

    /**
     * Copies the lists.
     *
     * @throws InvalidInputException if a value is missing
     */
    public TaxResult {
        InvalidInputException.requireNonNull(currency, "currency");
        InvalidInputException.requireNonNull(region, "region");
        InvalidInputException.requireNonNull(mode, "mode");
        lines = List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
        shipping = List.copyOf(InvalidInputException.requireNonNull(shipping, "shipping"));
        InvalidInputException.requireNonNull(net, "net");
        InvalidInputException.requireNonNull(tax, "tax");
        InvalidInputException.requireNonNull(gross, "gross");
        InvalidInputException.requireNonNull(addedToPayable, "addedToPayable");
    }
}
