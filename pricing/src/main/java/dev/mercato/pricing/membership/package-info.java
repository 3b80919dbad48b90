/**
 * Membership calculators: how many points a payment earns ({@link
 * dev.mercato.pricing.membership.EarnRules}), what points are worth at checkout ({@link
 * dev.mercato.pricing.membership.RedemptionPolicy}, {@link
 * dev.mercato.pricing.membership.PointsOffset}), which tier a member qualifies for and keeps
 * ({@link dev.mercato.pricing.membership.TierPolicy}), what a paid plan costs and refunds
 * ({@link dev.mercato.pricing.membership.PlanTerms}, {@link
 * dev.mercato.pricing.membership.RefundPolicy}) and how a member's standing becomes the
 * pricing engine's buyer context ({@link dev.mercato.pricing.membership.MemberStanding}).
 *
 * <p>Everything here is pure: no clock, no storage, no I/O. Points are whole numbers held in
 * {@code long}; money is {@link javax.money.MonetaryAmount} at the boundary and minor units
 * inside. Accounts, lots, entries and the plan lifecycle live in {@code dev.mercato.core.membership}.
 */
package dev.mercato.pricing.membership;
