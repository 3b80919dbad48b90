package dev.mercato.core.fulfilment;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * An order the carrier delivered late and whose buyer was compensated under the facade's {@link
 * LateDeliveryRule}, published after the commit that booked the compensation (once per order).
 *
 * @param orderId the order
 * @param deadline the order's deadline
 * @param deliveredAt when the carrier delivered it
 * @param compensation what the buyer is compensated, positive
 * @param funder who bears it
 * @param form how the buyer got it: refunded from the order's held money, or a coupon
 * @param occurredAt when the compensation was booked
 */
public record LateDelivery(OrderId orderId, Instant deadline, Instant deliveredAt, MonetaryAmount compensation,
        LateDeliveryRule.Funder funder, Form form, Instant occurredAt) implements DomainEvent {

    /** How a late delivery's compensation reached the buyer. */
    public enum Form {
        /** Refunded through the payment provider from the order's held money (one more refund of the order). */
        REFUND,
        /** Issued as a buyer credit to spend on a later order ({@link LateDeliveryRule#asCoupon}). */
        COUPON
    }

    /** Validates the fields. */
    public LateDelivery {
        InvalidInputException.requireNonNull(orderId, "orderId");
        InvalidInputException.requireNonNull(deadline, "deadline");
        InvalidInputException.requireNonNull(deliveredAt, "deliveredAt");
        InvalidInputException.requireNonNull(compensation, "compensation");
        InvalidInputException.requireNonNull(funder, "funder");
        InvalidInputException.requireNonNull(form, "form");
        InvalidInputException.requireNonNull(occurredAt, "occurredAt");
    }

    /**
     * How late the delivery was.
     *
     * @return the time from the deadline to the delivery
     */
    public Duration lateBy() {
        return Duration.between(deadline, deliveredAt);
    }
}
