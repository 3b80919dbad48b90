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
 * <p>Who may do what: a payout is requested by the platform only (an operator, or the system on
 * the daily cycle); a seller reads its own payouts and no one else's; a buyer does none of it. A
 * command the actor may not issue throws {@link NotPermittedException} before anything is read
 * or changed. Scheduled cycles run, and pending or unknown payouts are reconciled, on {@link
 * Commerce#runDueTimers}. Thread-safe.
 */
public final class Payouts {
    private final PayoutService payouts;

    Payouts(PayoutService payouts) {
        this.payouts = payouts;
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
        return payouts.payouts(payee);
    }

    int reconcile() {
        return payouts.reconcile();
    }
}
