package dev.mercato.core.groupbuy;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * Which group a checkout payment holds a place in; written with the checkout's orders, so a
 * payment finds its group in one read.
 *
 * @param paymentId the checkout's buyer payment
 * @param groupId the group
 */
public record GroupSeat(String paymentId, String groupId) {
    /** Validates the fields. */
    public GroupSeat {
        InvalidInputException.requireNonNull(paymentId, "paymentId");
        InvalidInputException.requireNonNull(groupId, "groupId");
    }
}
