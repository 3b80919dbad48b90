package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import javax.money.MonetaryAmount;

/**
 * Kind 11, member price: a fixed unit price for members; restrict the tiers in the terms
 * ({@code terms.forTiers("GOLD")}). Price-level lane: the lowest applicable level wins.
 *
 * @param terms the common terms, usually restricted to tiers
 * @param scope the lines (usually one SKU)
 * @param unitPrice the member unit price, not negative
 */
public record MemberPrice(PromotionTerms terms, Scope scope, MonetaryAmount unitPrice) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "member-price";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or the price negative
     */
    public MemberPrice {
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
        return Offers.fixed(context, scope, context.minor(unitPrice), "member price ");
    }
}
