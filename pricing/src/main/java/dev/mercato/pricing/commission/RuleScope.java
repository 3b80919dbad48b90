package dev.mercato.pricing.commission;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * What a commission rule applies to. When several rules in force match a line, the most
 * specific scope wins, in this order of precedence:
 * <ol>
 *   <li>{@link Sku}: one product, the narrowest scope;</li>
 *   <li>{@link Seller}: a contract negotiated with one seller;</li>
 *   <li>{@link Brand}: a brand programme across sellers;</li>
 *   <li>{@link Category}: the line's category or, failing that, its nearest ancestor with a
 *       rule (a child category inherits its parent's rate unless it has its own);</li>
 *   <li>{@link Everything}: the schedule's default.</li>
 * </ol>
 */
public sealed interface RuleScope {

    /**
     * Rank in the order of precedence: lower wins.
     *
     * @return 0 for SKU up to 4 for the default
     */
    int precedence();

    /**
     * Words for explanations, e.g. {@code "seller s-1"}.
     *
     * @return a short description
     */
    String describe();

    /**
     * One product.
     *
     * @param sku the SKU, non-blank
     */
    record Sku(String sku) implements RuleScope {
        /** Validates the SKU. */
        public Sku {
            requireText(sku, "sku");
        }

        @Override
        public int precedence() {
            return 0;
        }

        @Override
        public String describe() {
            return "SKU " + sku;
        }
    }

    /**
     * Every line of one seller.
     *
     * @param sellerId the seller, non-blank
     */
    record Seller(String sellerId) implements RuleScope {
        /** Validates the seller id. */
        public Seller {
            requireText(sellerId, "sellerId");
        }

        @Override
        public int precedence() {
            return 1;
        }

        @Override
        public String describe() {
            return "seller " + sellerId;
        }
    }

    /**
     * Every line of one brand.
     *
     * @param brand the brand, non-blank
     */
    record Brand(String brand) implements RuleScope {
        /** Validates the brand. */
        public Brand {
            requireText(brand, "brand");
        }

        @Override
        public int precedence() {
            return 2;
        }

        @Override
        public String describe() {
            return "brand " + brand;
        }
    }

    /**
     * A category and its descendants.
     *
     * @param path the category; the root is allowed and covers every category
     */
    record Category(CategoryPath path) implements RuleScope {
        /** Validates the path. */
        public Category {
            InvalidInputException.requireNonNull(path, "category");
        }

        @Override
        public int precedence() {
            return 3;
        }

        @Override
        public String describe() {
            return "category " + (path.depth() == 0 ? "(root)" : path);
        }
    }

    /** Every line: the schedule's default. */
    record Everything() implements RuleScope {
        @Override
        public int precedence() {
            return 4;
        }

        @Override
        public String describe() {
            return "every line (default)";
        }
    }

    private static void requireText(String value, String field) {
        InvalidInputException.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "\"" + value + "\"", "must not be blank");
        }
    }
}
