package dev.mercato.pricing.commission;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * The commission on one line, with the rule that set it and why.
 *
 * <p>Invariants: {@code 0 <= amount <= base}; {@code ruleId} is present unless {@code match}
 * is {@link MatchKind#SELF_OPERATED} or {@link MatchKind#NO_RULE}. Immutable and thread-safe.
 *
 * @param base the amount the rate was charged on (the schedule's {@link ChargeBase})
 * @param amount the commission, rounded once to the minor unit
 * @param ruleId the id of the matching rule, if one matched
 * @param match which kind of rule matched
 * @param explanation a sentence a person can check, naming the rule, scope, rate and bounds
 */
public record Commission(
        MonetaryAmount base, MonetaryAmount amount, Optional<String> ruleId, MatchKind match, String explanation) {

    /** Validates the components. */
    public Commission {
        InvalidInputException.requireNonNull(base, "base");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(ruleId, "ruleId");
        InvalidInputException.requireNonNull(match, "match");
        InvalidInputException.requireNonNull(explanation, "explanation");
    }
}
