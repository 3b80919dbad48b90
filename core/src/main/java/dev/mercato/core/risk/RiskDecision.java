package dev.mercato.core.risk;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a risk check decided: allow, review (the order waits for an operator) or deny, with the
 * reasons. Immutable.
 */
public sealed interface RiskDecision {

    /**
     * The reasons for a review or denial.
     *
     * @return empty for {@link Allow}
     */
    List<RiskReason> reasons();

    /**
     * The order may go on.
     *
     * @return the allow decision
     */
    static RiskDecision allow() {
        return new Allow();
    }

    /**
     * Combines the decisions of several rules: any deny denies, else any review reviews, else
     * allow; the reasons of the deciding kind are kept, in rule order.
     *
     * @param decisions the rules' decisions
     * @return the combined decision
     */
    static RiskDecision combine(List<RiskDecision> decisions) {
        List<RiskReason> denies = new ArrayList<>();
        List<RiskReason> reviews = new ArrayList<>();
        for (RiskDecision d : InvalidInputException.requireNonNull(decisions, "decisions")) {
            if (d instanceof Deny deny) {
                denies.addAll(deny.reasons());
            } else if (d instanceof Review review) {
                reviews.addAll(review.reasons());
            }
        }
        if (!denies.isEmpty()) {
            return new Deny(denies);
        }
        return reviews.isEmpty() ? new Allow() : new Review(reviews);
    }

    /** The order may go on. */
    record Allow() implements RiskDecision {
        @Override
        public List<RiskReason> reasons() {
            return List.of();
        }
    }

    /**
     * The order waits until an operator clears or refuses it.
     *
     * @param reasons why, at least one
     */
    record Review(List<RiskReason> reasons) implements RiskDecision {
        /** Validates and copies the reasons. */
        public Review {
            reasons = nonEmpty(reasons);
        }
    }

    /**
     * The order is refused.
     *
     * @param reasons why, at least one
     */
    record Deny(List<RiskReason> reasons) implements RiskDecision {
        /** Validates and copies the reasons. */
        public Deny {
            reasons = nonEmpty(reasons);
        }
    }

    private static List<RiskReason> nonEmpty(List<RiskReason> reasons) {
        List<RiskReason> copy = List.copyOf(InvalidInputException.requireNonNull(reasons, "reasons"));
        if (copy.isEmpty()) {
            throw new InvalidInputException("reasons", copy, "must name at least one reason");
        }
        return copy;
    }
}
