package dev.mercato.payments.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mercato.payments.Capabilities.Feature;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.Operation;
import dev.mercato.payments.PaymentEvent;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentProviderException;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.RejectionReason;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.VoidRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conformance kit for {@link PaymentProvider} plug-ins. Extend it in your plug-in's tests,
 * name the subclass {@code *ContractTest}, and implement the factory methods; every check
 * then runs against your provider. Checks that need an optional
 * {@link dev.mercato.payments.Capabilities.Feature}, a fault you cannot inject or a hook you
 * leave empty are skipped (JUnit assumptions), not failed.
 *
 * <p>What it checks: replays with the same transaction id have one effect, also from many
 * threads at once; the same id with other content (operation, amount, currency, payment,
 * source, reference, reason) is refused; refunds never exceed the captured amount, also over
 * several refunds and concurrent ones; captures never exceed the authorization and happen
 * once; a captured payment cannot be voided; amounts finer than the minor unit are refused,
 * never rounded; status agrees with every outcome; timeouts, server errors and slow answers
 * are unknown (or a {@link PaymentProviderException}), never declined or refused, and a
 * replay resolves them with one effect; a verified notification reports the operation's id,
 * kind, amount and currency, keeps its event ids across redeliveries, expires when stale,
 * and one about an unknown transaction is an answer, not an exception; forged and unsigned
 * notifications are rejected; an unsupported currency is refused and leaves no record.
 *
 * <p><b>Asynchronous outcomes are legal.</b> An operation kind that
 * {@link dev.mercato.payments.Capabilities#isSynchronous(Operation)} does not declare
 * synchronous may answer {@code Pending}; the kit then follows it up with
 * {@link #awaitFinal} (by default: moving the {@link ContractClock} forward and asking
 * {@link PaymentProvider#status}) and expects it to settle as {@code Succeeded}. An operation
 * kind declared synchronous must answer {@code Succeeded} at once.
 *
 * <p>Requirements on the provider under test: {@link #approvedSource()} is approved (at once
 * or once settled), and each test gets a provider from {@link #newProvider(ContractClock)}
 * whose transactions do not collide with other tests' (the kit uses fresh random transaction
 * ids from {@link #newTransactionId()}).
 */
public abstract class PaymentProviderContract {
    private static final int THREADS = 8;

    private ContractClock clock;
    private PaymentProvider provider;
    private ExecutorService pool;

    /**
     * Creates the provider under test; called before every test with a fresh clock.
     *
     * @param clock the only time source the provider may read (settlement, notification
     *        timestamps and their replay window); the kit moves it
     * @return the provider, never {@code null}
     */
    protected abstract PaymentProvider newProvider(ContractClock clock);

    /**
     * An amount in a currency the provider supports, of at least 100 minor units, that
     * {@link #approvedSource()} can pay.
     *
     * @return the amount, never {@code null}
     */
    protected abstract MonetaryAmount testAmount();

    /**
     * An amount, of at least one minor unit, in a currency the provider does not support.
     *
     * @return the amount, never {@code null}
     */
    protected abstract MonetaryAmount unsupportedCurrencyAmount();

    /**
     * A payment source the provider approves.
     *
     * @return the source, never {@code null}
     */
    protected abstract PaymentSource approvedSource();

    /**
     * A second approved payment source, different from {@link #approvedSource()}, or empty to
     * skip the check that a transaction id reused with another source is refused.
     *
     * @return the source, or empty
     */
    protected Optional<PaymentSource> otherApprovedSource() {
        return Optional.empty();
    }

    /**
     * A payment source the provider declines, or empty to skip the decline checks. It may
     * prepare the provider first (a sandbox scripts a decline; a real provider's test mode
     * usually has a token that is always declined).
     *
     * @param provider the provider of the running test
     * @return the source, or empty
     */
    protected Optional<PaymentSource> declinedSource(PaymentProvider provider) {
        return Optional.empty();
    }

    /**
     * Arranges that the next mutating call reaching the provider fails this way, e.g. through
     * a stub HTTP client or the provider's test mode. Return {@code false} for a fault you
     * cannot arrange; the checks that need it are then skipped.
     *
     * @param provider the provider of the running test
     * @param fault the failure to arrange
     * @return whether the fault is armed
     */
    protected boolean injectFault(PaymentProvider provider, Fault fault) {
        return false;
    }

    /**
     * A genuine notification, correctly signed and current, that the provider under test
     * accepts. It may perform operations on the provider to produce one.
     *
     * @param provider the provider of the running test
     * @return the notification, never {@code null}
     */
    protected abstract Notification signedNotification(PaymentProvider provider);

    /**
     * The notification the provider pushed about the latest outcome of the operation with this
     * id, as the webhook endpoint received it, signed now; or empty to skip the checks of a
     * notification's content.
     *
     * @param provider the provider of the running test
     * @param transactionId an operation the kit just performed
     * @return the notification, or empty
     */
    protected Optional<Notification> notificationAbout(PaymentProvider provider, TransactionId transactionId) {
        return Optional.empty();
    }

    /**
     * The same notification delivered again later, as providers redeliver until acknowledged
     * (typically the same body signed anew). By default the identical notification.
     *
     * @param provider the provider of the running test
     * @param first the first delivery
     * @return the redelivery, never {@code null}
     */
    protected Notification redeliveryOf(PaymentProvider provider, Notification first) {
        return first;
    }

    /**
     * A genuine, current notification about a transaction the provider of the running test
     * never recorded. By default {@link #signedNotification} of a second provider from
     * {@link #newProvider(ContractClock)} on the same clock.
     *
     * @param provider the provider of the running test
     * @return the notification, never {@code null}
     */
    protected Notification notificationAboutAnUnknownTransaction(PaymentProvider provider) {
        return signedNotification(newProvider(clock));
    }

    /**
     * How long after signing a notification is still accepted, or empty if the provider signs
     * no timestamp (the expiry check is then skipped). Default: five minutes.
     *
     * @return the replay window, or empty
     */
    protected Optional<Duration> replayWindow() {
        return Optional.of(Duration.ofMinutes(5));
    }

    /**
     * How long the kit waits for a pending operation to settle. Default: two days.
     *
     * @return the horizon
     */
    protected Duration settlementHorizon() {
        return Duration.ofDays(2);
    }

    /**
     * Waits until the operation with this id has a final outcome and returns it. By default
     * asks {@link PaymentProvider#status} and moves the kit's clock a minute at a time, for at
     * most {@link #settlementHorizon()}. Override it for a test mode that settles otherwise
     * (e.g. by a call that simulates the settlement webhook).
     *
     * @param provider the provider of the running test
     * @param transactionId the pending operation
     * @return its final outcome
     */
    protected PaymentOutcome awaitFinal(PaymentProvider provider, TransactionId transactionId) {
        return awaitFinal(clock, settlementHorizon(), provider::status, transactionId);
    }

    /**
     * A notification whose content was changed after signing. By default the signed
     * notification with one digit of its body changed (or a character appended when it has no
     * digit), which is what an attacker raising an amount does.
     *
     * @param provider the provider of the running test
     * @return the notification, never {@code null}
     */
    protected Notification tamperedNotification(PaymentProvider provider) {
        Notification genuine = signedNotification(provider);
        String body = genuine.body();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isDigit(c) && c < '9') {
                return new Notification(genuine.headers(), body.substring(0, i) + (char) (c + 1) + body.substring(i + 1));
            }
        }
        return new Notification(genuine.headers(), body + "x");
    }

    /**
     * A notification without its signature. By default the signed notification with no
     * headers at all; override if your provider signs inside the body.
     *
     * @param provider the provider of the running test
     * @return the notification, never {@code null}
     */
    protected Notification unsignedNotification(PaymentProvider provider) {
        return new Notification(Map.of(), signedNotification(provider).body());
    }

    /**
     * A fresh transaction id; by default {@code ct-} and a random UUID, unique across runs so
     * that providers with persistent test accounts see no collisions.
     *
     * @return the id
     */
    protected TransactionId newTransactionId() {
        return new TransactionId("ct-" + UUID.randomUUID());
    }

    /**
     * The provider of the running test.
     *
     * @return the provider
     */
    protected final PaymentProvider provider() {
        return provider;
    }

    /**
     * The kit's clock of the running test, shared with the provider.
     *
     * @return the clock
     */
    protected final ContractClock clock() {
        return clock;
    }

    @BeforeEach
    final void createProvider() {
        clock = new ContractClock();
        provider = newProvider(clock);
        assertTrue(testAmount().isPositive(), "testAmount() must be positive");
        assertTrue(minor(testAmount()) >= 100, "testAmount() must be at least 100 minor units");
    }

    @AfterEach
    final void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------ capabilities and currencies

    @Test
    void declaresTheTestCurrencyAndNotTheUnsupportedOne() {
        assertTrue(provider.capabilities().supports(testAmount().getCurrency()),
                "capabilities() must declare the currency of testAmount()");
        assertFalse(provider.capabilities().supports(unsupportedCurrencyAmount().getCurrency()),
                "capabilities() must not declare the currency of unsupportedCurrencyAmount()");
        assertEquals(provider.capabilities(), provider.capabilities(), "capabilities() must be constant");
    }

    @Test
    void aSaleInAnUnsupportedCurrencyIsRefusedAndMovesNothing() {
        TransactionId id = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> provider.sale(payment(id, unsupportedCurrencyAmount())));
        assertEquals(Problem.UNSUPPORTED_CURRENCY, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), provider.status(id), "a refused sale must leave no record");
        sold(testAmount());
    }

    @Test
    void anAuthorizationInAnUnsupportedCurrencyIsRefusedAndMovesNothing() {
        TransactionId id = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> provider.authorize(payment(id, unsupportedCurrencyAmount())));
        assertTrue(e.problem() == Problem.UNSUPPORTED_CURRENCY || e.problem() == Problem.UNSUPPORTED_OPERATION,
                e.getMessage());
        assertEquals(Optional.empty(), provider.status(id), "a refused authorization must leave no record");
    }

    @Test
    void aRefundInAnotherCurrencyIsRefusedAndMovesNothing() {
        TransactionId sale = sold(testAmount());
        TransactionId refund = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> provider.refund(
                new RefundRequest(refund, sale, unsupportedCurrencyAmount(), "contract: wrong currency")));
        assertTrue(e.problem() == Problem.UNSUPPORTED_CURRENCY || e.problem() == Problem.CURRENCY_MISMATCH, e.getMessage());
        assertEquals(Optional.empty(), provider.status(refund));
        refunded(sale, testAmount());
    }

    // ------------------------------------------------------------ idempotency

    @Test
    void aSaleReplayedWithTheSameIdHasOneEffect() {
        TransactionId sale = newTransactionId();
        PaymentOutcome.Succeeded first = approved(Operation.SALE, provider.sale(payment(sale, testAmount())));
        assertSameOutcome(first, provider.sale(payment(sale, testAmount())));
        assertOneEffect(sale, testAmount());
    }

    @Test
    void aRefundReplayedWithTheSameIdHasOneEffect() {
        requireFeatures(Feature.PARTIAL_REFUND, Feature.MULTIPLE_REFUNDS);
        TransactionId sale = sold(testAmount());
        long total = minor(testAmount());
        RefundRequest half = new RefundRequest(newTransactionId(), sale, minorUnits(total / 2), "contract: first half");
        PaymentOutcome answer = provider.refund(half);
        assertReplayAgrees(half.transactionId(), provider.refund(half));
        approved(Operation.REFUND, answer);
        assertReplayAgrees(half.transactionId(), provider.refund(half));
        // the rest is still refundable only if the replays refunded nothing
        refunded(sale, minorUnits(total - total / 2));
        InvalidPaymentRequestException e = refused(() -> provider.refund(
                new RefundRequest(newTransactionId(), sale, minorUnits(1), "contract: one unit too many")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, e.problem(), e.getMessage());
    }

    @Test
    void authorizationAndCaptureReplayedWithTheSameIdsHaveOneEffect() {
        requireFeatures(Feature.SEPARATE_CAPTURE);
        TransactionId authorization = newTransactionId();
        PaymentOutcome.Succeeded authorized = approved(Operation.AUTHORIZE,
                provider.authorize(payment(authorization, testAmount())));
        assertSameOutcome(authorized, provider.authorize(payment(authorization, testAmount())));
        CaptureRequest capture = new CaptureRequest(newTransactionId(), authorization, testAmount());
        PaymentOutcome.Succeeded captured = approved(Operation.CAPTURE, provider.capture(capture));
        assertSameOutcome(captured, provider.capture(capture));
        assertOneEffect(authorization, testAmount());
    }

    @Test
    void aVoidReplayedWithTheSameIdHasOneEffect() {
        requireFeatures(Feature.SEPARATE_CAPTURE);
        TransactionId authorization = authorized(testAmount());
        VoidRequest cancel = new VoidRequest(newTransactionId(), authorization);
        PaymentOutcome.Succeeded voided = approved(Operation.VOID, provider.voidAuthorization(cancel));
        assertSameOutcome(voided, provider.voidAuthorization(cancel));
        InvalidPaymentRequestException e = refused(() ->
                provider.capture(new CaptureRequest(newTransactionId(), authorization, testAmount())));
        assertEquals(Problem.INVALID_STATE, e.problem(), e.getMessage());
    }

    @Test
    void theSameSaleIdWithOtherContentIsRefused() {
        TransactionId sale = newTransactionId();
        PaymentOutcome.Succeeded first = approved(Operation.SALE, provider.sale(payment(sale, testAmount())));
        assertReused(() -> provider.sale(payment(sale, minorUnits(minor(testAmount()) + 1))), "another amount");
        assertReused(() -> provider.sale(new PaymentRequest(sale, testAmount(), approvedSource(), "contract-other-reference")),
                "another reference");
        otherApprovedSource().ifPresent(other ->
                assertReused(() -> provider.sale(new PaymentRequest(sale, testAmount(), other, payment(sale, testAmount())
                        .reference())), "another source"));
        MonetaryAmount sameNumberOtherCurrency = unsupportedCurrencyAmount().getFactory()
                .setNumber(number(testAmount())).create();
        InvalidPaymentRequestException currency = refused(() -> provider.sale(payment(sale, sameNumberOtherCurrency)));
        assertTrue(currency.problem() == Problem.TRANSACTION_ID_REUSED || currency.problem() == Problem.UNSUPPORTED_CURRENCY,
                "the same id in another currency: " + currency.getMessage());
        assertReused(() -> provider.refund(new RefundRequest(sale, sale, minorUnits(1), "contract: id reused for a refund")),
                "another operation (refund)");
        if (provider.capabilities().supports(Feature.SEPARATE_CAPTURE)) {
            assertReused(() -> provider.authorize(payment(sale, testAmount())), "another operation (authorize)");
        }
        assertSameOutcome(first, provider.status(sale).orElseThrow());
        assertOneEffect(sale, testAmount());
    }

    @Test
    void theSameRefundIdWithOtherContentIsRefused() {
        requireFeatures(Feature.PARTIAL_REFUND);
        TransactionId sale = sold(testAmount());
        TransactionId otherSale = sold(testAmount());
        long third = minor(testAmount()) / 3;
        RefundRequest refund = new RefundRequest(newTransactionId(), sale, minorUnits(third), "contract: a third");
        PaymentOutcome.Succeeded first = approved(Operation.REFUND, provider.refund(refund));
        TransactionId id = refund.transactionId();
        assertReused(() -> provider.refund(new RefundRequest(id, sale, minorUnits(third + 1), refund.reason())),
                "another amount");
        assertReused(() -> provider.refund(new RefundRequest(id, sale, minorUnits(third), "contract: another reason")),
                "another reason");
        assertReused(() -> provider.refund(new RefundRequest(id, otherSale, minorUnits(third), refund.reason())),
                "another payment");
        assertReused(() -> provider.sale(payment(id, minorUnits(third))), "another operation (sale)");
        assertSameOutcome(first, provider.status(id).orElseThrow());
    }

    @Test
    void theSameCaptureOrVoidIdWithOtherContentIsRefused() {
        requireFeatures(Feature.SEPARATE_CAPTURE, Feature.PARTIAL_CAPTURE);
        TransactionId authorization = authorized(testAmount());
        TransactionId otherAuthorization = authorized(testAmount());
        long half = minor(testAmount()) / 2;
        CaptureRequest capture = new CaptureRequest(newTransactionId(), authorization, minorUnits(half));
        PaymentOutcome.Succeeded captured = approved(Operation.CAPTURE, provider.capture(capture));
        assertReused(() -> provider.capture(new CaptureRequest(capture.transactionId(), authorization, minorUnits(half + 1))),
                "another amount");
        assertReused(() -> provider.capture(new CaptureRequest(capture.transactionId(), otherAuthorization, minorUnits(half))),
                "another payment");
        assertReused(() -> provider.voidAuthorization(new VoidRequest(capture.transactionId(), otherAuthorization)),
                "another operation (void)");
        assertSameOutcome(captured, provider.status(capture.transactionId()).orElseThrow());
        TransactionId thirdAuthorization = authorized(testAmount());
        VoidRequest cancel = new VoidRequest(newTransactionId(), thirdAuthorization);
        approved(Operation.VOID, provider.voidAuthorization(cancel));
        assertReused(() -> provider.voidAuthorization(new VoidRequest(cancel.transactionId(), otherAuthorization)),
                "another payment");
    }

    @Test
    void anAmountWrittenWithAnotherScaleIsTheSameContent() {
        TransactionId sale = newTransactionId();
        PaymentOutcome.Succeeded first = approved(Operation.SALE, provider.sale(payment(sale, testAmount())));
        for (MonetaryAmount sameValue : sameValueOtherwiseWritten(testAmount())) {
            assertSameOutcome(first, provider.sale(payment(sale, sameValue)));
        }
    }

    /**
     * The amount with two more decimal places, and as built by every other JSR 354
     * implementation on the class path (e.g. Moneta's {@code FastMoney}, whose numbers carry
     * five decimals): all are the same content as the amount.
     */
    private static List<MonetaryAmount> sameValueOtherwiseWritten(MonetaryAmount amount) {
        List<MonetaryAmount> amounts = new ArrayList<>();
        BigDecimal rescaled = number(amount).setScale(number(amount).scale() + 2);
        amounts.add(amount.getFactory().setNumber(rescaled).create());
        for (Class<? extends MonetaryAmount> type : Monetary.getAmountTypes()) {
            if (type.equals(amount.getClass())) {
                continue;
            }
            try {
                amounts.add(Monetary.getAmountFactory(type).setCurrency(amount.getCurrency()).setNumber(number(amount))
                        .create());
            } catch (RuntimeException cannotRepresent) {
                // an implementation that cannot hold this amount is not one a caller would use for it
            }
        }
        return amounts;
    }

    // ------------------------------------------------------------ concurrency

    @Test
    void concurrentReplaysOfOneSaleHaveOneEffect() {
        TransactionId sale = newTransactionId();
        PaymentRequest request = payment(sale, testAmount());
        List<PaymentOutcome> outcomes = concurrently(THREADS, i -> provider.sale(request));
        Set<String> references = new HashSet<>();
        for (PaymentOutcome outcome : outcomes) {
            assertEquals(sale, outcome.transactionId());
            references.add(reference(outcome));
        }
        assertEquals(1, references.size(), () -> THREADS + " concurrent replays were answered by different operations: "
                + outcomes);
        approved(Operation.SALE, outcomes.get(0));
        assertOneEffect(sale, testAmount());
    }

    @Test
    void concurrentSalesWithDifferentIdsAreSeparatePayments() {
        List<TransactionId> ids = new ArrayList<>();
        for (int i = 0; i < THREADS * 2; i++) {
            ids.add(newTransactionId());
        }
        List<PaymentOutcome> outcomes = concurrently(ids.size(), i -> provider.sale(payment(ids.get(i), testAmount())));
        Set<String> references = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(ids.get(i), outcomes.get(i).transactionId(), "an answer about another transaction");
            references.add(approved(Operation.SALE, outcomes.get(i)).providerReference());
        }
        assertEquals(ids.size(), references.size(), "two sales share a provider reference");
        for (TransactionId id : ids) {
            refunded(id, testAmount());
        }
    }

    @Test
    void concurrentRefundsNeverExceedTheCapturedAmount() {
        requireFeatures(Feature.PARTIAL_REFUND, Feature.MULTIPLE_REFUNDS);
        TransactionId sale = sold(testAmount());
        long total = minor(testAmount());
        long third = total / 3;
        List<Object> answers = concurrently(THREADS, i -> {
            try {
                return provider.refund(new RefundRequest(newTransactionId(), sale, minorUnits(third), "contract: a third"));
            } catch (InvalidPaymentRequestException e) {
                return e;
            }
        });
        long accepted = 0;
        for (Object answer : answers) {
            if (answer instanceof InvalidPaymentRequestException e) {
                assertEquals(Problem.EXCEEDS_REFUNDABLE, e.problem(), e.getMessage());
            } else {
                approved(Operation.REFUND, (PaymentOutcome) answer);
                accepted += third;
            }
        }
        long refundedMinor = accepted;
        assertTrue(refundedMinor <= total, () -> THREADS + " concurrent refunds of a third refunded " + refundedMinor
                + " of " + total + " minor units");
        assertEquals(3 * third, refundedMinor, "exactly three thirds fit in the captured amount");
    }

    // ------------------------------------------------------------ money bounds

    @Test
    void refundsNeverExceedTheCapturedAmountOverSeveralRefunds() {
        requireFeatures(Feature.PARTIAL_REFUND, Feature.MULTIPLE_REFUNDS);
        TransactionId sale = sold(testAmount());
        long total = minor(testAmount());
        long quarter = total / 4;
        for (int i = 0; i < 3; i++) {
            refunded(sale, minorUnits(quarter));
        }
        long rest = total - 3 * quarter;
        TransactionId tooMuch = newTransactionId();
        InvalidPaymentRequestException e = refused(() ->
                provider.refund(new RefundRequest(tooMuch, sale, minorUnits(rest + 1), "contract: rest plus one")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), provider.status(tooMuch), "a refused refund must leave no record");
        refunded(sale, minorUnits(rest));
        InvalidPaymentRequestException after = refused(() ->
                provider.refund(new RefundRequest(newTransactionId(), sale, minorUnits(1), "contract: after full")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, after.problem(), after.getMessage());
    }

    @Test
    void refundsStillPendingCountAgainstTheCapturedAmount() {
        requireFeatures(Feature.PARTIAL_REFUND, Feature.MULTIPLE_REFUNDS);
        TransactionId sale = sold(testAmount());
        long total = minor(testAmount());
        long half = total / 2;
        // answers are not followed up before the next refund: pending ones must already count
        approvedOrPending(Operation.REFUND, provider.refund(new RefundRequest(newTransactionId(), sale, minorUnits(half),
                "contract: first half")));
        approvedOrPending(Operation.REFUND, provider.refund(new RefundRequest(newTransactionId(), sale,
                minorUnits(total - half), "contract: second half")));
        InvalidPaymentRequestException e = refused(() ->
                provider.refund(new RefundRequest(newTransactionId(), sale, minorUnits(1), "contract: one more")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, e.problem(), e.getMessage());
    }

    @Test
    void aRefundAboveTheCapturedAmountIsRefusedAndMovesNothing() {
        TransactionId sale = sold(testAmount());
        TransactionId refund = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> provider.refund(
                new RefundRequest(refund, sale, minorUnits(minor(testAmount()) + 1), "contract: too much")));
        assertTrue(e.problem() == Problem.EXCEEDS_REFUNDABLE || e.problem() == Problem.UNSUPPORTED_OPERATION, e.getMessage());
        assertEquals(Optional.empty(), provider.status(refund), "a refused refund must leave no record");
        refunded(sale, testAmount());
    }

    @Test
    void aPartialCaptureCapsTheRefunds() {
        requireFeatures(Feature.SEPARATE_CAPTURE, Feature.PARTIAL_CAPTURE, Feature.PARTIAL_REFUND);
        TransactionId authorization = authorized(testAmount());
        long half = minor(testAmount()) / 2;
        approved(Operation.CAPTURE, provider.capture(new CaptureRequest(newTransactionId(), authorization, minorUnits(half))));
        InvalidPaymentRequestException e = refused(() -> provider.refund(
                new RefundRequest(newTransactionId(), authorization, minorUnits(half + 1), "contract: above capture")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, e.problem(), e.getMessage());
        refunded(authorization, minorUnits(half));
    }

    @Test
    void aCaptureAboveTheAuthorizationIsRefusedAndMovesNothing() {
        requireFeatures(Feature.SEPARATE_CAPTURE);
        TransactionId authorization = authorized(testAmount());
        TransactionId capture = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> provider.capture(
                new CaptureRequest(capture, authorization, minorUnits(minor(testAmount()) + 1))));
        assertEquals(Problem.EXCEEDS_AUTHORIZED, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), provider.status(capture));
        approved(Operation.CAPTURE, provider.capture(new CaptureRequest(newTransactionId(), authorization, testAmount())));
    }

    @Test
    void anAuthorizationIsCapturedAtMostOnce() {
        requireFeatures(Feature.SEPARATE_CAPTURE);
        TransactionId authorization = authorized(testAmount());
        approved(Operation.CAPTURE, provider.capture(new CaptureRequest(newTransactionId(), authorization, testAmount())));
        InvalidPaymentRequestException e = refused(() ->
                provider.capture(new CaptureRequest(newTransactionId(), authorization, testAmount())));
        assertEquals(Problem.INVALID_STATE, e.problem(), e.getMessage());
        assertOneEffect(authorization, testAmount());
    }

    @Test
    void aCapturedPaymentCannotBeVoided() {
        requireFeatures(Feature.SEPARATE_CAPTURE);
        TransactionId authorization = authorized(testAmount());
        approved(Operation.CAPTURE, provider.capture(new CaptureRequest(newTransactionId(), authorization, testAmount())));
        TransactionId cancel = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> provider.voidAuthorization(new VoidRequest(cancel, authorization)));
        assertEquals(Problem.INVALID_STATE, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), provider.status(cancel), "a refused void must leave no record");
        // the capture stands: all of it is still refundable
        assertOneEffect(authorization, testAmount());
    }

    @Test
    void amountsFinerThanTheMinorUnitAreRefusedNeverRounded() {
        TransactionId sale = newTransactionId();
        MonetaryAmount finer = finerThanMinorUnit(testAmount());
        InvalidPaymentRequestException e = refused(() -> provider.sale(payment(sale, finer)));
        assertEquals(Problem.INVALID_AMOUNT, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), provider.status(sale), "a refused sale must leave no record");
        TransactionId paid = sold(testAmount());
        TransactionId refund = newTransactionId();
        InvalidPaymentRequestException r = refused(() -> provider.refund(new RefundRequest(refund, paid,
                finerThanMinorUnit(minorUnits(minor(testAmount()) - 1)), "contract: a fraction of a minor unit")));
        assertEquals(Problem.INVALID_AMOUNT, r.problem(), r.getMessage());
        assertEquals(Optional.empty(), provider.status(refund), "a refused refund must leave no record");
        assertOneEffect(paid, testAmount());
    }

    @Test
    void operationsOnAnUnknownPaymentAreRefused() {
        TransactionId nowhere = newTransactionId();
        InvalidPaymentRequestException e = refused(() ->
                provider.refund(new RefundRequest(newTransactionId(), nowhere, testAmount(), "contract: no such payment")));
        assertEquals(Problem.UNKNOWN_PAYMENT, e.problem(), e.getMessage());
    }

    // ------------------------------------------------------------ faults

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFaultOnASaleIsUnknownNeverDeclinedAndAReplayChargesOnce(Fault fault) {
        assumeTrue(injectFault(provider, fault), "the subclass cannot inject " + fault);
        TransactionId sale = newTransactionId();
        PaymentRequest request = payment(sale, testAmount());
        Optional<PaymentOutcome> answer = throughFault(fault, () -> provider.sale(request));
        Optional<PaymentOutcome> status = provider.status(sale);
        if (fault.moneyMoved()) {
            assertTrue(status.isPresent(), "after a " + fault + " the money moved: status must not be empty");
        }
        status.ifPresent(s -> assertFalse(s instanceof PaymentOutcome.Declined,
                "after a " + fault + " status reports a decline: " + s));
        PaymentOutcome.Succeeded replayed = approved(Operation.SALE, provider.sale(request));
        answer.filter(PaymentOutcome::isFinal).ifPresent(first -> assertSameOutcome(first, replayed));
        assertOneEffect(sale, testAmount());
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFaultOnARefundIsUnknownNeverRefusedAndAReplayRefundsOnce(Fault fault) {
        TransactionId sale = sold(testAmount());
        assumeTrue(injectFault(provider, fault), "the subclass cannot inject " + fault);
        RefundRequest refund = new RefundRequest(newTransactionId(), sale, testAmount(), "contract: full refund");
        throughFault(fault, () -> provider.refund(refund));
        if (fault.moneyMoved()) {
            assertTrue(provider.status(refund.transactionId()).isPresent(),
                    "after a " + fault + " the refund happened: status must not be empty");
        }
        approved(Operation.REFUND, provider.refund(refund));
        InvalidPaymentRequestException e = refused(() ->
                provider.refund(new RefundRequest(newTransactionId(), sale, minorUnits(1), "contract: one more unit")));
        assertTrue(e.problem() == Problem.EXCEEDS_REFUNDABLE || e.problem() == Problem.UNSUPPORTED_OPERATION, e.getMessage());
    }

    // ------------------------------------------------------------ status

    @Test
    void statusAgreesWithEveryOutcome() {
        TransactionId sale = newTransactionId();
        PaymentOutcome.Succeeded sold = approved(Operation.SALE, provider.sale(payment(sale, testAmount())));
        assertSameOutcome(sold, provider.status(sale).orElseThrow(() -> new AssertionError("no status for the sale")));
        TransactionId refund = newTransactionId();
        PaymentOutcome.Succeeded refunded = approved(Operation.REFUND,
                provider.refund(new RefundRequest(refund, sale, testAmount(), "contract")));
        assertSameOutcome(refunded, provider.status(refund).orElseThrow(() -> new AssertionError("no status for the refund")));
        assertSameOutcome(sold, provider.status(sale).orElseThrow());
        if (provider.capabilities().supports(Feature.SEPARATE_CAPTURE)) {
            TransactionId authorization = newTransactionId();
            PaymentOutcome.Succeeded authorized = approved(Operation.AUTHORIZE,
                    provider.authorize(payment(authorization, testAmount())));
            assertSameOutcome(authorized, provider.status(authorization).orElseThrow());
            TransactionId capture = newTransactionId();
            PaymentOutcome.Succeeded captured = approved(Operation.CAPTURE,
                    provider.capture(new CaptureRequest(capture, authorization, testAmount())));
            assertSameOutcome(captured, provider.status(capture).orElseThrow());
        }
    }

    @Test
    void aDeclineIsAnOutcomeThatStatusAndReplaysRepeatAndThatMovesNothing() {
        Optional<PaymentSource> declined = declinedSource(provider);
        assumeTrue(declined.isPresent(), "no declined source given");
        TransactionId sale = newTransactionId();
        PaymentRequest request = new PaymentRequest(sale, testAmount(), declined.get(), "contract-decline");
        PaymentOutcome outcome = provider.sale(request);
        if (outcome instanceof PaymentOutcome.Pending && !provider.capabilities().isSynchronous(Operation.SALE)) {
            outcome = awaitFinal(provider, sale);
        }
        PaymentOutcome.Declined decline = assertInstanceOf(PaymentOutcome.Declined.class, outcome,
                "expected Declined for the declined source, got " + outcome);
        assertFalse(decline.providerCode().isBlank());
        assertSameOutcome(decline, provider.status(sale).orElseThrow(() -> new AssertionError("no status for the decline")));
        assertSameOutcome(decline, provider.sale(request));
        InvalidPaymentRequestException e = refused(() ->
                provider.refund(new RefundRequest(newTransactionId(), sale, testAmount(), "contract: refund a decline")));
        assertEquals(Problem.INVALID_STATE, e.problem(), e.getMessage());
    }

    @Test
    void statusOfAnUnusedIdIsEmpty() {
        assertEquals(Optional.empty(), provider.status(newTransactionId()));
    }

    @Test
    void outcomesCarryTheRequestedAmount() {
        TransactionId sale = newTransactionId();
        PaymentOutcome.Succeeded sold = approved(Operation.SALE, provider.sale(payment(sale, testAmount())));
        assertEquals(sale, sold.transactionId());
        assertTrue(PaymentOutcome.sameAmount(testAmount(), sold.amount()), "sale outcome amount " + sold.amount());
        assertFalse(sold.providerReference().isBlank());
    }

    // ------------------------------------------------------------ notifications

    @Test
    void aCorrectlySignedNotificationIsVerified() {
        NotificationResult result = provider.parseNotification(signedNotification(provider));
        assertInstanceOf(NotificationResult.Verified.class, result, "a genuine notification was rejected: " + result);
    }

    @Test
    void aTamperedNotificationIsRejectedForItsSignature() {
        NotificationResult result = provider.parseNotification(tamperedNotification(provider));
        NotificationResult.Rejected rejected =
                assertInstanceOf(NotificationResult.Rejected.class, result, "a tampered notification was accepted: " + result);
        assertEquals(RejectionReason.BAD_SIGNATURE, rejected.reason(), rejected.detail());
    }

    @Test
    void aNotificationWithoutSignatureIsRejected() {
        NotificationResult result = provider.parseNotification(unsignedNotification(provider));
        NotificationResult.Rejected rejected =
                assertInstanceOf(NotificationResult.Rejected.class, result, "an unsigned notification was accepted: " + result);
        assertTrue(Set.of(RejectionReason.MISSING_SIGNATURE, RejectionReason.BAD_SIGNATURE).contains(rejected.reason()),
                rejected.toString());
    }

    @Test
    void aNotificationReportsTheIdKindAmountAndCurrencyOfItsOperation() {
        requireFeatures(Feature.NOTIFICATIONS);
        TransactionId sale = sold(testAmount());
        assertNotifies(sale, Operation.SALE, testAmount());
        MonetaryAmount refundAmount = provider.capabilities().supports(Feature.PARTIAL_REFUND)
                ? minorUnits(minor(testAmount()) - 1) : testAmount();
        TransactionId refund = newTransactionId();
        approved(Operation.REFUND, provider.refund(new RefundRequest(refund, sale, refundAmount, "contract: notified")));
        assertNotifies(refund, Operation.REFUND, refundAmount);
    }

    @Test
    void aRedeliveredNotificationKeepsItsEventIds() {
        requireFeatures(Feature.NOTIFICATIONS);
        Notification first = signedNotification(provider);
        List<PaymentEvent> events = verified(provider.parseNotification(first), "the genuine notification");
        assertEquals(events, verified(provider.parseNotification(first), "the same notification parsed again"),
                "parsing one notification twice must give the same events");
        clock.advance(Duration.ofSeconds(30));
        List<PaymentEvent> again = verified(provider.parseNotification(redeliveryOf(provider, first)), "the redelivery");
        assertEquals(events.stream().map(PaymentEvent::eventId).toList(), again.stream().map(PaymentEvent::eventId).toList(),
                "a redelivered notification must carry the same event ids, or duplicates cannot be told apart");
        for (int i = 0; i < events.size(); i++) {
            assertSameOutcome(events.get(i).outcome(), again.get(i).outcome());
        }
    }

    @Test
    void aStaleNotificationIsRejectedAsExpired() {
        requireFeatures(Feature.NOTIFICATIONS);
        Optional<Duration> window = replayWindow();
        assumeTrue(window.isPresent(), "the provider signs no timestamp");
        Notification notification = signedNotification(provider);
        clock.advance(window.get().plusMinutes(1));
        NotificationResult result = provider.parseNotification(notification);
        NotificationResult.Rejected rejected = assertInstanceOf(NotificationResult.Rejected.class, result,
                "a notification signed " + window.get().plusMinutes(1) + " ago was accepted: " + result);
        assertEquals(RejectionReason.EXPIRED, rejected.reason(), rejected.detail());
    }

    @Test
    void aNotificationAboutAnUnknownTransactionIsAnAnswerNotAnException() {
        requireFeatures(Feature.NOTIFICATIONS);
        Notification notification = notificationAboutAnUnknownTransaction(provider);
        NotificationResult result;
        try {
            result = provider.parseNotification(notification);
        } catch (RuntimeException e) {
            throw new AssertionError("a genuine notification about a transaction this provider never recorded threw "
                    + e + "; it must be verified (or rejected) as a value", e);
        }
        assertNotNull(result);
    }

    // ------------------------------------------------------------ helpers for subclasses

    /**
     * A request for {@code amount} paid by {@link #approvedSource()}.
     *
     * @param id the transaction id
     * @param amount the amount
     * @return the request
     */
    protected final PaymentRequest payment(TransactionId id, MonetaryAmount amount) {
        return new PaymentRequest(id, amount, approvedSource(), "contract-" + id.value().hashCode());
    }

    /**
     * An amount of {@code units} minor units in the currency of {@link #testAmount()}, built by
     * the test amount's own factory.
     *
     * @param units minor units
     * @return the amount
     */
    protected final MonetaryAmount minorUnits(long units) {
        return KitSupport.minorUnits(testAmount(), units);
    }

    /**
     * The amount in minor units.
     *
     * @param amount an amount with no more decimals than its currency's minor unit
     * @return minor units
     */
    protected static long minor(MonetaryAmount amount) {
        return KitSupport.minor(amount);
    }

    // ------------------------------------------------------------ the kit's own helpers

    private TransactionId sold(MonetaryAmount amount) {
        TransactionId sale = newTransactionId();
        approved(Operation.SALE, provider.sale(payment(sale, amount)));
        return sale;
    }

    private TransactionId authorized(MonetaryAmount amount) {
        TransactionId authorization = newTransactionId();
        approved(Operation.AUTHORIZE, provider.authorize(payment(authorization, amount)));
        return authorization;
    }

    private void refunded(TransactionId payment, MonetaryAmount amount) {
        approved(Operation.REFUND, provider.refund(new RefundRequest(newTransactionId(), payment, amount, "contract: refund")));
    }

    /** The whole amount is refundable, and not one minor unit more: the payment moved money exactly once. */
    private void assertOneEffect(TransactionId payment, MonetaryAmount amount) {
        refunded(payment, amount);
        InvalidPaymentRequestException e = refused(() -> provider.refund(
                new RefundRequest(newTransactionId(), payment, minorUnits(1), "contract: one more unit")));
        assertTrue(e.problem() == Problem.EXCEEDS_REFUNDABLE || e.problem() == Problem.UNSUPPORTED_OPERATION,
                "more than the payment was refundable: " + e.getMessage());
    }

    private static void assertReused(Runnable call, String what) {
        KitSupport.assertReused(call, what);
    }

    /** A replay answers with the transaction's current outcome: the one status reports (or a later one). */
    private void assertReplayAgrees(TransactionId id, PaymentOutcome replay) {
        PaymentOutcome current = provider.status(id).orElseThrow(() -> new AssertionError("no status for " + id));
        if (replay.isFinal() || current instanceof PaymentOutcome.Pending) {
            assertSameOutcome(current, replay);
        } else {
            assertEquals(reference(current), reference(replay), "a replay must report the first operation");
        }
    }

    private void assertNotifies(TransactionId id, Operation operation, MonetaryAmount amount) {
        Optional<Notification> notification = notificationAbout(provider, id);
        assumeTrue(notification.isPresent(), "notificationAbout() gives no notification");
        List<PaymentEvent> events = verified(provider.parseNotification(notification.get()), "the notification about " + id);
        PaymentEvent event = events.stream().filter(e -> e.transactionId().equals(id)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the notification about " + id + " names other transactions: " + events));
        assertEquals(operation, event.operation(), "the notified operation of " + id);
        PaymentOutcome.Succeeded succeeded = assertInstanceOf(PaymentOutcome.Succeeded.class, event.outcome(),
                "the notified outcome of " + id);
        assertEquals(amount.getCurrency().getCurrencyCode(), succeeded.amount().getCurrency().getCurrencyCode(),
                "the notified currency of " + id);
        assertTrue(PaymentOutcome.sameAmount(amount, succeeded.amount()),
                "the notified amount of " + id + " is " + succeeded.amount() + ", not " + amount);
        assertSameOutcome(provider.status(id).orElseThrow(), succeeded);
    }

    private static List<PaymentEvent> verified(NotificationResult result, String what) {
        return assertInstanceOf(NotificationResult.Verified.class, result, what + " was rejected: " + result).events();
    }

    /**
     * Runs a call through an armed fault. Its answer may be {@code Unknown}, a
     * {@link PaymentProviderException} (empty) or, for a plug-in that retried by itself with
     * the same idempotency key, an approval; never a decline, a refusal or another exception.
     */
    private static Optional<PaymentOutcome> throughFault(Fault fault, Supplier<PaymentOutcome> call) {
        return KitSupport.throughFault(fault, call, "nothing says the request was wrong");
    }

    private <T> List<T> concurrently(int calls, Function<Integer, T> call) {
        pool = Executors.newFixedThreadPool(THREADS);
        return KitSupport.concurrently(pool, calls, call);
    }

    private PaymentOutcome.Succeeded approved(Operation operation, PaymentOutcome outcome) {
        return approved(provider.capabilities().isSynchronous(operation), operation, outcome,
                id -> awaitFinal(provider, id));
    }

    private void approvedOrPending(Operation operation, PaymentOutcome outcome) {
        if (!(outcome instanceof PaymentOutcome.Pending)) {
            approved(operation, outcome);
        } else {
            assertFalse(provider.capabilities().isSynchronous(operation),
                    operation + " is declared synchronous but answered " + outcome);
        }
    }

    /**
     * An approved request's outcome: {@code Succeeded} at once, or {@code Pending} (for an
     * operation kind not declared synchronous) that settles as {@code Succeeded}.
     */
    static PaymentOutcome.Succeeded approved(boolean synchronous, Operation operation, PaymentOutcome outcome,
                                             Function<TransactionId, PaymentOutcome> settle) {
        if (outcome instanceof PaymentOutcome.Succeeded succeeded) {
            return succeeded;
        }
        if (!(outcome instanceof PaymentOutcome.Pending pending)) {
            return fail("expected the approved " + operation + " to succeed (or be pending and then succeed), got " + outcome);
        }
        if (synchronous) {
            return fail(operation + " is declared synchronous in capabilities() but answered " + outcome);
        }
        PaymentOutcome settled = settle.apply(pending.transactionId());
        PaymentOutcome.Succeeded succeeded = assertInstanceOf(PaymentOutcome.Succeeded.class, settled,
                "the pending " + operation + " " + pending.transactionId() + " settled as " + settled);
        assertTrue(PaymentOutcome.sameAmount(pending.amount(), succeeded.amount()),
                "pending " + pending.amount() + " settled as " + succeeded.amount());
        assertEquals(pending.providerReference(), succeeded.providerReference(), "the pending operation settled as another one");
        return succeeded;
    }

    /** Polls status, moving the clock a minute at a time, until the outcome is final. */
    static PaymentOutcome awaitFinal(ContractClock clock, Duration horizon,
                                     Function<TransactionId, Optional<PaymentOutcome>> status, TransactionId id) {
        Instant giveUp = clock.instant().plus(horizon);
        while (true) {
            Optional<PaymentOutcome> now = status.apply(id);
            if (now.isPresent() && now.get().isFinal()) {
                return now.get();
            }
            if (clock.instant().isAfter(giveUp)) {
                return fail(id + " is still " + now + " after " + horizon);
            }
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private static String reference(PaymentOutcome outcome) {
        if (outcome instanceof PaymentOutcome.Succeeded s) {
            return s.providerReference();
        }
        if (outcome instanceof PaymentOutcome.Pending p) {
            return p.providerReference();
        }
        return outcome.getClass().getSimpleName();
    }

    /** The amount plus a tenth of a minor unit: one decimal more than the currency has. */
    private static MonetaryAmount finerThanMinorUnit(MonetaryAmount amount) {
        int digits = Math.max(amount.getCurrency().getDefaultFractionDigits(), 0);
        BigDecimal finer = number(amount).add(BigDecimal.ONE.movePointLeft(digits + 1));
        return amount.getFactory().setNumber(finer).create();
    }

    private static BigDecimal number(MonetaryAmount amount) {
        return amount.getNumber().numberValue(BigDecimal.class);
    }

    private void requireFeatures(Feature... features) {
        Set<Feature> missing = EnumSet.noneOf(Feature.class);
        for (Feature feature : features) {
            if (!provider.capabilities().supports(feature)) {
                missing.add(feature);
            }
        }
        assumeTrue(missing.isEmpty(), "the provider does not declare " + missing);
    }

    /** Runs a call that must be refused, and fails on any other exception type or on success. */
    static InvalidPaymentRequestException refused(Runnable call) {
        try {
            call.run();
        } catch (InvalidPaymentRequestException expected) {
            return expected;
        } catch (RuntimeException wrongType) {
            throw new AssertionError("expected InvalidPaymentRequestException, got " + wrongType, wrongType);
        }
        return fail("expected InvalidPaymentRequestException, but the call was accepted");
    }

    static void assertSameOutcome(PaymentOutcome expected, PaymentOutcome actual) {
        assertEquals(expected.getClass(), actual.getClass(), "outcome kind: expected " + expected + ", got " + actual);
        assertEquals(expected.transactionId(), actual.transactionId());
        if (expected instanceof PaymentOutcome.Succeeded e && actual instanceof PaymentOutcome.Succeeded a) {
            assertTrue(PaymentOutcome.sameAmount(e.amount(), a.amount()), "amount: expected " + e + ", got " + a);
            assertEquals(e.providerReference(), a.providerReference(), "a replay must report the first operation");
        } else if (expected instanceof PaymentOutcome.Pending e && actual instanceof PaymentOutcome.Pending a) {
            assertTrue(PaymentOutcome.sameAmount(e.amount(), a.amount()), "amount: expected " + e + ", got " + a);
            assertEquals(e.providerReference(), a.providerReference(), "a replay must report the first operation");
        } else if (expected instanceof PaymentOutcome.Declined e && actual instanceof PaymentOutcome.Declined a) {
            assertEquals(e.reason(), a.reason());
            assertEquals(e.providerCode(), a.providerCode());
        }
    }
}
