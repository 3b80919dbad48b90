package dev.mercato.pricing.promotion;

/**
 * How the engine chose among promotions that exclude each other.
 *
 * @param contestedGroups exclusivity groups with more live candidates than they admit
 * @param combinationsEvaluated full pricing runs performed (1 when nothing was contested)
 * @param exhaustive {@code true} if every combination was tried; {@code false} if the bound was
 *     exceeded and the engine improved the priority-order choice one group at a time
 */
public record SearchSummary(int contestedGroups, int combinationsEvaluated, boolean exhaustive) {}
