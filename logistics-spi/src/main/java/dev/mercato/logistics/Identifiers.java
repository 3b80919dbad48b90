package dev.mercato.logistics;

import java.util.regex.Pattern;

/** Validation shared by the identifier records. */
final class Identifiers {
    /** Printable, URL- and header-safe: ids travel in labels, query strings and notifications. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Identifiers() {}

    static String check(String value, String field) {
        InvalidLogisticsInputException.requireNonNull(value, field);
        if (!SAFE.matcher(value).matches()) {
            throw new InvalidLogisticsInputException(field, "\"" + value + "\"",
                    "must be 1 to 128 characters of [A-Za-z0-9._:-]");
        }
        return value;
    }
}
