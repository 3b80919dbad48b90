package dev.mercato.core.review;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * A buyer's review of one order line: {@link Submitted} --edit (once)--> {@link Edited}, which is
 * final. The rating counts a review from its submission time, with its current stars. Immutable.
 */
public sealed interface Review {

    /**
     * The review's facts.
     *
     * @return never {@code null}
     */
    ReviewFacts facts();

    /**
     * The stars now given.
     *
     * @return 1 to 5
     */
    int stars();

    /**
     * The review's id: {@code <order>#<line>}.
     *
     * @param orderId the order
     * @param line the line number
     * @return the id
     */
    static String idOf(String orderId, int line) {
        return orderId + "#" + line;
    }

    /**
     * Who reviewed what, and when.
     *
     * @param orderId the order
     * @param line the line number
     * @param buyerId the reviewer
     * @param sellerId the seller reviewed
     * @param submittedAt when first submitted
     */
    record ReviewFacts(String orderId, int line, String buyerId, String sellerId, Instant submittedAt) {
        /** Validates the fields. */
        public ReviewFacts {
            InvalidInputException.requireNonNull(orderId, "orderId");
            InvalidInputException.requireNonNull(buyerId, "buyerId");
            InvalidInputException.requireNonNull(sellerId, "sellerId");
            InvalidInputException.requireNonNull(submittedAt, "submittedAt");
        }

        /**
         * The review's id.
         *
         * @return {@code <order>#<line>}
         */
        public String reviewId() {
            return idOf(orderId, line);
        }
    }

    /**
     * A review as first submitted; editable once.
     *
     * @param facts who reviewed what, and when
     * @param stars 1 to 5
     * @param text the buyer's words, may be empty
     */
    record Submitted(ReviewFacts facts, int stars, String text) implements Review {
        /** Validates the fields. */
        public Submitted {
            InvalidInputException.requireNonNull(facts, "facts");
            requireStars(stars);
            InvalidInputException.requireNonNull(text, "text");
        }

        /**
         * The buyer edits the review (the caller checks the actor and window).
         *
         * @param newStars 1 to 5
         * @param newText the new words
         * @param at when
         * @return the final review
         */
        public Edited edit(int newStars, String newText, Instant at) {
            return new Edited(facts, stars, text, newStars, newText, at);
        }
    }

    /**
     * A review edited once; final.
     *
     * @param facts who reviewed what, and when
     * @param originalStars the stars first given
     * @param originalText the words first given
     * @param stars the stars now given, 1 to 5
     * @param text the words now given
     * @param editedAt when it was edited
     */
    record Edited(ReviewFacts facts, int originalStars, String originalText, int stars, String text, Instant editedAt)
            implements Review {
        /** Validates the fields. */
        public Edited {
            InvalidInputException.requireNonNull(facts, "facts");
            requireStars(originalStars);
            requireStars(stars);
            InvalidInputException.requireNonNull(originalText, "originalText");
            InvalidInputException.requireNonNull(text, "text");
            InvalidInputException.requireNonNull(editedAt, "editedAt");
        }
    }

    private static void requireStars(int stars) {
        if (stars < 1 || stars > 5) {
            throw new InvalidInputException("stars", stars, "must be from 1 to 5");
        }
    }
}
