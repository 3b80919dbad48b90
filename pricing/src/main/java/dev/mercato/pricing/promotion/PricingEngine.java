package dev.mercato.pricing.promotion;

import java.util.List;

/**
 * Prices carts against a fixed set of promotions. Pure: no clock, no I/O, no state between
 * calls; the same request always gives the same result, whatever the order of its lines.
 * Instances are immutable and thread-safe; build one per promotion set and share it.
 *
 * <pre>{@code
 * PricingEngine engine = PricingEngine.of(List.of(
 *         new RepeatingReduction(PromotionTerms.of("every-300-40"), Scope.all(), Reach.ACROSS_SHOPS,
 *                 Money.of(300, "CNY"), Money.of(40, "CNY"), Optional.empty())));
 * PricingResult result = engine.price(PricingRequest.of(CNY, at, lines));
 * }</pre>
 */
public interface PricingEngine {

    /**
     * Prices a request.
     *
     * @param request the request
     * @return the priced order with its explanation
     * @throws dev.mercato.pricing.error.InvalidInputException if the request is {@code null}
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if a promotion's amounts are in
     *     another currency than the request
     * @throws dev.mercato.pricing.money.MoneyOverflowException if an amount leaves the range of {@code long}
     */
    PricingResult price(PricingRequest request);

    /**
     * The promotions this engine applies, in lane and priority order.
     *
     * @return the promotions
     */
    List<Promotion> promotions();

    /**
     * An engine with default options.
     *
     * @param promotions the promotions, with distinct ids
     * @return the engine
     * @throws dev.mercato.pricing.error.InvalidInputException if a promotion is {@code null} or an id repeats
     */
    static PricingEngine of(List<? extends Promotion> promotions) {
        return new DefaultPricingEngine(promotions, PricingOptions.defaults());
    }

    /**
     * An engine with the given options.
     *
     * @param promotions the promotions, with distinct ids
     * @param options the options
     * @return the engine
     */
    static PricingEngine of(List<? extends Promotion> promotions, PricingOptions options) {
        return new DefaultPricingEngine(promotions, options);
    }
}
