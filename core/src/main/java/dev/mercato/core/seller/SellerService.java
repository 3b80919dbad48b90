package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * Onboards sellers and keeps their security deposits, over {@link Storage}, the {@link Journal}
 * and the payments SPI.
 *
 * <p>Each command loads the seller, asks its state for the transition (which checks the actor)
 * and stores the state entered with an optimistic version, retried on conflict; a refusal changes
 * nothing. Deposit movements are balanced journal entries, kept in the seller's {@link Deposit}
 * and posted right after the commit (a replay of an entry key is a no-op, and {@link
 * #repairJournal()} posts every seller's entries again after a crash):
 *
 * <table>
 *   <caption>deposit entries</caption>
 *   <tr><th>movement</th><th>entry</th></tr>
 *   <tr><td>lodged (provider captured the deposit)</td><td>{@code SellerFundsIn -A, SellerDeposit +A}</td></tr>
 *   <tr><td>topped up t after debits</td><td>{@code SellerFundsIn -t, SellerDeposit +t}</td></tr>
 *   <tr><td>penalty p</td><td>{@code SellerDeposit -p, PlatformRevenue(PENALTY) +p}</td></tr>
 *   <tr><td>compensation c</td><td>{@code SellerDeposit -c, Refunds +c}</td></tr>
 *   <tr><td>returned r on closure</td><td>{@code SellerDeposit -r, SellerFundsIn +r}</td></tr>
 * </table>
 *
 * <p>So the {@code SellerDeposit} balance is {@code lodged + toppedUp - debited - returned} and never
 * negative. The deposit is paid with {@link PaymentProvider#sale} under transaction id {@code
 * sdep.<seller>.<n>} (a new {@code n} only after a decline) and returned with {@link
 * PaymentProvider#refund} of that payment under {@code sret.<seller>.<n>}; the state naming the
 * transaction is stored before the provider is called, and pending or unknown outcomes are
 * resolved by {@link #reconcile()}. Thread-safe.
 */
public interface SellerService extends SellerGate {

    /** Timer kind of a closing seller's deposit return; the target is the seller id. */
    String DEPOSIT_RETURN = "seller.deposit-return";

    /**
     * Creates the service.
     *
     * @param storage where sellers and their timers are kept
     * @param journal the ledger
     * @param provider who takes and gives back deposits
     * @param clock the only source of time
     * @param policy the requirements per seller type
     * @param obligations whether a closing seller still has open orders or disputes
     * @return the service
     */
    static SellerService create(Storage storage, Journal journal, PaymentProvider provider, Clock clock,
            OnboardingPolicy policy, OpenObligations obligations) {
        return new DefaultSellerService(storage, journal, provider, clock, policy, obligations);
    }

    /**
     * Registers a seller, by the seller itself or a platform operator.
     *
     * @param sellerId the host's seller id, usable in a provider transaction id
     *     ({@code [A-Za-z0-9._:-]}, at most 40 characters)
     * @param type the seller type
     * @param actor who registers it
     * @return {@link Registered}; {@code NOT_IN_THIS_STATE} when the id is already registered
     */
    SellerResult register(String sellerId, SellerType type, Actor actor);

    /**
     * The seller submits (or, after a rejection, resubmits) its documents.
     *
     * @param sellerId the seller
     * @param actor the seller itself
     * @param documents documents covering the type's required qualifications
     * @return {@link QualificationsSubmitted}, or a refusal
     * @throws UnknownSellerException if the seller is not registered
     */
    SellerResult submitQualifications(String sellerId, Actor actor, List<QualificationDocument> documents);

    /**
     * A platform operator approves the seller's qualifications.
     *
     * @param sellerId the seller
     * @param actor a platform operator; anyone else is refused
     * @return {@link Approved}, or a refusal
     */
    SellerResult approve(String sellerId, Actor actor);

    /**
     * A platform operator rejects the seller's qualifications.
     *
     * @param sellerId the seller
     * @param actor a platform operator
     * @param reason why
     * @param note what to fix
     * @return {@link Rejected}, or a refusal
     */
    SellerResult reject(String sellerId, Actor actor, RejectionReason reason, String note);

    /**
     * The seller accepts the platform agreement.
     *
     * @param sellerId the seller
     * @param actor the seller itself
     * @param agreementVersion the agreement's version
     * @return {@link AgreementAccepted}, or a refusal
     */
    SellerResult acceptAgreement(String sellerId, Actor actor, String agreementVersion);

    /**
     * The seller pays its security deposit through the provider. Idempotent by {@code key}: a
     * replay calls nothing and answers from the seller's current state; the same key with another
     * amount throws {@link dev.mercato.core.storage.IdempotencyKeyReusedException}.
     *
     * @param sellerId the seller
     * @param actor the seller itself
     * @param amount exactly the type's required deposit
     * @param source the seller's payment source
     * @param key the caller's idempotency key
     * @return {@link Active} when captured, {@link DepositPending} while the provider has not
     *     answered finally, or a refusal ({@code DEPOSIT_DECLINED} leaves the seller in
     *     {@link AgreementAccepted}, free to pay again with a new key)
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if the amount is not in the
     *     deposit's currency (nothing changed)
     */
    SellerResult payDeposit(String sellerId, Actor actor, MonetaryAmount amount, PaymentSource source, String key);

    /**
     * The seller pays its security deposit up again through the provider after debits (penalties,
     * compensation): at most what debits took and earlier top-ups have not restored ({@link
     * Deposit#shortfall()}), so the deposit never holds more than was lodged. Once captured, {@code
     * SellerFundsIn -a, SellerDeposit +a}. The top-up is stored under its transaction id before the
     * provider is called; a pending or unknown outcome leaves it {@link
     * DepositTopUp.AwaitingProvider} until {@link #reconcile} finds it final. Idempotent by {@code
     * key}: a replay calls nothing and answers from the stored top-up; the same key with another
     * amount throws {@link dev.mercato.core.storage.IdempotencyKeyReusedException}.
     *
     * @param sellerId the seller, active or suspended, whose deposit was lodged through the provider
     * @param actor the seller itself or a platform operator
     * @param amount positive, at most the shortfall, in the deposit's currency
     * @param source the seller's payment source
     * @param key the caller's idempotency key
     * @return the seller (with the larger deposit once captured), or a refusal that sent and
     *     stored nothing ({@code NOT_IN_THIS_STATE}, {@code ACTOR_NOT_ALLOWED}, {@code
     *     AMOUNT_NOT_POSITIVE}, {@code EXCEEDS_SHORTFALL}) or {@code DEPOSIT_DECLINED} when the
     *     provider declined it (pay again with a new key)
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if the amount is not in the
     *     deposit's currency (nothing changed)
     */
    SellerResult topUpDeposit(String sellerId, Actor actor, MonetaryAmount amount, PaymentSource source, String key);

    /**
     * A deposit top-up by its key.
     *
     * @param sellerId the seller
     * @param key the caller's key
     * @return the top-up, or empty when there is none under the key
     */
    Optional<DepositTopUp> depositTopUp(String sellerId, String key);

    /**
     * Activates a seller whose type lodges no deposit.
     *
     * @param sellerId the seller
     * @param actor the seller itself
     * @return {@link Active}, or a refusal
     */
    SellerResult activateWithoutDeposit(String sellerId, Actor actor);

    /**
     * A platform operator suspends an active seller.
     *
     * @param sellerId the seller
     * @param actor a platform operator
     * @param reason why
     * @return {@link Suspended}, or a refusal
     */
    SellerResult suspend(String sellerId, Actor actor, String reason);

    /**
     * A platform operator reinstates a suspended seller.
     *
     * @param sellerId the seller
     * @param actor a platform operator
     * @return {@link Active}, or a refusal
     */
    SellerResult reinstate(String sellerId, Actor actor);

    /**
     * A platform operator debits the deposit for a penalty or buyer compensation. Idempotent by
     * {@code key}; the same key with another kind or amount throws {@link
     * dev.mercato.core.storage.IdempotencyKeyReusedException}.
     *
     * @param sellerId the seller
     * @param actor a platform operator
     * @param kind what the debit pays for
     * @param amount at most what the deposit holds
     * @param key the caller's idempotency key
     * @return the same state with less deposit, or a refusal
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if the amount is in another currency
     */
    SellerResult debitDeposit(String sellerId, Actor actor, DebitKind kind, MonetaryAmount amount, String key);

    /**
     * The seller or an operator closes an active or suspended seller. The deposit return is
     * scheduled at once ({@link #DEPOSIT_RETURN}) and tried again daily while obligations are open.
     *
     * @param sellerId the seller
     * @param actor the seller itself or a platform operator
     * @return {@link Closing}, or a refusal
     */
    SellerResult requestClose(String sellerId, Actor actor);

    /**
     * Returns what a closing seller's deposit holds, once it has no open orders or disputes.
     *
     * @param sellerId the seller
     * @param actor a platform operator or the system
     * @return {@link Closed} when returned (or nothing was held), {@link Closing} with the return
     *     pending, or a refusal ({@code OBLIGATIONS_OPEN}, {@code PROVIDER_CANNOT_RETURN})
     */
    SellerResult returnDeposit(String sellerId, Actor actor);

    /**
     * A seller's current state.
     *
     * @param sellerId the seller
     * @return the state, or empty when not registered
     */
    Optional<Seller> find(String sellerId);

    /**
     * Asks the provider about deposits and returns with no final outcome, and moves the sellers on.
     * A payment the provider has no record of is treated as declined; a return it has no record of
     * is sent again under the same id.
     *
     * @return how many sellers were checked
     */
    int reconcile();

    /**
     * Posts every seller's deposit entries again (replays are no-ops): run at start-up so an entry
     * lost between a commit and its post reaches the journal.
     *
     * @return how many entries were newly posted
     */
    int repairJournal();

    /**
     * Registers the deposit-return handler.
     *
     * @param runner the runner
     * @return the runner
     */
    DueTaskRunner registerTimers(DueTaskRunner runner);
}
