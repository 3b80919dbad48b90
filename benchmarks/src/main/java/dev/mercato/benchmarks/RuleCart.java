package dev.mercato.benchmarks;

import dev.mercato.pricing.promotion.PricingRequest;
import java.util.List;

/**
 * The cart as a Drools fact: a rule's consequence applies its promotion to the running amounts
 * with the same arithmetic as {@link LowerBoundPricer} (the rules decide which promotions fire
 * and in which order; the amounts are computed in Java, as rule consequences usually do).
 */
public final class RuleCart {
    private final LowerBoundPricer.Work work;
    private final List<LowerBoundPricer.Spec> specs;

    RuleCart(PricingRequest request, List<LowerBoundPricer.Spec> specs) {
        this.work = new LowerBoundPricer.Work(request);
        this.specs = specs;
    }

    /**
     * Applies one promotion.
     *
     * @param index the promotion's index in the rule set
     */
    public void apply(int index) {
        work.apply(specs.get(index));
    }

    LowerBoundPricer.Result result() {
        return work.result();
    }
}
