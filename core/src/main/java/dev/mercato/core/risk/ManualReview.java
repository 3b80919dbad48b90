package dev.mercato.core.risk;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;

/**
 * A purchase held for an operator at one stage, in one of its states: {@link Pending} --clear-->
 * {@link Cleared}, {@link Pending} --refuse--> {@link Refused}. Only a platform operator decides;
 * {@link Cleared} and {@link Refused} are terminal. Immutable.
 */
public sealed interface ManualReview {

    /**
     * The check that was held.
     *
     * @return never {@code null}
     */
    RiskCheck check();

    /**
     * The reasons the rules gave.
     *
     * @return at least one
     */
    List<RiskReason> reasons();

    /**
     * The decision a later check of the same purchase and stage gets.
     *
     * @return review while pending, allow once cleared, deny once refused
     */
    RiskDecision decision();

    /**
     * Waiting for an operator.
     *
     * @param check the check held
     * @param reasons why
     * @param openedAt when it was held
     */
    record Pending(RiskCheck check, List<RiskReason> reasons, Instant openedAt) implements ManualReview {
        /** Validates and copies the fields. */
        public Pending {
            InvalidInputException.requireNonNull(check, "check");
            reasons = List.copyOf(InvalidInputException.requireNonNull(reasons, "reasons"));
            InvalidInputException.requireNonNull(openedAt, "openedAt");
        }

        @Override
        public RiskDecision decision() {
            return new RiskDecision.Review(reasons);
        }

        /**
         * An operator lets the purchase go on.
         *
         * @param actor a platform operator
         * @param note why, may be empty
         * @param at when
         * @return the cleared review, or a refusal for anyone but an operator
         */
        public ReviewResult clear(Actor actor, String note, Instant at) {
            InvalidInputException.requireNonNull(note, "note");
            InvalidInputException.requireNonNull(at, "at");
            if (!(actor instanceof Actor.PlatformOperator operator)) {
                return notAllowed(actor);
            }
            return new ReviewResult.Accepted(new Cleared(check, reasons, operator.operatorId(), note, at));
        }

        /**
         * An operator refuses the purchase.
         *
         * @param actor a platform operator
         * @param note why, not blank
         * @param at when
         * @return the refused review, or a refusal for anyone but an operator
         */
        public ReviewResult refuse(Actor actor, String note, Instant at) {
            InvalidInputException.requireNonNull(note, "note");
            InvalidInputException.requireNonNull(at, "at");
            if (!(actor instanceof Actor.PlatformOperator operator)) {
                return notAllowed(actor);
            }
            return new ReviewResult.Accepted(new Refused(check, reasons, operator.operatorId(), note, at));
        }

        private ReviewResult notAllowed(Actor actor) {
            return new ReviewResult.Refused(this, ReviewResult.Reason.ACTOR_NOT_ALLOWED,
                    InvalidInputException.requireNonNull(actor, "actor") + " may not decide the review of "
                            + check.reference());
        }
    }

    /**
     * An operator let the purchase go on.
     *
     * @param check the check held
     * @param reasons why it was held
     * @param operatorId who cleared it
     * @param note the operator's note
     * @param decidedAt when
     */
    record Cleared(RiskCheck check, List<RiskReason> reasons, String operatorId, String note, Instant decidedAt)
            implements ManualReview {
        /** Validates and copies the fields. */
        public Cleared {
            InvalidInputException.requireNonNull(check, "check");
            reasons = List.copyOf(InvalidInputException.requireNonNull(reasons, "reasons"));
            InvalidInputException.requireNonNull(operatorId, "operatorId");
            InvalidInputException.requireNonNull(note, "note");
            InvalidInputException.requireNonNull(decidedAt, "decidedAt");
        }

        @Override
        public RiskDecision decision() {
            return RiskDecision.allow();
        }
    }

    /**
     * An operator refused the purchase.
     *
     * @param check the check held
     * @param reasons why it was held
     * @param operatorId who refused it
     * @param note the operator's note
     * @param decidedAt when
     */
    record Refused(RiskCheck check, List<RiskReason> reasons, String operatorId, String note, Instant decidedAt)
            implements ManualReview {
        /** Validates and copies the fields. */
        public Refused {
            InvalidInputException.requireNonNull(check, "check");
            reasons = List.copyOf(InvalidInputException.requireNonNull(reasons, "reasons"));
            InvalidInputException.requireNonNull(operatorId, "operatorId");
            InvalidInputException.requireNonNull(note, "note");
            InvalidInputException.requireNonNull(decidedAt, "decidedAt");
        }

        @Override
        public RiskDecision decision() {
            return new RiskDecision.Deny(List.of(new RiskReason("manual-review", RiskReason.Code.OPERATOR_REFUSED,
                    "refused by " + operatorId + (note.isBlank() ? "" : ": " + note))));
        }
    }
}
