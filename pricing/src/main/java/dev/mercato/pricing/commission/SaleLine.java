package dev.mercato.pricing.commission;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * One priced order line as the revenue calculators see it: who sold what to whom, what the
 * buyer paid, who funded the discounts, and who brought the buyer.
 *
 * <p>Amounts are for the whole line (all units), in one currency, never negative:
 * <ul>
 *   <li>{@code paid}: what the buyer paid for the goods, after every discount, without shipping;</li>
 *   <li>{@code sellerDiscount}: discounts funded by the seller (shop coupons, shop promotions),
 *       already deducted from {@code paid}; the seller is not paid them;</li>
 *   <li>{@code platformSubsidy}: discounts funded by the platform (platform coupons, subsidies),
 *       already deducted from {@code paid}; the platform pays them to the seller;</li>
 *   <li>{@code shipping}: the shipping the buyer paid for this line (zero when free or
 *       charged per order elsewhere).</li>
 * </ul>
 * So the seller's gross for the line is {@code paid + platformSubsidy + shipping}.
 *
 * <p>{@code attribution} lists the creators or referrers who brought the buyer, nearest first:
 * element 0 is the level-1 party (the creator whose content the buyer came from), element 1 the
 * level-2 party (who referred that creator), and so on. Empty when the sale is not attributed.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}.
 *
 * @param orderId the order, non-blank
 * @param lineId the line, unique within the order, non-blank
 * @param sku the stock-keeping unit, non-blank
 * @param sellerId the seller, non-blank
 * @param sellerType the kind of seller
 * @param brand the brand, if the product has one
 * @param category the product's category
 * @param quantity units on the line, at least 1
 * @param paid what the buyer paid for the goods, without shipping
 * @param sellerDiscount seller-funded discounts already deducted from {@code paid}
 * @param platformSubsidy platform-funded discounts already deducted from {@code paid}
 * @param shipping shipping the buyer paid for this line
 * @param orderedAt when the order was placed: selects the rules in force
 * @param paymentMethod the payment method code, e.g. {@code "alipay"}, {@code "card"}
 * @param attribution the creators or referrers who brought the buyer, nearest first
 */
public record SaleLine(
        String orderId,
        String lineId,
        String sku,
        String sellerId,
        SellerType sellerType,
        Optional<String> brand,
        CategoryPath category,
        long quantity,
        MonetaryAmount paid,
        MonetaryAmount sellerDiscount,
        MonetaryAmount platformSubsidy,
        MonetaryAmount shipping,
        Instant orderedAt,
        String paymentMethod,
        List<String> attribution) {

    /**
     * Validates the line.
     *
     * @throws InvalidInputException if a value is missing or blank, or the quantity is below 1
     * @throws InvalidAmountException if an amount is negative or has too many decimals
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if amounts mix currencies
     */
    public SaleLine {
        requireText(orderId, "orderId");
        requireText(lineId, "lineId");
        requireText(sku, "sku");
        requireText(sellerId, "sellerId");
        InvalidInputException.requireNonNull(sellerType, "sellerType");
        InvalidInputException.requireNonNull(brand, "brand");
        InvalidInputException.requireNonNull(category, "category");
        if (quantity < 1) {
            throw new InvalidInputException("quantity", quantity, "must be at least 1");
        }
        InvalidInputException.requireNonNull(paid, "paid");
        CurrencyUnit currency = paid.getCurrency();
        requireNonNegative(paid, currency, "paid");
        requireNonNegative(sellerDiscount, currency, "sellerDiscount");
        requireNonNegative(platformSubsidy, currency, "platformSubsidy");
        requireNonNegative(shipping, currency, "shipping");
        InvalidInputException.requireNonNull(orderedAt, "orderedAt");
        requireText(paymentMethod, "paymentMethod");
        InvalidInputException.requireNonNull(attribution, "attribution");
        attribution = List.copyOf(attribution);
        attribution.forEach(party -> requireText(party, "attribution party"));
    }

    /**
     * A builder with zero discounts, subsidy and shipping, no brand, no attribution, quantity 1
     * and payment method {@code "default"}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The currency of every amount on the line.
     *
     * @return the currency of {@link #paid()}
     */
    public CurrencyUnit currency() {
        return paid.getCurrency();
    }

    /**
     * What the seller is owed for the line before platform charges.
     *
     * @return {@code paid + platformSubsidy + shipping}
     */
    public MonetaryAmount sellerGross() {
        return paid.add(platformSubsidy).add(shipping);
    }

    /**
     * What the buyer paid for the line including shipping: the most a refund can return.
     *
     * @return {@code paid + shipping}
     */
    public MonetaryAmount buyerPaid() {
        return paid.add(shipping);
    }

    private static void requireText(String value, String field) {
        InvalidInputException.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "\"" + value + "\"", "must not be blank");
        }
    }

    private static void requireNonNegative(MonetaryAmount amount, CurrencyUnit currency, String field) {
        InvalidInputException.requireNonNull(amount, field);
        if (MinorUnits.toMinor(amount, currency) < 0) {
            throw new InvalidAmountException(amount.toString(), field + " must not be negative");
        }
    }

    /** Builds a {@link SaleLine} step by step. Not thread-safe; the line it builds is. */
    public static final class Builder {
        private String orderId;
        private String lineId;
        private String sku;
        private String sellerId;
        private SellerType sellerType = SellerType.ENTERPRISE;
        private Optional<String> brand = Optional.empty();
        private CategoryPath category = CategoryPath.ROOT;
        private long quantity = 1;
        private MonetaryAmount paid;
        private MonetaryAmount sellerDiscount;
        private MonetaryAmount platformSubsidy;
        private MonetaryAmount shipping;
        private Instant orderedAt;
        private String paymentMethod = "default";
        private List<String> attribution = List.of();

        private Builder() {}

        /**
         * Sets the order and line ids.
         *
         * @param order the order id
         * @param line the line id
         * @return this builder
         */
        public Builder ids(String order, String line) {
            this.orderId = order;
            this.lineId = line;
            return this;
        }

        /**
         * Sets the SKU.
         *
         * @param value the SKU
         * @return this builder
         */
        public Builder sku(String value) {
            this.sku = value;
            return this;
        }

        /**
         * Sets the seller and its type (default {@link SellerType#ENTERPRISE}).
         *
         * @param id the seller id
         * @param type the seller type
         * @return this builder
         */
        public Builder seller(String id, SellerType type) {
            this.sellerId = id;
            this.sellerType = type;
            return this;
        }

        /**
         * Sets the brand.
         *
         * @param value the brand
         * @return this builder
         */
        public Builder brand(String value) {
            this.brand = Optional.of(value);
            return this;
        }

        /**
         * Sets the category, e.g. {@code "apparel/women/dresses"}.
         *
         * @param path the category path
         * @return this builder
         */
        public Builder category(String path) {
            this.category = CategoryPath.of(path);
            return this;
        }

        /**
         * Sets the quantity (default 1).
         *
         * @param value units on the line
         * @return this builder
         */
        public Builder quantity(long value) {
            this.quantity = value;
            return this;
        }

        /**
         * Sets what the buyer paid for the goods, without shipping.
         *
         * @param value the amount
         * @return this builder
         */
        public Builder paid(MonetaryAmount value) {
            this.paid = value;
            return this;
        }

        /**
         * Sets the seller-funded discounts (default zero).
         *
         * @param value the amount
         * @return this builder
         */
        public Builder sellerDiscount(MonetaryAmount value) {
            this.sellerDiscount = value;
            return this;
        }

        /**
         * Sets the platform-funded subsidy (default zero).
         *
         * @param value the amount
         * @return this builder
         */
        public Builder platformSubsidy(MonetaryAmount value) {
            this.platformSubsidy = value;
            return this;
        }

        /**
         * Sets the shipping the buyer paid for this line (default zero).
         *
         * @param value the amount
         * @return this builder
         */
        public Builder shipping(MonetaryAmount value) {
            this.shipping = value;
            return this;
        }

        /**
         * Sets when the order was placed.
         *
         * @param value the order instant
         * @return this builder
         */
        public Builder orderedAt(Instant value) {
            this.orderedAt = value;
            return this;
        }

        /**
         * Sets the payment method code (default {@code "default"}).
         *
         * @param value the method
         * @return this builder
         */
        public Builder paymentMethod(String value) {
            this.paymentMethod = value;
            return this;
        }

        /**
         * Sets the attribution chain, nearest party first (default none).
         *
         * @param parties the creators or referrers
         * @return this builder
         */
        public Builder attribution(List<String> parties) {
            this.attribution = parties;
            return this;
        }

        /**
         * Builds the line.
         *
         * @return the validated line
         * @throws InvalidInputException if a required value is missing or invalid
         */
        public SaleLine build() {
            InvalidInputException.requireNonNull(paid, "paid");
            MonetaryAmount zero = MinorUnits.toAmount(0, paid.getCurrency());
            return new SaleLine(orderId, lineId, sku, sellerId, sellerType, brand, category, quantity, paid,
                    sellerDiscount == null ? zero : sellerDiscount,
                    platformSubsidy == null ? zero : platformSubsidy,
                    shipping == null ? zero : shipping,
                    orderedAt, paymentMethod, attribution);
        }
    }
}
