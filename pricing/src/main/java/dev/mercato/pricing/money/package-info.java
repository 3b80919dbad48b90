/**
 * The money kernel: exact minor-unit arithmetic ({@link dev.mercato.pricing.money.MinorAmount},
 * {@link dev.mercato.pricing.money.MinorUnits}), the one allocator every split goes through
 * ({@link dev.mercato.pricing.money.Allocation}), rounding to a currency's minor unit ({@link
 * dev.mercato.pricing.money.RoundingPolicy}) and exact rates ({@link
 * dev.mercato.pricing.money.Rate}).
 *
 * <p>Public methods take and return {@link javax.money.MonetaryAmount}; {@code long} minor
 * units are the fast path inside. Nothing here uses {@code double} or {@code float}, and
 * nothing here rounds silently.
 */
package dev.mercato.pricing.money;
