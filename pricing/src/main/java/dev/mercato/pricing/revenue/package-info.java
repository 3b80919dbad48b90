/**
 * Settlement breakdowns and their reversal on refund: what each line, order and seller earned
 * and paid, built from a {@link dev.mercato.pricing.commission.CommissionSchedule} and a {@link
 * dev.mercato.pricing.fee.FeeSchedule}.
 *
 * <p>{@link dev.mercato.pricing.revenue.RevenueSchedule#settle(java.util.List, java.util.Map)}
 * turns {@link dev.mercato.pricing.commission.SaleLine}s into a {@link
 * dev.mercato.pricing.revenue.Settlement}: per line the seller gross, seller-funded discount,
 * platform subsidy, commission base, commission with its rule, each fee, each revenue share and
 * the seller net, with totals per order and per seller. For every line, {@code seller net +
 * commission + seller-borne fees + shares = seller gross}, exactly.
 *
 * <p>{@link dev.mercato.pricing.revenue.RefundProgress} reverses a line's charges on a full or
 * partial refund, in proportion to the refunded share of what the buyer paid, through {@link
 * dev.mercato.pricing.money.Allocation}. It tracks what was refunded already, so several partial
 * refunds add up exactly to the original charges and never exceed them.
 */
package dev.mercato.pricing.revenue;
