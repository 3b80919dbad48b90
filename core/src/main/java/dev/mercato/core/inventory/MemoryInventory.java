package dev.mercato.core.inventory;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory inventory; every method holds the object's monitor, which is what rules out overselling. */
final class MemoryInventory implements InMemoryInventory {
    private final WarehouseChoice choice;
    private final Map<WarehouseId, Warehouse> warehouses = new HashMap<>();
    /** Stock per SKU, then per warehouse in id order. */
    private final Map<SkuId, TreeMap<WarehouseId, StockLevel>> stock = new HashMap<>();
    private final Map<ReservationId, Held> reservations = new HashMap<>();

    /** A reservation with the request it answered (to recognise replays) and the parcels committed. */
    private record Held(ReservationRequest request, Reservation reservation, java.util.Set<String> parcels) {}

    MemoryInventory(WarehouseChoice choice) {
        this.choice = InvalidInputException.requireNonNull(choice, "choice");
    }

    @Override
    public synchronized InMemoryInventory addWarehouse(Warehouse warehouse) {
        InvalidInputException.requireNonNull(warehouse, "warehouse");
        warehouses.put(warehouse.id(), warehouse);
        for (TreeMap<WarehouseId, StockLevel> levels : stock.values()) {
            levels.computeIfPresent(warehouse.id(),
                    (id, s) -> new StockLevel(warehouse, s.sku(), s.onHand(), s.reserved(), s.safetyStock()));
        }
        return this;
    }

    @Override
    public synchronized InMemoryInventory setStock(WarehouseId warehouse, SkuId sku, long onHand, long safetyStock) {
        InvalidInputException.requireNonNull(warehouse, "warehouse");
        InvalidInputException.requireNonNull(sku, "sku");
        Warehouse known = warehouses.get(warehouse);
        if (known == null) {
            throw new InvalidInputException("warehouse", warehouse, "is not a known warehouse; add it first");
        }
        TreeMap<WarehouseId, StockLevel> levels = stock.computeIfAbsent(sku, s -> new TreeMap<>());
        long reserved = levels.containsKey(warehouse) ? levels.get(warehouse).reserved() : 0;
        levels.put(warehouse, new StockLevel(known, sku, onHand, reserved, safetyStock));
        return this;
    }

    @Override
    public synchronized ReservationResult reserve(ReservationRequest request) {
        InvalidInputException.requireNonNull(request, "request");
        Held earlier = reservations.get(request.id());
        if (earlier != null) {
            if (earlier.reservation().status() == Reservation.Status.RELEASED) {
                throw new ReservationStateException(request.id(), Reservation.Status.RELEASED, "reserve again");
            }
            if (!earlier.request().equals(request)) {
                throw new InvalidInputException("request", request,
                        "reuses reservation id " + request.id() + " for different items");
            }
            return new ReservationResult.Reserved(earlier.reservation());
        }
        List<Reservation.Pick> picks = new ArrayList<>();
        for (ReservationRequest.Item item : request.items()) {
            List<StockLevel> candidates = levels(item.sku()).stream().filter(s -> s.available() > 0).toList();
            long remaining = item.quantity();
            for (StockLevel level : choice.rank(item.sku(), item.quantity(), request.destinationRegion(), candidates)) {
                if (remaining == 0) {
                    break;
                }
                long take = Math.min(remaining, current(level).available());
                if (take > 0) {
                    picks.add(new Reservation.Pick(item.sku(), level.warehouse().id(), take));
                    remaining -= take;
                }
            }
            if (remaining > 0) {
                long available = candidates.stream().mapToLong(StockLevel::available).sum();
                return new ReservationResult.Insufficient(item.sku(), item.quantity(), available);
            }
        }
        for (Reservation.Pick pick : picks) {
            adjustStock(pick, 0, pick.quantity());
        }
        Reservation reservation = new Reservation(request.id(), picks, List.of(), Reservation.Status.HELD);
        reservations.put(request.id(), new Held(request, reservation, java.util.Set.of()));
        return new ReservationResult.Reserved(reservation);
    }

    @Override
    public synchronized List<Reservation.Pick> plan(List<ReservationRequest.Item> items, Optional<String> destinationRegion) {
        InvalidInputException.requireNonNull(items, "items");
        InvalidInputException.requireNonNull(destinationRegion, "destinationRegion");
        return Plans.plan(choice, this::levels, items, destinationRegion);
    }

    /** The level as stored now; a choice may hand back copies. */
    private StockLevel current(StockLevel level) {
        return stock.get(level.sku()).get(level.warehouse().id());
    }

    private List<StockLevel> levels(SkuId sku) {
        TreeMap<WarehouseId, StockLevel> levels = stock.get(sku);
        return levels == null ? List.of() : List.copyOf(levels.values());
    }


    @Override
    public synchronized Optional<Reservation> commit(ReservationId id, String parcelKey, List<ReservationRequest.Item> items) {
        return commitFrom(id, parcelKey, Optional.empty(), items);
    }

    @Override
    public synchronized Optional<Reservation> commit(ReservationId id, String parcelKey, WarehouseId from,
            List<ReservationRequest.Item> items) {
        return commitFrom(id, parcelKey, Optional.of(InvalidInputException.requireNonNull(from, "from")), items);
    }

    private Optional<Reservation> commitFrom(ReservationId id, String parcelKey, Optional<WarehouseId> from,
            List<ReservationRequest.Item> items) {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(parcelKey, "parcelKey");
        InvalidInputException.requireNonNull(items, "items");
        Held held = reservations.get(id);
        if (held == null) {
            return Optional.empty();
        }
        Reservation reservation = held.reservation();
        if (held.parcels().contains(parcelKey)) {
            return Optional.of(reservation);
        }
        if (reservation.status() != Reservation.Status.HELD) {
            throw new ReservationStateException(id, reservation.status(), "commit");
        }
        for (ReservationRequest.Item item : items) {
            long still = from.isPresent() ? heldIn(reservation, item.sku(), from.get()) : reservation.heldOf(item.sku());
            if (item.quantity() > still) {
                throw new InvalidInputException("items", item, "exceed the " + still + " units of " + item.sku()
                        + " still held by reservation " + id + from.map(w -> " in warehouse " + w).orElse(""));
            }
        }
        List<Reservation.Pick> shipped = new ArrayList<>(reservation.shipped());
        for (ReservationRequest.Item item : items) {
            long remaining = item.quantity();
            for (Reservation.Pick pick : reservation.picks()) {
                if (remaining == 0 || !pick.sku().equals(item.sku())
                        || from.isPresent() && !from.get().equals(pick.warehouse())) {
                    continue;
                }
                long alreadyFromPick = shipped.stream().filter(s -> s.sku().equals(pick.sku())
                        && s.warehouse().equals(pick.warehouse())).mapToLong(Reservation.Pick::quantity).sum();
                long take = Math.min(remaining, pick.quantity() - alreadyFromPick);
                if (take > 0) {
                    Reservation.Pick part = new Reservation.Pick(pick.sku(), pick.warehouse(), take);
                    adjustStock(part, -take, -take);
                    shipped.add(part);
                    remaining -= take;
                }
            }
        }
        Reservation partly = new Reservation(id, reservation.picks(), merge(shipped), Reservation.Status.HELD);
        boolean allShipped = partly.picks().stream().map(Reservation.Pick::sku).distinct()
                .allMatch(sku -> partly.heldOf(sku) == 0);
        Reservation next = allShipped
                ? new Reservation(id, partly.picks(), partly.shipped(), Reservation.Status.COMMITTED) : partly;
        java.util.Set<String> parcels = new java.util.HashSet<>(held.parcels());
        parcels.add(parcelKey);
        reservations.put(id, new Held(held.request(), next, java.util.Set.copyOf(parcels)));
        return Optional.of(next);
    }

    private static long heldIn(Reservation reservation, SkuId sku, WarehouseId warehouse) {
        long picked = reservation.picks().stream().filter(p -> p.sku().equals(sku) && p.warehouse().equals(warehouse))
                .mapToLong(Reservation.Pick::quantity).sum();
        long shipped = reservation.shipped().stream().filter(p -> p.sku().equals(sku) && p.warehouse().equals(warehouse))
                .mapToLong(Reservation.Pick::quantity).sum();
        return picked - shipped;
    }

    /** Sums shipped picks per SKU and warehouse, in first-seen order. */
    private static List<Reservation.Pick> merge(List<Reservation.Pick> picks) {
        Map<List<Object>, Long> sums = new java.util.LinkedHashMap<>();
        for (Reservation.Pick p : picks) {
            sums.merge(List.of(p.sku(), p.warehouse()), p.quantity(), Long::sum);
        }
        List<Reservation.Pick> merged = new ArrayList<>();
        sums.forEach((k, q) -> merged.add(new Reservation.Pick((SkuId) k.get(0), (WarehouseId) k.get(1), q)));
        return merged;
    }

    @Override
    public synchronized Optional<Reservation> commit(ReservationId id) {
        InvalidInputException.requireNonNull(id, "id");
        Held held = reservations.get(id);
        if (held == null) {
            return Optional.empty();
        }
        Reservation reservation = held.reservation();
        if (reservation.status() == Reservation.Status.COMMITTED) {
            return Optional.of(reservation);
        }
        if (reservation.status() != Reservation.Status.HELD) {
            throw new ReservationStateException(id, reservation.status(), "commit");
        }
        List<ReservationRequest.Item> rest = new ArrayList<>();
        reservation.picks().stream().map(Reservation.Pick::sku).distinct().forEach(sku -> {
            if (reservation.heldOf(sku) > 0) {
                rest.add(new ReservationRequest.Item(sku, reservation.heldOf(sku)));
            }
        });
        return commit(id, "\u0000all", rest);
    }

    @Override
    public synchronized Optional<Reservation> release(ReservationId id) {
        InvalidInputException.requireNonNull(id, "id");
        Held held = reservations.get(id);
        if (held == null) {
            return Optional.empty();
        }
        Reservation reservation = held.reservation();
        if (reservation.status() == Reservation.Status.RELEASED) {
            return Optional.of(reservation);
        }
        if (reservation.status() != Reservation.Status.HELD) {
            throw new ReservationStateException(id, reservation.status(), "release");
        }
        for (Reservation.Pick pick : reservation.picks()) {
            long shippedFromPick = reservation.shipped().stream().filter(s -> s.sku().equals(pick.sku())
                    && s.warehouse().equals(pick.warehouse())).mapToLong(Reservation.Pick::quantity).sum();
            long stillHeld = pick.quantity() - shippedFromPick;
            if (stillHeld > 0) {
                adjustStock(new Reservation.Pick(pick.sku(), pick.warehouse(), stillHeld), 0, -stillHeld);
            }
        }
        Reservation released = new Reservation(id, reservation.picks(), reservation.shipped(), Reservation.Status.RELEASED);
        reservations.put(id, new Held(held.request(), released, held.parcels()));
        return Optional.of(released);
    }

    private void adjustStock(Reservation.Pick pick, long onHandDelta, long reservedDelta) {
        TreeMap<WarehouseId, StockLevel> levels = stock.get(pick.sku());
        StockLevel s = levels.get(pick.warehouse());
        // On-hand can only go below zero if the host lowered stock under a hold; clamp rather than corrupt.
        levels.put(pick.warehouse(), new StockLevel(s.warehouse(), s.sku(), Math.max(0, s.onHand() + onHandDelta),
                Math.max(0, s.reserved() + reservedDelta), s.safetyStock()));
    }

    @Override
    public synchronized Optional<Reservation> find(ReservationId id) {
        InvalidInputException.requireNonNull(id, "id");
        return Optional.ofNullable(reservations.get(id)).map(Held::reservation);
    }

    @Override
    public synchronized List<StockLevel> stock(SkuId sku) {
        InvalidInputException.requireNonNull(sku, "sku");
        return levels(sku);
    }
}
