package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.order.OrderFacts;
import dev.mercato.pricing.error.InvalidInputException;

/** Who may do what; each check throws {@link NotPermittedException} before anything is changed. */
final class Access {
    private Access() {}

    static void cartOwner(Actor actor, CartId cart, String action) {
        InvalidInputException.requireNonNull(actor, "actor");
        if (!(actor instanceof Actor.Buyer buyer && buyer.buyerId().equals(cart.ownerId()))) {
            throw new NotPermittedException(actor, action, "cart of " + cart.ownerId());
        }
    }

    static void cartReader(Actor actor, CartId cart) {
        InvalidInputException.requireNonNull(actor, "actor");
        if (!(actor instanceof Actor.PlatformOperator)) {
            cartOwner(actor, cart, "read");
        }
    }

    static boolean isBuyer(Actor actor, String buyerId) {
        return actor instanceof Actor.Buyer b && b.buyerId().equals(buyerId);
    }

    static boolean isSeller(Actor actor, OrderFacts facts) {
        return actor instanceof Actor.Seller s && s.sellerId().equals(facts.sellerId());
    }

    static boolean isPlatform(Actor actor) {
        return actor instanceof Actor.PlatformOperator || actor instanceof Actor.System;
    }

    /** Who may act on an order. */
    enum OrderRole {
        BUYER, SELLER, OPERATOR, SYSTEM
    }

    static void order(Actor actor, OrderFacts facts, String action, OrderRole... allowed) {
        InvalidInputException.requireNonNull(actor, "actor");
        for (OrderRole role : allowed) {
            boolean ok = switch (role) {
                case BUYER -> isBuyer(actor, facts.buyerId());
                case SELLER -> isSeller(actor, facts);
                case OPERATOR -> actor instanceof Actor.PlatformOperator;
                case SYSTEM -> actor instanceof Actor.System;
            };
            if (ok) {
                return;
            }
        }
        throw new NotPermittedException(actor, action, "order " + facts.id());
    }

    static void system(Actor actor, String action) {
        InvalidInputException.requireNonNull(actor, "actor");
        if (!isPlatform(actor)) {
            throw new NotPermittedException(actor, action, "the platform");
        }
    }
}
