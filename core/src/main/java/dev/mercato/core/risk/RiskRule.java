package dev.mercato.core.risk;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One risk rule: built in ({@link RiskRules}) or the host application's own. A rule is a pure
 * function of the check, the history and the time; it must not throw for a risky purchase (answer
 * {@link RiskDecision.Deny}). Implementations are thread-safe.
 */
public interface RiskRule {

    /**
     * The rule's name, in reasons and logs.
     *
     * @return a stable name
     */
    String name();

    /**
     * The stages this rule runs at; every stage unless overridden.
     *
     * @return the stages
     */
    default Set<RiskStage> stages() {
        return EnumSet.allOf(RiskStage.class);
    }

    /**
     * Assesses one check.
     *
     * @param check the purchase
     * @param history the purchases before it
     * @param now the current time
     * @return the decision, with reasons for a review or denial
     */
    RiskDecision assess(RiskCheck check, RiskHistory history, Instant now);
}
