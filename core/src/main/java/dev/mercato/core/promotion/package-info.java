/**
 * Promotion caps the facade tracks between orders: coupon uses per buyer, total uses and budgets
 * per promotion. They are read into the engine's {@link dev.mercato.pricing.promotion.RemainingCaps}
 * whenever a cart is priced, booked in the unit of work that places a checkout's orders, and
 * released when every order of that checkout ends before shipment.
 */
package dev.mercato.core.promotion;
