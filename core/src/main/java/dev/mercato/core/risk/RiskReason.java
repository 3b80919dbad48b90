package dev.mercato.core.risk;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * Why a rule asked for a review or a denial. Immutable.
 *
 * @param rule the name of the rule that gave it
 * @param code what kind of risk it is
 * @param message the values involved, for the operator
 */
public record RiskReason(String rule, Code code, String message) {
    /** Validates the fields. */
    public RiskReason {
        InvalidInputException.requireNonNull(rule, "rule");
        InvalidInputException.requireNonNull(code, "code");
        InvalidInputException.requireNonNull(message, "message");
    }

    /** The kinds of risk the built-in rules name; host rules use {@link #HOST_RULE}. */
    public enum Code {
        /** The buyer's spend over the window would exceed its limit. */
        BUYER_LIMIT,
        /** The card's spend over the window would exceed its limit. */
        CARD_LIMIT,
        /** The buyer places too many orders in the window. */
        BUYER_VELOCITY,
        /** The device places too many orders in the window. */
        DEVICE_VELOCITY,
        /** A new account's order exceeds the first-order limit. */
        FIRST_ORDER_LIMIT,
        /** The risk score reached a threshold. */
        RISK_SCORE,
        /** A seller in the order may not take new orders (not active). */
        SELLER_NOT_ACTIVE,
        /** An operator refused the order on review. */
        OPERATOR_REFUSED,
        /** A rule of the host application. */
        HOST_RULE
    }
}
