package dev.mercato.payments.sandbox;

import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFundsProvider;
import dev.mercato.payments.Notification;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PayoutProvider;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * An in-memory {@link PaymentProvider}, {@link PayoutProvider} and {@link HeldFundsProvider} that keeps the full SPI
 * contract (it passes {@code PaymentProviderContract}) and can be scripted to misbehave the
 * way real providers do: decline, time out with or without moving the money, answer pending
 * and settle later, deliver notifications twice and out of order.
 *
 * <p>Deterministic: time comes only from {@link SandboxSettings#clock()}, provider references
 * and event ids are sequence numbers, and shuffles are seeded. Pending answers settle at the
 * start of the first call made at or after their settlement instant, so a test moves its
 * clock instead of sleeping. Every transaction change emits one notification; it is signed
 * when it is handed out (as real providers sign each delivery attempt) with HMAC-SHA256 over
 * {@code timestamp + "." + body} in the {@value #SIGNATURE_HEADER} header
 * ({@code t=<epoch seconds>,v1=<lowercase hex>}); {@link #parseNotification} verifies it and
 * rejects it once the clock is more than the tolerance away from its timestamp.
 *
 * <p>Needs no money implementation of its own: it reads amounts through the JSR 354 API and
 * answers with the caller's amount instances. Only parsing a notification about a transaction
 * this instance never recorded builds an amount, through
 * {@code javax.money.Monetary.getDefaultAmountFactory()}.
 *
 * <p><b>Provider-held funds.</b> Held sales, splits, unfreezes and returns keep per payment
 * {@code held + returned = splitOut + unfrozen + refunded + stillHeld} (see
 * {@link dev.mercato.payments.HeldFunds}), and per sub-account a balance: what splits and
 * unfreezes credited it, less returns and {@link #withdrawFromSubAccount withdrawals}. The
 * faults real providers show are arranged through state or the script: a split (or any
 * instruction) that times out with or without moving the money
 * ({@link ScriptedAnswer.TimeOut}); a split, unfreeze or return touching a
 * {@link #freezeSubAccount frozen} sub-account is declined with
 * {@link DeclineReason#ACCOUNT_UNAVAILABLE}; a return the sub-account's balance cannot cover (the
 * seller withdrew the money) is declined with {@link DeclineReason#INSUFFICIENT_FUNDS}. Both
 * states are read when the instruction executes: at once, or when a pending one settles.
 *
 * <p>Thread-safe: all methods may be called concurrently; each call is atomic.
 */
public interface SandboxPaymentProvider extends HeldFundsProvider, PayoutProvider {

    /** The header carrying the notification signature. */
    String SIGNATURE_HEADER = "Sandbox-Signature";

    /**
     * Creates a sandbox with no transactions and an empty script.
     *
     * @param settings clock, secret, capabilities and replay window, never {@code null}
     * @return a new sandbox
     */
    static SandboxPaymentProvider create(SandboxSettings settings) {
        return new Sandbox(settings);
    }

    /**
     * Queues answers for the next mutating calls (authorize, capture, sale, void, refund,
     * payout), in order; see {@link ScriptedAnswer} for which calls use one up.
     *
     * @param answers the answers, never {@code null}
     */
    void scriptNext(ScriptedAnswer... answers);

    /**
     * Queues a decline for the next mutating call.
     *
     * @param reason the normalized reason, never {@code null}
     * @param code the provider code, never {@code null} or blank
     * @param message the message, never {@code null}
     */
    default void declineNext(DeclineReason reason, String code, String message) {
        scriptNext(ScriptedAnswer.decline(reason, code, message));
    }

    /**
     * Drops the scripted answers no call has used yet, so a test that scripted a fault for a call
     * that never reached the provider (refused before it) does not leave it for a later call.
     *
     * @return how many answers were dropped
     */
    int clearScript();

    /**
     * How many scripted answers are still queued.
     *
     * @return zero or more
     */
    int scriptedAnswersLeft();

    /**
     * Settles the pending transactions whose time has come by the clock. Every call to the
     * sandbox does this first; this method only exists to make it explicit in tests.
     */
    void settleDue();

    /**
     * Hands out the notifications emitted since the last drain, each once in emission order,
     * signed at the clock's current time, and forgets them.
     *
     * @return the signed notifications, never {@code null}
     */
    default List<Notification> drainNotifications() {
        return drainNotifications(NotificationDelivery.inOrder());
    }

    /**
     * Hands out the notifications emitted since the last drain, arranged as a real provider's
     * webhook delivery might (duplicated, reversed, shuffled), signed at the clock's current
     * time, and forgets them.
     *
     * @param delivery the arrangement, never {@code null}
     * @return the signed notifications, never {@code null}
     */
    List<Notification> drainNotifications(NotificationDelivery delivery);

    /**
     * Signs an arbitrary body with this sandbox's secret at the clock's current time, as the
     * sandbox signs its own notifications. Useful to test what a consumer does with a correctly
     * signed but malformed body.
     *
     * @param body the body, never {@code null}
     * @return the signed notification
     */
    Notification sign(String body);

    /**
     * What a sub-account holds: credited by splits and unfreezes, debited by succeeded returns
     * and withdrawals.
     *
     * @param account the sub-account, never {@code null}
     * @param currency the currency, never {@code null}
     * @return the balance, or empty if the account never received money in that currency
     */
    Optional<MonetaryAmount> subAccountBalance(FundsAccount account, CurrencyUnit currency);

    /**
     * Takes money out of a sub-account, as a seller's payout to their bank would: a later return
     * from the account finds less there.
     *
     * @param account the sub-account, never {@code null}
     * @param amount positive, at most the account's balance, never {@code null}
     * @throws dev.mercato.payments.InvalidPaymentRequestException if the amount is not positive,
     *         finer than the minor unit, in an unsupported currency, or above the balance
     *         ({@code EXCEEDS_HELD}: more than the account holds); nothing changes
     */
    void withdrawFromSubAccount(FundsAccount account, MonetaryAmount amount);

    /**
     * Freezes a sub-account (as a provider does for a seller under review): splits to it,
     * unfreezes to it and returns from it are declined with {@link DeclineReason#ACCOUNT_UNAVAILABLE}
     * until it is {@link #thawSubAccount thawed}.
     *
     * @param account the sub-account, never {@code null}
     */
    void freezeSubAccount(FundsAccount account);

    /**
     * Lifts a {@link #freezeSubAccount freeze}.
     *
     * @param account the sub-account, never {@code null}
     */
    void thawSubAccount(FundsAccount account);
}
