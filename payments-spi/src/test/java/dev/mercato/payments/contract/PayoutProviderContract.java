package dev.mercato.payments.contract;

import static dev.mercato.payments.contract.PaymentProviderContract.assertSameOutcome;
import static dev.mercato.payments.contract.PaymentProviderContract.assertSucceeded;
import static dev.mercato.payments.contract.PaymentProviderContract.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.payments.Capabilities.Feature;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PayoutProvider;
import dev.mercato.payments.PayoutRequest;
import dev.mercato.payments.TransactionId;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit for {@link PayoutProvider} plug-ins; use it like
 * {@link PaymentProviderContract}. It checks that the provider declares
 * {@link Feature#PAYOUTS}, that a replayed payout pays once, that the same id with different
 * content is refused, that status agrees with outcomes, and that an unsupported currency is
 * refused with {@link InvalidPaymentRequestException} and leaves no record.
 *
 * <p>Requirement: {@link #payee()} must be paid at once ({@code Succeeded}).
 */
public abstract class PayoutProviderContract {

    private PayoutProvider provider;

    /**
     * Creates the provider under test; called before every test.
     *
     * @return the provider, never {@code null}
     */
    protected abstract PayoutProvider newProvider();

    /**
     * A positive amount in a supported currency that the provider pays out at once.
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
     * A payee account the provider pays at once.
     *
     * @return the account, never {@code null}
     */
    protected abstract PayeeAccount payee();

    /**
     * A fresh transaction id; by default {@code ct-} and a random UUID.
     *
     * @return the id
     */
    protected TransactionId newTransactionId() {
        return new TransactionId("ct-" + UUID.randomUUID());
    }

    @BeforeEach
    final void createProvider() {
        provider = newProvider();
    }

    private PayoutRequest payout(TransactionId id, MonetaryAmount amount, String reference) {
        return new PayoutRequest(id, payee(), amount, reference);
    }

    @Test
    void declaresPayoutsAndTheTestCurrency() {
        assertTrue(provider.capabilities().supports(Feature.PAYOUTS), "capabilities() must declare PAYOUTS");
        assertTrue(provider.capabilities().supports(testAmount().getCurrency()));
    }

    @Test
    void aPayoutReplayedWithTheSameIdPaysOnce() {
        TransactionId id = newTransactionId();
        PaymentOutcome first = assertSucceeded(provider.payout(payout(id, testAmount(), "contract-statement")));
        assertSameOutcome(first, provider.payout(payout(id, testAmount(), "contract-statement")));
        assertSameOutcome(first, provider.status(id).orElseThrow(() -> new AssertionError("no status for the payout")));
    }

    @Test
    void theSameIdWithDifferentContentIsRefused() {
        TransactionId id = newTransactionId();
        PaymentOutcome first = assertSucceeded(provider.payout(payout(id, testAmount(), "contract-statement")));
        BigDecimal doubled = testAmount().getNumber().numberValue(BigDecimal.class).multiply(BigDecimal.valueOf(2));
        MonetaryAmount other = testAmount().getFactory().setNumber(doubled).create();
        InvalidPaymentRequestException e = refused(() -> provider.payout(payout(id, other, "contract-statement")));
        assertEquals(Problem.TRANSACTION_ID_REUSED, e.problem(), e.getMessage());
        InvalidPaymentRequestException reference = refused(() -> provider.payout(payout(id, testAmount(), "contract-other")));
        assertEquals(Problem.TRANSACTION_ID_REUSED, reference.problem(), reference.getMessage());
        assertSameOutcome(first, provider.status(id).orElseThrow());
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
