package dev.mercato.pricing.testkit;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.Promotion;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated case of {@link PricingRulesContract}: a team's rules, other promotions priced
 * with them (built-in kinds, possibly none) and a cart. Its {@code toString} is the compact
 * description a counterexample shows.
 *
 * @param rules the team's rules
 * @param others generated promotions priced alongside, with ids that never collide with the rules'
 * @param request the cart
 */
public record PricingCase(List<Promotion> rules, List<Promotion> others, PricingRequest request) {

    /**
     * Copies the lists.
     *
     * @throws InvalidInputException if a value is missing
     */
    public PricingCase {
        rules = List.copyOf(InvalidInputException.requireNonNull(rules, "rules"));
        others = List.copyOf(InvalidInputException.requireNonNull(others, "others"));
        InvalidInputException.requireNonNull(request, "request");
    }

    /**
     * The rules followed by the other promotions.
     *
     * @return every promotion of the case
     */
    public List<Promotion> all() {
        List<Promotion> all = new ArrayList<>(rules);
        all.addAll(others);
        return all;
    }

    /**
     * This case with another cart.
     *
     * @param other the cart
     * @return a new case
     */
    public PricingCase withRequest(PricingRequest other) {
        return new PricingCase(rules, others, other);
    }

    /**
     * The cart, then the rules, then the other promotions, one line each.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "cart: " + Describe.request(request) + System.lineSeparator() + "    rules: "
                + Describe.promotions(rules) + (others.isEmpty() ? "" : System.lineSeparator() + "    with: "
                + Describe.promotions(others));
    }
}
