package dev.mercato.core.order;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.MonetaryAmount;

/**
 * One priced line of an order, frozen at checkout.
 *
 * <p>Invariants: quantity positive; {@code payable = subtotal - discount}; {@code 0 <= discount <=
 * subtotal}; all amounts in one currency and exact to its minor unit.
 *
 * @param lineNo the line's position in the order, from 1
 * @param sku the SKU
 * @param title the SKU's title at checkout
 * @param quantity units bought, positive
 * @param unitPrice the unit price charged before discounts
 * @param subtotal unit price times quantity
 * @param discount the part of all discounts borne by this line
 * @param payable what the buyer pays for this line
 */
public record OrderLine(int lineNo, SkuId sku, String title, long quantity, MonetaryAmount unitPrice,
        MonetaryAmount subtotal, MonetaryAmount discount, MonetaryAmount payable) {

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
