package dev.mercato.examples.docs.host;

import dev.mercato.pricing.promotion.PromotionTerms;

/** The reader's own promotion kind. */
public final class MyPromotion extends CustomRule {
    /** @param terms its terms */
    public MyPromotion(PromotionTerms terms) {
        super(terms);
    }
}
