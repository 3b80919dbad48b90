package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import dev.mercato.pricing.promotion.Scope;
import javax.money.MonetaryAmount;

/**
 * Kind 13, group-buy price (拼团): a fixed unit price that applies when the buyer carries
 * {@code flag} (by default {@code group-formed}), i.e. the caller says the group is full.
 * Price-level lane.
 *
 * @param terms the common terms
 * @param scope the lines
 * @param unitPrice the group unit price, not negative
 * @param flag the buyer flag that says the group is formed
 */
public record GroupBuyPrice(PromotionTerms terms, Scope scope, MonetaryAmount unitPrice, String flag)
        implements Promotion {

    /** The kind's name. */
    public static final String KIND = "group-buy-price";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or the price negative
     */
    public GroupBuyPrice {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requireNonNegative(unitPrice, "unitPrice");
        InvalidInputException.requireNonNull(flag, "flag");
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
        if (!context.buyer().flags().contains(flag)) {
            return Outcome.rejected(new RejectionReason.FlagMissing(flag));
        }
        return Offers.fixed(context, scope, context.minor(unitPrice), "group price ");
    }
}
