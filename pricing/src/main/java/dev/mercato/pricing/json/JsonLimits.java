package dev.mercato.pricing.json;

/**
 * The bounds the strict JSON layer enforces, chosen so that no document can exhaust memory or
 * take noticeable time before it is refused: each is checked on the text, before a value is
 * converted or used in arithmetic. Documented in {@code docs/pricing.md} ("Hostile input").
 */
public final class JsonLimits {
    /** The longest document, in characters or bytes: 8 MiB. */
    public static final long MAX_DOCUMENT_LENGTH = 8L * 1024 * 1024;

    /** The deepest nesting of objects and arrays. */
    public static final int MAX_DEPTH = 32;

    /** The longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 10_000;

    /** The longest object key, in characters. */
    public static final int MAX_NAME_LENGTH = 256;

    /** The longest number, in characters, whether written as a JSON number or as a string. */
    public static final int MAX_NUMBER_LENGTH = 100;

    /**
     * The largest decimal exponent of a number: every number is below {@code 10^19} in magnitude,
     * which is more than a {@code long} count of minor units can hold.
     */
    public static final int MAX_EXPONENT = 18;

    /** The most decimals a number may have once trailing zeros are dropped. */
    public static final int MAX_DECIMALS = 18;

    /**
     * The largest magnitude of a whole number ({@code 10^15}): a sum or difference of any two rule
     * parameters stays far inside the range of {@code long}.
     */
    public static final long MAX_WHOLE = 1_000_000_000_000_000L;

    /** The most characters of input (a value, a key, a parser message) any error message quotes. */
    public static final int MAX_QUOTE = 40;

    /**
     * The most characters of a message made elsewhere (a domain precondition, the parser) that an
     * error message repeats.
     */
    public static final int MAX_MESSAGE = 200;

    private JsonLimits() {}
}
