package dev.mercato.core.inventory;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides which warehouses a reservation draws from, in order of preference. The inventory
 * takes as many units as it can from the first, then the next, and so on. Implementations are
 * pure and thread-safe.
 */
@FunctionalInterface
public interface WarehouseChoice {
    /**
     * Orders the warehouses that have the SKU available.
     *
     * @param sku the SKU
     * @param quantity the units wanted
     * @param destinationRegion where the goods go, if known
     * @param candidates the stock of that SKU per warehouse, each with some available units
     * @return the candidates in order of preference; candidates left out are not used
     */
    List<StockLevel> rank(SkuId sku, long quantity, Optional<String> destinationRegion, List<StockLevel> candidates);

    /**
     * The nearest warehouse first, by a distance between region codes; ties go to the warehouse
     * with more available units, then to the smaller id. Without a destination, the best
     * warehouse comes first.
     *
     * @param distance the distance between two regions, not negative, pure
     * @return the choice
     */
    static WarehouseChoice nearest(RegionDistance distance) {
        InvalidInputException.requireNonNull(distance, "distance");
        return (sku, quantity, destination, candidates) -> {
            if (destination.isEmpty()) {
                return best().rank(sku, quantity, destination, candidates);
            }
            String to = destination.get();
            return candidates.stream()
                    .sorted(Comparator.comparingLong((StockLevel s) -> distance.between(s.warehouse().region(), to))
                            .thenComparing(Comparator.comparingLong(StockLevel::available).reversed())
                            .thenComparing(s -> s.warehouse().id()))
                    .toList();
        };
    }

    /**
     * The best warehouse first: one that can ship the whole quantity alone (so the order ships
     * in one parcel), then the most available units, then the smaller id.
     *
     * @return the choice
     */
    static WarehouseChoice best() {
        return (sku, quantity, destination, candidates) -> candidates.stream()
                .sorted(Comparator.comparing((StockLevel s) -> s.available() < quantity)
                        .thenComparing(Comparator.comparingLong(StockLevel::available).reversed())
                        .thenComparing(s -> s.warehouse().id()))
                .toList();
    }

    /** A distance between two region codes. */
    @FunctionalInterface
    interface RegionDistance {
        /**
         * How far apart two regions are.
         *
         * @param from the warehouse's region
         * @param to the destination region
         * @return a non-negative distance in any unit; 0 for the same region
         */
        long between(String from, String to);

        /**
         * Same region 0, any other 1.
         *
         * @return the distance
         */
        static RegionDistance sameRegionFirst() {
            return (from, to) -> from.equals(to) ? 0 : 1;
        }
    }
}
