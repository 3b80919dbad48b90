package dev.mercato.core.escrow;

import java.time.Instant;

/**
 * Terminal: closed before any payment, because the buyer did not pay in time or cancelled. No
 * money moved; no transition leaves this state.
 *
 * @param terms the terms
 * @param funds nothing captured
 * @param step accepted transitions so far
 * @param closedAt when it closed
 */
public record Closed(EscrowTerms terms, EscrowFunds funds, long step, Instant closedAt) implements Escrow {}
