package dev.mercato.pricing.tax;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.RoundingPolicy;
import java.util.Optional;

/**
 * How a region taxes: inclusive or exclusive prices, whether shipping is taxable (and at which
 * category's rate), where tax is rounded and how discounts reduce the base. Immutable.
 *
 * @param region the region code, e.g. {@code "CN"}, {@code "US-CA"}, {@code "BH"}
 * @param mode inclusive or exclusive prices
 * @param shippingCategory the category whose rate taxes shipping; empty when shipping is not taxed
 * @param rounding per line or per order
 * @param policy the rounding mode of each rounding
 * @param discountBase how discounts reduce the taxable base
 */
public record TaxRegion(String region, TaxMode mode, Optional<String> shippingCategory, TaxRounding rounding,
        RoundingPolicy policy, DiscountBase discountBase) {

    /**
     * Validates the region.
     *
     * @throws InvalidInputException if a value is missing or the region blank
     */
    public TaxRegion {
        InvalidInputException.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new InvalidInputException("region", region, "must not be blank");
        }
        InvalidInputException.requireNonNull(mode, "mode");
        InvalidInputException.requireNonNull(shippingCategory, "shippingCategory");
        InvalidInputException.requireNonNull(rounding, "rounding");
        InvalidInputException.requireNonNull(policy, "policy");
        InvalidInputException.requireNonNull(discountBase, "discountBase");
    }

    /**
     * A region with the defaults: shipping not taxed, rounding per line half-up, every discount
     * reducing the base.
     *
     * @param region the region code
     * @param mode inclusive or exclusive prices
     * @return the region
     */
    public static TaxRegion of(String region, TaxMode mode) {
        return new TaxRegion(region, mode, Optional.empty(), TaxRounding.PER_LINE, RoundingPolicy.HALF_UP,
                DiscountBase.ALL_DISCOUNTS);
    }

    /**
     * This region with shipping taxed at a category's rate.
     *
     * @param category the category, e.g. {@code "shipping"} or {@code "standard"}
     * @return a new region
     */
    public TaxRegion withShippingTaxedAs(String category) {
        InvalidInputException.requireNonNull(category, "category");
        return new TaxRegion(region, mode, Optional.of(category), rounding, policy, discountBase);
    }

    /**
     * This region rounding per line or per order.
     *
     * @param where per line or per order
     * @return a new region
     */
    public TaxRegion withRounding(TaxRounding where) {
        return new TaxRegion(region, mode, shippingCategory, where, policy, discountBase);
    }

    /**
     * This region with another rule for discounts.
     *
     * @param base how discounts reduce the taxable base
     * @return a new region
     */
    public TaxRegion withDiscountBase(DiscountBase base) {
        return new TaxRegion(region, mode, shippingCategory, rounding, policy, base);
    }
}
