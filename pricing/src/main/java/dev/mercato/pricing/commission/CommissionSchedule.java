package dev.mercato.pricing.commission;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.RoundingPolicy;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A platform's commission rules and how to apply them to a line.
 *
 * <p>For a line, the schedule:
 * <ol>
 *   <li>charges nothing on a {@link SellerType#SELF_OPERATED} line (the platform earns a margin);</li>
 *   <li>otherwise picks, among the rules in force at the line's order instant, the most specific
 *       by {@link RuleScope} precedence: SKU, then seller, then brand, then the line's category or
 *       its nearest ancestor with a rule, then the default;</li>
 *   <li>charges the rule's flat or tiered rate on the schedule's {@link ChargeBase}, summing the
 *       exact products of every band and rounding once with the schedule's {@link RoundingPolicy};</li>
 *   <li>raises the result to the rule's minimum and lowers it to its maximum, and never above
 *       the base.</li>
 * </ol>
 * Under a flat or marginal rule the commission never decreases as the base grows.
 *
 * <p>At most one rule per scope is in force at any instant (checked when the schedule is
 * built). Implementations are immutable and thread-safe.
 */
public interface CommissionSchedule {

    /**
     * Builds a schedule.
     *
     * @param name a name for explanations, e.g. {@code "mall-2026"}
     * @param currency the currency of every bound, tier and line
     * @param base what the rates are charged on
     * @param rounding how each commission is rounded, once
     * @param rules the rules, in any order
     * @return the schedule
     * @throws InvalidScheduleException if ids repeat, two rules for one scope overlap in time, or
     *     a bound or tier is in another currency; the location is {@code rules[i]}
     */
    static CommissionSchedule of(String name, CurrencyUnit currency, ChargeBase base, RoundingPolicy rounding,
            List<CommissionRule> rules) {
        return new RuleBook(name, currency, base, rounding, rules);
    }

    /**
     * The schedule's name.
     *
     * @return the name
     */
    String name();

    /**
     * The currency of the schedule.
     *
     * @return the currency
     */
    CurrencyUnit currency();

    /**
     * What rates are charged on.
     *
     * @return the base
     */
    ChargeBase base();

    /**
     * How each commission is rounded.
     *
     * @return the rounding policy
     */
    RoundingPolicy rounding();

    /**
     * The rules as given.
     *
     * @return an immutable list
     */
    List<CommissionRule> rules();

    /**
     * The commission on a line.
     *
     * @param line the line
     * @param sellerPeriodGmvBefore the seller's GMV in the current tier period before this line,
     *     measured in this schedule's base; zero for a flat schedule or the period's first sale
     * @return the commission, its base, the matching rule and why
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if the line or GMV is in
     *     another currency
     * @throws dev.mercato.pricing.error.InvalidInputException if the GMV is negative
     */
    Commission commissionFor(SaleLine line, MonetaryAmount sellerPeriodGmvBefore);

    /**
     * The commission on a line in minor units, without its explanation: the fast path for settling
     * many lines at once. Always equal to {@code MinorUnits.toMinor(commissionFor(line,
     * gmv).amount())} for the same GMV; the schedule built by {@link #of} computes it without
     * building any text or {@link MonetaryAmount}. This default delegates to {@link
     * #commissionFor}.
     *
     * @param line the line
     * @param sellerPeriodGmvBeforeMinor the seller's GMV in the current tier period before this
     *     line, in minor units of this schedule's currency and base
     * @return the commission in minor units
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if the line is in another currency
     * @throws dev.mercato.pricing.error.InvalidInputException if the GMV is negative
     */
    default long commissionMinor(SaleLine line, long sellerPeriodGmvBeforeMinor) {
        return MinorUnits.toMinor(commissionFor(line, MinorUnits.toAmount(sellerPeriodGmvBeforeMinor, currency())).amount());
    }
}
