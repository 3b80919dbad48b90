/**
 * Settlement: per seller and period a {@link dev.mercato.core.settlement.SettlementStatement}
 * read from the ledger, and {@link dev.mercato.core.settlement.PayoutService payouts} of a
 * seller's or creator's payable balance on a T+N cycle through the payments SPI's payout
 * interface, idempotent per payee and cycle day.
 */
package dev.mercato.core.settlement;
