/**
 * Promotion rules as data: {@link dev.mercato.pricing.promotion.json.PromotionJson} reads a JSON
 * document of promotions (schema in {@code docs/pricing.md}) into
 * {@link dev.mercato.pricing.promotion.Promotion} values. The only package of the engine that
 * sees Jackson.
 */
package dev.mercato.pricing.promotion.json;
