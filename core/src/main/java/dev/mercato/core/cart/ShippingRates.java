package dev.mercato.core.cart;

import dev.mercato.core.fulfilment.Packing;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.Carrier;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * What each seller charges to ship its part of a cart, before shipping promotions (the pricing
 * port applies free-shipping rules and shipping coupons to these charges), or why it cannot ship
 * to the request's destination. Implementations are thread-safe and change nothing.
 */
@FunctionalInterface
public interface ShippingRates {
    /**
     * The shipping charge per seller.
     *
     * @param request the cart to ship (its lines carry the SKUs' weights and sizes) and its destination, if known
     * @return a charge per seller of the cart, in the cart's currency (sellers left out ship free),
     *     or the refusal of a seller's part that cannot ship
     */
    ShippingCharges charges(CartPricingRequest request);

    /**
     * Free shipping for everyone: the default.
     *
     * @return the rates
     */
    static ShippingRates none() {
        return request -> ShippingCharges.Charged.of(Map.of());
    }

    /**
     * Carrier quotes: each seller's units are planned on the inventory's warehouses as a
     * reservation would draw them now ({@link Inventory#plan}); the units one warehouse ships for
     * one seller make one parcel, packed by {@code packing} (the same packing fulfilment books the
     * parcel with); each parcel is quoted by the carrier from the warehouse's address to the
     * destination address for {@code service}; a seller's charge is exactly the sum of its
     * parcels' quotes and its promise that of its slowest parcel. Units that weigh nothing and
     * have no size (digital goods, services) do not ship and are not quoted.
     *
     * <p>A cart without a destination address, a SKU no warehouse carries, a route the carrier does
     * not serve or a service it does not offer there is a {@link ShippingCharges.Unshippable}
     * refusal, never a free shipment. A quote in another currency than the cart's, or with more
     * decimals than the currency has, throws {@link dev.mercato.pricing.money.CurrencyMismatchException}
     * or {@link InvalidAmountException}; a warehouse without an address throws {@link
     * InvalidInputException}; an unreachable carrier's {@link
     * dev.mercato.logistics.CarrierUnavailableException} passes through.
     *
     * @param carrier the carrier that quotes
     * @param service the service level the shop ships with
     * @param inventory where the units are planned
     * @param origins each warehouse's address, by warehouse id
     * @param packing how a parcel's units become the box the carrier is told about
     * @return the rates
     */
    static ShippingRates quoted(Carrier carrier, ServiceLevel service, Inventory inventory,
            Map<WarehouseId, Address> origins, Packing packing) {
        InvalidInputException.requireNonNull(carrier, "carrier");
        InvalidInputException.requireNonNull(service, "service");
        InvalidInputException.requireNonNull(inventory, "inventory");
        InvalidInputException.requireNonNull(packing, "packing");
        return new QuotedShippingRates(carrier, service, inventory,
                Map.copyOf(InvalidInputException.requireNonNull(origins, "origins")), packing);
    }

    /**
     * {@link #quoted(Carrier, ServiceLevel, Inventory, Map, Packing)} with {@link Packing#standard()},
     * the facade's default packing.
     *
     * @param carrier the carrier that quotes
     * @param service the service level the shop ships with
     * @param inventory where the units are planned
     * @param origins each warehouse's address, by warehouse id
     * @return the rates
     */
    static ShippingRates quoted(Carrier carrier, ServiceLevel service, Inventory inventory,
            Map<WarehouseId, Address> origins) {
        return quoted(carrier, service, inventory, origins, Packing.standard());
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
            return ShippingCharges.Charged.of(charges);
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
            return ShippingCharges.Charged.of(charges);
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
