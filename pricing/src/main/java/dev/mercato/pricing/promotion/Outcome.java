package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.function.Supplier;

/**
 * What a promotion's evaluation returns: an effect to apply, or a rejection with its reason.
 */
public sealed interface Outcome permits Outcome.Applied, Outcome.Rejected {

    /**
     * Apply an effect.
     *
     * <p>The note for the explanation is produced on demand: the engine evaluates a promotion
     * once per combination it tries during its exclusivity search, but asks for the note only
     * for the combination it returns, and only when the caller reads the explanation. A
     * supplier must therefore not keep the {@link PromotionContext} (which is valid only during
     * {@code evaluate}); capture the values it formats instead. Equality is the record's: equal
     * effects and equal suppliers (a lambda equals only itself).
     *
     * @param effect the effect
     * @param detailText produces the note, never {@code null}; may produce the empty string
     */
    record Applied(Effect effect, Supplier<String> detailText) implements Outcome {
        /**
         * Validates the outcome.
         *
         * @throws InvalidInputException if a value is {@code null}
         */
        public Applied {
            InvalidInputException.requireNonNull(effect, "effect");
            InvalidInputException.requireNonNull(detailText, "detailText");
        }

        /**
         * An outcome with a note already rendered.
         *
         * @param effect the effect
         * @param detail a short note for the explanation, e.g. {@code "tier >= 299: -40"}; may be empty
         * @throws InvalidInputException if a value is {@code null}
         */
        public Applied(Effect effect, String detail) {
            this(effect, constant(InvalidInputException.requireNonNull(detail, "detail")));
        }

        /**
         * The note for the explanation, rendered now.
         *
         * @return the note, e.g. {@code "spent CNY 320.00, saves CNY 30.00"}; may be empty
         * @throws InvalidInputException if the supplier returns {@code null}
         */
        public String detail() {
            return InvalidInputException.requireNonNull(detailText.get(), "detail");
        }

        private static Supplier<String> constant(String detail) {
            return () -> detail;
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
     * An applied outcome whose note is rendered only if the explanation is read (see
     * {@link Applied}).
     *
     * @param effect the effect
     * @param detail produces the note for the explanation
     * @return the outcome
     */
    static Outcome applied(Effect effect, Supplier<String> detail) {
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
