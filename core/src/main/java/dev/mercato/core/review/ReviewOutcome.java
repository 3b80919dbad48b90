package dev.mercato.core.review;

import dev.mercato.pricing.error.InvalidInputException;

/** What a review command did. Immutable. */
public sealed interface ReviewOutcome {

    /**
     * The review was stored.
     *
     * @param review the review as stored
     */
    record Accepted(Review review) implements ReviewOutcome {
        /** Validates the review. */
        public Accepted {
            InvalidInputException.requireNonNull(review, "review");
        }
    }

    /**
     * The review was refused; nothing changed.
     *
     * @param reason why
     * @param detail the values involved
     */
    record Refused(ReviewRefusal reason, String detail) implements ReviewOutcome {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }
}
