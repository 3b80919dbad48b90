package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * What a promotion's evaluation returns: an effect to apply, or a rejection with its reason.
 */
public sealed interface Outcome permits Outcome.Applied, Outcome.Rejected {

    /**
     * Apply an effect.
     *
     * @param effect the effect
     * @param detail a short note for the explanation, e.g. {@code "tier >= 299: -40"}; may be empty
     */
    record Applied(Effect effect, String detail) implements Outcome {
        /**
         * Validates the outcome.
         *
         * @throws InvalidInputException if a value is {@code null}
         */
        public Applied {
            InvalidInputException.requireNonNull(effect, "effect");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }

    /**
     * Do not apply.
     *
     * @param reason why
     */
    record Rejected(RejectionReason reason) implements Outcome {
        /**
         * Validates the outcome.
         *
         * @throws InvalidInputException if the reason is {@code null}
         */
        public Rejected {
            InvalidInputException.requireNonNull(reason, "reason");
        }
    }

    /**
     * An applied outcome.
     *
     * @param effect the effect
     * @param detail a note for the explanation
     * @return the outcome
     */
    static Outcome applied(Effect effect, String detail) {
        return new Applied(effect, detail);
    }

    /**
     * A rejected outcome.
     *
     * @param reason why
     * @return the outcome
     */
    static Outcome rejected(RejectionReason reason) {
        return new Rejected(reason);
    }
}
