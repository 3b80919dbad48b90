/**
 * Fees (费用) a platform charges besides commission, and the amounts it computes for its own
 * operations: transaction and service fees per order ({@link
 * dev.mercato.pricing.fee.TransactionFee}), payment channel fees with a configured bearer
 * ({@link dev.mercato.pricing.fee.PaymentFees}), creator and referrer revenue shares ({@link
 * dev.mercato.pricing.fee.RevenueSharePolicy}), the annual technical-service fee and its rebates
 * ({@link dev.mercato.pricing.fee.AnnualFee}), security deposit requirements ({@link
 * dev.mercato.pricing.fee.DepositSchedule}), penalties and buyer compensation ({@link
 * dev.mercato.pricing.fee.PenaltySchedule}), and advertising: billing under daily budgets
 * ({@link dev.mercato.pricing.fee.CampaignDay}) and the generalized second-price auction ({@link
 * dev.mercato.pricing.fee.AdAuction}).
 *
 * <p>Pure, immutable and thread-safe. Each fee is rounded once, at the point its Javadoc names,
 * with the policy it is handed; an order-level fee is split across lines only through {@link
 * dev.mercato.pricing.money.Allocation}.
 */
package dev.mercato.pricing.fee;
