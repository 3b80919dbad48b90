/**
 * The double-entry ledger: typed {@link dev.mercato.core.ledger.Account accounts}, immutable
 * balanced {@link dev.mercato.core.ledger.JournalEntry journal entries} and a {@link
 * dev.mercato.core.ledger.Journal journal} that posts them idempotently and answers balances
 * and statements.
 *
 * <p>Sign convention: a posting's amount is positive for a debit, money arriving in the
 * account, and negative for a credit, money leaving it. Every entry sums to zero per currency,
 * so all balances of a journal sum to zero per currency. Accounts standing for the outside world
 * ({@link dev.mercato.core.ledger.Account.BuyerFundsIn}, {@link
 * dev.mercato.core.ledger.Account.SellerFundsIn}) therefore carry negative balances: what came
 * in from buyers and sellers; {@link dev.mercato.core.ledger.Account.Refunds} and {@link
 * dev.mercato.core.ledger.Account.Payouts} carry positive ones: what went back out.
 */
package dev.mercato.core.ledger;
