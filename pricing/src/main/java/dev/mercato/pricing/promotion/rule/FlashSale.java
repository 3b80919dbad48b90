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
import java.util.Arrays;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Kind 3, flash sale (秒杀): a fixed unit price inside the window (set it in the terms) for at
 * most {@code min(stock left, per-buyer units left)} units. Stock left and per-buyer units left
 * come from {@link dev.mercato.pricing.promotion.RemainingCaps} when the caller tracks them,
 * else from {@code stock} and {@code perBuyerLimit}. Units beyond the cap are priced at the
 * next applicable level; the explanation says how many units got the flash price. Capped units
 * go to the lines in scope where they save the buyer the most (the same SKU sold by two shops
 * at 8.00 and 100.00: the units go to the 100.00 line), ties in canonical order. Price-level lane.
 *
 * @param terms the common terms
 * @param scope the lines (usually one SKU)
 * @param unitPrice the flash unit price, not negative
 * @param stock the total units offered at the flash price, not negative
 * @param perBuyerLimit the most units one buyer may buy at the flash price, at least 1
 */
public record FlashSale(PromotionTerms terms, Scope scope, MonetaryAmount unitPrice, long stock, long perBuyerLimit)
        implements Promotion {

    /** The kind's name. */
    public static final String KIND = "flash-sale";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or out of range
     */
    public FlashSale {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requireNonNegative(unitPrice, "unitPrice");
        Rules.requireAtLeast(stock, 0, "stock");
        Rules.requireAtLeast(perBuyerLimit, 1, "perBuyerLimit");
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
        long stockLeft = context.caps().stockLeft(id()).orElse(stock);
        if (stockLeft == 0) {
            return Outcome.rejected(new RejectionReason.CapReached(RejectionReason.Cap.STOCK));
        }
        long buyerLeft = Math.min(context.caps().perBuyerUnitsLeft(id()).orElse(perBuyerLimit), perBuyerLimit);
        if (buyerLeft == 0) {
            return Outcome.rejected(new RejectionReason.CapReached(RejectionReason.Cap.PER_BUYER));
        }
        long remaining = Math.min(stockLeft, buyerLeft);
        long price = context.minor(unitPrice);
        int n = context.lineCount();
        long[] prices = new long[n];
        long[] units = new long[n];
        Arrays.fill(prices, -1);
        boolean any = false;
        boolean[] in = context.linesIn(scope);
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                any = true;
                prices[i] = price;
                units[i] = context.line(i).quantity();
            }
        }
        if (!any) {
            return Rules.noMatchingLines();
        }
        CurrencyUnit currency = context.currency();
        return Outcome.applied(new Effect.PriceOffers(prices, units, remaining), () -> "flash price " + Rules.text(price, currency)
                + ", stock left " + stockLeft + ", per-buyer left " + buyerLeft);
    }
}
