package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;

/** Measures threshold promotions per shop or across shops and pools their savings. */
final class ThresholdGroups {
    private ThresholdGroups() {}

    /** The saving for a group: -1 when the group does not qualify. */
    interface Saving {
        long of(long measured, long current, long items);
    }

    /** The reason when no group qualifies, given the best group's measures. */
    interface Miss {
        RejectionReason of(long measured, long items);
    }

    static Outcome evaluate(PromotionContext c, boolean[] in, Reach reach, Measure measure, Saving saving, Miss miss) {
        int groups = reach == Reach.PER_SHOP ? c.sellerCount() : 1;
        long[] measured = new long[groups];
        long[] current = new long[groups];
        long[] items = new long[groups];
        boolean[] present = new boolean[groups];
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                int g = reach == Reach.PER_SHOP ? c.sellerOf(i) : 0;
                present[g] = true;
                measured[g] = Exact.add(measured[g], Rules.measured(c, i, measure));
                current[g] = Exact.add(current[g], c.currentAmount(i));
                items[g] = Exact.add(items[g], c.line(i).quantity());
            }
        }
        long[] savings = new long[groups];
        long[][] weights = new long[groups][];
        int poolCount = 0;
        long saved = 0;
        long bestMeasured = -1;
        long bestItems = 0;
        for (int g = 0; g < groups; g++) {
            if (!present[g]) {
                continue;
            }
            long s = saving.of(measured[g], current[g], items[g]);
            if (s < 0) {
                if (measured[g] > bestMeasured) {
                    bestMeasured = measured[g];
                    bestItems = items[g];
                }
                continue;
            }
            if (s > 0) {
                savings[g] = s;
                weights[g] = new long[in.length];
                poolCount++;
                saved = Exact.add(saved, s);
            }
        }
        // One pass fills every qualifying group's weights: each line in scope, by its current amount.
        List<Effect.Pool> pools = new ArrayList<>(poolCount);
        if (poolCount > 0) {
            for (int i = 0; i < in.length; i++) {
                if (in[i]) {
                    long[] w = weights[reach == Reach.PER_SHOP ? c.sellerOf(i) : 0];
                    if (w != null) {
                        w[i] = c.currentAmount(i);
                    }
                }
            }
            for (int g = 0; g < groups; g++) {
                if (weights[g] != null) {
                    pools.add(new Effect.Pool(savings[g], weights[g]));
                }
            }
        }
        if (pools.isEmpty()) {
            if (bestMeasured < 0) {
                return Outcome.rejected(new RejectionReason.NothingToDiscount());
            }
            return Outcome.rejected(miss.of(bestMeasured, bestItems));
        }
        long savedTotal = saved;
        int shops = pools.size();
        long spent = measured[0];
        CurrencyUnit currency = c.currency();
        return Rules.pooled(pools, reach == Reach.PER_SHOP
                ? () -> "saves " + Rules.text(savedTotal, currency) + " in " + shops + " shop(s)"
                : () -> "spent " + Rules.text(spent, currency) + " across shops, saves " + Rules.text(savedTotal, currency));
    }
}
