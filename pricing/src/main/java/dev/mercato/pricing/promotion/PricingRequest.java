package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Everything the engine prices: the lines of a cart, the buyer, the instant, the shipping charge
 * per seller and the caps the caller tracks. Every amount must be in {@link #currency()}.
 * The order of the lines does not matter: the engine sorts them canonically (seller, SKU, line
 * id). Immutable and thread-safe.
 *
 * @param currency the currency of every amount
 * @param lines the lines, at least one, with distinct line ids
 * @param buyer the buyer
 * @param at the pricing instant, checked against promotion windows
 * @param shipping the shipping charge per seller; a seller without an entry ships free
 * @param caps the caps the caller tracks
 */
public record PricingRequest(CurrencyUnit currency, List<PricingLine> lines, BuyerContext buyer, Instant at,
        Map<String, MonetaryAmount> shipping, RemainingCaps caps) {

    /**
     * Validates the request.
     *
     * @throws InvalidInputException if a value is missing, there are no lines, a line id repeats,
     *     or shipping is negative or names a seller without lines
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if an amount is in another currency
     */
    public PricingRequest {
        InvalidInputException.requireNonNull(currency, "currency");
        MinorUnits.scale(currency);
        lines = List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", "[]", "must contain at least one line");
        }
        InvalidInputException.requireNonNull(buyer, "buyer");
        InvalidInputException.requireNonNull(at, "at");
        shipping = Map.copyOf(InvalidInputException.requireNonNull(shipping, "shipping"));
        InvalidInputException.requireNonNull(caps, "caps");
        Set<String> ids = new HashSet<>();
        Set<String> sellers = new HashSet<>();
        for (PricingLine line : lines) {
            InvalidInputException.requireNonNull(line, "lines[]");
            if (!ids.add(line.lineId())) {
                throw new InvalidInputException("lines.lineId", line.lineId(), "is used by more than one line");
            }
            sellers.add(line.seller());
            MinorUnits.requireCurrency(line.listUnitPrice(), currency);
            for (PriceLevel level : line.priceLevels()) {
                MinorUnits.requireCurrency(level.unitPrice(), currency);
            }
        }
        for (Map.Entry<String, MonetaryAmount> e : shipping.entrySet()) {
            MinorUnits.requireCurrency(e.getValue(), currency);
            if (e.getValue().isNegative()) {
                throw new InvalidInputException("shipping." + e.getKey(), e.getValue(), "must not be negative");
            }
            if (!sellers.contains(e.getKey())) {
                throw new InvalidInputException("shipping", e.getKey(), "names a seller without lines in the request");
            }
        }
        for (Map.Entry<String, MonetaryAmount> e : caps.budgetLeft().entrySet()) {
            MinorUnits.requireCurrency(e.getValue(), currency);
        }
    }

    /**
     * A request with an anonymous buyer, no shipping and no caps.
     *
     * @param currency the currency
     * @param at the pricing instant
     * @param lines the lines
     * @return the request
     */
    public static PricingRequest of(CurrencyUnit currency, Instant at, List<PricingLine> lines) {
        return new PricingRequest(currency, lines, BuyerContext.anonymous(), at, Map.of(), RemainingCaps.none());
    }

    /**
     * This request for another buyer.
     *
     * @param newBuyer the buyer
     * @return a new request
     */
    public PricingRequest withBuyer(BuyerContext newBuyer) {
        return new PricingRequest(currency, lines, newBuyer, at, shipping, caps);
    }

    /**
     * This request with shipping charges per seller.
     *
     * @param charges the charges
     * @return a new request
     */
    public PricingRequest withShipping(Map<String, MonetaryAmount> charges) {
        return new PricingRequest(currency, lines, buyer, at, charges, caps);
    }

    /**
     * This request with caller-tracked caps.
     *
     * @param newCaps the caps
     * @return a new request
     */
    public PricingRequest withCaps(RemainingCaps newCaps) {
        return new PricingRequest(currency, lines, buyer, at, shipping, newCaps);
    }

    /**
     * This request with other lines.
     *
     * @param newLines the lines
     * @return a new request
     */
    public PricingRequest withLines(List<PricingLine> newLines) {
        return new PricingRequest(currency, newLines, buyer, at, shipping, caps);
    }
}
