package dev.mercato.payments;

import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * One part of a {@link SplitRequest}: an amount of the held funds sent to one account.
 *
 * <p>Immutable.
 *
 * @param recipient where the money goes, never {@code null}
 * @param amount how much, positive, no finer than its currency's minor unit, never {@code null}
 * @param description what the part is (e.g. "seller share", "commission", "creator share"), shown
 *        in the provider's dashboard, never {@code null} or blank, at most 256 characters
 */
public record SplitPart(FundsAccount recipient, MonetaryAmount amount, String description) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws InvalidPaymentRequestException if the amount is not positive ({@code NON_POSITIVE_AMOUNT})
     *         or finer than the minor unit ({@code INVALID_AMOUNT}), or the description is blank or too
     *         long ({@code MALFORMED})
     */
    public SplitPart {
        Objects.requireNonNull(recipient, "recipient");
        Requests.requireMinorUnits(amount, null);
        Requests.requireBoundedText(description, "description");
    }

    /**
     * The amount in minor units of its currency.
     *
     * @return positive
     */
    public long minorUnits() {
        return Requests.requireMinorUnits(amount, null);
    }
}
