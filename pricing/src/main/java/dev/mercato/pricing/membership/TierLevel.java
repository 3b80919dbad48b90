package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Set;

/**
 * One rung of a tier ladder: the measure (spend in minor units or score) that qualifies for it
 * and the benefit codes it grants. Immutable and thread-safe.
 *
 * @param code the tier code, e.g. {@code "GOLD"}; this is what the pricing engine's tier
 *     restrictions name; not blank
 * @param threshold the measure that qualifies, not negative; the lowest rung's is 0
 * @param benefits benefit codes granted at this level
 */
public record TierLevel(String code, long threshold, Set<String> benefits) {

    /**
     * Validates the level.
     *
     * @throws InvalidInputException if a value is missing, the code blank or the threshold negative
     */
    public TierLevel {
        InvalidInputException.requireNonNull(code, "tier.code");
        if (code.isBlank()) {
            throw new InvalidInputException("tier.code", "\"" + code + "\"", "must not be blank");
        }
        if (threshold < 0) {
            throw new InvalidInputException("tier.threshold", threshold, "must not be negative");
        }
        benefits = Set.copyOf(InvalidInputException.requireNonNull(benefits, "tier.benefits"));
    }

    /**
     * A level.
     *
     * @param code the tier code
     * @param threshold the qualifying measure
     * @param benefits benefit codes
     * @return the level
     */
    public static TierLevel of(String code, long threshold, String... benefits) {
        return new TierLevel(code, threshold, Set.of(benefits));
    }
}
