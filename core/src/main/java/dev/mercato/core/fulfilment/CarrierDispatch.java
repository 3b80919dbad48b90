package dev.mercato.core.fulfilment;

import dev.mercato.core.order.Shipment;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to ship through the carrier: which units of an order, to where, with which service.
 * Immutable and thread-safe.
 *
 * <p>{@code key} is the caller's idempotency key for this command, unique within the order. Each
 * parcel's {@link dev.mercato.logistics.ShipmentRequestId} is derived from the order, the key and
 * the warehouse, so a retried command (same key, same content) books nothing twice and returns
 * the first parcels; the same key with other content is rejected.
 *
 * <p>{@code destination} is where the buyer receives the goods: empty for the address the order
 * was checked out to ({@link dev.mercato.core.order.OrderFacts#destination()}); given, it
 * overrides it (an order checked out with a region only, or a corrected address).
 *
 * @param key the caller's key, 1 to 40 characters of {@code [A-Za-z0-9._:-]}
 * @param destination the buyer's address, or empty for the order's
 * @param service the carrier service to book
 * @param items the units to ship; empty for every unit not shipped yet
 */
public record CarrierDispatch(String key, Optional<Address> destination, ServiceLevel service,
        List<Shipment.Item> items) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,40}");

    /** Validates the fields. */
    public CarrierDispatch {
        InvalidInputException.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("key", "\"" + key + "\"", "must be 1 to 40 characters of [A-Za-z0-9._:-]");
        }
        InvalidInputException.requireNonNull(destination, "destination");
        InvalidInputException.requireNonNull(service, "service");
        items = List.copyOf(InvalidInputException.requireNonNull(items, "items"));
        if (items.stream().map(Shipment.Item::lineNo).distinct().count() != items.size()) {
            throw new InvalidInputException("items", items, "must name each line at most once");
        }
    }

    /**
     * Ships every unit not shipped yet to the address the order was checked out to, in as many
     * parcels as warehouses hold them.
     *
     * @param key the caller's key
     * @param service the service
     * @return the dispatch
     */
    public static CarrierDispatch everything(String key, ServiceLevel service) {
        return new CarrierDispatch(key, Optional.empty(), service, List.of());
    }

    /**
     * Ships every unit not shipped yet to a given address.
     *
     * @param key the caller's key
     * @param destination the buyer's address
     * @param service the service
     * @return the dispatch
     */
    public static CarrierDispatch everything(String key, Address destination, ServiceLevel service) {
        return new CarrierDispatch(key, Optional.of(InvalidInputException.requireNonNull(destination, "destination")),
                service, List.of());
    }

    /**
     * Ships some units to the address the order was checked out to.
     *
     * @param key the caller's key
     * @param service the service
     * @param items the units, at least one
     * @return the dispatch
     */
    public static CarrierDispatch units(String key, ServiceLevel service, List<Shipment.Item> items) {
        InvalidInputException.requireNonNull(items, "items");
        if (items.isEmpty()) {
            throw new InvalidInputException("items", items, "must not be empty; use everything(...) to ship all");
        }
        return new CarrierDispatch(key, Optional.empty(), service, items);
    }
}
