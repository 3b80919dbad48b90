package dev.mercato.core.fulfilment;

import dev.mercato.core.catalog.Dimensions;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.logistics.Parcel;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;

/**
 * Packs the units of one parcel into the box the carrier is told about. Implementations must be
 * deterministic (a retried command must describe the same parcel) and thread-safe.
 */
@FunctionalInterface
public interface Packing {

    /**
     * The parcel for some units.
     *
     * @param units the units, at least one entry
     * @return the parcel
     */
    Parcel pack(List<Units> units);

    /**
     * Units of one SKU in a parcel, with the catalog's unit weight and size.
     *
     * @param sku the SKU
     * @param quantity units, positive
     * @param unitWeightGrams the weight of one unit, zero when the catalog does not know it
     * @param unitSize the packed size of one unit, {@link Dimensions#NONE} when unknown
     */
    record Units(SkuId sku, long quantity, long unitWeightGrams, Dimensions unitSize) {
        /** Validates the fields. */
        public Units {
            InvalidInputException.requireNonNull(sku, "sku");
            if (quantity <= 0) {
                throw new InvalidInputException("quantity", quantity, "must be positive");
            }
            if (unitWeightGrams < 0) {
                throw new InvalidInputException("unitWeightGrams", unitWeightGrams, "must not be negative");
            }
            InvalidInputException.requireNonNull(unitSize, "unitSize");
        }
    }

    /**
     * The default: the catalog weights summed (at least {@code minimumGrams}), in a box as long,
     * wide and high as the largest unit, and at least {@code box}.
     *
     * @param minimumGrams the weight of the packaging, positive
     * @param box the smallest box, every side positive
     * @return the packing
     */
    static Packing byCatalogWeight(long minimumGrams, Dimensions box) {
        if (minimumGrams <= 0) {
            throw new InvalidInputException("minimumGrams", minimumGrams, "must be positive");
        }
        InvalidInputException.requireNonNull(box, "box");
        if (box.lengthMm() <= 0 || box.widthMm() <= 0 || box.heightMm() <= 0) {
            throw new InvalidInputException("box", box, "must have positive sides");
        }
        return units -> {
            InvalidInputException.requireNonNull(units, "units");
            long grams = 0;
            long length = box.lengthMm();
            long width = box.widthMm();
            long height = box.heightMm();
            for (Units u : units) {
                grams = Math.addExact(grams, Math.multiplyExact(u.quantity(), u.unitWeightGrams()));
                length = Math.max(length, u.unitSize().lengthMm());
                width = Math.max(width, u.unitSize().widthMm());
                height = Math.max(height, u.unitSize().heightMm());
            }
            return new Parcel(Math.max(grams, minimumGrams), length, width, height);
        };
    }

    /**
     * {@link #byCatalogWeight} with 200 g of packaging and a 300 x 200 x 100 mm box at least.
     *
     * @return the packing
     */
    static Packing standard() {
        return byCatalogWeight(200, new Dimensions(300, 200, 100));
    }
}
