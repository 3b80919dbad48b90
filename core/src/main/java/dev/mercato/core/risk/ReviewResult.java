package dev.mercato.core.risk;

import dev.mercato.pricing.error.InvalidInputException;

/** What an operator's decision on a {@link ManualReview} did. Immutable. */
public sealed interface ReviewResult {

    /**
     * The review after the command: decided, or unchanged when refused.
     *
     * @return never {@code null}
     */
    ManualReview review();

    /**
     * The decision was recorded.
     *
     * @param review the decided review
     */
    record Accepted(ManualReview review) implements ReviewResult {
        /** Validates the review. */
        public Accepted {
            InvalidInputException.requireNonNull(review, "review");
        }
    }

    /**
     * The decision was refused; nothing changed.
     *
     * @param review the unchanged review
     * @param reason why
     * @param detail the values involved
     */
    record Refused(ManualReview review, Reason reason, String detail) implements ReviewResult {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(review, "review");
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }

    /** Why a decision was refused. */
    enum Reason {
        /** Only a platform operator decides reviews. */
        ACTOR_NOT_ALLOWED,
        /** The review was already decided. */
        ALREADY_DECIDED
    }
}
