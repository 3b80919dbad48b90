package dev.mercato.core.fulfilment;

import dev.mercato.core.order.Shipment;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
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
 * <p>{@code destination} is where the buyer receives the goods. Until orders carry the buyer's
 * address from checkout, the command takes it here.
 *
 * @param key the caller's key, 1 to 40 characters of {@code [A-Za-z0-9._:-]}
 * @param destination the buyer's address
 * @param service the carrier service to book
 * @param items the units to ship; empty for every unit not shipped yet
 */
public record CarrierDispatch(String key, Address destination, ServiceLevel service, List<Shipment.Item> items) {
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
     * Ships every unit not shipped yet, in as many parcels as warehouses hold them.
     *
     * @param key the caller's key
     * @param destination the buyer's address
     * @param service the service
     * @return the dispatch
     */
    public static CarrierDispatch everything(String key, Address destination, ServiceLevel service) {
        return new CarrierDispatch(key, destination, service, List.of());
    }
}
