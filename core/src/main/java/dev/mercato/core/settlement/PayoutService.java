package dev.mercato.core.settlement;

import dev.mercato.core.ledger.Journal;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PayoutProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.money.CurrencyUnit;

/**
 * Pays sellers' balances out on a T+N cycle through the payments SPI's {@link PayoutProvider}.
 *
 * <p>On a cycle day, a seller's payable balance is paid out except what was released to it in
 * the last N days (the hold period). The payout's transaction id is {@code
 * payout.<seller>.<day>}: running the cycle twice on a day pays once. The ledger entry (payable
 * to payouts) is posted when the payout is requested; a declined payout is reversed; pending
 * and unknown payouts are resolved by {@link #reconcile()}, which queries the provider with
 * backoff and re-sends (same id) payouts the provider has no record of. Thread-safe.
 */
public interface PayoutService {

    /** Timer kind of the payout cycle; the target is {@code <currency>:<seller>}. */
    String PAYOUT_CYCLE = "settlement.payout-cycle";

    /** The key prefix of payout journal entries. */
    String ENTRY_PREFIX = "payout:";

    /**
     * Creates the service.
     *
     * @param storage where payouts and cycle timers are kept
     * @param journal the ledger
     * @param provider the payout provider
     * @param clock the only source of time
     * @param holdPeriod N of T+N: released money waits this long before it is paid out
     * @param payees where each seller is paid; empty skips the seller
     * @return the service
     */
    static PayoutService create(Storage storage, Journal journal, PayoutProvider provider, Clock clock,
            Duration holdPeriod, Function<String, Optional<PayeeAccount>> payees) {
        return new DefaultPayoutService(storage, journal, provider, clock, holdPeriod, payees);
    }

    /**
     * Pays out what is due to a seller today (by the clock, UTC), once per day.
     *
     * @param sellerId the seller
     * @param currency the currency of the balance
     * @return the payout (a replay returns the day's payout), or empty when nothing is due or the
     *     seller has no payee account
     */
    Optional<Payout> payOut(String sellerId, CurrencyUnit currency);

    /**
     * A seller's payouts, oldest first.
     *
     * @param sellerId the seller
     * @return the payouts
     */
    List<Payout> payouts(String sellerId);

    /**
     * Resolves pending and unknown payouts whose next check is due.
     *
     * @return how many were checked
     */
    int reconcile();

    /**
     * Schedules a seller's daily payout cycle.
     *
     * @param sellerId the seller
     * @param currency the currency
     * @param firstRun the first cycle
     */
    void scheduleCycle(String sellerId, CurrencyUnit currency, Instant firstRun);

    /**
     * Registers the payout cycle's handler: pay out, then schedule the next day.
     *
     * @param runner the runner
     * @return the runner
     */
    DueTaskRunner registerTimers(DueTaskRunner runner);
}
