package dev.mercato.benchmarks;

import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * The promotion set as Drools rules: one rule per promotion, fired in the engine's order
 * (lane, then id) by salience. Scope and eligibility are rule conditions over the line and
 * coupon facts (a percent-off fires only if a line is in its category, a coupon only if it is
 * held and its shop has a line); the consequence applies the promotion to the cart fact.
 * One stateful session per request, disposed after firing.
 */
final class DroolsPricer {
    private final KieBase kieBase;
    private final List<LowerBoundPricer.Spec> specs;
    private final String drl;

    DroolsPricer(List<LowerBoundPricer.Spec> promotionSpecs) {
        List<LowerBoundPricer.Spec> sorted = new ArrayList<>(promotionSpecs);
        sorted.sort(Comparator.comparingInt((LowerBoundPricer.Spec s) -> s.kind().lane)
                .thenComparing(LowerBoundPricer.Spec::id));
        this.specs = List.copyOf(sorted);
        this.drl = rules(specs);
        KieServices ks = KieServices.Factory.get();
        KieFileSystem files = ks.newKieFileSystem().write("src/main/resources/promotions.drl", drl);
        KieBuilder builder = ks.newKieBuilder(files).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("the rules do not compile: " + builder.getResults() + "\n" + drl);
        }
        KieContainer container = ks.newKieContainer(ks.getRepository().getDefaultReleaseId());
        kieBase = container.getKieBase();
    }

    String drl() {
        return drl;
    }

    LowerBoundPricer.Result price(PricingRequest request) {
        RuleCart cart = new RuleCart(request, specs);
        KieSession session = kieBase.newKieSession();
        try {
            session.insert(cart);
            for (PricingLine line : request.lines()) {
                session.insert(new RuleLine(line.sku(), line.seller(), line.categoryPath()));
            }
            for (String coupon : request.buyer().couponsHeld()) {
                session.insert(new RuleCoupon(coupon));
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return cart.result();
    }

    private static String rules(List<LowerBoundPricer.Spec> specs) {
        StringBuilder drl = new StringBuilder("package dev.mercato.benchmarks.rules;\n")
                .append("import dev.mercato.benchmarks.RuleCart;\n")
                .append("import dev.mercato.benchmarks.RuleLine;\n")
                .append("import dev.mercato.benchmarks.RuleCoupon;\n");
        for (int k = 0; k < specs.size(); k++) {
            LowerBoundPricer.Spec s = specs.get(k);
            String condition = switch (s.kind()) {
                case PERCENT_OFF -> "    exists RuleLine(categories contains \"" + s.category() + "\")\n";
                case AMOUNT_OFF -> "    exists RuleLine(sku == \"" + s.sku() + "\")\n";
                case SHOP_COUPON -> "    RuleCoupon(id == \"" + s.id() + "\")\n    exists RuleLine(seller == \""
                        + s.seller() + "\")\n";
                case PLATFORM_COUPON -> "    RuleCoupon(id == \"" + s.id() + "\")\n";
                case TIERED_PER_SHOP, REPEATING_ACROSS_SHOPS -> "";
            };
            drl.append("rule \"").append(s.id()).append("\"\n    salience ").append(specs.size() - k)
                    .append("\nwhen\n    $cart : RuleCart()\n").append(condition)
                    .append("then\n    $cart.apply(").append(k).append(");\nend\n");
        }
        return drl.toString();
    }
}
