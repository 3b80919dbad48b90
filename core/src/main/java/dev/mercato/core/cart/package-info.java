/**
 * The cart aggregate: one per buyer (or guest), holding items from many sellers, with limits,
 * guest-cart merging, and pricing at read time through the {@link
 * dev.mercato.core.cart.CartPricing} port.
 */
package dev.mercato.core.cart;
