package dev.mercato.core.settlement;

import dev.mercato.core.ledger.Journal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * What one seller earned in one period, read from the ledger.
 *
 * <p>{@code net = gross - commission - fees - shares - tax - refunds - compensation}: the change of the seller's
 * payable balance and deposit over the period, payouts and deposit top-ups aside. {@code gross}
 * is what was released to the seller before commission, fees and revenue shares, platform subsidies included
 * and less the subsidies taken back on refunds; {@code platformSubsidies} is that subsidy part
 * (platform-funded discounts, paid by the platform). {@code commission} and {@code fees} are net
 * of what the platform gave back on refunds after release; {@code refunds} are refunds after
 * release, of which {@code clawedBackFromBalance} and {@code clawedBackFromDeposit} were the
 * seller's share; {@code compensation} went to buyers from the seller's deposit or balance.
 * Seller-funded discounts are reported for the orders released in the period from the {@link
 * DiscountFunding} the caller supplies; they do not change {@code net} (the buyer paid less).
 * {@code tax} is the tax of the released lines the platform posted to tax payable (never the
 * seller's), net of tax reversed on refunds after release; it is inside {@code gross}.
 *
 * <p><b>Both funds models</b> (docs/funds-models.md). With the funds held by the payment provider
 * the release entries are the same, so {@code gross}, deductions and {@code net} read the same
 * as with platform-held funds for the same orders; the seller's money then leaves the payable not
 * by a payout but by the release's split: {@code sentToSubAccount} is what splits took from the
 * payable for the seller's sub-account (net of declined splits; a split in transit counts), and
 * {@code returnedFromSubAccount} what returns for refunds after release brought back. {@code
 * payouts} are then the provider's payouts from the sub-account the host recorded. In both
 * models, over the period (deposit lodgements and top-ups aside),
 * <pre>
 *   net - otherCharges = change of (payable + deposit + sub-account) + payouts
 *   change of sub-account = sentToSubAccount - returnedFromSubAccount - payouts   (provider-held; once splits are final)
 * </pre>
 * with platform-held funds there is no sub-account and those two fields are zero. {@code
 * otherCharges} is what the seller's payable was charged outside its orders' escrows: the facade's
 * fees (annual technical-service fees less their rebates, advertising top-ups from the payable,
 * carrier charges of its parcels and return labels), late-delivery coupons it funded, and entries
 * the host posted; a credit (a rebate, a platform- or carrier-funded late compensation) counts
 * negative.
 *
 * @param sellerId the seller
 * @param currency the currency
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive
 * @param gross released to the seller, before deductions
 * @param sellerFundedDiscounts discounts the seller paid on the released orders
 * @param platformSubsidies platform-funded discounts paid to the seller, net of those taken back
 * @param commission commission kept, net of commission returned on refunds
 * @param fees service and payment fees kept, net of fees returned on refunds
 * @param shares creators' and referrers' revenue shares paid from the seller's sales, net of
 *     shares taken back on refunds
 * @param refunds refunds after release
 * @param clawedBackFromBalance the seller's share of those refunds taken from the payable balance
 * @param clawedBackFromDeposit the seller's share of those refunds taken from the deposit
 * @param compensation compensation paid to buyers at the seller's expense
 * @param payouts paid out to the seller in the period
 * @param net gross minus commission, fees, shares, tax, refunds and compensation
 * @param tax the released lines' tax posted to tax payable, net of tax reversed on refunds after
 *     release; zero without tax
 * @param sentToSubAccount provider-held funds: what the releases' splits took from the payable for
 *     the seller's sub-account, net of declined splits; zero with platform-held funds
 * @param returnedFromSubAccount provider-held funds: what returns from the seller's sub-account
 *     brought back for refunds after release; zero with platform-held funds
 * @param otherCharges charged to the seller's payable outside its orders' escrows (fees, coupons it
 *     funded, host entries), net of credits; positive when the seller paid
 */
public record SettlementStatement(String sellerId, CurrencyUnit currency, Instant from, Instant to,
        MonetaryAmount gross, MonetaryAmount sellerFundedDiscounts, MonetaryAmount platformSubsidies,
        MonetaryAmount commission, MonetaryAmount fees, MonetaryAmount shares, MonetaryAmount refunds, MonetaryAmount clawedBackFromBalance,
        MonetaryAmount clawedBackFromDeposit, MonetaryAmount compensation, MonetaryAmount payouts, MonetaryAmount net,
        MonetaryAmount tax, MonetaryAmount sentToSubAccount, MonetaryAmount returnedFromSubAccount,
        MonetaryAmount otherCharges) {

    /**
     * A statement with nothing charged outside the seller's orders.
     *
     * @param sellerId the seller
     * @param currency the currency
     * @param from start of the period, inclusive
     * @param to end of the period, exclusive
     * @param gross released to the seller, before deductions
     * @param sellerFundedDiscounts discounts the seller paid on the released orders
     * @param platformSubsidies platform-funded discounts paid to the seller
     * @param commission commission kept
     * @param fees service and payment fees kept
     * @param shares revenue shares paid from the seller's sales
     * @param refunds refunds after release
     * @param clawedBackFromBalance the seller's share of those refunds taken from the payable balance
     * @param clawedBackFromDeposit the seller's share of those refunds taken from the deposit
     * @param compensation compensation paid to buyers at the seller's expense
     * @param payouts paid out to the seller in the period
     * @param net gross minus commission, fees, shares, tax, refunds and compensation
     * @param tax the released lines' tax posted to tax payable
     * @param sentToSubAccount provider-held funds: what the splits took from the payable
     * @param returnedFromSubAccount provider-held funds: what returns brought back
     */
    public SettlementStatement(String sellerId, CurrencyUnit currency, Instant from, Instant to,
            MonetaryAmount gross, MonetaryAmount sellerFundedDiscounts, MonetaryAmount platformSubsidies,
            MonetaryAmount commission, MonetaryAmount fees, MonetaryAmount shares, MonetaryAmount refunds,
            MonetaryAmount clawedBackFromBalance, MonetaryAmount clawedBackFromDeposit, MonetaryAmount compensation,
            MonetaryAmount payouts, MonetaryAmount net, MonetaryAmount tax, MonetaryAmount sentToSubAccount,
            MonetaryAmount returnedFromSubAccount) {
        this(sellerId, currency, from, to, gross, sellerFundedDiscounts, platformSubsidies, commission, fees, shares,
                refunds, clawedBackFromBalance, clawedBackFromDeposit, compensation, payouts, net, tax, sentToSubAccount,
                returnedFromSubAccount, dev.mercato.pricing.money.MinorUnits.toAmount(0, currency));
    }

    /**
     * A statement of platform-held funds (nothing sent to or returned from a sub-account).
     *
     * @param sellerId the seller
     * @param currency the currency
     * @param from start of the period, inclusive
     * @param to end of the period, exclusive
     * @param gross released to the seller, before deductions
     * @param sellerFundedDiscounts discounts the seller paid on the released orders
     * @param platformSubsidies platform-funded discounts paid to the seller
     * @param commission commission kept
     * @param fees service and payment fees kept
     * @param shares revenue shares paid from the seller's sales
     * @param refunds refunds after release
     * @param clawedBackFromBalance the seller's share of those refunds taken from the payable balance
     * @param clawedBackFromDeposit the seller's share of those refunds taken from the deposit
     * @param compensation compensation paid to buyers at the seller's expense
     * @param payouts paid out to the seller in the period
     * @param net gross minus commission, fees, shares, tax, refunds and compensation
     * @param tax the released lines' tax posted to tax payable
     */
    public SettlementStatement(String sellerId, CurrencyUnit currency, Instant from, Instant to,
            MonetaryAmount gross, MonetaryAmount sellerFundedDiscounts, MonetaryAmount platformSubsidies,
            MonetaryAmount commission, MonetaryAmount fees, MonetaryAmount shares, MonetaryAmount refunds,
            MonetaryAmount clawedBackFromBalance, MonetaryAmount clawedBackFromDeposit, MonetaryAmount compensation,
            MonetaryAmount payouts, MonetaryAmount net, MonetaryAmount tax) {
        this(sellerId, currency, from, to, gross, sellerFundedDiscounts, platformSubsidies, commission, fees, shares,
                refunds, clawedBackFromBalance, clawedBackFromDeposit, compensation, payouts, net, tax,
                dev.mercato.pricing.money.MinorUnits.toAmount(0, currency),
                dev.mercato.pricing.money.MinorUnits.toAmount(0, currency));
    }

    /**
     * A statement without tax.
     *
     * @param sellerId the seller
     * @param currency the currency
     * @param from start of the period, inclusive
     * @param to end of the period, exclusive
     * @param gross released to the seller, before deductions
     * @param sellerFundedDiscounts discounts the seller paid on the released orders
     * @param platformSubsidies platform-funded discounts paid to the seller
     * @param commission commission kept
     * @param fees service and payment fees kept
     * @param shares revenue shares paid from the seller's sales
     * @param refunds refunds after release
     * @param clawedBackFromBalance the seller's share of those refunds taken from the payable balance
     * @param clawedBackFromDeposit the seller's share of those refunds taken from the deposit
     * @param compensation compensation paid to buyers at the seller's expense
     * @param payouts paid out to the seller in the period
     * @param net gross minus commission, fees, shares, refunds and compensation
     */
    public SettlementStatement(String sellerId, CurrencyUnit currency, Instant from, Instant to,
            MonetaryAmount gross, MonetaryAmount sellerFundedDiscounts, MonetaryAmount platformSubsidies,
            MonetaryAmount commission, MonetaryAmount fees, MonetaryAmount shares, MonetaryAmount refunds,
            MonetaryAmount clawedBackFromBalance, MonetaryAmount clawedBackFromDeposit, MonetaryAmount compensation,
            MonetaryAmount payouts, MonetaryAmount net) {
        this(sellerId, currency, from, to, gross, sellerFundedDiscounts, platformSubsidies, commission, fees, shares,
                refunds, clawedBackFromBalance, clawedBackFromDeposit, compensation, payouts, net,
                dev.mercato.pricing.money.MinorUnits.toAmount(0, currency));
    }

    /**
     * Builds the statement of a seller for {@code [from, to)} from the journal's escrow and
     * payout entries.
     *
     * @param journal the ledger
     * @param sellerId the seller
     * @param currency the currency
     * @param from start, inclusive
     * @param to end, exclusive
     * @param discounts who funded the discounts of an escrow (order), empty when none or unknown
     * @return the statement
     */
    public static SettlementStatement of(Journal journal, String sellerId, CurrencyUnit currency, Instant from,
            Instant to, Function<String, Optional<DiscountFunding>> discounts) {
        return Statements.build(journal, sellerId, currency, from, to, discounts);
    }
}
