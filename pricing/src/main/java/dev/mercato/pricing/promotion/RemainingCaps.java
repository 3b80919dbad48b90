package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Map;
import java.util.OptionalLong;
import javax.money.MonetaryAmount;

/**
 * Limits the caller tracks between orders and hands to the engine, keyed by promotion id: flash
 * stock left, units this buyer may still buy at a promotion price, uses this buyer has left of a
 * coupon, and budget left of a coupon or promotion. A key that is absent means "as the rule
 * says" (the rule's own cap, or no cap). The engine never decrements anything: the result says
 * what was used, and the caller records it. Immutable and thread-safe.
 *
 * @param stockLeft units left in stock at the promotion price, per promotion
 * @param perBuyerUnitsLeft units this buyer may still buy at the promotion price, per promotion
 * @param usesLeft times this buyer may still use the promotion (coupons), per promotion
 * @param budgetLeft money left in the promotion's total budget, per promotion
 */
public record RemainingCaps(Map<String, Long> stockLeft, Map<String, Long> perBuyerUnitsLeft,
        Map<String, Long> usesLeft, Map<String, MonetaryAmount> budgetLeft) {

    private static final RemainingCaps NONE = new RemainingCaps(Map.of(), Map.of(), Map.of(), Map.of());

    /**
     * Copies and validates the maps.
     *
     * @throws InvalidInputException if a map is {@code null} or a count is negative
     */
    public RemainingCaps {
        stockLeft = nonNegative(stockLeft, "caps.stockLeft");
        perBuyerUnitsLeft = nonNegative(perBuyerUnitsLeft, "caps.perBuyerUnitsLeft");
        usesLeft = nonNegative(usesLeft, "caps.usesLeft");
        budgetLeft = Map.copyOf(InvalidInputException.requireNonNull(budgetLeft, "caps.budgetLeft"));
        for (Map.Entry<String, MonetaryAmount> e : budgetLeft.entrySet()) {
            if (e.getValue().isNegative()) {
                throw new InvalidInputException("caps.budgetLeft." + e.getKey(), e.getValue(), "must not be negative");
            }
        }
    }

    /**
     * No caller-tracked caps: every rule uses its own caps.
     *
     * @return the empty caps
     */
    public static RemainingCaps none() {
        return NONE;
    }

    /**
     * These caps with flash stock left for a promotion.
     *
     * @param promotionId the promotion
     * @param units the units left
     * @return new caps
     */
    public RemainingCaps withStockLeft(String promotionId, long units) {
        return new RemainingCaps(put(stockLeft, promotionId, units), perBuyerUnitsLeft, usesLeft, budgetLeft);
    }

    /**
     * These caps with per-buyer units left for a promotion.
     *
     * @param promotionId the promotion
     * @param units the units left
     * @return new caps
     */
    public RemainingCaps withPerBuyerUnitsLeft(String promotionId, long units) {
        return new RemainingCaps(stockLeft, put(perBuyerUnitsLeft, promotionId, units), usesLeft, budgetLeft);
    }

    /**
     * These caps with uses left for a promotion.
     *
     * @param promotionId the promotion
     * @param uses the uses left
     * @return new caps
     */
    public RemainingCaps withUsesLeft(String promotionId, long uses) {
        return new RemainingCaps(stockLeft, perBuyerUnitsLeft, put(usesLeft, promotionId, uses), budgetLeft);
    }

    /**
     * These caps with budget left for a promotion.
     *
     * @param promotionId the promotion
     * @param budget the budget left
     * @return new caps
     */
    public RemainingCaps withBudgetLeft(String promotionId, MonetaryAmount budget) {
        Map<String, MonetaryAmount> copy = new java.util.HashMap<>(budgetLeft);
        copy.put(promotionId, budget);
        return new RemainingCaps(stockLeft, perBuyerUnitsLeft, usesLeft, copy);
    }

    /**
     * Stock left for a promotion, if the caller tracks it.
     *
     * @param promotionId the promotion
     * @return the units left, or empty
     */
    public OptionalLong stockLeft(String promotionId) {
        return lookup(stockLeft, promotionId);
    }

    /**
     * Per-buyer units left for a promotion, if the caller tracks them.
     *
     * @param promotionId the promotion
     * @return the units left, or empty
     */
    public OptionalLong perBuyerUnitsLeft(String promotionId) {
        return lookup(perBuyerUnitsLeft, promotionId);
    }

    /**
     * Uses left for a promotion, if the caller tracks them.
     *
     * @param promotionId the promotion
     * @return the uses left, or empty
     */
    public OptionalLong usesLeft(String promotionId) {
        return lookup(usesLeft, promotionId);
    }

    private static OptionalLong lookup(Map<String, Long> map, String key) {
        Long v = map.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private static Map<String, Long> put(Map<String, Long> map, String key, long value) {
        Map<String, Long> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Long> nonNegative(Map<String, Long> map, String field) {
        Map<String, Long> copy = Map.copyOf(InvalidInputException.requireNonNull(map, field));
        for (Map.Entry<String, Long> e : copy.entrySet()) {
            if (e.getValue() < 0) {
                throw new InvalidInputException(field + "." + e.getKey(), e.getValue(), "must not be negative");
            }
        }
        return copy;
    }
}
