package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.Cart;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartItem;
import dev.mercato.core.cart.CartPriceResult;
import dev.mercato.core.cart.CartPricingRequest;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.Carts;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.cart.ShippingCharges;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Versioned;
import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Cart commands: authorize, load, apply, save. */
final class CartCommands {
    private final Context context;

    CartCommands(Context context) {
        this.context = context;
    }

    CartResult add(Actor actor, CartId cartId, SkuId skuId, long quantity) {
        InvalidInputException.requireNonNull(cartId, "cart");
        Access.cartOwner(actor, cartId, "add to");
        if (quantity <= 0) {
            throw new InvalidInputException("quantity", quantity, "must be positive");
        }
        Sku sku = context.catalog().requireActive(InvalidInputException.requireNonNull(skuId, "sku"));
        return change(cartId, cart -> cart.add(sku, quantity, context.limits(), context.now()));
    }

    CartResult changeQuantity(Actor actor, CartId cartId, SkuId sku, long quantity) {
        InvalidInputException.requireNonNull(cartId, "cart");
        Access.cartOwner(actor, cartId, "change");
        InvalidInputException.requireNonNull(sku, "sku");
        // A SKU the catalog no longer sells keeps the limits alone; checkout refuses it anyway.
        Optional<Sku> current = context.catalog().find(sku).filter(Sku::active);
        return change(cartId, cart -> current.isPresent() ? cart.changeQuantity(current.get(), quantity, context.limits())
                : cart.changeQuantity(sku, quantity, context.limits()));
    }

    CartResult remove(Actor actor, CartId cartId, SkuId sku) {
        InvalidInputException.requireNonNull(cartId, "cart");
        Access.cartOwner(actor, cartId, "remove from");
        return change(cartId, cart -> cart.remove(sku));
    }

    CartResult merge(Actor actor, CartId memberCart, CartId guestCart) {
        InvalidInputException.requireNonNull(memberCart, "memberCart");
        InvalidInputException.requireNonNull(guestCart, "guestCart");
        Access.cartOwner(actor, memberCart, "merge into");
        if (memberCart.equals(guestCart)) {
            throw new InvalidInputException("guestCart", guestCart, "is the member's own cart");
        }
        if (!guestCart.isGuest()) {
            throw new InvalidInputException("guestCart", guestCart, "is not a guest cart (make it with CartId.guest);"
                    + " another buyer's cart is never merged");
        }
        if (memberCart.isGuest()) {
            throw new InvalidInputException("memberCart", memberCart, "is a guest cart; merge into the member's cart");
        }
        return context.tx(uow -> {
            Repository<CartId, Cart> carts = uow.repository(Carts.TYPE);
            Optional<Versioned<Cart>> mine = carts.find(memberCart);
            Optional<Versioned<Cart>> guest = carts.find(guestCart);
            Cart current = mine.map(Versioned::value).orElse(Cart.empty(memberCart));
            if (guest.isEmpty()) {
                return new CartResult.Updated(current, List.of());
            }
            CartResult.Updated merged = current.merge(guest.get().value(), context.limits(), context.catalog()::find);
            carts.save(memberCart, merged.cart(), mine);
            carts.delete(guestCart, guest.get().version());
            return merged;
        });
    }

    Cart read(Actor actor, CartId cartId) {
        InvalidInputException.requireNonNull(cartId, "cart");
        Access.cartReader(actor, cartId);
        return context.tx(uow -> uow.repository(Carts.TYPE).find(cartId)).map(Versioned::value)
                .orElse(Cart.empty(cartId));
    }

    CartPriceResult price(Actor actor, CartId cartId, Optional<Destination> destination) {
        InvalidInputException.requireNonNull(destination, "destination");
        Cart cart = read(actor, cartId);
        List<SkuId> gone = unavailable(context, cart);
        List<CartItem> available = cart.items().stream().filter(i -> !gone.contains(i.sku())).toList();
        if (available.isEmpty()) {
            return new CartPriceResult.Empty();
        }
        CartPriceResult result = price(context, new Cart(cart.id(), available, cart.currency()), destination);
        if (!(result instanceof CartPriceResult.Priced done)) {
            return result;
        }
        PricedCart priced = done.cart();
        if (!gone.isEmpty()) {
            List<String> explanation = new ArrayList<>(priced.explanation());
            gone.forEach(sku -> explanation.add("SKU " + sku + " is no longer available and was not priced"));
            priced = priced.withExplanation(explanation);
        }
        // Reported, never refused: a buyer builds the cart up to each seller's minimum.
        return new CartPriceResult.Priced(priced, OrderQuantities.shortfalls(context, priced));
    }

    /**
     * Prices a cart whose SKUs are all active: shipping rates first (to the destination, if
     * known), then the pricing port over those charges; quoted promises and their explanation are
     * attached to the priced cart.
     */
    static CartPriceResult price(Context context, Cart cart, Optional<Destination> destination) {
        return price(context, cart, destination, java.util.function.UnaryOperator.identity());
    }

    /**
     * As {@link #price(Context, Cart, Optional)}, each catalog SKU passed through {@code skus}
     * first (a group checkout offers its campaign SKUs at the group price this way).
     */
    static CartPriceResult price(Context context, Cart cart, Optional<Destination> destination,
            java.util.function.UnaryOperator<dev.mercato.core.catalog.Sku> skus) {
        CartPricingRequest request = request(context, cart, destination, skus);
        ShippingCharges charges = context.shippingRates().charges(request);
        if (charges instanceof ShippingCharges.Unshippable unshippable) {
            return new CartPriceResult.Unshippable(unshippable.refusal());
        }
        ShippingCharges.Charged charged = (ShippingCharges.Charged) charges;
        PricedCart priced = context.pricing().price(request.withShipping(charged.amounts()));
        Map<String, DeliveryPromise> promises = new LinkedHashMap<>();
        List<String> explanation = new ArrayList<>();
        charged.bySeller().forEach((seller, shipping) -> {
            shipping.promise().ifPresent(p -> promises.put(seller, p));
            shipping.describe(seller).ifPresent(explanation::add);
        });
        return new CartPriceResult.Priced(promises.isEmpty() && explanation.isEmpty() ? priced
                : priced.withDelivery(promises, explanation));
    }

    /** The SKUs of a cart that the catalog no longer sells (unknown or inactive), in cart order. */
    static List<SkuId> unavailable(Context context, Cart cart) {
        return cart.items().stream().map(CartItem::sku)
                .filter(sku -> context.catalog().find(sku).map(s -> !s.active()).orElse(true)).toList();
    }

    /** The pricing request for a cart, without shipping charges; every SKU must still be active. */
    static CartPricingRequest request(Context context, Cart cart, Optional<Destination> destination) {
        return request(context, cart, destination, java.util.function.UnaryOperator.identity());
    }

    private static CartPricingRequest request(Context context, Cart cart, Optional<Destination> destination,
            java.util.function.UnaryOperator<dev.mercato.core.catalog.Sku> skus) {
        List<CartPricingRequest.Line> lines = new ArrayList<>();
        int lineNo = 1;
        for (CartItem item : cart.items()) {
            lines.add(new CartPricingRequest.Line(lineNo++, skus.apply(context.catalog().requireActive(item.sku())),
                    item.quantity()));
        }
        CartPricingRequest request = new CartPricingRequest(cart.id().ownerId(), cart.currency().orElseThrow(),
                context.now(), lines, Map.of(), destination);
        if (context.caps().limits().isEmpty()) {
            return request;
        }
        return request.withCaps(context.tx(uow -> context.caps().remaining(uow, request.buyerId(), request.currency())));
    }

    private CartResult change(CartId cartId, Function<Cart, CartResult> command) {
        return context.tx(uow -> {
            Repository<CartId, Cart> carts = uow.repository(Carts.TYPE);
            Optional<Versioned<Cart>> current = carts.find(cartId);
            CartResult result = command.apply(current.map(Versioned::value).orElse(Cart.empty(cartId)));
            if (result instanceof CartResult.Updated updated) {
                carts.save(cartId, updated.cart(), current);
            }
            return result;
        });
    }
}
