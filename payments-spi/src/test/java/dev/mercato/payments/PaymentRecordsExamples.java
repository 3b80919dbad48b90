package dev.mercato.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class PaymentRecordsExamples {
    private static final TransactionId PAY = new TransactionId("pay-1");
    private static final MonetaryAmount TEN = Money.of(10, "USD");

    @Test
    void aZeroOrNegativeAmountIsRefusedWhenTheRequestIsBuilt() {
        InvalidPaymentRequestException zero = assertThrows(InvalidPaymentRequestException.class,
                () -> new PaymentRequest(PAY, Money.of(0, "USD"), new PaymentSource("tok"), "order-1"));
        assertEquals(Problem.NON_POSITIVE_AMOUNT, zero.problem());
        assertEquals(Optional.of(PAY), zero.transactionId());
        assertThrows(InvalidPaymentRequestException.class,
                () -> new RefundRequest(new TransactionId("ref-1"), PAY, Money.of(-1, "USD"), "returned"));
    }

    @Test
    void aBlankReferenceIsMalformed() {
        InvalidPaymentRequestException e = assertThrows(InvalidPaymentRequestException.class,
                () -> new PaymentRequest(PAY, TEN, new PaymentSource("tok"), " "));
        assertEquals(Problem.MALFORMED, e.problem());
        assertTrue(e instanceof IllegalArgumentException, "callers catching IllegalArgumentException see it too");
    }

    @Test
    void transactionIdsAreShortAndPrintable() {
        assertThrows(IllegalArgumentException.class, () -> new TransactionId(""));
        assertThrows(IllegalArgumentException.class, () -> new TransactionId("a b"));
        assertThrows(IllegalArgumentException.class, () -> new TransactionId("x".repeat(65)));
        assertEquals("order-42:refund.1_A", new TransactionId("order-42:refund.1_A").toString());
    }

    @Test
    void tokensAreNotPrinted() {
        assertFalse(new PaymentSource("tok_4242").toString().contains("4242"));
        assertFalse(new PayeeAccount("acct_secret").toString().contains("secret"));
    }

    @Test
    void notificationHeadersAreCaseInsensitive() {
        Notification n = new Notification(Map.of("Sandbox-Signature", "t=1,v1=00"), "");
        assertEquals(Optional.of("t=1,v1=00"), n.header("sandbox-signature"));
        assertEquals(Optional.empty(), n.header("Stripe-Signature"));
    }

    @Test
    void capabilitiesCompareCurrenciesByCode() {
        Capabilities c = new Capabilities(Set.of(Monetary.getCurrency("USD")), Set.of(Capabilities.Feature.PARTIAL_REFUND));
        assertTrue(c.supports(TEN.getCurrency()));
        assertFalse(c.supports(Monetary.getCurrency("EUR")));
        assertTrue(c.supports(Capabilities.Feature.PARTIAL_REFUND));
        assertFalse(c.supports(Capabilities.Feature.PARTIAL_CAPTURE));
        assertEquals(Set.of("USD"), c.currencyCodes());
    }

    @Test
    void aFinalOutcomeIsNeverReplacedByALaterPendingOrUnknownReport() {
        PaymentOutcome succeeded = new PaymentOutcome.Succeeded(PAY, TEN, "ref");
        PaymentOutcome pending = new PaymentOutcome.Pending(PAY, TEN, "ref");
        PaymentOutcome unknown = new PaymentOutcome.Unknown(PAY, "timeout");
        assertSame(succeeded, PaymentOutcome.latest(pending, succeeded));
        assertSame(succeeded, PaymentOutcome.latest(succeeded, pending));
        assertSame(succeeded, PaymentOutcome.latest(succeeded, unknown));
        assertSame(pending, PaymentOutcome.latest(unknown, pending));
        assertSame(pending, PaymentOutcome.latest(pending, unknown));
    }

    @Test
    void theSameFinalOutcomeReportedAgainWithAnotherScaleIsNoConflict() {
        PaymentOutcome first = new PaymentOutcome.Succeeded(PAY, Money.of(10, "USD"), "ref");
        PaymentOutcome again = new PaymentOutcome.Succeeded(PAY, Money.of(new BigDecimal("10.00"), "USD"), "ref");
        assertSame(first, PaymentOutcome.latest(first, again));
    }

    @Test
    void twoDifferentFinalOutcomesForOneTransactionAreAProviderFault() {
        PaymentOutcome succeeded = new PaymentOutcome.Succeeded(PAY, TEN, "ref");
        PaymentOutcome declined = new PaymentOutcome.Declined(PAY, DeclineReason.REFUSED, "do_not_honor", "");
        assertThrows(PaymentProviderException.class, () -> PaymentOutcome.latest(succeeded, declined));
        PaymentOutcome otherAmount = new PaymentOutcome.Succeeded(PAY, Money.of(11, "USD"), "ref");
        assertThrows(PaymentProviderException.class, () -> PaymentOutcome.latest(succeeded, otherAmount));
    }

    @Test
    void outcomesOfDifferentTransactionsDoNotFold() {
        PaymentOutcome a = new PaymentOutcome.Unknown(PAY, "timeout");
        PaymentOutcome b = new PaymentOutcome.Unknown(new TransactionId("pay-2"), "timeout");
        assertThrows(IllegalArgumentException.class, () -> PaymentOutcome.latest(a, b));
    }
}
