package dev.mercato.core.cart;

import dev.mercato.core.catalog.Dimensions;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.fulfilment.Packing;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Reservation;
import dev.mercato.core.inventory.ReservationRequest;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.Carrier;
import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Shipping charges quoted by a carrier, one parcel per seller and warehouse, packed as the
 * fulfilment packs it so the parcel quoted is the parcel booked.
 */
final class QuotedShippingRates implements ShippingRates {
    private final Carrier carrier;
    private final ServiceLevel service;
    private final Inventory inventory;
    private final Map<WarehouseId, Address> origins;
    private final Packing packing;

    QuotedShippingRates(Carrier carrier, ServiceLevel service, Inventory inventory, Map<WarehouseId, Address> origins,
            Packing packing) {
        this.carrier = carrier;
        this.service = service;
        this.inventory = inventory;
        this.origins = origins;
        this.packing = packing;
    }

    /** Digital goods and services weigh nothing and have no size: they do not ship. */
    static boolean ships(Sku sku) {
        return sku.weightGrams() > 0 || !sku.size().equals(Dimensions.NONE);
    }

    @Override
    public ShippingCharges charges(CartPricingRequest request) {
        InvalidInputException.requireNonNull(request, "request");
        // The seller's physical units, in cart order.
        Map<String, Map<SkuId, Sku>> skusBySeller = new LinkedHashMap<>();
        Map<String, Map<SkuId, Long>> unitsBySeller = new LinkedHashMap<>();
        for (CartPricingRequest.Line line : request.lines()) {
            if (!ships(line.sku())) {
                continue;
            }
            String seller = line.sku().sellerId();
            skusBySeller.computeIfAbsent(seller, s -> new LinkedHashMap<>()).put(line.sku().id(), line.sku());
            unitsBySeller.computeIfAbsent(seller, s -> new LinkedHashMap<>()).merge(line.sku().id(), line.quantity(),
                    Math::addExact);
        }
        if (unitsBySeller.isEmpty()) {
            return ShippingCharges.Charged.of(Map.of());
        }
        if (request.destination().isEmpty()) {
            return refuse(unitsBySeller.keySet().iterator().next(), ShippingRefusal.Reason.NO_DESTINATION,
                    "no delivery address was given; carrier quotes need one");
        }
        Destination destination = request.destination().get();
        Map<String, SellerShipping> bySeller = new LinkedHashMap<>();
        for (Map.Entry<String, Map<SkuId, Long>> seller : unitsBySeller.entrySet()) {
            List<ReservationRequest.Item> items = seller.getValue().entrySet().stream()
                    .map(e -> new ReservationRequest.Item(e.getKey(), e.getValue())).toList();
            List<Reservation.Pick> picks = inventory.plan(items, Optional.of(destination.region()));
            Map<SkuId, Long> planned = picks.stream()
                    .collect(Collectors.groupingBy(Reservation.Pick::sku, Collectors.summingLong(Reservation.Pick::quantity)));
            for (ReservationRequest.Item item : items) {
                if (planned.getOrDefault(item.sku(), 0L) < item.quantity()) {
                    return refuse(seller.getKey(), ShippingRefusal.Reason.NO_ORIGIN,
                            "no warehouse carries SKU " + item.sku() + ", so there is no origin to quote from");
                }
            }
            Map<WarehouseId, Map<Sku, Long>> parcels = new TreeMap<>(Comparator.comparing(WarehouseId::value));
            for (Reservation.Pick pick : picks) {
                Sku sku = skusBySeller.get(seller.getKey()).get(pick.sku());
                parcels.computeIfAbsent(pick.warehouse(), w -> new LinkedHashMap<>()).merge(sku, pick.quantity(),
                        Math::addExact);
            }
            Optional<ShippingRefusal> refusal = quoteSeller(seller.getKey(), parcels, destination, request, bySeller);
            if (refusal.isPresent()) {
                return new ShippingCharges.Unshippable(refusal.get());
            }
        }
        return new ShippingCharges.Charged(bySeller);
    }

    /** Quotes the seller's parcels into {@code bySeller}, or tells why they cannot ship. */
    private Optional<ShippingRefusal> quoteSeller(String seller, Map<WarehouseId, Map<Sku, Long>> parcels,
            Destination destination, CartPricingRequest request, Map<String, SellerShipping> bySeller) {
        List<SellerShipping.ParcelQuote> quotes = new ArrayList<>();
        long charge = 0;
        Optional<DeliveryPromise> slowest = Optional.empty();
        for (Map.Entry<WarehouseId, Map<Sku, Long>> parcel : parcels.entrySet()) {
            WarehouseId warehouse = parcel.getKey();
            Address origin = origins.get(warehouse);
            if (origin == null) {
                throw new InvalidInputException("origins", warehouse,
                        "has no address for warehouse " + warehouse.value() + ", which ships " + seller + "'s units");
            }
            List<Packing.Units> units = new ArrayList<>();
            parcel.getValue().forEach((sku, quantity) -> units.add(
                    new Packing.Units(sku.id(), quantity, sku.weightGrams(), sku.size())));
            QuoteRequest quoteRequest = new QuoteRequest(origin, destination.address(), packing.pack(units),
                    request.currency(), request.at());
            QuoteOutcome outcome = carrier.quote(quoteRequest);
            if (outcome instanceof QuoteOutcome.Unquotable unquotable) {
                return refusal(seller, ShippingRefusal.Reason.of(unquotable.reason()), carrier.id().value() + ": "
                        + unquotable.detail() + " (parcel from warehouse " + warehouse.value() + ")");
            }
            Optional<Quote> taken = ((QuoteOutcome.Quoted) outcome).forService(service);
            if (taken.isEmpty()) {
                return refusal(seller, ShippingRefusal.Reason.SERVICE_NOT_OFFERED, carrier.id().value() + " offers "
                        + outcome.quotesOrEmpty().stream().map(q -> q.service().name()).toList() + " but not " + service
                        + " from warehouse " + warehouse.value() + " to " + destination.address().city());
            }
            Quote quote = taken.get();
            if (!quote.total().getCurrency().equals(request.currency())) {
                throw new CurrencyMismatchException(request.currency(), quote.total().getCurrency());
            }
            // Exact: a quote with more decimals than the currency has is refused, never rounded.
            charge = Math.addExact(charge, MinorUnits.toMinor(quote.total()));
            quotes.add(new SellerShipping.ParcelQuote(warehouse, quoteRequest, quote));
            if (slowest.isEmpty() || quote.promise().deadline().isAfter(slowest.get().deadline())) {
                slowest = Optional.of(quote.promise());
            }
        }
        bySeller.put(seller, new SellerShipping(MinorUnits.toAmount(charge, request.currency()), quotes, slowest));
        return Optional.empty();
    }

    private static Optional<ShippingRefusal> refusal(String seller, ShippingRefusal.Reason reason, String detail) {
        return Optional.of(new ShippingRefusal(seller, reason, detail));
    }

    private static ShippingCharges.Unshippable refuse(String seller, ShippingRefusal.Reason reason, String detail) {
        return new ShippingCharges.Unshippable(new ShippingRefusal(seller, reason, detail));
    }
}
