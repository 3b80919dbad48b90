package dev.mercato.examples.docs.host;

import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;

/** What the reader's custom rules share here: terms, and no behaviour (never evaluated). */
abstract class CustomRule implements Promotion {
    private final PromotionTerms terms;

    CustomRule(PromotionTerms terms) {
        this.terms = terms;
    }

    @Override public PromotionTerms terms() { return terms; }
    @Override public String kind() { return getClass().getSimpleName(); }
    @Override public Lane lane() { return Lane.ITEM; }
    @Override public Outcome evaluate(PromotionContext context) {
        throw new UnsupportedOperationException("a stand-in for the reader's code");
    }
}
