package dev.mercato.payments;

/**
 * Where a payout goes: the provider's opaque reference to a seller's verified bank account or
 * wallet, obtained when the seller onboarded with the provider.
 *
 * <p>Immutable. The token is not printed by {@link #toString()}.
 *
 * @param token the provider's account reference, never {@code null} or blank
 */
public record PayeeAccount(String token) {

    /**
     * Validates the token.
     *
     * @throws NullPointerException if the token is {@code null}
     * @throws InvalidPaymentRequestException ({@code MALFORMED}) if it is blank
     */
    public PayeeAccount {
        Requests.requireText(token, "token");
    }

    @Override
    public String toString() {
        return "PayeeAccount[token=***]";
    }
}
