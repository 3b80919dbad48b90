package dev.mercato.core.catalog;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.money.MonetaryAmount;

/**
 * What Mercato knows about one stock-keeping unit. Immutable; change it with the {@code with}
 * methods, which return a new SKU.
 *
 * <p>Invariants: the list price is positive and exact to its currency's minor unit; every price
 * level is positive, exact, and in the list price's currency; weight is in whole grams, not
 * negative; every member price of a code is positive, exact, in the list price's currency and not
 * above the list price.
 *
 * <p>Member prices: {@link PriceLevel#MEMBER} is the one member price of every member-price code
 * (every paid plan and tier the pricing names); {@link #withMemberPrice(String, MonetaryAmount)}
 * adds a price for one plan or tier code. A buyer pays the lowest price the codes they hold
 * entitle them to ({@link #memberPriceFor(Set)}; docs/membership.md, "Member prices per tier").
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
 * @param memberPrices the member unit price of single plan or tier codes, by code; may be empty
 */
public record Sku(SkuId id, String sellerId, String title, List<String> categoryPath, MonetaryAmount listPrice,
        Map<PriceLevel, MonetaryAmount> priceLevels, long weightGrams, Dimensions size, boolean active,
        OrderQuantity orderQuantity, Map<String, MonetaryAmount> memberPrices) {

    /**
     * A SKU without member prices of single codes.
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
     * @param orderQuantity the units one order may take
     */
    public Sku(SkuId id, String sellerId, String title, List<String> categoryPath, MonetaryAmount listPrice,
            Map<PriceLevel, MonetaryAmount> priceLevels, long weightGrams, Dimensions size, boolean active,
            OrderQuantity orderQuantity) {
        this(id, sellerId, title, categoryPath, listPrice, priceLevels, weightGrams, size, active, orderQuantity,
                Map.of());
    }

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
        InvalidInputException.requireNonNull(memberPrices, "memberPrices");
        TreeMap<String, MonetaryAmount> byCode = new TreeMap<>();
        for (Map.Entry<String, MonetaryAmount> price : memberPrices.entrySet()) {
            requireMemberPrice(price.getKey(), price.getValue(), listPrice);
            byCode.put(price.getKey(), price.getValue());
        }
        memberPrices = Map.copyOf(byCode);
    }

    private static void requireMemberPrice(String code, MonetaryAmount price, MonetaryAmount listPrice) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("memberPrices.code", code == null ? null : "\"" + code + "\"",
                    "a plan or tier code must not be blank");
        }
        String field = "memberPrices." + code;
        InvalidInputException.requireNonNull(price, field);
        if (!price.getCurrency().equals(listPrice.getCurrency())) {
            throw new InvalidInputException(field, price, "must be in " + listPrice.getCurrency().getCurrencyCode()
                    + ", the list price's currency");
        }
        long minor;
        try {
            minor = MinorUnits.toMinor(price);
        } catch (InvalidAmountException inexact) {
            throw new InvalidInputException(field, price, "must be exact to the currency's minor unit");
        }
        if (minor <= 0) {
            throw new InvalidInputException(field, price, "must be positive");
        }
        if (minor > MinorUnits.toMinor(listPrice)) {
            throw new InvalidInputException(field, price, "must not be above the list price " + listPrice);
        }
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
     * This SKU with a member price for one paid plan or tier code (replacing an earlier one for
     * that code). Holders of the code pay it, or {@link PriceLevel#MEMBER} when that is lower; with a
     * tier ladder, so do holders of every higher level (docs/membership.md, "Member prices per
     * tier").
     *
     * @param tierOrPlanCode the plan or tier code, e.g. {@code "GOLD"} or {@code "PLUS"}, not blank
     * @param price the member unit price: positive, exact, in the list price's currency, not above it
     * @return a new SKU; this one is unchanged
     * @throws InvalidInputException naming the problem if the code is blank or the price is missing,
     *     in another currency, not exact, not positive or above the list price
     */
    public Sku withMemberPrice(String tierOrPlanCode, MonetaryAmount price) {
        requireMemberPrice(tierOrPlanCode, price, listPrice);
        TreeMap<String, MonetaryAmount> prices = new TreeMap<>(memberPrices);
        prices.put(tierOrPlanCode, price);
        return new Sku(id, sellerId, title, categoryPath, listPrice, priceLevels, weightGrams, size, active,
                orderQuantity, prices);
    }

    /**
     * The lowest member unit price the given member-price codes entitle to: the price of each code
     * in {@code heldCodes} that has one of its own, and the single member price ({@link
     * PriceLevel#MEMBER}) when any code is held. The caller passes the codes that pay member prices
     * (the pricing names them, and adds the lower levels of a tier ladder).
     *
     * @param heldCodes the member-price codes a buyer holds, possibly empty
     * @return the lowest such price, or empty when the codes entitle to none (or none is held)
     */
    public Optional<MonetaryAmount> memberPriceFor(Set<String> heldCodes) {
        InvalidInputException.requireNonNull(heldCodes, "heldCodes");
        if (heldCodes.isEmpty()) {
            return Optional.empty();
        }
        MonetaryAmount best = priceLevels.get(PriceLevel.MEMBER);
        for (String code : heldCodes) {
            MonetaryAmount own = code == null ? null : memberPrices.get(code);
            if (own != null && (best == null || own.isLessThan(best))) {
                best = own;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * This SKU in another category.
     *
     * @param path the category path from the root down
     * @return a new SKU
     */
    public Sku withCategoryPath(List<String> path) {
        return new Sku(id, sellerId, title, path, listPrice, priceLevels, weightGrams, size, active, orderQuantity, memberPrices);
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
        return new Sku(id, sellerId, title, categoryPath, listPrice, levels, weightGrams, size, active, orderQuantity, memberPrices);
    }

    /**
     * This SKU with a weight and size.
     *
     * @param grams the weight of one unit
     * @param dimensions the packed size of one unit
     * @return a new SKU
     */
    public Sku withPhysical(long grams, Dimensions dimensions) {
        return new Sku(id, sellerId, title, categoryPath, listPrice, priceLevels, grams, dimensions, active, orderQuantity, memberPrices);
    }

    /**
     * This SKU with another list price.
     *
     * @param price the new regular unit price
     * @return a new SKU
     */
    public Sku withListPrice(MonetaryAmount price) {
        return new Sku(id, sellerId, title, categoryPath, price, priceLevels, weightGrams, size, active, orderQuantity, memberPrices);
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
                InvalidInputException.requireNonNull(quantity, "orderQuantity"), memberPrices);
    }

    /**
     * This SKU switched on or off for sale.
     *
     * @param isActive whether it may be ordered
     * @return a new SKU
     */
    public Sku withActive(boolean isActive) {
        return new Sku(id, sellerId, title, categoryPath, listPrice, priceLevels, weightGrams, size, isActive, orderQuantity, memberPrices);
    }
}
