package dev.mercato.core.cart;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.order.PricedDiscount;
import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A cart priced at read time: what each line costs after discounts, shipping per seller, the
 * total, and the explanation of every price decision. Checkout freezes exactly this into the
 * orders' snapshots.
 *
 * <p>Invariant: {@code total = sum(line payable) + sum(shipping)}, all in {@code currency}.
 *
 * @param currency the currency
 * @param lines the priced lines, in cart order
 * @param shippingBySeller the shipping charged per seller (after shipping discounts)
 * @param total what the buyer pays in all
 * @param explanation human-readable pricing decisions, possibly empty
 * @param deliveryBySeller the carrier's delivery promise per seller, for sellers whose shipping was
 *     quoted with one (the slowest of the seller's parcels)
 * @param promotionsApplied what each applied promotion took off (for a gift: the gift value), by
 *     promotion id; checkout books promotion caps against it (see {@link
 *     dev.mercato.core.promotion.PromotionCaps})
 * @param shippingDiscountsBySeller each seller's shipping discounts with their funding; {@code
 *     shippingBySeller} is already net of them. Empty for a seller without any (and for pricing
 *     ports that do not attribute discounts)
 * @param depositsByLine for pre-sale lines (the {@code PreSale} promotion), what the buyer pays now,
 *     by line number; the line's payable minus it is the balance paid later. Empty when nothing is
 *     on pre-sale (and for pricing ports without pre-sales); a checkout in stages ({@link
 *     dev.mercato.core.escrow.StagedPayment.PreSale}) takes each order's deposit from it
 */
public record PricedCart(CurrencyUnit currency, List<Line> lines, Map<String, MonetaryAmount> shippingBySeller,
        MonetaryAmount total, List<String> explanation, Map<String, DeliveryPromise> deliveryBySeller,
        Map<String, MonetaryAmount> promotionsApplied, Map<String, List<PricedDiscount>> shippingDiscountsBySeller,
        Map<Integer, MonetaryAmount> depositsByLine) {

    /**
     * A priced cart without pre-sale deposits.
     *
     * @param currency the currency
     * @param lines the priced lines
     * @param shippingBySeller the shipping per seller
     * @param total the total
     * @param explanation the explanation
     * @param deliveryBySeller the delivery promise per seller
     * @param promotionsApplied what each applied promotion took off
     * @param shippingDiscountsBySeller each seller's shipping discounts with their funding
     */
    public PricedCart(CurrencyUnit currency, List<Line> lines, Map<String, MonetaryAmount> shippingBySeller,
            MonetaryAmount total, List<String> explanation, Map<String, DeliveryPromise> deliveryBySeller,
            Map<String, MonetaryAmount> promotionsApplied, Map<String, List<PricedDiscount>> shippingDiscountsBySeller) {
        this(currency, lines, shippingBySeller, total, explanation, deliveryBySeller, promotionsApplied,
                shippingDiscountsBySeller, Map.of());
    }

    /**
     * A priced cart without attributed shipping discounts.
     *
     * @param currency the currency
     * @param lines the priced lines
     * @param shippingBySeller the shipping per seller
     * @param total the total
     * @param explanation the explanation
     * @param deliveryBySeller the delivery promise per seller
     * @param promotionsApplied what each applied promotion took off
     */
    public PricedCart(CurrencyUnit currency, List<Line> lines, Map<String, MonetaryAmount> shippingBySeller,
            MonetaryAmount total, List<String> explanation, Map<String, DeliveryPromise> deliveryBySeller,
            Map<String, MonetaryAmount> promotionsApplied) {
        this(currency, lines, shippingBySeller, total, explanation, deliveryBySeller, promotionsApplied, Map.of());
    }

    /**
     * A priced cart without applied promotion amounts.
     *
     * @param currency the currency
     * @param lines the priced lines
     * @param shippingBySeller the shipping per seller
     * @param total the total
     * @param explanation the explanation
     * @param deliveryBySeller the delivery promise per seller
     */
    public PricedCart(CurrencyUnit currency, List<Line> lines, Map<String, MonetaryAmount> shippingBySeller,
            MonetaryAmount total, List<String> explanation, Map<String, DeliveryPromise> deliveryBySeller) {
        this(currency, lines, shippingBySeller, total, explanation, deliveryBySeller, Map.of());
    }

    /**
     * A priced cart without delivery promises, as pricing ports build it.
     *
     * @param currency the currency
     * @param lines the priced lines
     * @param shippingBySeller the shipping per seller
     * @param total the total
     * @param explanation the explanation
     */
    public PricedCart(CurrencyUnit currency, List<Line> lines, Map<String, MonetaryAmount> shippingBySeller,
            MonetaryAmount total, List<String> explanation) {
        this(currency, lines, shippingBySeller, total, explanation, Map.of());
    }

    /** Validates the invariant and copies the collections. */
    public PricedCart {
        InvalidInputException.requireNonNull(currency, "currency");
        lines = List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
        shippingBySeller = Map.copyOf(InvalidInputException.requireNonNull(shippingBySeller, "shippingBySeller"));
        explanation = List.copyOf(InvalidInputException.requireNonNull(explanation, "explanation"));
        deliveryBySeller = Map.copyOf(InvalidInputException.requireNonNull(deliveryBySeller, "deliveryBySeller"));
        promotionsApplied = Map.copyOf(InvalidInputException.requireNonNull(promotionsApplied, "promotionsApplied"));
        Map<String, List<PricedDiscount>> discounts = new java.util.HashMap<>();
        InvalidInputException.requireNonNull(shippingDiscountsBySeller, "shippingDiscountsBySeller")
                .forEach((seller, list) -> discounts.put(seller, List.copyOf(list)));
        shippingDiscountsBySeller = Map.copyOf(discounts);
        long sum = 0;
        for (Line line : lines) {
            sum = Math.addExact(sum, MinorUnits.toMinor(line.payable(), currency));
        }
        for (MonetaryAmount shipping : shippingBySeller.values()) {
            sum = Math.addExact(sum, MinorUnits.toMinor(shipping, currency));
        }
        if (MinorUnits.toMinor(InvalidInputException.requireNonNull(total, "total"), currency) != sum) {
            throw new InvalidAmountException("total " + total, "must equal line payables plus shipping ("
                    + MinorUnits.toAmount(sum, currency) + ")");
        }
        // Absent in priced carts recorded before deposits were kept.
        depositsByLine = depositsByLine == null ? Map.of() : Map.copyOf(depositsByLine);
        for (Map.Entry<Integer, MonetaryAmount> deposit : depositsByLine.entrySet()) {
            Line line = lines.stream().filter(l -> l.lineNo() == deposit.getKey()).findFirst()
                    .orElseThrow(() -> new InvalidInputException("depositsByLine", deposit.getKey(), "is not a line"));
            long minor = MinorUnits.toMinor(deposit.getValue(), currency);
            if (minor <= 0 || minor > MinorUnits.toMinor(line.payable(), currency)) {
                throw new InvalidAmountException("deposit of line " + deposit.getKey() + " " + deposit.getValue(),
                        "must be positive and at most the line's payable " + line.payable());
            }
        }
    }

    /**
     * What one seller's pre-sale lines ask now: the sum of their deposits.
     *
     * @param sellerId the seller
     * @return the deposits in minor units, 0 when none of its lines is on pre-sale
     */
    public long depositOf(String sellerId) {
        long sum = 0;
        for (Line line : linesOf(sellerId)) {
            MonetaryAmount deposit = depositsByLine.get(line.lineNo());
            if (deposit != null) {
                sum = Math.addExact(sum, MinorUnits.toMinor(deposit, currency));
            }
        }
        return sum;
    }

    /**
     * The sellers in cart order.
     *
     * @return seller ids
     */
    public List<String> sellers() {
        return lines.stream().map(Line::sellerId).distinct().toList();
    }

    /**
     * The lines of one seller.
     *
     * @param sellerId the seller
     * @return the lines, in cart order
     */
    public List<Line> linesOf(String sellerId) {
        return lines.stream().filter(l -> l.sellerId().equals(sellerId)).toList();
    }

    /**
     * The shipping charged by one seller.
     *
     * @param sellerId the seller
     * @return the shipping, zero when none
     */
    public MonetaryAmount shippingOf(String sellerId) {
        return shippingBySeller.getOrDefault(sellerId, MinorUnits.toAmount(0, currency));
    }

    /**
     * The delivery promise for one seller's parcels.
     *
     * @param sellerId the seller
     * @return the promise, or empty when the shipping was not quoted with one
     */
    public Optional<DeliveryPromise> deliveryOf(String sellerId) {
        return Optional.ofNullable(deliveryBySeller.get(sellerId));
    }

    /**
     * This priced cart with the shipping quotes' promises and their explanation lines appended.
     *
     * @param promises the promise per seller
     * @param moreExplanation lines to append to the explanation
     * @return a new priced cart
     */
    public PricedCart withDelivery(Map<String, DeliveryPromise> promises, List<String> moreExplanation) {
        List<String> all = new ArrayList<>(explanation);
        all.addAll(InvalidInputException.requireNonNull(moreExplanation, "moreExplanation"));
        return new PricedCart(currency, lines, shippingBySeller, total, all, promises, promotionsApplied,
                shippingDiscountsBySeller, depositsByLine);
    }

    /**
     * This priced cart with another explanation (the rest unchanged).
     *
     * @param newExplanation the explanation
     * @return a new priced cart
     */
    public PricedCart withExplanation(List<String> newExplanation) {
        return new PricedCart(currency, lines, shippingBySeller, total, newExplanation, deliveryBySeller,
                promotionsApplied, shippingDiscountsBySeller, depositsByLine);
    }

    /**
     * One seller's shipping discounts with their funding.
     *
     * @param sellerId the seller
     * @return the discounts, empty when none
     */
    public List<PricedDiscount> shippingDiscountsOf(String sellerId) {
        return shippingDiscountsBySeller.getOrDefault(sellerId, List.of());
    }

    /**
     * The shipping map in seller order, for display.
     *
     * @return a sorted copy
     */
    public Map<String, MonetaryAmount> shippingSorted() {
        return new TreeMap<>(shippingBySeller);
    }

    /**
     * One priced line.
     *
     * @param lineNo the cart line number, from 1
     * @param sku the SKU
     * @param title the SKU's title
     * @param sellerId the seller
     * @param quantity units
     * @param unitPrice the unit price before discounts
     * @param subtotal unit price times quantity
     * @param discount all discounts borne by this line (price levels, promotions, coupons)
     * @param payable subtotal minus discount
     * @param flashSale whether the line is on flash sale
     * @param categoryPath the SKU's category path, root first; may be empty
     * @param priceLevelAmount the amount after price levels, before promotions
     * @param discounts each promotion's discount on the line with its funding (empty for pricing
     *     ports that do not attribute discounts: the whole discount then counts as seller-funded)
     */
    public record Line(int lineNo, SkuId sku, String title, String sellerId, long quantity, MonetaryAmount unitPrice,
            MonetaryAmount subtotal, MonetaryAmount discount, MonetaryAmount payable, boolean flashSale,
            List<String> categoryPath, MonetaryAmount priceLevelAmount, List<PricedDiscount> discounts) {

        /**
         * A line without category, price-level or discount attribution.
         *
         * @param lineNo the cart line number
         * @param sku the SKU
         * @param title the title
         * @param sellerId the seller
         * @param quantity units
         * @param unitPrice the unit price
         * @param subtotal unit price times quantity
         * @param discount all discounts
         * @param payable subtotal minus discount
         * @param flashSale whether on flash sale
         */
        public Line(int lineNo, SkuId sku, String title, String sellerId, long quantity, MonetaryAmount unitPrice,
                MonetaryAmount subtotal, MonetaryAmount discount, MonetaryAmount payable, boolean flashSale) {
            this(lineNo, sku, title, sellerId, quantity, unitPrice, subtotal, discount, payable, flashSale, List.of(),
                    subtotal, List.of());
        }

        /** Validates the fields. */
        public Line {
            categoryPath = List.copyOf(InvalidInputException.requireNonNull(categoryPath, "categoryPath"));
            InvalidInputException.requireNonNull(priceLevelAmount, "priceLevelAmount");
            discounts = List.copyOf(InvalidInputException.requireNonNull(discounts, "discounts"));
            InvalidInputException.requireNonNull(sku, "sku");
            InvalidInputException.requireNonNull(title, "title");
            InvalidInputException.requireNonNull(sellerId, "sellerId");
            InvalidInputException.requireNonNull(unitPrice, "unitPrice");
            InvalidInputException.requireNonNull(subtotal, "subtotal");
            InvalidInputException.requireNonNull(discount, "discount");
            InvalidInputException.requireNonNull(payable, "payable");
        }
    }
}
