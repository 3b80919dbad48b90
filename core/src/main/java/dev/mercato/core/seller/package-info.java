/**
 * Sellers and their security deposits: onboarding as types (a sealed {@link
 * dev.mercato.core.seller.Seller} with one record per state), requirements per {@link
 * dev.mercato.core.seller.SellerType} as configuration ({@link
 * dev.mercato.core.seller.OnboardingPolicy}), and the {@link dev.mercato.core.seller.SellerService}
 * that lodges deposits through the payment SPI, posts them to the seller's deposit account,
 * debits penalties and compensation and returns the rest when a seller closes.
 *
 * <p>States are pure values: they read no clock and touch no storage. A transition is a method on
 * the state it leaves; it takes the acting {@link dev.mercato.core.actor.Actor}, checks who may do what
 * and returns a {@link dev.mercato.core.seller.SellerResult}.
 */
package dev.mercato.core.seller;
