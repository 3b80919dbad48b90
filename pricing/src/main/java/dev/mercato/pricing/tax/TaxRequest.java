package dev.mercato.pricing.tax;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.Discount;
import dev.mercato.pricing.promotion.LineResult;
import dev.mercato.pricing.promotion.PricingResult;
import dev.mercato.pricing.promotion.SellerResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * What to tax: the lines and parcels of one order in one region at one instant.
 *
 * @param currency the currency of every amount
 * @param region the region code
 * @param at the instant whose rates apply (usually the order's pricing instant)
 * @param lines the lines, distinct ids
 * @param shipping the parcels' shipping charges after shipping discounts (their category is the
 *     region's shipping category; ignored where shipping is not taxed)
 */
public record TaxRequest(CurrencyUnit currency, String region, Instant at, List<TaxLine> lines, List<TaxLine> shipping) {

    /** The id prefix of shipping lines made by {@link #fromPricing}. */
    public static final String SHIPPING_PREFIX = "shipping:";

    /**
     * Validates the request.
     *
     * @throws InvalidInputException if a value is missing or ids repeat
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if an amount is in another currency
     */
    public TaxRequest {
        InvalidInputException.requireNonNull(currency, "currency");
        InvalidInputException.requireNonNull(region, "region");
        InvalidInputException.requireNonNull(at, "at");
        lines = List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
        shipping = List.copyOf(InvalidInputException.requireNonNull(shipping, "shipping"));
        Set<String> ids = new HashSet<>();
        for (List<TaxLine> list : List.of(lines, shipping)) {
            for (TaxLine line : list) {
                MinorUnits.requireCurrency(line.amount(), currency);
                MinorUnits.requireCurrency(line.platformFunded(), currency);
                if (!ids.add(line.id())) {
                    throw new InvalidInputException("lines.id", line.id(), "is used by more than one line");
                }
            }
        }
    }

    /**
     * The request for a priced order: each line's final amount (and the platform-funded part of
     * its discounts), and each seller's shipping after shipping discounts.
     *
     * @param result the priced order
     * @param region the region code
     * @param at the instant whose rates apply
     * @param taxCategory the tax category of a line (for example from the product catalogue)
     * @return the request
     */
    public static TaxRequest fromPricing(PricingResult result, String region, Instant at,
            Function<LineResult, String> taxCategory) {
        InvalidInputException.requireNonNull(result, "result");
        InvalidInputException.requireNonNull(taxCategory, "taxCategory");
        CurrencyUnit currency = result.currency();
        List<TaxLine> lines = new ArrayList<>();
        for (LineResult line : result.lines()) {
            lines.add(new TaxLine(line.lineId(), taxCategory.apply(line), line.finalAmount(),
                    platformPart(line.discounts(), currency)));
        }
        List<TaxLine> shipping = new ArrayList<>();
        for (SellerResult seller : result.sellers()) {
            if (seller.shipping().isPositive()) {
                shipping.add(new TaxLine(SHIPPING_PREFIX + seller.seller(), "shipping",
                        seller.shipping().subtract(seller.shippingDiscount()),
                        platformPart(seller.shippingDiscounts(), currency)));
            }
        }
        return new TaxRequest(currency, region, at, lines, shipping);
    }

    private static MonetaryAmount platformPart(List<Discount> discounts, CurrencyUnit currency) {
        long platform = 0;
        for (Discount d : discounts) {
            platform = dev.mercato.pricing.money.Exact.add(platform, MinorUnits.toMinor(d.platformFunded()));
        }
        return MinorUnits.toAmount(platform, currency);
    }
}
