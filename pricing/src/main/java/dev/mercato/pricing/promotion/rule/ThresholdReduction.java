package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kind 4, tiered spend-X-save-Y (满减): the highest tier whose threshold the measured spend
 * reaches gives its saving, e.g. {@code >= 199: -20, >= 299: -40}. Per shop (shop lane, one
 * saving per shop) or across shops (platform lane, one saving prorated over every seller's
 * lines in scope).
 *
 * @param terms the common terms
 * @param scope the lines that count and get the saving
 * @param reach per shop or across shops
 * @param tiers the tiers, at least one, with distinct thresholds
 * @param measure what the threshold is measured on
 */
public record ThresholdReduction(PromotionTerms terms, Scope scope, Reach reach, List<Tier> tiers, Measure measure)
        implements Promotion {

    /** The kind's name. */
    public static final String KIND = "threshold-reduction";

    /**
     * Validates the rule and sorts the tiers by threshold.
     *
     * @throws InvalidInputException if a value is missing or there are no tiers
     */
    public ThresholdReduction {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        InvalidInputException.requireNonNull(reach, "reach");
        InvalidInputException.requireNonNull(measure, "measure");
        InvalidInputException.requireNonNull(tiers, "tiers");
        if (tiers.isEmpty()) {
            throw new InvalidInputException("tiers", tiers, "must contain at least one tier");
        }
        List<Tier> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparing(Tier::threshold));
        tiers = List.copyOf(sorted);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return reach == Reach.PER_SHOP ? Lane.SHOP : Lane.PLATFORM;
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        boolean[] in = Rules.inScope(context, scope);
        if (in == null) {
            return Rules.noMatchingLines();
        }
        int n = tiers.size();
        long[] thresholds = new long[n];
        long[] offs = new long[n];
        for (int t = 0; t < n; t++) {
            thresholds[t] = context.minor(tiers.get(t).threshold());
            offs[t] = context.minor(tiers.get(t).off());
        }
        return ThresholdGroups.evaluate(context, in, reach, measure, (measured, current, items) -> {
            int reached = -1;
            for (int t = 0; t < n && thresholds[t] <= measured; t++) {
                reached = t;
            }
            return reached < 0 ? -1 : offs[reached];
        }, (measured, items) -> Rules.belowThreshold(context, thresholds[0], measured));
    }
}
