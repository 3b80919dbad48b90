/**
 * The due-task runner: fires the {@linkplain dev.mercato.core.storage.DueTimers due timers} kept
 * in storage (unpaid close, auto-confirm, group deadline, payout cycle) at the instant of an
 * injected {@link java.time.Clock}, so tests move time instead of sleeping.
 */
package dev.mercato.core.timer;
