package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import dev.mercato.pricing.promotion.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Kind 12, quantity price breaks (B2B wholesale): a line of {@code q} units pays, for every unit,
 * the price of the highest break whose minimum is at most {@code q} (e.g. 1-9 at 10.00, 10-99 at
 * 9.00, 100+ at 8.00: 10 units cost 90.00). Measured per line. Price-level lane.
 *
 * @param terms the common terms
 * @param scope the lines
 * @param breaks the breaks, at least one, with distinct minimum quantities
 */
public record QuantityBreaks(PromotionTerms terms, Scope scope, List<QuantityBreak> breaks) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "quantity-breaks";

    /**
     * Validates the rule and sorts the breaks by minimum quantity.
     *
     * @throws InvalidInputException if a value is missing, there are no breaks or two share a minimum
     */
    public QuantityBreaks {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        InvalidInputException.requireNonNull(breaks, "breaks");
        if (breaks.isEmpty()) {
            throw new InvalidInputException("breaks", breaks, "must contain at least one break");
        }
        List<QuantityBreak> sorted = new ArrayList<>(breaks);
        sorted.sort(Comparator.comparingLong(QuantityBreak::minQuantity));
        for (int k = 1; k < sorted.size(); k++) {
            if (sorted.get(k).minQuantity() == sorted.get(k - 1).minQuantity()) {
                throw new InvalidInputException("breaks", sorted.get(k).minQuantity(), "repeats a minimum quantity");
            }
        }
        breaks = List.copyOf(sorted);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return Lane.PRICE_LEVEL;
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        int n = context.lineCount();
        long[] prices = new long[n];
        long[] units = new long[n];
        Arrays.fill(prices, -1);
        boolean inScope = false;
        boolean any = false;
        long mostUnits = 0;
        boolean[] in = context.linesIn(scope);
        for (int i = 0; i < n; i++) {
            if (!in[i]) {
                continue;
            }
            inScope = true;
            long q = context.line(i).quantity();
            mostUnits = Math.max(mostUnits, q);
            QuantityBreak reached = null;
            for (QuantityBreak b : breaks) {
                if (b.minQuantity() <= q) {
                    reached = b;
                }
            }
            if (reached != null) {
                prices[i] = context.minor(reached.unitPrice());
                units[i] = Long.MAX_VALUE;
                any = true;
            }
        }
        if (!inScope) {
            return Rules.noMatchingLines();
        }
        if (!any) {
            return Outcome.rejected(new RejectionReason.BelowQuantity(breaks.get(0).minQuantity(), mostUnits));
        }
        return Outcome.applied(new Effect.PriceOffers(prices, units), () -> "quantity break");
    }
}
