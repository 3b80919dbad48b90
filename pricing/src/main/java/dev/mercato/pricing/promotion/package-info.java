/**
 * The pricing engine: price levels, promotions, coupons, stacking, proration and explanations.
 *
 * <p>Build a {@link dev.mercato.pricing.promotion.PricingEngine} from a list of
 * {@link dev.mercato.pricing.promotion.Promotion}s (the built-in kinds live in
 * {@code dev.mercato.pricing.promotion.rule}; JSON loading in {@code ...promotion.json}) and call
 * {@link dev.mercato.pricing.promotion.PricingEngine#price(PricingRequest)}. The engine is pure:
 * the same request always gives the same {@link dev.mercato.pricing.promotion.PricingResult},
 * whatever the order of its lines. The semantics are pinned down in {@code docs/pricing.md}.
 */
package dev.mercato.pricing.promotion;
