/**
 * Mercato pricing testkit: jqwik generators over a team's own vocabulary, cart edits, a fake
 * {@code PromotionContext} for unit-testing a custom rule, and {@code PricingRulesContract}, the
 * invariant suite a pricing team points at its own rules. A test-scope dependency.
 *
 * <p>The module is open: jqwik runs the suite's inherited properties by reflection.
 */
open module dev.mercato.pricing.testkit {
    requires transitive dev.mercato.pricing;
    requires transitive java.money;
    requires transitive net.jqwik.api;
    requires org.javamoney.moneta;

    exports dev.mercato.pricing.testkit;
}
