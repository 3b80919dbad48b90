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
 * Pays sellers' and creators' balances out on a T+N cycle through the payments SPI's {@link
 * PayoutProvider}.
 *
 * <p>On a cycle day, a {@link Payee payee's} payable balance (a seller's {@code SellerPayable}, a
 * creator's or referrer's {@code CreatorPayable}) is paid out except what was released to it in
 * the last N days (the hold period). Nothing is paid when that is zero or negative: a balance
 * made negative by a refund after release is carried and netted against later shares or sales.
 * The payout's transaction id is {@code payout.<seller>.<day>} or {@code
 * creator-payout.<party>.<day>}: running the cycle twice on a day pays once. The ledger entry (payable
 * to payouts) is posted when the payout is requested; a declined payout is reversed; pending
 * and unknown payouts are resolved by {@link #reconcile()}, which queries the provider with
 * backoff and re-sends (same id) payouts the provider has no record of. Thread-safe.
 */
public interface PayoutService {

    /** Timer kind of the payout cycle; the target is {@code <currency>:<seller>}. */
    String PAYOUT_CYCLE = "settlement.payout-cycle";

    /** Timer kind of the creator payout cycle; the target is {@code <currency>:<party>}. */
    String CREATOR_PAYOUT_CYCLE = "settlement.creator-payout-cycle";

    /** The key prefix of payout journal entries. */
    String ENTRY_PREFIX = "payout:";

    /**
     * Creates the service for sellers only: creators have no payee account, so their balances
     * stay payable.
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
        return create(storage, journal, provider, clock, holdPeriod, payees, party -> Optional.empty());
    }

    /**
     * Creates the service.
     *
     * @param storage where payouts and cycle timers are kept
     * @param journal the ledger
     * @param provider the payout provider
     * @param clock the only source of time
     * @param holdPeriod N of T+N: released money waits this long before it is paid out
     * @param payees where each seller is paid; empty skips the seller
     * @param creatorPayees where each creator or referrer is paid; empty skips the party
     * @return the service
     */
    static PayoutService create(Storage storage, Journal journal, PayoutProvider provider, Clock clock,
            Duration holdPeriod, Function<String, Optional<PayeeAccount>> payees,
            Function<String, Optional<PayeeAccount>> creatorPayees) {
        return new DefaultPayoutService(storage, journal, provider, clock, holdPeriod, payees, creatorPayees);
    }

    /**
     * Pays out what is due to a seller today (by the clock, UTC), once per day.
     *
     * @param sellerId the seller
     * @param currency the currency of the balance
     * @return the payout (a replay returns the day's payout), or empty when nothing is due or the
     *     seller has no payee account
     */
    default Optional<Payout> payOut(String sellerId, CurrencyUnit currency) {
        return payOut(new Payee.Seller(sellerId), currency);
    }

    /**
     * Pays out what is due to a seller or creator today (by the clock, UTC), once per payee and
     * day.
     *
     * @param payee the seller or creator
     * @param currency the currency of the balance
     * @return the payout (a replay returns the day's payout), or empty when nothing is due or the
     *     payee has no payee account
     */
    Optional<Payout> payOut(Payee payee, CurrencyUnit currency);

    /**
     * A seller's payouts, oldest first.
     *
     * @param sellerId the seller
     * @return the payouts
     */
    default List<Payout> payouts(String sellerId) {
        return payouts(new Payee.Seller(sellerId));
    }

    /**
     * A seller's or creator's payouts, oldest first.
     *
     * @param payee the seller or creator
     * @return the payouts
     */
    List<Payout> payouts(Payee payee);

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
    default void scheduleCycle(String sellerId, CurrencyUnit currency, Instant firstRun) {
        scheduleCycle(new Payee.Seller(sellerId), currency, firstRun);
    }

    /**
     * Schedules a seller's or creator's daily payout cycle.
     *
     * @param payee the seller or creator
     * @param currency the currency
     * @param firstRun the first cycle
     */
    void scheduleCycle(Payee payee, CurrencyUnit currency, Instant firstRun);

    /**
     * Registers the seller and creator payout cycles' handlers: pay out, then schedule the next day.
     *
     * @param runner the runner
     * @return the runner
     */
    DueTaskRunner registerTimers(DueTaskRunner runner);
}
