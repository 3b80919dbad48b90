package dev.mercato.core;

import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.payments.PaymentSource;
import java.util.List;
import java.util.Optional;

/**
 * What a payment asks before the provider is called, and is told once it is paid (see {@link
 * Commerce.Builder#paymentGuard}): risk rules (per-card limits, a score), the seller gate, the
 * host's own checks. A refusal changes nothing: the orders keep awaiting payment, so a payment
 * held for an operator's review can be paid once the review is cleared. {@code
 * RiskService.payments()} is the implementation with rules, history and reviews. Implementations
 * are thread-safe.
 */
public interface PaymentGuard {

    /**
     * Checks a payment before a new attempt goes to the provider.
     *
     * @param payment the buyer payment, unpaid
     * @param sellerIds the sellers of its orders
     * @param source what the buyer pays with
     * @return why the payment may not go on (now), or empty to go on
     */
    Optional<String> refusal(BuyerPayment payment, List<String> sellerIds, PaymentSource source);

    /**
     * Told after a payment and its orders committed as paid; failures are logged and change nothing.
     *
     * @param payment the paid payment
     * @param sellerIds the sellers of its orders
     * @param source what the buyer paid with, when this instance made the attempt
     */
    default void paid(BuyerPayment payment, List<String> sellerIds, Optional<PaymentSource> source) {}

    /**
     * A guard that lets every payment through: the default.
     *
     * @return the guard
     */
    static PaymentGuard allowAll() {
        return (payment, sellers, source) -> Optional.empty();
    }
}
