package dev.mercato.pricing.promotion;

import dev.mercato.pricing.money.RoundingPolicy;
import java.time.Instant;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The read-only view of a cart that a {@link Promotion} evaluates against. Amounts are
 * {@code long} minor units of {@link #currency()} (the engine's hot path; convert parameters
 * with {@link #minor(MonetaryAmount)}). Lines are indexed {@code 0..lineCount()-1} in canonical
 * order (seller, SKU, line id); sellers {@code 0..sellerCount()-1} in seller-id order.
 *
 * <p>The cart's list total (shipping included) and its total units are checked to fit a
 * {@code long} before any promotion is evaluated. A rule still computes with {@link
 * dev.mercato.pricing.money.Exact} (or {@code Math.*Exact}), so that an overflow is a {@link
 * dev.mercato.pricing.money.MoneyOverflowException}, never a wrapped value.
 *
 * <p>A view is valid only during the {@code evaluate} call that receives it; do not keep it.
 */
public interface PromotionContext {

    /**
     * The request's currency.
     *
     * @return the currency
     */
    CurrencyUnit currency();

    /**
     * How discounts are rounded to the minor unit.
     *
     * @return the rounding policy
     */
    RoundingPolicy rounding();

    /**
     * The pricing instant.
     *
     * @return the instant
     */
    Instant at();

    /**
     * The buyer.
     *
     * @return the buyer
     */
    BuyerContext buyer();

    /**
     * The caps the caller tracks.
     *
     * @return the caps
     */
    RemainingCaps caps();

    /**
     * How many lines the cart has.
     *
     * @return at least 1
     */
    int lineCount();

    /**
     * A line as the caller supplied it.
     *
     * @param line the line index
     * @return the line
     */
    PricingLine line(int line);

    /**
     * A line's list unit price.
     *
     * @param line the line index
     * @return minor units
     */
    long listUnitPrice(int line);

    /**
     * A line's list amount: list unit price times quantity.
     *
     * @param line the line index
     * @return minor units
     */
    long listAmount(int line);

    /**
     * A line's running amount when this promotion's lane started: what thresholds measure.
     *
     * @param line the line index
     * @return minor units, not negative
     */
    long laneStartAmount(int line);

    /**
     * A line's running amount now, after the earlier promotions of this lane: what discounts
     * are taken from. A discount larger than this is cut to it.
     *
     * @param line the line index
     * @return minor units, not negative
     */
    long currentAmount(int line);

    /**
     * The index of a line's seller.
     *
     * @param line the line index
     * @return the seller index
     */
    int sellerOf(int line);

    /**
     * How many sellers the cart has.
     *
     * @return at least 1
     */
    int sellerCount();

    /**
     * A seller id.
     *
     * @param seller the seller index
     * @return the id
     */
    String seller(int seller);

    /**
     * The index of a seller id.
     *
     * @param sellerId the seller id
     * @return its index, or -1 if the cart has no line of that seller
     */
    int sellerIndex(String sellerId);

    /**
     * A seller's shipping charge.
     *
     * @param seller the seller index
     * @return minor units
     */
    long shippingCharge(int seller);

    /**
     * A seller's shipping charge left after the earlier shipping discounts.
     *
     * @param seller the seller index
     * @return minor units, not negative
     */
    long shippingLeft(int seller);

    /**
     * Which lines a scope matches, found through indexes (the engine's fast path for
     * {@link Scope#matches(PricingLine)} over every line).
     *
     * @param scope the scope
     * @return a fresh array, one flag per line
     */
    boolean[] linesIn(Scope scope);

    /**
     * Renders minor units for explanations, e.g. {@code CNY 12.30}, without creating an amount.
     *
     * @param minorUnits the minor units
     * @return the text
     */
    String format(long minorUnits);

    /**
     * Converts an amount of the request's currency to minor units.
     *
     * @param amount the amount
     * @return minor units
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if the currency differs
     */
    long minor(MonetaryAmount amount);

    /**
     * Converts minor units to an amount (for explanations).
     *
     * @param minorUnits the minor units
     * @return the amount
     */
    MonetaryAmount amount(long minorUnits);
}
