package dev.mercato.core.escrow;

import java.time.Instant;

/**
 * Terminal: everything held went back to the buyer (possibly after partial refunds or a release
 * of part of it in a split). No transition leaves this state.
 *
 * @param terms the terms
 * @param funds the money; nothing is held
 * @param step accepted transitions so far
 * @param refundedAt when the last refund was made
 */
public record Refunded(EscrowTerms terms, EscrowFunds funds, long step, Instant refundedAt) implements Escrow {}
