package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Set;

/**
 * How the engine chose among promotions that exclude each other, orders of application and the
 * buyer's benefits.
 *
 * @param contestedGroups exclusivity groups with more live candidates than they admit
 * @param combinationsEvaluated pricing runs performed, whole or resumed from a lane (1 when
 *     nothing was contested): combinations, other orders within a lane, and prices without some
 *     of the buyer's benefits
 * @param exhaustive {@code true} if every combination was tried; {@code false} if the bound was
 *     exceeded and the engine improved the priority-order choice one group at a time
 * @param benefitsDeclined the buyer's benefits the chosen price is computed without, because the
 *     cart costs less that way (e.g. {@code "tier:GOLD"}, {@code "new-user"}); usually empty
 */
public record SearchSummary(int contestedGroups, int combinationsEvaluated, boolean exhaustive,
        Set<String> benefitsDeclined) {

    /**
     * Copies the set.
     *
     * @throws InvalidInputException if the set is {@code null}
     */
    public SearchSummary {
        benefitsDeclined = Set.copyOf(InvalidInputException.requireNonNull(benefitsDeclined, "benefitsDeclined"));
    }

    /**
     * A summary with every benefit applied.
     *
     * @param contestedGroups exclusivity groups with more live candidates than they admit
     * @param combinationsEvaluated pricing runs performed
     * @param exhaustive whether every combination was tried
     */
    public SearchSummary(int contestedGroups, int combinationsEvaluated, boolean exhaustive) {
        this(contestedGroups, combinationsEvaluated, exhaustive, Set.of());
    }
}
