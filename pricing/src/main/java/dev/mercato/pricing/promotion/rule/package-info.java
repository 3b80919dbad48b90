/**
 * The built-in promotion kinds, one record per kind, each a
 * {@link dev.mercato.pricing.promotion.Promotion}: percent and amount off, flash sales,
 * spend-X-save-Y (tiered and repeating), threshold percent, buy X get Y, bundles, free gifts,
 * coupons, free shipping and shipping coupons, member and new-user prices, quantity breaks,
 * group-buy prices and pre-sale deposits. All are immutable and thread-safe.
 */
package dev.mercato.pricing.promotion.rule;
