package dev.mercato.payments.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mercato.payments.Capabilities.Feature;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.RejectionReason;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.VoidRequest;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit for {@link PaymentProvider} plug-ins. Extend it in your plug-in's tests,
 * name the subclass {@code *ContractTest}, and implement the factory methods; every check
 * then runs against your provider. Checks that need an optional
 * {@link dev.mercato.payments.Capabilities.Feature} are skipped (not failed) when the provider
 * does not declare it.
 *
 * <p>What it checks: replays with the same transaction id have one effect; the same id with
 * different content is refused; refunds never exceed the captured amount, also cumulatively
 * over several refunds; captures never exceed the authorization; status agrees with every
 * outcome (declines too, given {@link #declinedSource}); a notification with a bad or missing
 * signature is rejected; an unsupported
 * currency is refused with {@link InvalidPaymentRequestException} and moves nothing; no other
 * exception type leaks out of a refusal.
 *
 * <p>Requirements on the provider under test: {@link #approvedSource()} must be approved at
 * once ({@code Succeeded}, not {@code Pending}), and each test gets a provider from
 * {@link #newProvider()} whose transactions do not collide with other tests' (the kit uses
 * fresh random transaction ids from {@link #newTransactionId()}).
 */
public abstract class PaymentProviderContract {

    private PaymentProvider provider;

    /**
     * Creates the provider under test; called before every test.
     *
     * @return the provider, never {@code null}
     */
    protected abstract PaymentProvider newProvider();

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
     * A payment source the provider approves at once.
     *
     * @return the source, never {@code null}
     */
    protected abstract PaymentSource approvedSource();

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
     * A genuine notification, correctly signed and current, that the provider under test
     * accepts. It may perform operations on the provider to produce one.
     *
     * @param provider the provider of the running test
     * @return the notification, never {@code null}
     */
    protected abstract Notification signedNotification(PaymentProvider provider);

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

    @BeforeEach
    final void createProvider() {
        provider = newProvider();
        assertTrue(testAmount().isPositive(), "testAmount() must be positive");
        assertTrue(minor(testAmount()) >= 100, "testAmount() must be at least 100 minor units");
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
        assertSucceeded(provider.sale(payment(newTransactionId(), testAmount())));
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
        TransactionId sale = newTransactionId();
        assertSucceeded(provider.sale(payment(sale, testAmount())));
        TransactionId refund = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> provider.refund(
                new RefundRequest(refund, sale, unsupportedCurrencyAmount(), "contract: wrong currency")));
        assertTrue(e.problem() == Problem.UNSUPPORTED_CURRENCY || e.problem() == Problem.CURRENCY_MISMATCH, e.getMessage());
        assertEquals(Optional.empty(), provider.status(refund));
        assertSucceeded(provider.refund(new RefundRequest(newTransactionId(), sale, testAmount(), "contract: full refund")));
    }

    // ------------------------------------------------------------ idempotency

    @Test
    void aSaleReplayedWithTheSameIdHasOneEffect() {
        TransactionId sale = newTransactionId();
        PaymentOutcome first = assertSucceeded(provider.sale(payment(sale, testAmount())));
        PaymentOutcome replay = provider.sale(payment(sale, testAmount()));
        assertSameOutcome(first, replay);
        assertSucceeded(provider.refund(new RefundRequest(newTransactionId(), sale, testAmount(), "contract: full refund")));
        // had the replay charged again, there would be more to refund
        refused(() -> provider.refund(new RefundRequest(newTransactionId(), sale, minorUnits(1), "contract: one more unit")));
    }

    @Test
    void aRefundReplayedWithTheSameIdHasOneEffect() {
        requireFeatures(Feature.PARTIAL_REFUND, Feature.MULTIPLE_REFUNDS);
        TransactionId sale = newTransactionId();
        assertSucceeded(provider.sale(payment(sale, testAmount())));
        long total = minor(testAmount());
        RefundRequest half = new RefundRequest(newTransactionId(), sale, minorUnits(total / 2), "contract: first half");
        PaymentOutcome first = assertSucceeded(provider.refund(half));
        assertSameOutcome(first, provider.refund(half));
        assertSameOutcome(first, provider.refund(half));
        // the rest is still refundable only if the replays refunded nothing
        assertSucceeded(provider.refund(new RefundRequest(newTransactionId(), sale, minorUnits(total - total / 2),
                "contract: second half")));
        InvalidPaymentRequestException e = refused(() -> provider.refund(
                new RefundRequest(newTransactionId(), sale, minorUnits(1), "contract: one unit too many")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, e.problem(), e.getMessage());
    }

    @Test
    void authorizationAndCaptureReplayedWithTheSameIdsHaveOneEffect() {
        requireFeatures(Feature.SEPARATE_CAPTURE);
        TransactionId authorization = newTransactionId();
        PaymentOutcome authorized = assertSucceeded(provider.authorize(payment(authorization, testAmount())));
        assertSameOutcome(authorized, provider.authorize(payment(authorization, testAmount())));
        CaptureRequest capture = new CaptureRequest(newTransactionId(), authorization, testAmount());
        PaymentOutcome captured = assertSucceeded(provider.capture(capture));
        assertSameOutcome(captured, provider.capture(capture));
        assertSucceeded(provider.refund(new RefundRequest(newTransactionId(), authorization, testAmount(), "contract: full")));
        refused(() -> provider.refund(new RefundRequest(newTransactionId(), authorization, minorUnits(1), "contract: more")));
    }

    @Test
    void aVoidReplayedWithTheSameIdHasOneEffect() {
        requireFeatures(Feature.SEPARATE_CAPTURE);
        TransactionId authorization = newTransactionId();
        assertSucceeded(provider.authorize(payment(authorization, testAmount())));
        VoidRequest cancel = new VoidRequest(newTransactionId(), authorization);
        PaymentOutcome voided = assertSucceeded(provider.voidAuthorization(cancel));
        assertSameOutcome(voided, provider.voidAuthorization(cancel));
        InvalidPaymentRequestException e = refused(() ->
                provider.capture(new CaptureRequest(newTransactionId(), authorization, testAmount())));
        assertEquals(Problem.INVALID_STATE, e.problem(), e.getMessage());
    }

    @Test
    void theSameIdWithDifferentContentIsRefused() {
        TransactionId sale = newTransactionId();
        PaymentOutcome first = assertSucceeded(provider.sale(payment(sale, testAmount())));
        MonetaryAmount more = minorUnits(minor(testAmount()) + 1);
        InvalidPaymentRequestException otherAmount = refused(() -> provider.sale(payment(sale, more)));
        assertEquals(Problem.TRANSACTION_ID_REUSED, otherAmount.problem(), otherAmount.getMessage());
        InvalidPaymentRequestException otherReference = refused(() -> provider.sale(
                new PaymentRequest(sale, testAmount(), approvedSource(), "contract-other-reference")));
        assertEquals(Problem.TRANSACTION_ID_REUSED, otherReference.problem(), otherReference.getMessage());
        InvalidPaymentRequestException otherOperation = refused(() -> provider.refund(
                new RefundRequest(sale, sale, minorUnits(1), "contract: id reused for a refund")));
        assertEquals(Problem.TRANSACTION_ID_REUSED, otherOperation.problem(), otherOperation.getMessage());
        assertSameOutcome(first, provider.status(sale).orElseThrow());
    }

    @Test
    void anAmountWrittenWithAnotherScaleIsTheSameContent() {
        TransactionId sale = newTransactionId();
        PaymentOutcome first = assertSucceeded(provider.sale(payment(sale, testAmount())));
        BigDecimal rescaled = number(testAmount()).setScale(number(testAmount()).scale() + 2);
        MonetaryAmount sameValue = testAmount().getFactory().setNumber(rescaled).create();
        assertSameOutcome(first, provider.sale(payment(sale, sameValue)));
    }

    // ------------------------------------------------------------ money bounds

    @Test
    void refundsNeverExceedTheCapturedAmountOverSeveralRefunds() {
        requireFeatures(Feature.PARTIAL_REFUND, Feature.MULTIPLE_REFUNDS);
        TransactionId sale = newTransactionId();
        assertSucceeded(provider.sale(payment(sale, testAmount())));
        long total = minor(testAmount());
        long quarter = total / 4;
        for (int i = 0; i < 3; i++) {
            assertSucceeded(provider.refund(new RefundRequest(newTransactionId(), sale, minorUnits(quarter), "contract: quarter")));
        }
        long rest = total - 3 * quarter;
        TransactionId tooMuch = newTransactionId();
        InvalidPaymentRequestException e = refused(() ->
                provider.refund(new RefundRequest(tooMuch, sale, minorUnits(rest + 1), "contract: rest plus one")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), provider.status(tooMuch), "a refused refund must leave no record");
        assertSucceeded(provider.refund(new RefundRequest(newTransactionId(), sale, minorUnits(rest), "contract: rest")));
        InvalidPaymentRequestException after = refused(() ->
                provider.refund(new RefundRequest(newTransactionId(), sale, minorUnits(1), "contract: after full")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, after.problem(), after.getMessage());
    }

    @Test
    void aRefundAboveTheCapturedAmountIsRefusedAndMovesNothing() {
        TransactionId sale = newTransactionId();
        assertSucceeded(provider.sale(payment(sale, testAmount())));
        TransactionId refund = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> provider.refund(
                new RefundRequest(refund, sale, minorUnits(minor(testAmount()) + 1), "contract: too much")));
        assertTrue(e.problem() == Problem.EXCEEDS_REFUNDABLE || e.problem() == Problem.UNSUPPORTED_OPERATION, e.getMessage());
        assertEquals(Optional.empty(), provider.status(refund), "a refused refund must leave no record");
        assertSucceeded(provider.refund(new RefundRequest(newTransactionId(), sale, testAmount(), "contract: exact")));
    }

    @Test
    void aPartialCaptureCapsTheRefunds() {
        requireFeatures(Feature.SEPARATE_CAPTURE, Feature.PARTIAL_CAPTURE, Feature.PARTIAL_REFUND);
        TransactionId authorization = newTransactionId();
        assertSucceeded(provider.authorize(payment(authorization, testAmount())));
        long half = minor(testAmount()) / 2;
        assertSucceeded(provider.capture(new CaptureRequest(newTransactionId(), authorization, minorUnits(half))));
        InvalidPaymentRequestException e = refused(() -> provider.refund(
                new RefundRequest(newTransactionId(), authorization, minorUnits(half + 1), "contract: above capture")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, e.problem(), e.getMessage());
        assertSucceeded(provider.refund(new RefundRequest(newTransactionId(), authorization, minorUnits(half), "contract: capture")));
    }

    @Test
    void aCaptureAboveTheAuthorizationIsRefusedAndMovesNothing() {
        requireFeatures(Feature.SEPARATE_CAPTURE);
        TransactionId authorization = newTransactionId();
        assertSucceeded(provider.authorize(payment(authorization, testAmount())));
        TransactionId capture = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> provider.capture(
                new CaptureRequest(capture, authorization, minorUnits(minor(testAmount()) + 1))));
        assertEquals(Problem.EXCEEDS_AUTHORIZED, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), provider.status(capture));
        assertSucceeded(provider.capture(new CaptureRequest(newTransactionId(), authorization, testAmount())));
    }

    @Test
    void anAuthorizationIsCapturedAtMostOnce() {
        requireFeatures(Feature.SEPARATE_CAPTURE);
        TransactionId authorization = newTransactionId();
        assertSucceeded(provider.authorize(payment(authorization, testAmount())));
        assertSucceeded(provider.capture(new CaptureRequest(newTransactionId(), authorization, testAmount())));
        InvalidPaymentRequestException e = refused(() ->
                provider.capture(new CaptureRequest(newTransactionId(), authorization, testAmount())));
        assertEquals(Problem.INVALID_STATE, e.problem(), e.getMessage());
    }

    @Test
    void operationsOnAnUnknownPaymentAreRefused() {
        TransactionId nowhere = newTransactionId();
        InvalidPaymentRequestException e = refused(() ->
                provider.refund(new RefundRequest(newTransactionId(), nowhere, testAmount(), "contract: no such payment")));
        assertEquals(Problem.UNKNOWN_PAYMENT, e.problem(), e.getMessage());
    }

    // ------------------------------------------------------------ status

    @Test
    void statusAgreesWithEveryOutcome() {
        TransactionId sale = newTransactionId();
        PaymentOutcome sold = assertSucceeded(provider.sale(payment(sale, testAmount())));
        assertSameOutcome(sold, provider.status(sale).orElseThrow(() -> new AssertionError("no status for the sale")));
        TransactionId refund = newTransactionId();
        PaymentOutcome refunded = assertSucceeded(provider.refund(new RefundRequest(refund, sale, testAmount(), "contract")));
        assertSameOutcome(refunded, provider.status(refund).orElseThrow(() -> new AssertionError("no status for the refund")));
        assertSameOutcome(sold, provider.status(sale).orElseThrow());
        if (provider.capabilities().supports(Feature.SEPARATE_CAPTURE)) {
            TransactionId authorization = newTransactionId();
            PaymentOutcome authorized = assertSucceeded(provider.authorize(payment(authorization, testAmount())));
            assertSameOutcome(authorized, provider.status(authorization).orElseThrow());
            TransactionId capture = newTransactionId();
            PaymentOutcome captured = assertSucceeded(provider.capture(new CaptureRequest(capture, authorization, testAmount())));
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
        PaymentOutcome.Succeeded sold = assertSucceeded(provider.sale(payment(sale, testAmount())));
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
        int digits = Math.max(testAmount().getCurrency().getDefaultFractionDigits(), 0);
        return testAmount().getFactory().setNumber(BigDecimal.valueOf(units, digits)).create();
    }

    /**
     * The amount in minor units.
     *
     * @param amount an amount with no more decimals than its currency's minor unit
     * @return minor units
     */
    protected static long minor(MonetaryAmount amount) {
        int digits = Math.max(amount.getCurrency().getDefaultFractionDigits(), 0);
        return number(amount).movePointRight(digits).longValueExact();
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

    static PaymentOutcome.Succeeded assertSucceeded(PaymentOutcome outcome) {
        return assertInstanceOf(PaymentOutcome.Succeeded.class, outcome,
                "expected Succeeded (the contract's test source must be approved at once), got " + outcome);
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
