package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;

/** The outcome of an order command: the order's new state, or a refusal with a reason (nothing changed). */
public sealed interface OrderResult {

    /**
     * The command was carried out.
     *
     * @param order the order's state after it
     */
    record Done(Order order) implements OrderResult {
        /** Validates the field. */
        public Done {
            InvalidInputException.requireNonNull(order, "order");
        }
    }

    /**
     * The command was refused; the order is unchanged.
     *
     * @param reason why, as a value a caller can branch on
     * @param message why, in words for a person
     */
    record Refused(Reason reason, String message) implements OrderResult {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(message, "message");
        }
    }

    /** Why a command was refused. */
    enum Reason {
        /** The order (or its after-sale case) is in a state that does not allow the command. */
        WRONG_STATE,
        /** The shipment does not fit the order (unknown lines, more units than left). */
        SHIPMENT_REFUSED,
        /** The after-sale request is not allowed (window passed, too many units). */
        AFTER_SALE_REFUSED,
        /** The order's escrow refused to follow (for example a disputed escrow cannot ship). */
        ESCROW_REFUSED,
        /** The order has no escrow (not paid yet). */
        NO_ESCROW,
        /** The command needs the order shipped first. */
        NOT_SHIPPED,
        /** The order belongs to a group-buy group that has not formed yet: it cannot ship. */
        GROUP_NOT_FORMED,
        /** The order holds no place in an open group-buy group (it formed, failed, or was left). */
        GROUP_NOT_OPEN,
        /** The order was checked out in stages and its balance is not paid: it cannot ship yet. */
        BALANCE_NOT_PAID,
        /**
         * The buyer asked back a pre-sale deposit (or B2B advance) whose forfeit rule keeps it for
         * the seller: only the seller or an operator can refund it before the balance is paid.
         */
        DEPOSIT_NOT_REFUNDABLE;
    }
}
