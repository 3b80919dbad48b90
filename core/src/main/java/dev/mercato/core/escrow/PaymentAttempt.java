package dev.mercato.core.escrow;

import dev.mercato.payments.PaymentOutcome;
import java.util.Optional;

/**
 * What asking the buyer to pay did: the provider's outcome and the escrow afterwards. When the
 * outcome is pending or unknown, the escrow still awaits payment and the reconciler (or a
 * notification) completes it later.
 *
 * @param outcome the provider's outcome (a provider exception is reported as {@code Unknown});
 *     empty when the escrow refused before the provider was called
 * @param escrow the escrow after the attempt
 * @param refusal why the escrow refused the payment, if it did
 */
public record PaymentAttempt(Optional<PaymentOutcome> outcome, Escrow escrow, Optional<Transition.Refused> refusal) {}
