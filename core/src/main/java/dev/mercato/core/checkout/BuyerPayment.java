package dev.mercato.core.checkout;

import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.PaymentInfo;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * The one payment a buyer makes for a checkout, covering one order per seller.
 *
 * @param paymentId the id
 * @param buyerId the buyer
 * @param orderIds the orders it pays, at least one
 * @param total the sum of the orders' payables
 * @param createdAt when checkout created it
 * @param paid the confirmed payment, empty until paid
 * @param attempts the provider transaction ids tried, oldest first: each attempt to pay (for example
 *     after a decline) is recorded under a new id before the provider is called
 */
public record BuyerPayment(String paymentId, String buyerId, List<OrderId> orderIds, MonetaryAmount total,
        Instant createdAt, Optional<PaymentInfo> paid, List<String> attempts) {
    /** Validates the fields. */
    public BuyerPayment {
        InvalidInputException.requireNonNull(paymentId, "paymentId");
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        orderIds = List.copyOf(InvalidInputException.requireNonNull(orderIds, "orderIds"));
        if (orderIds.isEmpty()) {
            throw new InvalidInputException("orderIds", orderIds, "must not be empty");
        }
        InvalidInputException.requireNonNull(total, "total");
        InvalidInputException.requireNonNull(createdAt, "createdAt");
        InvalidInputException.requireNonNull(paid, "paid");
        attempts = List.copyOf(InvalidInputException.requireNonNull(attempts, "attempts"));
    }

    /**
     * This payment with one more attempt recorded.
     *
     * @return the payment and the new attempt's transaction id, {@code paymentId-n}
     */
    public BuyerPayment withNextAttempt() {
        List<String> more = new java.util.ArrayList<>(attempts);
        more.add(paymentId + "-" + (attempts.size() + 1));
        return new BuyerPayment(paymentId, buyerId, orderIds, total, createdAt, paid, more);
    }

    /**
     * The transaction id of the latest attempt.
     *
     * @return the id, or empty before the first attempt
     */
    public Optional<String> lastAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }

    /**
     * This payment, confirmed.
     *
     * @param info the provider reference and time
     * @return the paid payment
     */
    public BuyerPayment withPaid(PaymentInfo info) {
        return new BuyerPayment(paymentId, buyerId, orderIds, total, createdAt, Optional.of(info), attempts);
    }
}
