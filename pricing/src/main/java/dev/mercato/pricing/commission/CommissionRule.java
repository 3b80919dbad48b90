package dev.mercato.pricing.commission;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * One commission rule: what it applies to, when it is in force, its rate, and the bounds on
 * the commission of one line.
 *
 * <p>The minimum applies only to lines with a positive base, and no line is ever charged more
 * than its base (so a minimum never turns a cheap line into a debt). Immutable and thread-safe.
 *
 * @param id a name unique in its schedule, cited in every result
 * @param scope what the rule applies to
 * @param period when the rule is in force, by order instant
 * @param rate the flat or tiered rate
 * @param minimum the least commission per line, if any
 * @param maximum the most commission per line, if any
 */
public record CommissionRule(
        String id,
        RuleScope scope,
        EffectivePeriod period,
        RateStructure rate,
        Optional<MonetaryAmount> minimum,
        Optional<MonetaryAmount> maximum) {

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing, a bound is negative, or the minimum
     *     exceeds the maximum
     */
    public CommissionRule {
        InvalidInputException.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new InvalidInputException("id", "\"" + id + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(scope, "scope");
        InvalidInputException.requireNonNull(period, "period");
        InvalidInputException.requireNonNull(rate, "rate");
        InvalidInputException.requireNonNull(minimum, "minimum");
        InvalidInputException.requireNonNull(maximum, "maximum");
        minimum.filter(MonetaryAmount::isNegative).ifPresent(m -> {
            throw new InvalidInputException("minimum", m, "must not be negative");
        });
        maximum.filter(MonetaryAmount::isNegative).ifPresent(m -> {
            throw new InvalidInputException("maximum", m, "must not be negative");
        });
        if (minimum.isPresent() && maximum.isPresent()) {
            if (!minimum.get().getCurrency().equals(maximum.get().getCurrency())) {
                throw new InvalidInputException("maximum", maximum.get(), "must be in the currency of the minimum");
            }
            if (minimum.get().isGreaterThan(maximum.get())) {
                throw new InvalidInputException("minimum", minimum.get(), "must not exceed the maximum " + maximum.get());
            }
        }
    }

    /**
     * A flat-rate rule in force at every instant, without bounds.
     *
     * @param id the rule id
     * @param scope what it applies to
     * @param rate the rate
     * @return the rule
     */
    public static CommissionRule flat(String id, RuleScope scope, Rate rate) {
        return new CommissionRule(id, scope, EffectivePeriod.ALWAYS, new RateStructure.Flat(rate),
                Optional.empty(), Optional.empty());
    }

    /**
     * A tiered rule in force at every instant, without bounds.
     *
     * @param id the rule id
     * @param scope what it applies to
     * @param mode marginal or whole-tier
     * @param tiers the bands, the first starting at zero
     * @return the rule
     */
    public static CommissionRule tiered(String id, RuleScope scope, TierMode mode, List<Tier> tiers) {
        return new CommissionRule(id, scope, EffectivePeriod.ALWAYS, new RateStructure.Tiered(mode, tiers),
                Optional.empty(), Optional.empty());
    }

    /**
     * This rule, in force only during a period.
     *
     * @param when the period
     * @return a copy with the period
     */
    public CommissionRule during(EffectivePeriod when) {
        return new CommissionRule(id, scope, when, rate, minimum, maximum);
    }

    /**
     * This rule with a minimum per line.
     *
     * @param least the minimum commission per line
     * @return a copy with the minimum
     */
    public CommissionRule withMinimum(MonetaryAmount least) {
        return new CommissionRule(id, scope, period, rate, Optional.of(least), maximum);
    }

    /**
     * This rule with a maximum per line.
     *
     * @param most the maximum commission per line
     * @return a copy with the maximum
     */
    public CommissionRule withMaximum(MonetaryAmount most) {
        return new CommissionRule(id, scope, period, rate, minimum, Optional.of(most));
    }
}
