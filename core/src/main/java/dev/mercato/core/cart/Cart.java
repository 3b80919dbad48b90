package dev.mercato.core.cart;

import dev.mercato.core.catalog.InactiveSkuException;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;

/**
 * A buyer's cart: items from any number of sellers, in the order first added, all priced in one
 * currency (set by the first item). Immutable; commands return a {@link CartResult} holding the
 * new cart or a refusal.
 *
 * <p>Bad input throws and changes nothing: a quantity of zero or less ({@link
 * InvalidInputException}), an inactive SKU ({@link InactiveSkuException}), a SKU in another
 * currency ({@link CurrencyMismatchException}). Limits are refusals.
 *
 * @param id the cart id (its owner)
 * @param items the items, each SKU at most once
 * @param currency the currency of every item, empty for an empty cart
 */
public record Cart(CartId id, List<CartItem> items, Optional<CurrencyUnit> currency) {
    /** Validates the fields and copies the items. */
    public Cart {
        InvalidInputException.requireNonNull(id, "id");
        items = List.copyOf(InvalidInputException.requireNonNull(items, "items"));
        InvalidInputException.requireNonNull(currency, "currency");
        Set<SkuId> seen = new LinkedHashSet<>();
        for (CartItem item : items) {
            if (!seen.add(item.sku())) {
                throw new InvalidInputException("items", items, "hold SKU " + item.sku() + " twice");
            }
        }
        if (items.isEmpty() != currency.isEmpty()) {
            throw new InvalidInputException("currency", currency, "must be set exactly when the cart has items");
        }
    }

    /**
     * An empty cart.
     *
     * @param id the owner
     * @return the cart
     */
    public static Cart empty(CartId id) {
        return new Cart(id, List.of(), Optional.empty());
    }

    /**
     * The item of a SKU.
     *
     * @param sku the SKU
     * @return the item, or empty
     */
    public Optional<CartItem> item(SkuId sku) {
        return items.stream().filter(i -> i.sku().equals(sku)).findFirst();
    }

    /**
     * The sellers in this cart, in the order first added.
     *
     * @return the seller ids
     */
    public List<String> sellers() {
        return items.stream().map(CartItem::sellerId).distinct().toList();
    }

    /**
     * Whether the cart holds nothing.
     *
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * Adds units of a SKU (to those already in the cart).
     *
     * @param sku the SKU as the catalog has it now; must be active
     * @param quantity units to add, positive
     * @param limits the limits to enforce, with the SKU's own order quantity ({@link
     *     CartLimits#quantityRefusal}): the units the cart would then hold must be within them
     * @param at now
     * @return the new cart, or a refusal when a limit would be exceeded, the units would be below
     *     the SKU's minimum order quantity or not a multiple of its step (nothing is raised or cut)
     */
    public CartResult add(Sku sku, long quantity, CartLimits limits, Instant at) {
        requireQuantity(quantity);
        InvalidInputException.requireNonNull(sku, "sku");
        InvalidInputException.requireNonNull(limits, "limits");
        InvalidInputException.requireNonNull(at, "at");
        if (!sku.active()) {
            throw new InactiveSkuException(sku.id());
        }
        CurrencyUnit skuCurrency = sku.listPrice().getCurrency();
        if (currency.isPresent() && !currency.get().equals(skuCurrency)) {
            throw new CurrencyMismatchException(currency.get(), skuCurrency);
        }
        Optional<CartItem> existing = item(sku.id());
        if (existing.isEmpty() && items.size() >= limits.maxLines()) {
            return new CartResult.Refused(CartResult.Reason.TOO_MANY_LINES, "a cart holds at most " + limits.maxLines() + " different items");
        }
        if (quantity > CartLimits.MAX_UNITS) {
            return new CartResult.Refused(CartResult.Reason.QUANTITY_LIMIT, "at most " + limits.maxUnits(sku)
                    + " units of " + sku.id() + " per order; " + quantity + " asked");
        }
        long total = existing.map(CartItem::quantity).orElse(0L) + quantity;
        Optional<CartResult.Refused> refusal = unitsRefusal(sku, total, limits);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        List<CartItem> next = new ArrayList<>(items);
        if (existing.isPresent()) {
            next.set(items.indexOf(existing.get()), new CartItem(sku.id(), sku.sellerId(), total, existing.get().addedAt()));
        } else {
            next.add(new CartItem(sku.id(), sku.sellerId(), total, at));
        }
        return new CartResult.Updated(new Cart(id, next, Optional.of(skuCurrency)), List.of());
    }

    /**
     * Sets the units of a SKU already in the cart, within the limits alone (the SKU's own order
     * quantity is not known here: see {@link #changeQuantity(Sku, long, CartLimits)}).
     *
     * @param sku the SKU
     * @param quantity the new units, positive (use {@link #remove} to drop an item)
     * @param limits the limits to enforce
     * @return the new cart, or a refusal when the SKU is not in the cart or a limit is exceeded
     */
    public CartResult changeQuantity(SkuId sku, long quantity, CartLimits limits) {
        requireQuantity(quantity);
        InvalidInputException.requireNonNull(sku, "sku");
        InvalidInputException.requireNonNull(limits, "limits");
        if (item(sku).isEmpty()) {
            return new CartResult.Refused(CartResult.Reason.NOT_IN_CART, "SKU " + sku + " is not in the cart");
        }
        Optional<String> refusal = quantityRefusal(sku, quantity, limits);
        if (refusal.isPresent()) {
            return new CartResult.Refused(CartResult.Reason.QUANTITY_LIMIT, refusal.get());
        }
        if (quantity < limits.minUnits(sku)) {
            return new CartResult.Refused(CartResult.Reason.BELOW_MINIMUM_QUANTITY, belowMinimum(sku, quantity, limits));
        }
        return withQuantity(sku, quantity);
    }

    /**
     * Sets the units of a SKU already in the cart, within the SKU's own order quantity as well as
     * the limits ({@link CartLimits#quantityRefusal}).
     *
     * @param sku the SKU as the catalog has it now
     * @param quantity the new units, positive (use {@link #remove} to drop an item)
     * @param limits the limits to enforce
     * @return the new cart, or a refusal when the SKU is not in the cart or the units are not allowed
     */
    public CartResult changeQuantity(Sku sku, long quantity, CartLimits limits) {
        requireQuantity(quantity);
        InvalidInputException.requireNonNull(sku, "sku");
        InvalidInputException.requireNonNull(limits, "limits");
        if (item(sku.id()).isEmpty()) {
            return new CartResult.Refused(CartResult.Reason.NOT_IN_CART, "SKU " + sku.id() + " is not in the cart");
        }
        Optional<CartResult.Refused> refusal = unitsRefusal(sku, quantity, limits);
        return refusal.isPresent() ? refusal.get() : withQuantity(sku.id(), quantity);
    }

    private CartResult withQuantity(SkuId sku, long quantity) {
        Optional<CartItem> existing = item(sku);
        List<CartItem> next = new ArrayList<>(items);
        CartItem old = existing.orElseThrow();
        next.set(items.indexOf(old), new CartItem(sku, old.sellerId(), quantity, old.addedAt()));
        return new CartResult.Updated(new Cart(id, next, currency), List.of());
    }

    /**
     * Removes a SKU.
     *
     * @param sku the SKU
     * @return the new cart, or a refusal when the SKU is not in the cart
     */
    public CartResult remove(SkuId sku) {
        InvalidInputException.requireNonNull(sku, "sku");
        if (item(sku).isEmpty()) {
            return new CartResult.Refused(CartResult.Reason.NOT_IN_CART, "SKU " + sku + " is not in the cart");
        }
        List<CartItem> next = items.stream().filter(i -> !i.sku().equals(sku)).toList();
        return new CartResult.Updated(new Cart(id, next, next.isEmpty() ? Optional.empty() : currency), List.of());
    }

    /**
     * Merges a guest's cart into this one on sign-in: quantities of a SKU in both add up, new SKUs
     * are appended. A merge never fails: quantities are cut to the limits, and items in another
     * currency or beyond the line limit are left out, each with a note.
     *
     * @param guest the guest's cart
     * @param limits the limits to enforce
     * @return the merged cart, with notes on what was adjusted
     */
    public CartResult.Updated merge(Cart guest, CartLimits limits) {
        return merge(guest, limits, sku -> Optional.empty());
    }

    /**
     * As {@link #merge(Cart, CartLimits)}, each quantity cut to the SKU's own maximum where the
     * catalog has the SKU ({@link CartLimits#maxUnits(Sku)}), so a wholesale SKU keeps its units.
     * A merged quantity below a SKU's minimum stays (checkout refuses it until it is raised).
     *
     * @param guest the guest's cart
     * @param limits the limits to enforce
     * @param catalog the SKUs as the catalog has them now; empty for a SKU it no longer has
     * @return the merged cart, with notes on what was adjusted
     */
    public CartResult.Updated merge(Cart guest, CartLimits limits, java.util.function.Function<SkuId, Optional<Sku>> catalog) {
        InvalidInputException.requireNonNull(guest, "guest");
        InvalidInputException.requireNonNull(limits, "limits");
        InvalidInputException.requireNonNull(catalog, "catalog");
        List<CartItem> next = new ArrayList<>(items);
        Optional<CurrencyUnit> mergedCurrency = currency.isPresent() ? currency : guest.currency();
        List<String> notes = new ArrayList<>();
        if (guest.currency().isPresent() && !guest.currency().equals(mergedCurrency)) {
            notes.add("guest items in " + guest.currency().get().getCurrencyCode() + " were left out");
            return new CartResult.Updated(this, notes);
        }
        for (CartItem g : guest.items()) {
            Optional<CartItem> mine = next.stream().filter(i -> i.sku().equals(g.sku())).findFirst();
            long wanted = mine.map(CartItem::quantity).orElse(0L) + g.quantity();
            long max = catalog.apply(g.sku()).map(limits::maxUnits).orElseGet(() -> limits.maxUnits(g.sku()));
            long cap = Math.max(1, Math.min(max, limits.flashSaleCap(g.sku()).orElse(Long.MAX_VALUE)));
            long kept = Math.min(wanted, cap);
            if (kept < wanted) {
                notes.add("SKU " + g.sku() + " cut from " + wanted + " to " + kept + " units");
            }
            if (mine.isPresent()) {
                next.set(next.indexOf(mine.get()), new CartItem(g.sku(), g.sellerId(), kept, mine.get().addedAt()));
            } else if (next.size() >= limits.maxLines()) {
                notes.add("SKU " + g.sku() + " left out: a cart holds at most " + limits.maxLines() + " different items");
            } else {
                next.add(new CartItem(g.sku(), g.sellerId(), kept, g.addedAt()));
            }
        }
        return new CartResult.Updated(new Cart(id, next, next.isEmpty() ? Optional.empty() : mergedCurrency), notes);
    }

    /**
     * This cart with nothing in it, e.g. after checkout.
     *
     * @return an empty cart with the same id
     */
    public Cart cleared() {
        return empty(id);
    }

    private static Optional<CartResult.Refused> unitsRefusal(Sku sku, long total, CartLimits limits) {
        Optional<CartResult.Refused> range = limits.quantityRefusal(sku, total);
        if (range.isPresent()) {
            return range;
        }
        Optional<Long> cap = limits.flashSaleCap(sku.id());
        if (cap.isPresent() && total > cap.get()) {
            return Optional.of(new CartResult.Refused(CartResult.Reason.QUANTITY_LIMIT, "flash sale: at most "
                    + cap.get() + " units of " + sku.id() + " per buyer"));
        }
        return Optional.empty();
    }

    private static Optional<String> quantityRefusal(SkuId sku, long total, CartLimits limits) {
        if (total > limits.maxUnits(sku)) {
            return Optional.of("at most " + limits.maxUnits(sku) + " units of " + sku + " per cart");
        }
        Optional<Long> cap = limits.flashSaleCap(sku);
        if (cap.isPresent() && total > cap.get()) {
            return Optional.of("flash sale: at most " + cap.get() + " units of " + sku + " per buyer");
        }
        return Optional.empty();
    }

    /**
     * The reason a quantity is below a SKU's minimum order quantity, for refusals.
     *
     * @param sku the SKU
     * @param units the units asked
     * @param limits the limits
     * @return the reason
     */
    public static String belowMinimumText(SkuId sku, long units, CartLimits limits) {
        return belowMinimum(sku, units, limits);
    }

    /** The reason a quantity is below a SKU's minimum order quantity. */
    static String belowMinimum(SkuId sku, long units, CartLimits limits) {
        return "SKU " + sku + " is sold in at least " + limits.minUnits(sku) + " units (minimum order quantity); "
                + units + " asked";
    }

    private static void requireQuantity(long quantity) {
        if (quantity <= 0) {
            throw new InvalidInputException("quantity", quantity, "must be positive");
        }
    }
}
