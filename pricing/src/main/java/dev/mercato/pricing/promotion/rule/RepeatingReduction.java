package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * Kind 4, repeating spend-X-save-Y (每满减): every full {@code every} of measured spend saves
 * {@code off}, e.g. every 300 minus 40 (spend 650, save 80), optionally capped. Per shop (shop
 * lane) or across shops (platform lane, prorated over every seller's lines in scope).
 *
 * @param terms the common terms
 * @param scope the lines that count and get the saving
 * @param reach per shop or across shops
 * @param every the step, positive
 * @param off the saving per step, positive
 * @param cap the most it saves per group (shop, or the order across shops); empty for no cap
 * @param measure what the spend is measured on
 */
public record RepeatingReduction(PromotionTerms terms, Scope scope, Reach reach, MonetaryAmount every,
        MonetaryAmount off, Optional<MonetaryAmount> cap, Measure measure) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "repeating-reduction";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or an amount not positive
     */
    public RepeatingReduction {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        InvalidInputException.requireNonNull(reach, "reach");
        InvalidInputException.requireNonNull(measure, "measure");
        Rules.requirePositive(every, "every");
        Rules.requirePositive(off, "off");
        InvalidInputException.requireNonNull(cap, "cap");
        cap.ifPresent(c -> Rules.requirePositive(c, "cap"));
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
        long step = context.minor(every);
        long saving = context.minor(off);
        long most = cap.isPresent() ? context.minor(cap.get()) : Long.MAX_VALUE;
        return ThresholdGroups.evaluate(context, in, reach, measure, (measured, current, items) -> {
            long times = measured / step;
            if (times == 0) {
                return -1;
            }
            // A product beyond the range of long exceeds every amount a cart can hold (its total is
            // checked to fit), so it is as good as the cap: the engine takes at most the lines' amount.
            long total = Math.multiplyHigh(times, saving) != 0 || times * saving < 0 ? most : times * saving;
            return Math.min(total, most);
        }, (measured, items) -> Rules.belowThreshold(context, step, measured));
    }
}
