package dev.mercato.core.risk;

/**
 * A pluggable risk score, from the host's own model or a scoring service. Thread-safe.
 */
@FunctionalInterface
public interface RiskScorer {

    /**
     * Scores a purchase.
     *
     * @param check the purchase
     * @param history the purchases before it
     * @return a score from 0 (no risk) to 100 (certain fraud)
     */
    int score(RiskCheck check, RiskHistory history);
}
