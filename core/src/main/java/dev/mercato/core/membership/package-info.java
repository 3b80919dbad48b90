/**
 * Membership accounts and paid plans: points held in lots with expiry dates, an entry for every
 * change so that the history explains the balance, clawback on refunds, tier standing, and the
 * paid-plan lifecycle ({@link dev.mercato.core.membership.Subscription}: trial, active, renewal
 * retrying, lapsed, cancelled) with renewals charged through the payment SPI and fees posted to
 * the ledger as membership revenue.
 *
 * <p>{@link dev.mercato.core.membership.MembershipService} ties them to storage, the journal,
 * the payment provider and due timers. The rules themselves (earning, redemption, tiers, plan
 * terms) are pure calculators in {@code dev.mercato.pricing.membership}.
 */
package dev.mercato.core.membership;
