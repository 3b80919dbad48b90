package dev.mercato.pricing.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.error.MercatoException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Parses a JSON document under the bounds of {@link JsonLimits}: duplicate keys, trailing
 * tokens, non-standard tokens ({@code NaN}, comments, single quotes), documents, strings, keys
 * and numbers beyond their length and nesting beyond its depth are refused by the parser, before
 * any value is built. Numbers are kept as exact decimals; {@link JsonValue} checks their
 * magnitude and scale when a reader asks for one. Every refusal is the caller's own typed
 * exception, made by its {@link Refusal}. Stateless and thread-safe.
 */
public final class StrictJson {
    private static final ObjectMapper MAPPER = mapper();

    private StrictJson() {}

    /** Makes a reader's typed exception for a problem at a location. */
    @FunctionalInterface
    public interface Refusal {
        /**
         * The exception to throw.
         *
         * @param location a JSON path such as {@code $.promotions[3].tiers[1].off}, or {@code line L,
         *     column C} for a syntax error
         * @param problem what is wrong there; quotes at most {@link JsonLimits#MAX_QUOTE} characters of input
         * @param cause the underlying exception, or {@code null}
         * @return the exception, never {@code null}
         */
        MercatoException refuse(String location, String problem, Throwable cause);
    }

    /**
     * Parses a document given as text.
     *
     * @param json the document
     * @param refusal makes the exception for a malformed document
     * @return the root value at path {@code $}
     * @throws MercatoException made by {@code refusal} if the document is malformed or out of bounds
     */
    public static JsonValue parse(String json, Refusal refusal) {
        InvalidInputException.requireNonNull(json, "json");
        InvalidInputException.requireNonNull(refusal, "refusal");
        if (json.length() > JsonLimits.MAX_DOCUMENT_LENGTH) {
            throw refusal.refuse("$", "the document is longer than " + JsonLimits.MAX_DOCUMENT_LENGTH + " characters", null);
        }
        try {
            return root(MAPPER.readTree(json), refusal);
        } catch (JsonProcessingException e) {
            throw syntax(e, refusal);
        } catch (NumberFormatException e) {
            throw number(e, refusal);
        }
    }

    /**
     * Parses a document from a stream (UTF-8, or the encoding its first bytes declare). Does not
     * close the stream.
     *
     * @param in the stream
     * @param refusal makes the exception for a malformed document
     * @return the root value at path {@code $}
     * @throws MercatoException made by {@code refusal} if the document is malformed or out of bounds
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static JsonValue parse(InputStream in, Refusal refusal) {
        InvalidInputException.requireNonNull(in, "in");
        InvalidInputException.requireNonNull(refusal, "refusal");
        try {
            return root(MAPPER.readTree(in), refusal);
        } catch (JsonProcessingException e) {
            throw syntax(e, refusal);
        } catch (NumberFormatException e) {
            throw number(e, refusal);
        } catch (CharConversionException e) {
            throw refusal.refuse("$", "is not valid JSON text: " + quote(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Quotes input for a message: at most {@link JsonLimits#MAX_QUOTE} characters, then an
     * ellipsis and the full length.
     *
     * @param text the input, may be {@code null}
     * @return the text in double quotes, shortened if needed
     */
    public static String quote(String text) {
        return "\"" + shorten(text) + "\"";
    }

    /**
     * Shortens input for a message or a path: at most {@link JsonLimits#MAX_QUOTE} characters,
     * then an ellipsis and the full length.
     *
     * @param text the input, may be {@code null}
     * @return the text, shortened if needed
     */
    public static String shorten(String text) {
        return shorten(text, JsonLimits.MAX_QUOTE);
    }

    /**
     * Shortens a message that may embed input (a domain precondition's problem, a parser's
     * message) to {@link JsonLimits#MAX_MESSAGE} characters.
     *
     * @param text the message, may be {@code null}
     * @return the message, shortened if needed
     */
    public static String bound(String text) {
        return shorten(text, JsonLimits.MAX_MESSAGE);
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "null";
        }
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "...(" + text.length() + " characters)";
    }

    private static JsonValue root(JsonNode node, Refusal refusal) {
        if (node == null || node.isMissingNode()) {
            throw refusal.refuse("$", "the document is empty", null);
        }
        return new JsonValue(node, "$", refusal);
    }

    private static MercatoException syntax(JsonProcessingException e, Refusal refusal) {
        JsonLocation where = e.getLocation();
        String location = where == null || where.getLineNr() < 0 ? "$"
                : "line " + where.getLineNr() + ", column " + where.getColumnNr();
        String what = e instanceof StreamConstraintsException ? "exceeds a bound of the strict reader: "
                : "is not valid JSON: ";
        // Jackson's messages quote the offending token: keep a bounded prefix only.
        return refusal.refuse(location, what + bound(e.getOriginalMessage()), e);
    }

    /** Jackson reports a number whose exponent leaves the range of {@code int} (e.g. {@code 1e9999999999}) unchecked. */
    private static MercatoException number(NumberFormatException e, Refusal refusal) {
        return refusal.refuse("$", "holds a number out of every bound: " + bound(e.getMessage()), e);
    }

    private static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(JsonLimits.MAX_DOCUMENT_LENGTH)
                .maxNestingDepth(JsonLimits.MAX_DEPTH)
                .maxStringLength(JsonLimits.MAX_STRING_LENGTH)
                .maxNameLength(JsonLimits.MAX_NAME_LENGTH)
                .maxNumberLength(JsonLimits.MAX_NUMBER_LENGTH)
                .build());
        return mapper;
    }
}
