package dev.mercato.pricing.promotion.json;

import dev.mercato.pricing.promotion.Promotion;

/**
 * Reads one promotion kind from its JSON object. Register custom kinds with
 * {@link PromotionJson#withKind(String, KindReader)}.
 */
@FunctionalInterface
public interface KindReader {

    /**
     * Builds the promotion from its fields. Every field the reader does not ask for is reported
     * as unknown, so typos never pass silently.
     *
     * @param fields the promotion's object, with location-aware accessors
     * @return the promotion
     * @throws PromotionFileException if a field is missing or malformed
     */
    Promotion read(PromotionFields fields);
}
