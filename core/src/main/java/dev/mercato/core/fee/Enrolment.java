package dev.mercato.core.fee;

import dev.mercato.pricing.error.InvalidInputException;

/** The outcome of enrolling a seller in an annual fee. */
public sealed interface Enrolment {

    /**
     * Enrolled (or already enrolled on the same terms: the stored plan is returned).
     *
     * @param plan the plan
     */
    record Enrolled(AnnualFeePlan plan) implements Enrolment {
        /** Validates the plan. */
        public Enrolled {
            InvalidInputException.requireNonNull(plan, "plan");
        }
    }

    /**
     * Refused: nothing changed.
     *
     * @param reason why
     * @param detail in words
     */
    record Refused(FeeRefusal reason, String detail) implements Enrolment {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }
}
