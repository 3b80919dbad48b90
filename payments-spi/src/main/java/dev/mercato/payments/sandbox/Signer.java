package dev.mercato.payments.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over {@code epochSecond + "." + body}. A new {@link Mac} per call: Mac is not thread-safe. */
final class Signer {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    Signer(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** A parsed {@code t=<epoch seconds>,v1=<hex>} header. */
    record Signature(long epochSecond, byte[] mac) {
        String header() {
            return "t=" + epochSecond + ",v1=" + HexFormat.of().formatHex(mac);
        }

        static Optional<Signature> parse(String header) {
            long epochSecond = -1;
            byte[] mac = null;
            for (String part : header.split(",")) {
                String trimmed = part.trim();
                try {
                    if (trimmed.startsWith("t=")) {
                        epochSecond = Long.parseLong(trimmed.substring(2));
                    } else if (trimmed.startsWith("v1=")) {
                        mac = HexFormat.of().parseHex(trimmed.substring(3));
                    }
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            return epochSecond < 0 || mac == null ? Optional.empty() : Optional.of(new Signature(epochSecond, mac));
        }
    }

    Signature sign(long epochSecond, String body) {
        return new Signature(epochSecond, mac(epochSecond, body));
    }

    boolean verifies(Signature signature, String body) {
        return MessageDigest.isEqual(mac(signature.epochSecond(), body), signature.mac());
    }

    private byte[] mac(long epochSecond, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((epochSecond + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always provides " + ALGORITHM, e);
        }
    }
}
