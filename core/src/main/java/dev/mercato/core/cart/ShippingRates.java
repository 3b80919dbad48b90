package dev.mercato.core.cart;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * What each seller charges to ship its part of a cart, before shipping promotions (the pricing
 * port applies free-shipping rules and shipping coupons to these charges). Implementations are
 * pure and thread-safe.
 */
@FunctionalInterface
public interface ShippingRates {
    /**
     * The shipping charge per seller.
     *
     * @param request the cart to ship (its lines carry the SKUs' weights and sizes)
     * @return a charge per seller of the cart, in the cart's currency; sellers left out ship free
     */
    Map<String, MonetaryAmount> charges(CartPricingRequest request);

    /**
     * Free shipping for everyone: the default.
     *
     * @return the rates
     */
    static ShippingRates none() {
        return request -> Map.of();
    }

    /**
     * One flat charge per seller parcel.
     *
     * @param perSeller the charge, not negative
     * @return the rates
     */
    static ShippingRates flatPerSeller(MonetaryAmount perSeller) {
        long flat = requireNotNegative(perSeller, "perSeller");
        return request -> {
            Map<String, MonetaryAmount> charges = new LinkedHashMap<>();
            for (CartPricingRequest.Line line : request.lines()) {
                charges.put(line.sku().sellerId(), amount(flat, perSeller, request.currency()));
            }
            return charges;
        };
    }

    /**
     * First-weight and additional-weight pricing (首重/续重) per seller parcel: the parcel weighs
     * the sum of its units' catalog weights; up to {@code firstGrams} costs {@code firstPrice},
     * and every started {@code stepGrams} beyond costs {@code stepPrice}.
     *
     * @param firstGrams the weight covered by the first price, positive
     * @param firstPrice the price of the first weight, not negative
     * @param stepGrams the additional-weight step, positive
     * @param stepPrice the price per started step, not negative
     * @return the rates
     */
    static ShippingRates byWeight(long firstGrams, MonetaryAmount firstPrice, long stepGrams, MonetaryAmount stepPrice) {
        if (firstGrams <= 0 || stepGrams <= 0) {
            throw new InvalidInputException("grams", firstGrams + "/" + stepGrams, "must be positive");
        }
        long first = requireNotNegative(firstPrice, "firstPrice");
        long step = requireNotNegative(stepPrice, "stepPrice");
        if (!firstPrice.getCurrency().equals(stepPrice.getCurrency())) {
            throw new dev.mercato.pricing.money.CurrencyMismatchException(firstPrice.getCurrency(), stepPrice.getCurrency());
        }
        return request -> {
            Map<String, Long> grams = new LinkedHashMap<>();
            for (CartPricingRequest.Line line : request.lines()) {
                grams.merge(line.sku().sellerId(), Math.multiplyExact(line.sku().weightGrams(), line.quantity()), Math::addExact);
            }
            Map<String, MonetaryAmount> charges = new LinkedHashMap<>();
            grams.forEach((seller, weight) -> {
                long steps = weight <= firstGrams ? 0 : (weight - firstGrams + stepGrams - 1) / stepGrams;
                long charge = Math.addExact(first, Math.multiplyExact(steps, step));
                charges.put(seller, amount(charge, firstPrice, request.currency()));
            });
            return charges;
        };
    }

    private static long requireNotNegative(MonetaryAmount amount, String field) {
        InvalidInputException.requireNonNull(amount, field);
        long minor = MinorUnits.toMinor(amount);
        if (minor < 0) {
            throw new InvalidAmountException(field + " " + amount, "must not be negative");
        }
        return minor;
    }

    private static MonetaryAmount amount(long minor, MonetaryAmount configured, CurrencyUnit cartCurrency) {
        if (!configured.getCurrency().equals(cartCurrency)) {
            throw new dev.mercato.pricing.money.CurrencyMismatchException(cartCurrency, configured.getCurrency());
        }
        return MinorUnits.toAmount(minor, cartCurrency);
    }
}
