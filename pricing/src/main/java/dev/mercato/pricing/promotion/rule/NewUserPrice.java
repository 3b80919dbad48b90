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
 * Kind 11, new-user price: a fixed unit price for buyers who never ordered before (the first-order
 * discount). Price-level lane.
 *
 * @param terms the common terms
 * @param scope the lines
 * @param unitPrice the new-user unit price, not negative
 */
public record NewUserPrice(PromotionTerms terms, Scope scope, MonetaryAmount unitPrice) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "new-user-price";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or the price negative
     */
    public NewUserPrice {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requireNonNegative(unitPrice, "unitPrice");
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
        if (!context.buyer().newUser()) {
            return Outcome.rejected(new RejectionReason.NotNewUser());
        }
        return Offers.fixed(context, scope, context.minor(unitPrice), "new-user price ");
    }
}
