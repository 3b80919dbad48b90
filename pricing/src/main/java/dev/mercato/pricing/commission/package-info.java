/**
 * Commission (佣金 / 扣点): what a platform charges a third-party seller on each sale line.
 *
 * <p>A {@link dev.mercato.pricing.commission.CommissionSchedule} holds {@link
 * dev.mercato.pricing.commission.CommissionRule}s scoped to a SKU, a seller, a brand, a
 * category (inherited by its descendants) or every line, each effective over a period of order
 * instants, with a flat or tiered rate and an optional minimum and maximum per line. {@link
 * dev.mercato.pricing.commission.CommissionSchedule#commissionFor(SaleLine,
 * javax.money.MonetaryAmount)} picks the most specific rule in force when the order was placed
 * and returns a {@link dev.mercato.pricing.commission.Commission} that names the rule and says
 * why it matched. Self-operated lines pay no commission: the platform earns a margin on its own
 * stock instead.
 *
 * <p>The input, {@link dev.mercato.pricing.commission.SaleLine}, is this package's own record
 * so that any pricing engine's output can be mapped into it. Everything here is pure,
 * immutable and thread-safe; amounts are computed in {@code long} minor units and rounded once
 * per commission with the schedule's {@link dev.mercato.pricing.money.RoundingPolicy}.
 */
package dev.mercato.pricing.commission;
