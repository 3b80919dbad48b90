package dev.mercato.examples.docs.host;

import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.PromotionTerms;
import javax.money.MonetaryAmount;

/** The reader's custom rule of docs/pricing.md (spend a threshold on a category: a rate off, up to a treat). */
public final class TeaTime extends CustomRule {
    /** The rule's parameters. */
    public TeaTime(PromotionTerms terms, String category, MonetaryAmount threshold, Rate rate, MonetaryAmount treat) {
        super(terms);
    }
}
