/**
 * Checkout results and the buyer payment: one payment per checkout, paying one order per seller.
 */
package dev.mercato.core.checkout;
