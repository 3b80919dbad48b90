package dev.mercato.payments;

import java.util.EnumSet;
import java.util.Optional;

/**
 * The optional capability of a payment provider that holds the buyers' funds itself and moves
 * them on Mercato's instructions: profit-sharing (split) orders, destination charges with an
 * application fee, separate charges and transfers, sub-merchant accounts. In many jurisdictions
 * only a licensed payment institution may hold or clear merchants' funds; with this capability
 * the platform never holds them, it only instructs (see docs/funds-models.md).
 *
 * <p>The life of a held payment: {@link #holdSale} takes the buyer's money and freezes it;
 * {@link #split} sends parts of it to accounts (the seller's share to the seller's
 * sub-account, commission and fees to the platform, creator shares to creators), at once or in
 * several partial splits; {@link #unfreeze} ends the hold and releases what is left, and only
 * that, to the hold's settlement account. A refund ({@link PaymentProvider#refund}) takes from
 * what is still held; after a release, {@link #returnFunds} first takes the money back from an
 * account the payment paid. {@link #heldFunds} tells where a payment's money is;
 * {@link PaymentProvider#status} tells each instruction's outcome.
 *
 * <p><b>What implementers must guarantee</b>, beyond what {@link PaymentProvider} requires of
 * every mutating call (the conformance kit's {@code HeldFundsContract} checks these):
 * <ol>
 *   <li><b>Idempotency by the caller's id</b> for holds, splits, unfreezes and returns: a replay
 *       has no second effect and answers the instruction's current outcome; the same id with
 *       other content (another operation, payment, amount, part, account or text) is refused
 *       with {@code TRANSACTION_ID_REUSED}. A split replayed never sends its parts twice.</li>
 *   <li><b>Unknown, never failed.</b> A timeout or an unreadable answer is
 *       {@link PaymentOutcome.Unknown} or a {@link PaymentProviderException}, never
 *       {@code Declined}: the money may have moved. {@link PaymentProvider#status} (or a replay
 *       with the same id) tells, and {@code status} is not empty once money moved.</li>
 *   <li><b>Money is conserved per payment</b>:
 *       {@code held + returned = splitOut + unfrozen + refunded + stillHeld}, always, with no term
 *       negative (see {@link HeldFunds}). So splits, pending ones included, never exceed what is
 *       still held ({@code EXCEEDS_HELD}); an unfreeze releases only the remainder; refunds never
 *       exceed what is still held ({@code EXCEEDS_REFUNDABLE}).</li>
 *   <li><b>Returns are bounded</b> by what the payment sent to the account less what was
 *       returned from it ({@code EXCEEDS_RETURNABLE}), and by the account's balance: a return
 *       the account cannot cover is {@code Declined} with {@link DeclineReason#INSUFFICIENT_FUNDS}
 *       and moves nothing.</li>
 *   <li><b>A split is all or nothing.</b> A part to a frozen or closed account declines the
 *       whole split ({@link DeclineReason#ACCOUNT_UNAVAILABLE}); nothing moves, and the funds
 *       stay held.</li>
 *   <li><b>Declared parts.</b> An instruction needing a part outside
 *       {@link #heldFundsCapabilities()} is refused with {@code UNSUPPORTED_OPERATION}, and a
 *       split with more parts than {@link HeldFundsCapabilities#maxPartsPerSplit()} with
 *       {@code TOO_MANY_PARTS}, never half done.</li>
 * </ol>
 * Operation kinds {@link Operation#HOLD}, {@link Operation#SPLIT}, {@link Operation#UNFREEZE} and
 * {@link Operation#RETURN} follow {@link Capabilities#synchronousOperations()} like the others:
 * one not declared synchronous may answer {@code Pending}.
 */
public interface HeldFundsProvider extends PaymentProvider {

    /**
     * Which parts of provider-held funds this provider supports. Constant for the life of the instance.
     *
     * @return the parts, never {@code null}
     */
    HeldFundsCapabilities heldFundsCapabilities();

    /**
     * Takes the buyer's money and keeps it frozen for later splits ({@link HeldFundsCapabilities.Part#HOLD}).
     *
     * @param request the sale, never {@code null}
     * @return {@code Succeeded} (amount held), {@code Pending}, {@code Declined} or {@code Unknown}
     * @throws InvalidPaymentRequestException if refused before anything moved, e.g.
     *         {@code UNSUPPORTED_CURRENCY}, {@code UNSUPPORTED_OPERATION}, {@code TRANSACTION_ID_REUSED}
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    PaymentOutcome holdSale(HoldRequest request);

    /**
     * Sends parts of a payment's held funds to accounts, all or none
     * ({@link HeldFundsCapabilities.Part#SPLIT}; a split that leaves funds held, or a second
     * split, needs {@link HeldFundsCapabilities.Part#PARTIAL_SPLIT}).
     *
     * @param request the split, never {@code null}
     * @return {@code Succeeded} (amount: the split's total), {@code Pending}, {@code Declined}
     *         (e.g. {@link DeclineReason#ACCOUNT_UNAVAILABLE}) or {@code Unknown}
     * @throws InvalidPaymentRequestException if refused before anything moved, e.g.
     *         {@code UNKNOWN_PAYMENT} (not a held sale), {@code INVALID_STATE} (the hold was
     *         released, or the sale is not settled), {@code CURRENCY_MISMATCH}, {@code EXCEEDS_HELD},
     *         {@code TOO_MANY_PARTS}, {@code UNSUPPORTED_OPERATION}
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    PaymentOutcome split(SplitRequest request);

    /**
     * Ends a payment's hold: what is still held, and only that, goes to the hold's settlement
     * account ({@link HeldFundsCapabilities.Part#UNFREEZE}).
     *
     * @param request the instruction, never {@code null}
     * @return {@code Succeeded} (amount: what was released, possibly zero), {@code Pending},
     *         {@code Declined} or {@code Unknown}
     * @throws InvalidPaymentRequestException if refused before anything moved, e.g.
     *         {@code UNKNOWN_PAYMENT}, {@code INVALID_STATE} (already released, or a split is pending)
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    PaymentOutcome unfreeze(UnfreezeRequest request);

    /**
     * Takes money back from an account the payment paid, so that it can be refunded
     * ({@link HeldFundsCapabilities.Part#RETURN}). The money is then held for the payment again.
     *
     * @param request the return, never {@code null}
     * @return {@code Succeeded} (amount returned), {@code Pending}, {@code Declined} (e.g.
     *         {@link DeclineReason#INSUFFICIENT_FUNDS} when the account cannot cover it) or {@code Unknown}
     * @throws InvalidPaymentRequestException if refused before anything moved, e.g.
     *         {@code UNKNOWN_PAYMENT}, {@code CURRENCY_MISMATCH}, {@code EXCEEDS_RETURNABLE}
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    PaymentOutcome returnFunds(ReturnRequest request);

    /**
     * What the provider holds for a held sale and where the rest went, for reconciliation
     * ({@link HeldFundsCapabilities.Part#QUERY}). Never moves money.
     *
     * @param payment the payment id of a held sale, never {@code null}
     * @return the balances; empty if the provider has no held sale under that id, or its sale has
     *         not (yet) succeeded
     * @throws InvalidPaymentRequestException ({@code UNSUPPORTED_OPERATION}) if QUERY is not declared
     * @throws PaymentProviderException if the provider could not be reached or understood
     */
    Optional<HeldFunds> heldFunds(TransactionId payment);

    /**
     * The provider as a held-funds provider that supports the parts a flow needs; for a host to
     * call when it is built.
     *
     * @param provider the configured payment provider, never {@code null}
     * @param flow what needs the parts, for the message, never {@code null}
     * @param needed the parts the flow needs
     * @return the provider, as a {@code HeldFundsProvider}
     * @throws UnsupportedCapabilityException if the provider is not a {@code HeldFundsProvider}
     *         or lacks a needed part
     */
    static HeldFundsProvider require(PaymentProvider provider, String flow, HeldFundsCapabilities.Part... needed) {
        HeldFundsCapabilities.of(provider).requireSupports(flow, needed);
        if (!(provider instanceof HeldFundsProvider held)) {
            throw new UnsupportedCapabilityException(flow, EnumSet.of(HeldFundsCapabilities.Part.HOLD));
        }
        return held;
    }
}
