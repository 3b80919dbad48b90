package dev.mercato.payments.sandbox;

/**
 * How the sandbox writes secrets and account tokens into messages that may end up in a log:
 * never whole. A token keeps its last four characters when it is long enough to stay
 * unguessable (as card and bank numbers are shown), otherwise nothing.
 */
final class Masking {
    private static final int SHOWN = 4;
    private static final int LONG_ENOUGH = 12;

    private Masking() {}

    static String token(String token) {
        if (token.length() < LONG_ENOUGH) {
            return "***";
        }
        return "***" + token.substring(token.length() - SHOWN);
    }
}
