package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import java.util.Set;

/**
 * Which lines a promotion looks at. Each of the three sets restricts the lines when it is not
 * empty, and the restrictions combine with AND: {@code Scope.sellers("shop-a").andCategories("tea")}
 * is shop A's tea. A category matches a line when it appears anywhere in the line's category
 * path, so {@code "drinks"} matches the path {@code drinks > tea > green}. {@link #all()}
 * matches every line. Immutable and thread-safe.
 *
 * @param skus SKUs the line must have one of; empty for any
 * @param categories categories the line's path must contain one of; empty for any
 * @param sellers sellers the line must belong to one of; empty for any
 */
public record Scope(Set<String> skus, Set<String> categories, Set<String> sellers) {

    private static final Scope ALL = new Scope(Set.of(), Set.of(), Set.of());

    /**
     * Copies the sets.
     *
     * @throws InvalidInputException if a set or an element is {@code null}
     */
    public Scope {
        skus = copy(skus, "scope.skus");
        categories = copy(categories, "scope.categories");
        sellers = copy(sellers, "scope.sellers");
    }

    /**
     * Every line.
     *
     * @return the unrestricted scope
     */
    public static Scope all() {
        return ALL;
    }

    /**
     * Lines with one of the SKUs.
     *
     * @param skus the SKUs
     * @return the scope
     */
    public static Scope skus(String... skus) {
        return new Scope(Set.of(skus), Set.of(), Set.of());
    }

    /**
     * Lines whose category path contains one of the categories.
     *
     * @param categories the categories
     * @return the scope
     */
    public static Scope categories(String... categories) {
        return new Scope(Set.of(), Set.of(categories), Set.of());
    }

    /**
     * Lines sold by one of the sellers.
     *
     * @param sellers the sellers
     * @return the scope
     */
    public static Scope sellers(String... sellers) {
        return new Scope(Set.of(), Set.of(), Set.of(sellers));
    }

    /**
     * This scope further restricted to the given sellers.
     *
     * @param restrictTo the sellers
     * @return a new scope
     */
    public Scope andSellers(String... restrictTo) {
        return new Scope(skus, categories, Set.of(restrictTo));
    }

    /**
     * This scope further restricted to the given categories.
     *
     * @param restrictTo the categories
     * @return a new scope
     */
    public Scope andCategories(String... restrictTo) {
        return new Scope(skus, Set.of(restrictTo), sellers);
    }

    /**
     * Whether a line is in scope.
     *
     * @param line the line
     * @return {@code true} if every non-empty restriction matches
     */
    public boolean matches(PricingLine line) {
        return matches(line.sku(), line.seller(), line.categoryPath());
    }

    /**
     * Whether a line with this SKU, seller and category path is in scope (for lines outside a
     * pricing request, e.g. a paid order's).
     *
     * @param sku the SKU id
     * @param seller the seller
     * @param path the category path from the root down
     * @return {@code true} if every non-empty restriction matches
     */
    public boolean matches(String sku, String seller, List<String> path) {
        if (!skus.isEmpty() && !skus.contains(sku)) {
            return false;
        }
        if (!sellers.isEmpty() && !sellers.contains(seller)) {
            return false;
        }
        if (categories.isEmpty()) {
            return true;
        }
        for (int i = 0, n = path.size(); i < n; i++) {
            if (categories.contains(path.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this scope matches every line.
     *
     * @return {@code true} for {@link #all()}
     */
    public boolean isAll() {
        return skus.isEmpty() && categories.isEmpty() && sellers.isEmpty();
    }

    private static Set<String> copy(Set<String> values, String field) {
        InvalidInputException.requireNonNull(values, field);
        for (String v : values) {
            InvalidInputException.requireNonNull(v, field + "[]");
        }
        return Set.copyOf(values);
    }
}
