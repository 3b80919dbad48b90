package dev.mercato.payments;

import java.util.Optional;

/**
 * Pays a seller's balance out of the platform (to a bank account or wallet).
 *
 * <p>Implementers must guarantee what {@link PaymentProvider} guarantees for its mutating
 * calls: a caller-generated {@link TransactionId} per payout, replays with one effect, the same
 * id with different content refused ({@code TRANSACTION_ID_REUSED}), outcomes as data,
 * {@link InvalidPaymentRequestException} for definitive refusals (e.g. unsupported currency,
 * {@link Capabilities.Feature#PAYOUTS} not declared) and {@link PaymentProviderException} when
 * the effect is unknown, a {@link #status} that agrees with outcomes, thread safety and an
 * injected clock. Payouts are often {@code Pending} for days; the caller polls {@link #status}.
 */
public interface PayoutProvider {

    /**
     * What this provider supports; payouts require {@link Capabilities.Feature#PAYOUTS}.
     *
     * @return the capabilities, never {@code null}
     */
    Capabilities capabilities();

    /**
     * Sends money to a payee.
     *
     * @param request the payout, never {@code null}
     * @return {@code Succeeded} (paid out), {@code Pending}, {@code Declined} or {@code Unknown}
     * @throws InvalidPaymentRequestException if refused before anything moved
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    PaymentOutcome payout(PayoutRequest request);

    /**
     * The current outcome of the payout with this id.
     *
     * @param transactionId the caller's id of a payout, never {@code null}
     * @return the outcome; empty if and only if the provider has no record of the id
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    Optional<PaymentOutcome> status(TransactionId transactionId);
}
