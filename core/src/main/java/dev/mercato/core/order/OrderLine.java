package dev.mercato.core.order;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * One priced line of an order, frozen at checkout: what settlement needs, so the order settles
 * from itself without re-pricing ({@link SaleLines}).
 *
 * <p>Invariants: quantity positive; {@code payable = subtotal - discount}; {@code 0 <= discount <=
 * subtotal}; the attributed {@code discounts} sum to at most {@code discount} (a remainder, from a
 * pricing port that does not attribute discounts, counts as seller-funded) and lie within {@code
 * priceLevelAmount - payable}; all amounts in one
 * currency and exact to its minor unit.
 *
 * @param lineNo the line's position in the order, from 1
 * @param sku the SKU
 * @param title the SKU's title at checkout
 * @param quantity units bought, positive
 * @param unitPrice the unit price charged before discounts
 * @param subtotal unit price times quantity
 * @param discount the part of all discounts borne by this line
 * @param payable what the buyer pays for this line
 * @param categoryPath the SKU's category path at checkout, root first; may be empty
 * @param priceLevelAmount the amount after price levels (member, new-user, promotion prices) and
 *     before promotions; {@code subtotal} when no level applied
 * @param discounts each promotion's discount on this line with its funding, in the order applied
 */
public record OrderLine(int lineNo, SkuId sku, String title, long quantity, MonetaryAmount unitPrice,
        MonetaryAmount subtotal, MonetaryAmount discount, MonetaryAmount payable, List<String> categoryPath,
        MonetaryAmount priceLevelAmount, List<PricedDiscount> discounts) {

    /**
     * A line without category, price-level or discount attribution (its whole discount counts as
     * seller-funded in settlement).
     *
     * @param lineNo the line number
     * @param sku the SKU
     * @param title the title
     * @param quantity the units
     * @param unitPrice the unit price
     * @param subtotal unit price times quantity
     * @param discount the line's discount
     * @param payable what the buyer pays
     */
    public OrderLine(int lineNo, SkuId sku, String title, long quantity, MonetaryAmount unitPrice,
            MonetaryAmount subtotal, MonetaryAmount discount, MonetaryAmount payable) {
        this(lineNo, sku, title, quantity, unitPrice, subtotal, discount, payable, List.of(), subtotal, List.of());
    }

    /** Validates the invariants. */
    public OrderLine {
        if (lineNo < 1) {
            throw new InvalidInputException("lineNo", lineNo, "must be at least 1");
        }
        InvalidInputException.requireNonNull(sku, "sku");
        InvalidInputException.requireNonNull(title, "title");
        if (quantity <= 0) {
            throw new InvalidInputException("quantity", quantity, "must be positive");
        }
        long unit = MinorUnits.toMinor(InvalidInputException.requireNonNull(unitPrice, "unitPrice"));
        long sub = minor(subtotal, unitPrice, "subtotal");
        long off = minor(discount, unitPrice, "discount");
        long pay = minor(payable, unitPrice, "payable");
        if (unit < 0 || sub != Math.multiplyExact(unit, quantity) || off < 0 || off > sub || pay != sub - off) {
            throw new InvalidAmountException("line " + lineNo + " " + unitPrice + " x " + quantity + " = " + subtotal
                    + " - " + discount + " = " + payable, "does not add up");
        }
        categoryPath = List.copyOf(InvalidInputException.requireNonNull(categoryPath, "categoryPath"));
        long level = minor(priceLevelAmount, unitPrice, "priceLevelAmount");
        discounts = List.copyOf(InvalidInputException.requireNonNull(discounts, "discounts"));
        long attributed = 0;
        for (PricedDiscount d : discounts) {
            attributed = Math.addExact(attributed, minor(d.amount(), unitPrice, "discounts"));
        }
        if (level < pay || level > sub || attributed > level - pay) {
            throw new InvalidAmountException("line " + lineNo + " price level " + priceLevelAmount + ", discounts "
                    + discounts, "must lie between payable and subtotal, and the discounts within the"
                    + " promotions' part of the line's discount " + discount);
        }
    }

    /**
     * The platform-funded part of this line's discounts, in minor units.
     *
     * @return the subsidy
     */
    public long platformFundedMinor() {
        long sum = 0;
        for (PricedDiscount d : discounts) {
            sum = Math.addExact(sum, MinorUnits.toMinor(d.platformFunded()));
        }
        return sum;
    }

    /**
     * The seller-funded part of this line's promotion discounts, in minor units: the attributed
     * seller parts and any unattributed remainder. The price-level reduction (a member or
     * promotion price) is the seller's own price, not a discount anyone funds.
     *
     * @return the seller-funded discount
     */
    public long sellerFundedMinor() {
        return MinorUnits.toMinor(priceLevelAmount) - payableMinor() - platformFundedMinor();
    }

    private static long minor(MonetaryAmount amount, MonetaryAmount reference, String field) {
        InvalidInputException.requireNonNull(amount, field);
        if (!amount.getCurrency().equals(reference.getCurrency())) {
            throw new CurrencyMismatchException(reference.getCurrency(), amount.getCurrency());
        }
        return MinorUnits.toMinor(amount);
    }

    /**
     * The payable in minor units.
     *
     * @return the payable
     */
    public long payableMinor() {
        return MinorUnits.toMinor(payable);
    }
}
