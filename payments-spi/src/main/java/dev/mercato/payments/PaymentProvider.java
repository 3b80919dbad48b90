package dev.mercato.payments;

import java.util.Optional;

/**
 * A payment provider plug-in: takes money from buyers, gives it back, reports what happened.
 *
 * <p><b>What implementers must guarantee</b> (the conformance kit
 * {@code dev.mercato.payments.contract.PaymentProviderContract} checks these):
 * <ol>
 *   <li><b>Idempotency.</b> Every mutating call carries a caller-generated {@link TransactionId}.
 *       A replay (same id, same content) has no second effect and returns the transaction's
 *       current outcome (the same one {@link #status} returns). If the first call moved nothing
 *       (it timed out before the provider recorded it), the replay performs it, once. The same
 *       id with different content (another operation, amount, payment, source or reference) is
 *       refused with {@link InvalidPaymentRequestException.Problem#TRANSACTION_ID_REUSED}. Ids
 *       are one namespace across all operations.</li>
 *   <li><b>Outcomes are data.</b> Approved, pending and declined requests return
 *       {@link PaymentOutcome.Succeeded}, {@link PaymentOutcome.Pending} and
 *       {@link PaymentOutcome.Declined}; a call whose effect is unknown returns
 *       {@link PaymentOutcome.Unknown} or throws {@link PaymentProviderException}.</li>
 *   <li><b>Exactly two exception types.</b> {@link InvalidPaymentRequestException} when the
 *       request was refused before anything moved (definitive); {@link PaymentProviderException}
 *       when the provider could not be reached or understood (the caller treats it as unknown).
 *       No other exception escapes, except {@link NullPointerException} for {@code null}
 *       arguments.</li>
 *   <li><b>Money bounds.</b> A capture never exceeds the authorization; refunds of a payment,
 *       succeeded and pending together, never exceed what was captured.</li>
 *   <li><b>Status agrees with outcomes.</b> After a call returned an outcome, {@link #status}
 *       returns that outcome or a later one (pending may become final; final never changes).</li>
 *   <li><b>Declared capabilities.</b> Requests outside {@link #capabilities()} are refused with
 *       {@link InvalidPaymentRequestException} ({@code UNSUPPORTED_CURRENCY},
 *       {@code UNSUPPORTED_OPERATION}), never half-done.</li>
 *   <li><b>Notifications are verified before they are parsed.</b> A notification whose
 *       signature does not match is a {@link NotificationResult.Rejected}, never an event.</li>
 *   <li><b>Thread safety.</b> All methods may be called concurrently from several threads;
 *       concurrent calls with the same id still have one effect.</li>
 *   <li><b>Injected time.</b> Anything time-dependent (expiry, replay windows) reads a clock
 *       given to the implementation, never the system clock directly.</li>
 * </ol>
 *
 * <p>Amounts are {@link javax.money.MonetaryAmount}s; implementations read them through the
 * JSR 354 API only and return the caller's amounts (or amounts built by their factory), so a
 * plug-in depends on no particular money implementation.
 */
public interface PaymentProvider {

    /**
     * What this provider supports. Constant for the life of the instance.
     *
     * @return the capabilities, never {@code null}
     */
    Capabilities capabilities();

    /**
     * Reserves the amount on the buyer's payment source without taking it
     * ({@link Capabilities.Feature#SEPARATE_CAPTURE}). The request's id becomes the payment id
     * for {@link #capture}, {@link #voidAuthorization} and {@link #refund}.
     *
     * @param request the authorization, never {@code null}
     * @return {@code Succeeded} (amount held), {@code Pending}, {@code Declined} or {@code Unknown}
     * @throws InvalidPaymentRequestException if refused before anything moved
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    PaymentOutcome authorize(PaymentRequest request);

    /**
     * Takes all or part of an authorized amount. A payment is captured at most once; a partial
     * capture ({@link Capabilities.Feature#PARTIAL_CAPTURE}) releases the rest.
     *
     * @param request the capture, never {@code null}
     * @return {@code Succeeded} (amount captured), {@code Pending}, {@code Declined} or {@code Unknown}
     * @throws InvalidPaymentRequestException if refused before anything moved, e.g.
     *         {@code UNKNOWN_PAYMENT}, {@code INVALID_STATE} (voided, already captured, not
     *         authorized), {@code EXCEEDS_AUTHORIZED}, {@code CURRENCY_MISMATCH}
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    PaymentOutcome capture(CaptureRequest request);

    /**
     * Authorizes and captures in one step. The request's id becomes the payment id for {@link #refund}.
     *
     * @param request the sale, never {@code null}
     * @return {@code Succeeded} (amount captured), {@code Pending}, {@code Declined} or {@code Unknown}
     * @throws InvalidPaymentRequestException if refused before anything moved
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    PaymentOutcome sale(PaymentRequest request);

    /**
     * Cancels an authorization that was not captured, releasing the held amount.
     *
     * @param request the void, never {@code null}
     * @return {@code Succeeded} (with the released amount), {@code Pending}, {@code Declined} or {@code Unknown}
     * @throws InvalidPaymentRequestException if refused, e.g. {@code UNKNOWN_PAYMENT}, {@code INVALID_STATE}
     *         (captured, a sale, already voided)
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    PaymentOutcome voidAuthorization(VoidRequest request);

    /**
     * Gives captured money back, in full or in part, possibly several times
     * ({@link Capabilities.Feature#PARTIAL_REFUND}, {@link Capabilities.Feature#MULTIPLE_REFUNDS}).
     *
     * @param request the refund, never {@code null}
     * @return {@code Succeeded} (amount refunded), {@code Pending}, {@code Declined} or {@code Unknown}
     * @throws InvalidPaymentRequestException if refused before anything moved, e.g.
     *         {@code UNKNOWN_PAYMENT}, {@code INVALID_STATE} (nothing captured yet),
     *         {@code EXCEEDS_REFUNDABLE}, {@code CURRENCY_MISMATCH}
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    PaymentOutcome refund(RefundRequest request);

    /**
     * The current outcome of the operation with this id, for reconciliation. Never moves money.
     *
     * @param transactionId the caller's id of any operation, never {@code null}
     * @return the outcome; empty if and only if the provider has no record of the id, meaning
     *         nothing moved under it (an implementation that cannot be sure returns
     *         {@code Unknown} or throws instead)
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    Optional<PaymentOutcome> status(TransactionId transactionId);

    /**
     * Verifies a webhook's signature and, only if it is valid, parses it into events.
     * Never moves money and never throws for bad input: forged, stale and malformed
     * notifications are {@link NotificationResult.Rejected} values.
     *
     * @param notification the webhook as received, never {@code null}
     * @return the verified events, or the reason for rejection
     * @throws PaymentProviderException if verification needs the provider and it could not be reached
     */
    NotificationResult parseNotification(Notification notification);
}
