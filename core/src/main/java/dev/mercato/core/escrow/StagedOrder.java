package dev.mercato.core.escrow;

import dev.mercato.core.order.OrderId;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.pricing.error.InvalidInputException;

/**
 * The payment schedule an order was checked out with in stages ({@link StagedPayment}), kept from
 * checkout until its payment opens the escrow with it. Orders paid in full have none.
 *
 * @param orderId the order
 * @param schedule its two-stage schedule
 */
public record StagedOrder(OrderId orderId, PaymentSchedule schedule) {

    /** Staged orders by order id; the generic JSON codec at schema version 1. */
    public static final AggregateType<String, StagedOrder> TYPE = AggregateType.of("order-payment-schedule",
            String.class, StagedOrder.class, id -> id);

    /**
     * Validates the fields.
     *
     * @throws InvalidInputException if a value is missing or the schedule is {@link PaymentSchedule.InFull}
     */
    public StagedOrder {
        InvalidInputException.requireNonNull(orderId, "orderId");
        InvalidInputException.requireNonNull(schedule, "schedule");
        if (schedule instanceof PaymentSchedule.InFull) {
            throw new InvalidInputException("schedule", schedule, "an order paid in full has no staged schedule");
        }
    }
}
