package dev.mercato.core.review;

/** Why a review was refused. A refusal changes nothing. */
public enum ReviewRefusal {
    /** Only the buyer of the order reviews it. */
    NOT_YOUR_ORDER,
    /** The order has not completed yet. */
    ORDER_NOT_COMPLETED,
    /** The order has no such line. */
    UNKNOWN_LINE,
    /** The review window after completion has passed. */
    WINDOW_CLOSED,
    /** The line was already reviewed. */
    ALREADY_REVIEWED,
    /** The line has not been reviewed yet, so there is nothing to edit. */
    NOT_REVIEWED,
    /** The review was already edited once. */
    ALREADY_EDITED,
    /** The edit window after the review has passed. */
    EDIT_WINDOW_CLOSED
}
