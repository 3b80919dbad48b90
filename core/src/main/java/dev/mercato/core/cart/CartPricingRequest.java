package dev.mercato.core.cart;

import dev.mercato.core.catalog.Sku;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.RemainingCaps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * What the pricing port is asked to price: a cart's lines with the catalog's current SKUs.
 *
 * @param buyerId the buyer, for buyer-specific prices (member, new user)
 * @param currency the cart's currency
 * @param at the pricing instant (promotion windows)
 * @param lines the lines, numbered from 1 in cart order
 * @param shipping the shipping charge per seller before shipping promotions (see {@link
 *     ShippingRates}); sellers left out ship free
 * @param destination where the cart ships, if known; carrier-quoted rates need it
 * @param caps the promotion caps left for this buyer, as the facade has booked them (see {@link
 *     dev.mercato.core.promotion.PromotionCaps}); {@link RemainingCaps#none()} when none are tracked
 */
public record CartPricingRequest(String buyerId, CurrencyUnit currency, Instant at, List<Line> lines,
        Map<String, MonetaryAmount> shipping, Optional<Destination> destination, RemainingCaps caps) {
    /** Validates the fields and copies the collections. */
    public CartPricingRequest {
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        InvalidInputException.requireNonNull(currency, "currency");
        InvalidInputException.requireNonNull(at, "at");
        lines = List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
        shipping = Map.copyOf(InvalidInputException.requireNonNull(shipping, "shipping"));
        InvalidInputException.requireNonNull(destination, "destination");
        InvalidInputException.requireNonNull(caps, "caps");
    }

    /**
     * A request without tracked promotion caps.
     *
     * @param buyerId the buyer
     * @param currency the cart's currency
     * @param at the pricing instant
     * @param lines the lines
     * @param shipping the charge per seller
     * @param destination where the cart ships, if known
     */
    public CartPricingRequest(String buyerId, CurrencyUnit currency, Instant at, List<Line> lines,
            Map<String, MonetaryAmount> shipping, Optional<Destination> destination) {
        this(buyerId, currency, at, lines, shipping, destination, RemainingCaps.none());
    }

    /**
     * This request with the promotion caps left.
     *
     * @param left the caps left
     * @return a new request
     */
    public CartPricingRequest withCaps(RemainingCaps left) {
        return new CartPricingRequest(buyerId, currency, at, lines, shipping, destination, left);
    }

    /**
     * A request without a destination.
     *
     * @param buyerId the buyer
     * @param currency the cart's currency
     * @param at the pricing instant
     * @param lines the lines
     * @param shipping the charge per seller
     */
    public CartPricingRequest(String buyerId, CurrencyUnit currency, Instant at, List<Line> lines,
            Map<String, MonetaryAmount> shipping) {
        this(buyerId, currency, at, lines, shipping, Optional.empty());
    }

    /**
     * A request without shipping charges.
     *
     * @param buyerId the buyer
     * @param currency the cart's currency
     * @param at the pricing instant
     * @param lines the lines
     */
    public CartPricingRequest(String buyerId, CurrencyUnit currency, Instant at, List<Line> lines) {
        this(buyerId, currency, at, lines, Map.of(), Optional.empty());
    }

    /**
     * This request with shipping charges.
     *
     * @param charges the charge per seller
     * @return a new request
     */
    public CartPricingRequest withShipping(Map<String, MonetaryAmount> charges) {
        return new CartPricingRequest(buyerId, currency, at, lines, charges, destination, caps);
    }

    /**
     * This request shipping to a destination.
     *
     * @param to where the cart ships
     * @return a new request
     */
    public CartPricingRequest withDestination(Destination to) {
        return new CartPricingRequest(buyerId, currency, at, lines, shipping,
                Optional.of(InvalidInputException.requireNonNull(to, "destination")), caps);
    }

    /**
     * One line to price.
     *
     * @param lineNo the line number, from 1
     * @param sku the SKU as the catalog has it now
     * @param quantity units, positive
     */
    public record Line(int lineNo, Sku sku, long quantity) {
        /** Validates the fields. */
        public Line {
            InvalidInputException.requireNonNull(sku, "sku");
            if (quantity <= 0) {
                throw new InvalidInputException("quantity", quantity, "must be positive");
            }
        }
    }
}
