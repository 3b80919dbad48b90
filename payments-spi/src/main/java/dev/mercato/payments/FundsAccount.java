package dev.mercato.payments;

import java.util.Objects;

/**
 * An account at the provider that held funds are split to, unfrozen to or returned from: the
 * provider's reference to a seller's sub-account (a sub-merchant, a connected account, a
 * profit-sharing receiver), to the platform's own account, or to a creator's account, obtained
 * when that party onboarded with the provider. See {@link HeldFundsProvider}.
 *
 * <p>Immutable. Two accounts are the same recipient when role and token are equal. The token is
 * not printed whole by {@link #toString()} (at most its last four characters), as messages may
 * be logged.
 *
 * @param role whose account it is, never {@code null}
 * @param token the provider's account reference, 1 to {@value #MAX_TOKEN_LENGTH} characters, never
 *        {@code null} or blank
 */
public record FundsAccount(Role role, String token) {

    /** Longest account reference accepted. */
    public static final int MAX_TOKEN_LENGTH = 128;

    /** Whose account it is; it says what the money sent there is in the platform's books. */
    public enum Role {
        /** A seller's sub-account: the seller's share of a sale, and the usual settlement account of a hold. */
        SELLER,
        /** The platform's own account: commission and fees, the platform's revenue. */
        PLATFORM,
        /** A creator's (affiliate's, promoter's) account: a revenue share. */
        CREATOR
    }

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws InvalidPaymentRequestException ({@code MALFORMED}) if the token is blank or longer
     *         than {@value #MAX_TOKEN_LENGTH} characters
     */
    public FundsAccount {
        Objects.requireNonNull(role, "role");
        Requests.requireText(token, "token");
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidPaymentRequestException(InvalidPaymentRequestException.Problem.MALFORMED, null,
                    "an account token must be at most " + MAX_TOKEN_LENGTH + " characters (was: " + token.length() + ")");
        }
    }

    /**
     * A seller's sub-account.
     *
     * @param token the provider's reference, never {@code null} or blank
     * @return the account
     */
    public static FundsAccount seller(String token) {
        return new FundsAccount(Role.SELLER, token);
    }

    /**
     * The platform's own account.
     *
     * @param token the provider's reference, never {@code null} or blank
     * @return the account
     */
    public static FundsAccount platform(String token) {
        return new FundsAccount(Role.PLATFORM, token);
    }

    /**
     * A creator's account.
     *
     * @param token the provider's reference, never {@code null} or blank
     * @return the account
     */
    public static FundsAccount creator(String token) {
        return new FundsAccount(Role.CREATOR, token);
    }

    @Override
    public String toString() {
        return "FundsAccount[" + role + " " + Requests.masked(token) + "]";
    }
}
