/**
 * Guaranteed transactions (escrow) as types: a sealed {@link dev.mercato.core.escrow.Escrow}
 * with one record per state. A transition is a method on the state it leaves; it takes the acting
 * {@link dev.mercato.core.actor.Actor} and the instant, checks who may do what, and returns a {@link
 * dev.mercato.core.escrow.Transition}: the state entered plus the balanced journal entry to post
 * with it, or a refusal with a reason that changes nothing. Terminal states ({@link
 * dev.mercato.core.escrow.Refunded}, {@link dev.mercato.core.escrow.Closed}) have no transition
 * methods.
 *
 * <p>States are pure values: they read no clock and touch no storage. A service
 * persists a state together with its entry, atomically.
 */
package dev.mercato.core.escrow;
