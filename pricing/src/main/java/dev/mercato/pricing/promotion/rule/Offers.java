package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.Scope;
import java.util.Arrays;
import javax.money.CurrencyUnit;

/** Builds price-level offers. */
final class Offers {
    private Offers() {}

    /** The same unit price on every line in scope, for all its units; the note is {@code label} and the price. */
    static Outcome fixed(PromotionContext c, Scope scope, long unitPrice, String label) {
        int n = c.lineCount();
        long[] prices = new long[n];
        long[] units = new long[n];
        Arrays.fill(prices, -1);
        boolean any = false;
        boolean[] in = c.linesIn(scope);
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                prices[i] = unitPrice;
                units[i] = Long.MAX_VALUE;
                any = true;
            }
        }
        if (!any) {
            return Rules.noMatchingLines();
        }
        CurrencyUnit currency = c.currency();
        return Outcome.applied(new Effect.PriceOffers(prices, units), () -> label + Rules.text(unitPrice, currency));
    }
}
