package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.settlement.Payee;
import dev.mercato.core.settlement.Payout;
import dev.mercato.core.settlement.PayoutService;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;

/**
 * The facade's payouts ({@link Commerce.Builder#payouts}): T+N payouts of released money to
 * sellers (and creators) through the payout provider, on the facade's storage, ledger and clock,
 * behind the same actor checks as every other command.
 *
 * <p>With provider-held funds ({@link Commerce.Builder#fundsHeldByProvider}) the platform pays no
 * one: each release's split puts the seller's share on its sub-account and the provider pays it
 * out to the seller's bank. There the facade's payouts record what the provider reports it paid
 * ({@link #recordProviderPayout}: the sub-account's mirror in the journal to {@code Payouts}), so
 * {@link #payouts(Actor, Payee)} and settlement statements show the seller paid in both models;
 * {@link #payOut} and {@link #scheduleCycle} are refused (docs/funds-models.md, "Payouts").
 *
 * <p>Who may do what: a payout is requested by the platform only (an operator, or the system on
 * the daily cycle); a seller reads its own payouts and no one else's; a buyer does none of it. A
 * command the actor may not issue throws {@link NotPermittedException} before anything is read
 * or changed. Scheduled cycles run, and pending or unknown payouts are reconciled, on {@link
 * Commerce#runDueTimers}. Thread-safe.
 */
public final class Payouts {
    private final PayoutService payouts;
    private final ProviderFunds providerFunds;

    Payouts(PayoutService payouts) {
        this.payouts = payouts;
        this.providerFunds = null;
    }

    /** The payouts of the provider-held model: recorded as the provider reports them. */
    Payouts(ProviderFunds providerFunds) {
        this.payouts = null;
        this.providerFunds = providerFunds;
    }

    /**
     * What {@link #recordProviderPayout} did: recorded (or recorded before, for a replay), or
     * refused with a reason, recording nothing.
     */
    public sealed interface ProviderPayout {
        /**
         * The payout is in the journal.
         *
         * @param payout the payout, succeeded, its transaction id the provider's reference
         */
        record Recorded(Payout payout) implements ProviderPayout {}

        /**
         * Nothing was recorded.
         *
         * @param reason why
         * @param message what to do about it
         */
        record Refused(Reason reason, String message) implements ProviderPayout {}

        /** Why a provider payout was not recorded. */
        enum Reason {
            /** The payee has no sub-account in the facade's {@link FundsAccounts}. */
            NO_SUB_ACCOUNT,
            /** The payout is more than the ledger says the sub-account holds. */
            EXCEEDS_SUB_ACCOUNT,
            /** The provider reference was recorded for this payee with another amount. */
            REFERENCE_REUSED
        }
    }

    /**
     * Records a payout the payment provider made from a seller's or creator's sub-account to the
     * party's bank (a withdrawal or settlement it reported), once per provider reference: the
     * journal moves it from the sub-account's mirror ({@code ProviderSubAccount}) to {@code
     * Payouts}. Provider-held funds only.
     *
     * @param actor a platform operator or the system
     * @param payee the seller or creator paid
     * @param amount what the provider paid out, positive, in the currency's minor unit
     * @param providerReference the provider's reference of the payout, its idempotency key
     * @return recorded (a replay returns the first), or refused with a reason, changing nothing
     * @throws NotPermittedException for a buyer or a seller
     * @throws InvalidInputException for a missing or non-positive amount, a blank reference, or
     *     a facade whose platform holds the funds (its payouts are {@link #payOut})
     */
    public ProviderPayout recordProviderPayout(Actor actor, Payee payee, javax.money.MonetaryAmount amount,
            String providerReference) {
        Access.system(actor, "record a provider payout");
        InvalidInputException.requireNonNull(payee, "payee");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(providerReference, "providerReference");
        if (providerFunds == null) {
            throw new InvalidInputException("payouts", "platform-held", "the platform holds the funds and pays sellers"
                    + " itself (payOut); provider payouts are recorded only with Builder.fundsHeldByProvider");
        }
        if (!amount.isPositive()) {
            throw new InvalidInputException("amount", amount, "must be positive");
        }
        dev.mercato.pricing.money.MinorUnits.toMinor(amount, amount.getCurrency());
        if (providerReference.isBlank() || providerReference.length() > 64) {
            throw new InvalidInputException("providerReference", providerReference, "must be 1 to 64 characters, not blank");
        }
        return providerFunds.recordPayout(payee, amount, providerReference);
    }

    private void requirePlatformPays(String what) {
        if (payouts == null) {
            throw new InvalidInputException("payouts", what, "with provider-held funds (Builder.fundsHeldByProvider)"
                    + " the provider pays sellers from their sub-accounts; record what it paid with recordProviderPayout");
        }
    }

    /**
     * Pays out what is due to a seller or creator today, once per payee and day ({@link
     * PayoutService#payOut(Payee, CurrencyUnit)}).
     *
     * @param actor a platform operator or the system
     * @param payee the seller or creator
     * @param currency the currency of the balance
     * @return the payout (a replay returns the day's payout), or empty when nothing is due or the
     *     payee has no payee account
     * @throws NotPermittedException for a buyer or a seller
     */
    public Optional<Payout> payOut(Actor actor, Payee payee, CurrencyUnit currency) {
        Access.system(actor, "pay out");
        InvalidInputException.requireNonNull(payee, "payee");
        InvalidInputException.requireNonNull(currency, "currency");
        requirePlatformPays("payOut");
        return payouts.payOut(payee, currency);
    }

    /**
     * Schedules a payee's daily payout cycle.
     *
     * @param actor a platform operator or the system
     * @param payee the seller or creator
     * @param currency the currency
     * @param firstRun the first cycle
     * @throws NotPermittedException for a buyer or a seller
     */
    public void scheduleCycle(Actor actor, Payee payee, CurrencyUnit currency, Instant firstRun) {
        Access.system(actor, "schedule payouts");
        InvalidInputException.requireNonNull(payee, "payee");
        InvalidInputException.requireNonNull(currency, "currency");
        InvalidInputException.requireNonNull(firstRun, "firstRun");
        requirePlatformPays("scheduleCycle");
        payouts.scheduleCycle(payee, currency, firstRun);
    }

    /**
     * A payee's payouts, oldest first.
     *
     * @param actor the seller itself (for a seller payee), a platform operator or the system
     * @param payee the seller or creator
     * @return the payouts
     * @throws NotPermittedException for anyone else
     */
    public List<Payout> payouts(Actor actor, Payee payee) {
        InvalidInputException.requireNonNull(actor, "actor");
        InvalidInputException.requireNonNull(payee, "payee");
        boolean own = payee instanceof Payee.Seller seller && actor instanceof Actor.Seller s
                && s.sellerId().equals(seller.id());
        if (!own && !Access.isPlatform(actor)) {
            throw new NotPermittedException(actor, "read payouts", "payouts of " + payee);
        }
        return payouts != null ? payouts.payouts(payee) : providerFunds.payouts(payee);
    }

    int reconcile() {
        return payouts != null ? payouts.reconcile() : 0;
    }
}
