package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * What an applied promotion does to the cart, in minor units of the request's currency. Arrays
 * are indexed like {@link PromotionContext} (lines in canonical order, sellers in id order); the
 * engine takes ownership of them, so do not reuse them after returning.
 *
 * <p>The engine keeps every line at zero or above: a discount larger than a line's current
 * amount (or a shipping discount larger than the charge left) is cut to it, and the cut is
 * visible in the result.
 */
public sealed interface Effect permits Effect.LineDiscounts, Effect.Pooled, Effect.PriceOffers,
        Effect.ShippingDiscounts, Effect.Gifts, Effect.Deposits {

    /**
     * Discounts computed per line (item promotions): each already rounded.
     *
     * @param amounts the discount per line, not negative; 0 for untouched lines
     */
    record LineDiscounts(long[] amounts) implements Effect {
        /**
         * Validates the array.
         *
         * @throws InvalidInputException if it is {@code null}
         */
        public LineDiscounts {
            InvalidInputException.requireNonNull(amounts, "amounts");
        }
    }

    /**
     * One rounded discount the engine prorates over lines with {@code Allocation.allocate}.
     *
     * @param amount the discount, rounded once, not negative
     * @param weights one weight per line (usually its current amount; 0 for lines not involved)
     */
    record Pool(long amount, long[] weights) {
        /**
         * Validates the pool.
         *
         * @throws InvalidInputException if the weights are {@code null} or the amount negative
         */
        public Pool {
            InvalidInputException.requireNonNull(weights, "weights");
            if (amount < 0) {
                throw new InvalidInputException("pool.amount", amount, "must not be negative");
            }
        }
    }

    /**
     * Discounts prorated by the engine: one pool per shop for a shop-level promotion, one for a
     * cross-shop promotion.
     *
     * @param pools the pools
     */
    record Pooled(List<Pool> pools) implements Effect {
        /**
         * Copies the pools.
         *
         * @throws InvalidInputException if the list is {@code null}
         */
        public Pooled {
            pools = List.copyOf(InvalidInputException.requireNonNull(pools, "pools"));
        }
    }

    /**
     * Unit prices offered in the price-level lane. The engine fills each line's units from the
     * cheapest offer up, respecting each offer's unit limit; units no offer covers pay the list
     * price. An offer with a shared limit (a flash sale's stock or per-buyer units, for every line
     * in its scope together) gives its units to the lines where they save the buyer the most:
     * largest saving per unit over the price the unit would otherwise have first, ties to the
     * earlier line in canonical order.
     *
     * @param unitPrices the offered unit price per line; negative for no offer on that line
     * @param maxUnits the most units per line the offer covers ({@link Long#MAX_VALUE} for all)
     * @param sharedUnits the most units over all lines together, not negative
     *     ({@link Long#MAX_VALUE} for no shared limit)
     */
    record PriceOffers(long[] unitPrices, long[] maxUnits, long sharedUnits) implements Effect {
        /**
         * Validates the arrays.
         *
         * @throws InvalidInputException if an array is {@code null}, their lengths differ or the
         *     shared limit is negative
         */
        public PriceOffers {
            InvalidInputException.requireNonNull(unitPrices, "unitPrices");
            InvalidInputException.requireNonNull(maxUnits, "maxUnits");
            if (unitPrices.length != maxUnits.length) {
                throw new InvalidInputException("maxUnits", maxUnits.length, "must have one entry per line");
            }
            if (sharedUnits < 0) {
                throw new InvalidInputException("sharedUnits", sharedUnits, "must not be negative");
            }
        }

        /**
         * Offers limited per line only.
         *
         * @param unitPrices the offered unit price per line; negative for no offer on that line
         * @param maxUnits the most units per line the offer covers ({@link Long#MAX_VALUE} for all)
         * @throws InvalidInputException if an array is {@code null} or their lengths differ
         */
        public PriceOffers(long[] unitPrices, long[] maxUnits) {
            this(unitPrices, maxUnits, Long.MAX_VALUE);
        }
    }

    /**
     * Discounts on shipping charges.
     *
     * @param perSeller the discount per seller, not negative
     */
    record ShippingDiscounts(long[] perSeller) implements Effect {
        /**
         * Validates the array.
         *
         * @throws InvalidInputException if it is {@code null}
         */
        public ShippingDiscounts {
            InvalidInputException.requireNonNull(perSeller, "perSeller");
        }
    }

    /**
     * A free item added to the order.
     *
     * @param sku the gift's SKU
     * @param seller who ships (and by default funds) it
     * @param quantity how many
     * @param unitValue the gift's unit value, shown in the result and counted as a discount
     */
    record Gift(String sku, String seller, long quantity, MonetaryAmount unitValue) {
        /**
         * Validates the gift.
         *
         * @throws InvalidInputException if a value is missing, the quantity is below 1 or the
         *     gift's whole value (quantity times unit value) leaves the range of minor units
         */
        public Gift {
            InvalidInputException.requireNonNull(sku, "gift.sku");
            InvalidInputException.requireNonNull(seller, "gift.seller");
            InvalidInputException.requireNonNull(unitValue, "gift.unitValue");
            if (quantity < 1) {
                throw new InvalidInputException("gift.quantity", quantity, "must be at least 1");
            }
            long unit = Math.abs(MinorUnits.toMinor(unitValue));
            if (unit != 0 && quantity > Long.MAX_VALUE / unit) {
                throw new InvalidInputException("gift.quantity", quantity, "times the unit value " + unitValue
                        + " leaves the range of minor units");
            }
        }
    }

    /**
     * Free gift lines.
     *
     * @param gifts the gifts
     */
    record Gifts(List<Gift> gifts) implements Effect {
        /**
         * Copies the gifts.
         *
         * @throws InvalidInputException if the list is {@code null}
         */
        public Gifts {
            gifts = List.copyOf(InvalidInputException.requireNonNull(gifts, "gifts"));
        }
    }

    /**
     * Pre-sale: the buyer pays a deposit now that counts for more against the balance.
     *
     * @param bonus per line, what the deposit is worth beyond what it costs: a line discount
     * @param deposits per line, the deposit paid now; 0 for lines outside the pre-sale
     */
    record Deposits(long[] bonus, long[] deposits) implements Effect {
        /**
         * Validates the arrays.
         *
         * @throws InvalidInputException if an array is {@code null} or their lengths differ
         */
        public Deposits {
            InvalidInputException.requireNonNull(bonus, "bonus");
            InvalidInputException.requireNonNull(deposits, "deposits");
            if (bonus.length != deposits.length) {
                throw new InvalidInputException("deposits", deposits.length, "must have one entry per line");
            }
        }
    }
}
