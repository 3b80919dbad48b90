/**
 * Risk checks around checkout and payment, like a payment control plug-in: {@link
 * dev.mercato.core.risk.RiskRule}s (built-in ones from {@link dev.mercato.core.risk.RiskRules},
 * and the host's own through the same interface) assess a {@link dev.mercato.core.risk.RiskCheck}
 * at a {@link dev.mercato.core.risk.RiskStage} and answer a {@link
 * dev.mercato.core.risk.RiskDecision}: allow, review (an operator decides) or deny, each with its
 * reasons as values. The {@link dev.mercato.core.risk.RiskService} runs the rules, keeps the
 * history that velocity and limit rules read, and holds reviews until an operator decides; the
 * facade's checkout asks it through {@link dev.mercato.core.risk.RiskService#beforeCheckout()}.
 */
package dev.mercato.core.risk;
