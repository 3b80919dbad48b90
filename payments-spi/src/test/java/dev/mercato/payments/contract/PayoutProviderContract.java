package dev.mercato.payments.contract;

import static dev.mercato.payments.contract.PaymentProviderContract.assertSameOutcome;
import static dev.mercato.payments.contract.PaymentProviderContract.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mercato.payments.Capabilities.Feature;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.Operation;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProviderException;
import dev.mercato.payments.PayoutProvider;
import dev.mercato.payments.PayoutRequest;
import dev.mercato.payments.TransactionId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conformance kit for {@link PayoutProvider} plug-ins; use it like
 * {@link PaymentProviderContract}. It checks that the provider declares
 * {@link Feature#PAYOUTS}, that a replayed payout pays once (also from many threads at once),
 * that the same id with different content (amount, payee, reference) is refused, that status
 * agrees with outcomes, that timeouts and server errors are unknown and a replay pays once,
 * that amounts finer than the minor unit are refused, and that an unsupported currency is
 * refused with {@link InvalidPaymentRequestException} and leaves no record.
 *
 * <p>A payout may answer {@code Pending} unless {@link Operation#PAYOUT} is declared
 * synchronous; the kit then follows it up with {@link #awaitFinal}.
 */
public abstract class PayoutProviderContract {
    private static final int THREADS = 8;

    private ContractClock clock;
    private PayoutProvider provider;
    private ExecutorService pool;

    /**
     * Creates the provider under test; called before every test with a fresh clock.
     *
     * @param clock the only time source the provider may read; the kit moves it
     * @return the provider, never {@code null}
     */
    protected abstract PayoutProvider newProvider(ContractClock clock);

    /**
     * A positive amount in a supported currency that the provider pays out.
     *
     * @return the amount, never {@code null}
     */
    protected abstract MonetaryAmount testAmount();

    /**
     * A positive amount in a currency the provider does not pay out.
     *
     * @return the amount, never {@code null}
     */
    protected abstract MonetaryAmount unsupportedCurrencyAmount();

    /**
     * A payee account the provider pays.
     *
     * @return the account, never {@code null}
     */
    protected abstract PayeeAccount payee();

    /**
     * A second payee account, or empty to skip the check that an id reused for another payee is refused.
     *
     * @return the account, or empty
     */
    protected Optional<PayeeAccount> otherPayee() {
        return Optional.empty();
    }

    /**
     * Arranges that the next payout reaching the provider fails this way; {@code false} skips
     * the checks that need the fault. See {@link PaymentProviderContract#injectFault}.
     *
     * @param provider the provider of the running test
     * @param fault the failure to arrange
     * @return whether the fault is armed
     */
    protected boolean injectFault(PayoutProvider provider, Fault fault) {
        return false;
    }

    /**
     * Waits until the payout with this id has a final outcome; by default polls status and moves
     * the kit's clock a minute at a time for at most two days.
     *
     * @param provider the provider of the running test
     * @param transactionId the pending payout
     * @return its final outcome
     */
    protected PaymentOutcome awaitFinal(PayoutProvider provider, TransactionId transactionId) {
        return PaymentProviderContract.awaitFinal(clock, Duration.ofDays(2), provider::status, transactionId);
    }

    /**
     * A fresh transaction id; by default {@code ct-} and a random UUID.
     *
     * @return the id
     */
    protected TransactionId newTransactionId() {
        return new TransactionId("ct-" + UUID.randomUUID());
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
    }

    @AfterEach
    final void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private PayoutRequest payout(TransactionId id, MonetaryAmount amount, String reference) {
        return new PayoutRequest(id, payee(), amount, reference);
    }

    private PaymentOutcome.Succeeded paid(PaymentOutcome outcome) {
        return PaymentProviderContract.approved(provider.capabilities().isSynchronous(Operation.PAYOUT), Operation.PAYOUT,
                outcome, id -> awaitFinal(provider, id));
    }

    @Test
    void declaresPayoutsAndTheTestCurrency() {
        assertTrue(provider.capabilities().supports(Feature.PAYOUTS), "capabilities() must declare PAYOUTS");
        assertTrue(provider.capabilities().supports(testAmount().getCurrency()));
    }

    @Test
    void aPayoutReplayedWithTheSameIdPaysOnce() {
        TransactionId id = newTransactionId();
        PaymentOutcome.Succeeded first = paid(provider.payout(payout(id, testAmount(), "contract-statement")));
        assertSameOutcome(first, provider.payout(payout(id, testAmount(), "contract-statement")));
        assertSameOutcome(first, provider.status(id).orElseThrow(() -> new AssertionError("no status for the payout")));
    }

    @Test
    void concurrentReplaysOfOnePayoutPayOnce() throws Exception {
        TransactionId id = newTransactionId();
        PayoutRequest request = payout(id, testAmount(), "contract-statement");
        pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PaymentOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return provider.payout(request);
            }));
        }
        start.countDown();
        Set<String> references = new HashSet<>();
        for (Future<PaymentOutcome> future : futures) {
            PaymentOutcome outcome = future.get(30, TimeUnit.SECONDS);
            references.add(outcome instanceof PaymentOutcome.Succeeded s ? s.providerReference()
                    : outcome instanceof PaymentOutcome.Pending p ? p.providerReference() : outcome.toString());
        }
        assertEquals(1, references.size(), () -> THREADS + " concurrent replays of one payout paid " + references);
    }

    @Test
    void theSameIdWithDifferentContentIsRefused() {
        TransactionId id = newTransactionId();
        PaymentOutcome.Succeeded first = paid(provider.payout(payout(id, testAmount(), "contract-statement")));
        BigDecimal doubled = testAmount().getNumber().numberValue(BigDecimal.class).multiply(BigDecimal.valueOf(2));
        MonetaryAmount other = testAmount().getFactory().setNumber(doubled).create();
        InvalidPaymentRequestException e = refused(() -> provider.payout(payout(id, other, "contract-statement")));
        assertEquals(Problem.TRANSACTION_ID_REUSED, e.problem(), e.getMessage());
        InvalidPaymentRequestException reference = refused(() -> provider.payout(payout(id, testAmount(), "contract-other")));
        assertEquals(Problem.TRANSACTION_ID_REUSED, reference.problem(), reference.getMessage());
        otherPayee().ifPresent(payee -> {
            InvalidPaymentRequestException otherPayee = refused(() ->
                    provider.payout(new PayoutRequest(id, payee, testAmount(), "contract-statement")));
            assertEquals(Problem.TRANSACTION_ID_REUSED, otherPayee.problem(), otherPayee.getMessage());
        });
        assertSameOutcome(first, provider.status(id).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFaultOnAPayoutIsUnknownNeverDeclinedAndAReplayPaysOnce(Fault fault) {
        assumeTrue(injectFault(provider, fault), "the subclass cannot inject " + fault);
        TransactionId id = newTransactionId();
        PayoutRequest request = payout(id, testAmount(), "contract-statement");
        try {
            PaymentOutcome answer = provider.payout(request);
            assertFalse(answer instanceof PaymentOutcome.Declined, () -> "a " + fault + " was reported as " + answer);
        } catch (PaymentProviderException expected) {
            // unknown: resolved below
        } catch (RuntimeException e) {
            throw new AssertionError("a " + fault + " must be Unknown or a PaymentProviderException, not " + e, e);
        }
        if (fault.moneyMoved()) {
            assertTrue(provider.status(id).isPresent(), "after a " + fault + " the money moved: status must not be empty");
        }
        PaymentOutcome.Succeeded replayed = paid(provider.payout(request));
        assertSameOutcome(replayed, provider.status(id).orElseThrow());
    }

    @Test
    void anAmountFinerThanTheMinorUnitIsRefused() {
        int digits = Math.max(testAmount().getCurrency().getDefaultFractionDigits(), 0);
        BigDecimal finer = testAmount().getNumber().numberValue(BigDecimal.class).add(BigDecimal.ONE.movePointLeft(digits + 1));
        TransactionId id = newTransactionId();
        InvalidPaymentRequestException e = refused(() ->
                provider.payout(payout(id, testAmount().getFactory().setNumber(finer).create(), "contract")));
        assertEquals(Problem.INVALID_AMOUNT, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), provider.status(id));
    }

    @Test
    void anUnsupportedCurrencyIsRefusedAndPaysNothing() {
        TransactionId id = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> provider.payout(payout(id, unsupportedCurrencyAmount(), "contract")));
        assertEquals(Problem.UNSUPPORTED_CURRENCY, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), provider.status(id));
    }

    @Test
    void statusOfAnUnusedIdIsEmpty() {
        assertEquals(Optional.empty(), provider.status(newTransactionId()));
    }
}
