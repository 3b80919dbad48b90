package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What every promotion has regardless of its kind: its id, when and for whom it applies, how it
 * stacks and who funds it. The engine checks the window, tiers and new-user condition before it
 * asks the promotion to evaluate, so every kind reports them the same way. Immutable and
 * thread-safe; build with {@link #of(String)} and the {@code with...} methods.
 *
 * @param id the promotion id, unique within an engine; never blank
 * @param priority higher applies first within a lane; ties break by id
 * @param exclusivityGroup at most one promotion of a group applies to an order (coupon slots
 *     are groups too, see {@code docs/pricing.md}); empty for none
 * @param window when the promotion applies
 * @param tiers the membership tiers it is restricted to; empty for everyone
 * @param newUsersOnly whether only new users get it
 * @param exclusiveWithPriceLevels whether it replaces a line's price level instead of applying on
 *     top of it (the line keeps whichever is cheaper for the buyer)
 * @param funding who pays; empty for the lane's default (platform for platform lanes, seller otherwise)
 */
public record PromotionTerms(String id, int priority, Optional<String> exclusivityGroup, Window window,
        Set<String> tiers, boolean newUsersOnly, boolean exclusiveWithPriceLevels, Optional<Funding> funding) {

    /**
     * Validates the terms.
     *
     * @throws InvalidInputException if a value is missing or the id or group is blank
     */
    public PromotionTerms {
        InvalidInputException.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new InvalidInputException("id", id, "must not be blank");
        }
        InvalidInputException.requireNonNull(exclusivityGroup, "exclusivityGroup");
        if (exclusivityGroup.isPresent() && exclusivityGroup.get().isBlank()) {
            throw new InvalidInputException("exclusivityGroup", exclusivityGroup.get(), "must not be blank");
        }
        InvalidInputException.requireNonNull(window, "window");
        tiers = Set.copyOf(InvalidInputException.requireNonNull(tiers, "tiers"));
        InvalidInputException.requireNonNull(funding, "funding");
    }

    /**
     * Terms with only an id: priority 0, no group, always valid, for everyone, stacking on price
     * levels, funded by the lane's default.
     *
     * @param id the promotion id
     * @return the terms
     */
    public static PromotionTerms of(String id) {
        return new PromotionTerms(id, 0, Optional.empty(), Window.ALWAYS, Set.of(), false, false, Optional.empty());
    }

    /**
     * These terms with a priority.
     *
     * @param value the priority
     * @return new terms
     */
    public PromotionTerms withPriority(int value) {
        return new PromotionTerms(id, value, exclusivityGroup, window, tiers, newUsersOnly, exclusiveWithPriceLevels, funding);
    }

    /**
     * These terms in an exclusivity group.
     *
     * @param group the group name
     * @return new terms
     */
    public PromotionTerms inGroup(String group) {
        return new PromotionTerms(id, priority, Optional.of(group), window, tiers, newUsersOnly, exclusiveWithPriceLevels, funding);
    }

    /**
     * These terms outside any explicit exclusivity group.
     *
     * @return new terms
     */
    public PromotionTerms withoutGroup() {
        return new PromotionTerms(id, priority, Optional.empty(), window, tiers, newUsersOnly, exclusiveWithPriceLevels, funding);
    }

    /**
     * These terms valid in a window.
     *
     * @param from first instant inside
     * @param until first instant after
     * @return new terms
     */
    public PromotionTerms validBetween(Instant from, Instant until) {
        return new PromotionTerms(id, priority, exclusivityGroup, Window.between(from, until), tiers, newUsersOnly,
                exclusiveWithPriceLevels, funding);
    }

    /**
     * These terms restricted to membership tiers.
     *
     * @param tierCodes the tiers
     * @return new terms
     */
    public PromotionTerms forTiers(String... tierCodes) {
        return new PromotionTerms(id, priority, exclusivityGroup, window, Set.of(tierCodes), newUsersOnly,
                exclusiveWithPriceLevels, funding);
    }

    /**
     * These terms restricted to new users.
     *
     * @return new terms
     */
    public PromotionTerms forNewUsers() {
        return new PromotionTerms(id, priority, exclusivityGroup, window, tiers, true, exclusiveWithPriceLevels, funding);
    }

    /**
     * These terms exclusive with price levels: the line keeps either its price level or this
     * promotion (applied to the list price), whichever is cheaper.
     *
     * @return new terms
     */
    public PromotionTerms replacingPriceLevels() {
        return new PromotionTerms(id, priority, exclusivityGroup, window, tiers, newUsersOnly, true, funding);
    }

    /**
     * These terms with explicit funding.
     *
     * @param who who pays
     * @return new terms
     */
    public PromotionTerms fundedBy(Funding who) {
        return new PromotionTerms(id, priority, exclusivityGroup, window, tiers, newUsersOnly, exclusiveWithPriceLevels,
                Optional.of(who));
    }
}
