package dev.mercato.core.risk;

/**
 * The seam the checkout and payment flows call at each {@link RiskStage}: the facade builds a
 * {@link RiskCheck} and goes on only on {@link RiskDecision.Allow}. {@link RiskService} is the
 * implementation with rules, history and reviews. Implementations are thread-safe.
 */
@FunctionalInterface
public interface CheckoutGuard {

    /**
     * Checks a purchase at one stage.
     *
     * @param check the purchase
     * @return the decision
     */
    RiskDecision check(RiskCheck check);

    /**
     * A guard that allows everything: the default when a host configures no risk control.
     *
     * @return the guard
     */
    static CheckoutGuard allowAll() {
        return check -> RiskDecision.allow();
    }
}
