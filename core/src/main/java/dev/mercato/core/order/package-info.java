/**
 * Orders: one per seller per checkout, with an immutable priced snapshot and the proration
 * weights stored at order time. The lifecycle is a sealed interface, {@link
 * dev.mercato.core.order.Order}, with one record per state; a transition is a method on the
 * state it leaves, and terminal states have none. After-sale cases (returns, refunds,
 * exchanges) live inside a delivered order as {@link dev.mercato.core.order.AfterSaleCase}.
 */
package dev.mercato.core.order;
