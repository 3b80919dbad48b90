package dev.mercato.core.catalog;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * What Mercato knows about one stock-keeping unit. Immutable; change it with the {@code with}
 * methods, which return a new SKU.
 *
 * <p>Invariants: the list price is positive and exact to its currency's minor unit; every price
 * level is positive, exact, and in the list price's currency; weight is in whole grams, not
 * negative.
 *
 * @param id the SKU id
 * @param sellerId the seller (shop) that sells it, not blank
 * @param title a display title, not {@code null}
 * @param categoryPath the category from the root down, e.g. {@code [apparel, shoes, running]};
 *     used by commission and promotion rules; may be empty
 * @param listPrice the regular unit price
 * @param priceLevels other unit prices by level; may be empty
 * @param weightGrams the weight of one unit in grams
 * @param size the packed size of one unit
 * @param active whether it may be added to a cart and ordered
 * @param orderQuantity the units one order may take (minimum order quantity, the SKU's own maximum,
 *     a step); {@link OrderQuantity#ANY} by default (docs/core.md, "Order quantities and minimums")
 */
public record Sku(SkuId id, String sellerId, String title, List<String> categoryPath, MonetaryAmount listPrice,
        Map<PriceLevel, MonetaryAmount> priceLevels, long weightGrams, Dimensions size, boolean active,
        OrderQuantity orderQuantity) {

    /**
     * A SKU with {@link OrderQuantity#ANY}.
     *
     * @param id the SKU id
     * @param sellerId the seller
     * @param title the display title
     * @param categoryPath the category path
     * @param listPrice the regular unit price
     * @param priceLevels other unit prices by level
     * @param weightGrams the weight of one unit in grams
     * @param size the packed size of one unit
     * @param active whether it may be ordered
     */
    public Sku(SkuId id, String sellerId, String title, List<String> categoryPath, MonetaryAmount listPrice,
            Map<PriceLevel, MonetaryAmount> priceLevels, long weightGrams, Dimensions size, boolean active) {
        this(id, sellerId, title, categoryPath, listPrice, priceLevels, weightGrams, size, active, OrderQuantity.ANY);
    }

    /** Validates the invariants and copies the collections. */
    public Sku {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        if (sellerId.isBlank()) {
            throw new InvalidInputException("sellerId", "\"" + sellerId + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(title, "title");
        categoryPath = List.copyOf(InvalidInputException.requireNonNull(categoryPath, "categoryPath"));
        requirePositiveExact(listPrice, "listPrice");
        InvalidInputException.requireNonNull(priceLevels, "priceLevels");
        EnumMap<PriceLevel, MonetaryAmount> levels = new EnumMap<>(PriceLevel.class);
        for (Map.Entry<PriceLevel, MonetaryAmount> level : priceLevels.entrySet()) {
            InvalidInputException.requireNonNull(level.getKey(), "priceLevel");
            requirePositiveExact(level.getValue(), "priceLevels." + level.getKey());
            if (!level.getValue().getCurrency().equals(listPrice.getCurrency())) {
                throw new CurrencyMismatchException(listPrice.getCurrency(), level.getValue().getCurrency());
            }
            levels.put(level.getKey(), level.getValue());
        }
        priceLevels = Map.copyOf(levels);
        if (weightGrams < 0) {
            throw new InvalidInputException("weightGrams", weightGrams, "must not be negative");
        }
        InvalidInputException.requireNonNull(size, "size");
        InvalidInputException.requireNonNull(orderQuantity, "orderQuantity");
    }

    private static void requirePositiveExact(MonetaryAmount amount, String field) {
        InvalidInputException.requireNonNull(amount, field);
        if (MinorUnits.toMinor(amount) <= 0) {
            throw new InvalidAmountException(field + " " + amount, "must be positive");
        }
    }

    /**
     * An active SKU with a list price only, no category, no weight and no size.
     *
     * @param id the SKU id
     * @param sellerId the seller
     * @param title the display title
     * @param listPrice the regular unit price
     * @return the SKU
     */
    public static Sku of(String id, String sellerId, String title, MonetaryAmount listPrice) {
        return new Sku(SkuId.of(id), sellerId, title, List.of(), listPrice, Map.of(), 0, Dimensions.NONE, true);
    }

    /**
     * The unit price at a level.
     *
     * @param level the level
     * @return the price, or empty when this SKU has none at that level
     */
    public Optional<MonetaryAmount> priceAt(PriceLevel level) {
        return Optional.ofNullable(priceLevels.get(level));
    }

    /**
     * This SKU in another category.
     *
     * @param path the category path from the root down
     * @return a new SKU
     */
    public Sku withCategoryPath(List<String> path) {
        return new Sku(id, sellerId, title, path, listPrice, priceLevels, weightGrams, size, active, orderQuantity);
    }

    /**
     * This SKU with one more (or a replaced) price level.
     *
     * @param level the level
     * @param price the unit price at that level
     * @return a new SKU
     */
    public Sku withPriceLevel(PriceLevel level, MonetaryAmount price) {
        EnumMap<PriceLevel, MonetaryAmount> levels = new EnumMap<>(PriceLevel.class);
        levels.putAll(priceLevels);
        levels.put(InvalidInputException.requireNonNull(level, "level"), price);
        return new Sku(id, sellerId, title, categoryPath, listPrice, levels, weightGrams, size, active, orderQuantity);
    }

    /**
     * This SKU with a weight and size.
     *
     * @param grams the weight of one unit
     * @param dimensions the packed size of one unit
     * @return a new SKU
     */
    public Sku withPhysical(long grams, Dimensions dimensions) {
        return new Sku(id, sellerId, title, categoryPath, listPrice, priceLevels, grams, dimensions, active, orderQuantity);
    }

    /**
     * This SKU with another list price.
     *
     * @param price the new regular unit price
     * @return a new SKU
     */
    public Sku withListPrice(MonetaryAmount price) {
        return new Sku(id, sellerId, title, categoryPath, price, priceLevels, weightGrams, size, active, orderQuantity);
    }

    /**
     * This SKU with a minimum order quantity and a maximum of its own (which replaces the
     * platform-wide maximum for this SKU), in single units.
     *
     * @param min the minimum order quantity, at least 1
     * @param max the most units one order may take, at least {@code min}, at most {@link OrderQuantity#MAX_UNITS}
     * @return a new SKU
     * @throws dev.mercato.pricing.error.InvalidInputException if the bounds are not valid
     */
    public Sku withOrderQuantity(long min, long max) {
        return withOrderQuantity(OrderQuantity.between(min, max));
    }

    /**
     * This SKU with another order quantity (minimum, own maximum, step).
     *
     * @param quantity the order quantity
     * @return a new SKU
     */
    public Sku withOrderQuantity(OrderQuantity quantity) {
        return new Sku(id, sellerId, title, categoryPath, listPrice, priceLevels, weightGrams, size, active,
                InvalidInputException.requireNonNull(quantity, "orderQuantity"));
    }

    /**
     * This SKU switched on or off for sale.
     *
     * @param isActive whether it may be ordered
     * @return a new SKU
     */
    public Sku withActive(boolean isActive) {
        return new Sku(id, sellerId, title, categoryPath, listPrice, priceLevels, weightGrams, size, isActive, orderQuantity);
    }
}
