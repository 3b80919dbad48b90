package dev.mercato.payments.sandbox;

import dev.mercato.payments.DeclineReason;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sandbox answers one upcoming mutating call instead of approving it. Answers are
 * queued with {@link SandboxPaymentProvider#scriptNext(ScriptedAnswer...)} and used in order, one
 * per call that reaches execution: replays of recorded transactions and refused requests
 * ({@link dev.mercato.payments.InvalidPaymentRequestException}) do not use one up. When the
 * queue is empty, calls are approved.
 */
public sealed interface ScriptedAnswer permits ScriptedAnswer.Decline, ScriptedAnswer.TimeOut, ScriptedAnswer.Pend,
        ScriptedAnswer.ServerError {

    /**
     * Decline the call; nothing moves and the transaction id is used up.
     *
     * @param reason the normalized reason, never {@code null}
     * @param code the provider code to report, never {@code null} or blank
     * @param message the message to report, never {@code null}
     */
    record Decline(DeclineReason reason, String code, String message) implements ScriptedAnswer {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is {@code null}
         * @throws IllegalArgumentException if the code is blank
         */
        public Decline {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            if (code.isBlank()) {
                throw new IllegalArgumentException("code must not be blank");
            }
        }
    }

    /**
     * The call times out. With {@link Effect#MONEY_MOVED} the sandbox approves and records it
     * first (status and notifications then report success); with {@link Effect#NOTHING_MOVED}
     * it records nothing (status is empty and a replay performs the call).
     *
     * @param effect whether the money moved before the timeout, never {@code null}
     * @param surface what the caller sees, never {@code null}
     */
    record TimeOut(Effect effect, Surface surface) implements ScriptedAnswer {
        /** Whether the provider performed the operation before the caller gave up. */
        public enum Effect {
            /** The operation happened; only the answer was lost. */
            MONEY_MOVED,
            /** The operation never reached the provider. */
            NOTHING_MOVED
        }

        /** What the caller sees. */
        public enum Surface {
            /** A {@link dev.mercato.payments.PaymentProviderException}. */
            EXCEPTION,
            /** A {@link dev.mercato.payments.PaymentOutcome.Unknown} outcome. */
            UNKNOWN_OUTCOME
        }

        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is {@code null}
         */
        public TimeOut {
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(surface, "surface");
        }
    }

    /**
     * Answer {@code Pending}, then settle once the sandbox's clock has passed
     * {@code settlesAfter} from now: approve, or decline with {@code thenDecline}. Settlement
     * happens at the start of the next call to the sandbox at or after that instant.
     *
     * @param settlesAfter how long after the call it settles, zero or positive, never {@code null}
     * @param thenDecline the decline to settle with, or empty to approve
     */
    record Pend(Duration settlesAfter, Optional<Decline> thenDecline) implements ScriptedAnswer {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is {@code null}
         * @throws IllegalArgumentException if the duration is negative
         */
        public Pend {
            Objects.requireNonNull(settlesAfter, "settlesAfter");
            Objects.requireNonNull(thenDecline, "thenDecline");
            if (settlesAfter.isNegative()) {
                throw new IllegalArgumentException("settlesAfter must not be negative (was: " + settlesAfter + ")");
            }
        }
    }

    /**
     * The provider answers with a server error before performing the call: nothing is recorded
     * (status stays empty and a replay performs the call) and the caller sees a
     * {@link dev.mercato.payments.PaymentProviderException} naming the HTTP status.
     *
     * @param httpStatus the status the provider answered, 500 to 599
     */
    record ServerError(int httpStatus) implements ScriptedAnswer {
        /**
         * Validates the status.
         *
         * @throws IllegalArgumentException if it is not a 5xx status
         */
        public ServerError {
            if (httpStatus < 500 || httpStatus > 599) {
                throw new IllegalArgumentException("a server error is a 5xx status (was: " + httpStatus + ")");
            }
        }
    }

    /**
     * Answers the next call with HTTP 503, before anything moved.
     *
     * @return the answer
     */
    static ScriptedAnswer serverError() {
        return new ServerError(503);
    }

    /**
     * Declines the next call.
     *
     * @param reason the normalized reason, never {@code null}
     * @param code the provider code, never {@code null} or blank
     * @param message the message, never {@code null}
     * @return the answer
     */
    static ScriptedAnswer decline(DeclineReason reason, String code, String message) {
        return new Decline(reason, code, message);
    }

    /**
     * Times the next call out after the money moved.
     *
     * @param surface what the caller sees, never {@code null}
     * @return the answer
     */
    static ScriptedAnswer timeOutAfterMoving(TimeOut.Surface surface) {
        return new TimeOut(TimeOut.Effect.MONEY_MOVED, surface);
    }

    /**
     * Times the next call out before anything moved.
     *
     * @param surface what the caller sees, never {@code null}
     * @return the answer
     */
    static ScriptedAnswer timeOutBeforeMoving(TimeOut.Surface surface) {
        return new TimeOut(TimeOut.Effect.NOTHING_MOVED, surface);
    }

    /**
     * Answers the next call pending and approves it later.
     *
     * @param settlesAfter delay by the sandbox's clock, never {@code null}
     * @return the answer
     */
    static ScriptedAnswer pendingThenSucceed(Duration settlesAfter) {
        return new Pend(settlesAfter, Optional.empty());
    }

    /**
     * Answers the next call pending and declines it later.
     *
     * @param settlesAfter delay by the sandbox's clock, never {@code null}
     * @param decline the decline to settle with, never {@code null}
     * @return the answer
     */
    static ScriptedAnswer pendingThenDecline(Duration settlesAfter, Decline decline) {
        return new Pend(settlesAfter, Optional.of(decline));
    }
}
