package dev.mercato.core.cart;

import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * What one seller charges to ship its part of a cart, before shipping promotions, and how it
 * was computed.
 *
 * <p>Invariant: when {@code parcels} is not empty, {@code charge} is exactly the sum of the
 * parcels' quoted totals.
 *
 * @param charge the charge, not negative
 * @param parcels the carrier-quoted parcels the charge adds up; empty for table rates
 * @param promise when the seller's last parcel arrives; empty when the rates make no promise
 */
public record SellerShipping(MonetaryAmount charge, List<ParcelQuote> parcels, Optional<DeliveryPromise> promise) {
    /** Validates the invariant and copies the parcels. */
    public SellerShipping {
        InvalidInputException.requireNonNull(charge, "charge");
        parcels = List.copyOf(InvalidInputException.requireNonNull(parcels, "parcels"));
        InvalidInputException.requireNonNull(promise, "promise");
        long minor = MinorUnits.toMinor(charge);
        if (minor < 0) {
            throw new InvalidAmountException("charge " + charge, "must not be negative");
        }
        if (!parcels.isEmpty()) {
            long sum = 0;
            for (ParcelQuote parcel : parcels) {
                sum = Math.addExact(sum, MinorUnits.toMinor(parcel.quote().total(), charge.getCurrency()));
            }
            if (sum != minor) {
                throw new InvalidAmountException("charge " + charge, "must equal the sum of the parcel quotes ("
                        + MinorUnits.format(sum, charge.getCurrency()) + ")");
            }
        }
    }

    /**
     * A charge without quotes or promise, as table rates compute it.
     *
     * @param charge the charge
     * @return the shipping
     */
    public static SellerShipping of(MonetaryAmount charge) {
        return new SellerShipping(charge, List.of(), Optional.empty());
    }

    /**
     * One explanation line for the buyer: the carrier, service, each parcel and the promise.
     *
     * @param sellerId the seller this shipping is for
     * @return the line, or empty for table rates (the pricing explains those)
     */
    public Optional<String> describe(String sellerId) {
        if (parcels.isEmpty()) {
            return Optional.empty();
        }
        Quote first = parcels.get(0).quote();
        StringBuilder text = new StringBuilder("shipping from ").append(sellerId).append(" quoted by ")
                .append(first.carrier().value()).append(' ').append(first.service()).append(": ")
                .append(MinorUnits.format(MinorUnits.toMinor(charge), charge.getCurrency())).append(" for ")
                .append(parcels.size()).append(parcels.size() == 1 ? " parcel (" : " parcels (");
        for (int i = 0; i < parcels.size(); i++) {
            ParcelQuote parcel = parcels.get(i);
            text.append(i == 0 ? "" : "; ").append("from ").append(parcel.warehouse().value()).append(", ")
                    .append(parcel.request().parcel().weightGrams()).append(" g, chargeable ")
                    .append(parcel.quote().chargeableWeightGrams()).append(" g: ")
                    .append(MinorUnits.format(MinorUnits.toMinor(parcel.quote().total()), charge.getCurrency()));
        }
        text.append(')');
        promise.ifPresent(p -> text.append("; delivery ").append(p.earliest().equals(p.latest())
                ? "on " + p.earliest() : "between " + p.earliest() + " and " + p.latest())
                .append(p.deliverBy().map(t -> " by " + t).orElse("")));
        return Optional.of(text.toString());
    }

    /**
     * One parcel a carrier quoted: the units one warehouse ships for the seller.
     *
     * @param warehouse the warehouse the parcel leaves from
     * @param request what the carrier was asked (origin, destination, parcel, currency, instant)
     * @param quote the quote taken, for the shop's service level
     */
    public record ParcelQuote(WarehouseId warehouse, QuoteRequest request, Quote quote) {
        /** Validates the fields. */
        public ParcelQuote {
            InvalidInputException.requireNonNull(warehouse, "warehouse");
            InvalidInputException.requireNonNull(request, "request");
            InvalidInputException.requireNonNull(quote, "quote");
        }
    }
}
