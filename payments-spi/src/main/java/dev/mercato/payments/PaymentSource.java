package dev.mercato.payments;

/**
 * What pays: an opaque token the provider issued to the buyer's client (a tokenized card, a
 * wallet authorization code, a bank mandate). Mercato never sees card numbers.
 *
 * <p>Immutable. The token is not printed by {@link #toString()}.
 *
 * @param token the provider's token, never {@code null} or blank
 */
public record PaymentSource(String token) {

    /**
     * Validates the token.
     *
     * @throws NullPointerException if the token is {@code null}
     * @throws InvalidPaymentRequestException ({@code MALFORMED}) if it is blank
     */
    public PaymentSource {
        Requests.requireText(token, "token");
    }

    @Override
    public String toString() {
        return "PaymentSource[token=***]";
    }
}
