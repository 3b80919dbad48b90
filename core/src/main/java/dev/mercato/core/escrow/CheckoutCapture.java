package dev.mercato.core.escrow;

import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * A payment the checkout already captured through the provider, one sale covering several
 * orders. An escrow opened from it ({@link EscrowService#openPaid}) holds its order's share, and
 * its refunds are sent against this sale.
 *
 * @param transactionId the provider transaction id of the sale
 * @param total what the sale captured, every order's share together
 * @param orders how many orders the sale paid, at least one
 * @param capturedAt when the sale was confirmed
 */
public record CheckoutCapture(TransactionId transactionId, MonetaryAmount total, int orders, Instant capturedAt) {

    /** Validates the fields. */
    public CheckoutCapture {
        InvalidInputException.requireNonNull(transactionId, "transactionId");
        InvalidInputException.requireNonNull(total, "total");
        InvalidInputException.requireNonNull(capturedAt, "capturedAt");
        if (!total.isPositive()) {
            throw new InvalidInputException("total", total, "must be positive");
        }
        if (orders < 1) {
            throw new InvalidInputException("orders", orders, "must be at least 1");
        }
    }
}
