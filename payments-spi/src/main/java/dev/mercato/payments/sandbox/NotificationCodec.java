package dev.mercato.payments.sandbox;

import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.Operation;
import dev.mercato.payments.PaymentEvent;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.TransactionId;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.money.MonetaryAmount;

/**
 * The sandbox's notification body: one {@code key=value} line per field, values URL-encoded.
 * Deliberately not JSON, so the SPI module needs no parser.
 */
final class NotificationCodec {
    private NotificationCodec() {}

    /** Raised for a body that is signed but cannot be understood. */
    static final class MalformedBody extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedBody(String message) {
            super(message);
        }
    }

    static String encode(PaymentEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", event.eventId());
        fields.put("operation", event.operation().name());
        fields.put("transaction", event.transactionId().value());
        fields.put("occurred", event.occurredAt().toString());
        PaymentOutcome outcome = event.outcome();
        if (outcome instanceof PaymentOutcome.Succeeded s) {
            putAmount(fields, "SUCCEEDED", s.amount(), s.providerReference());
        } else if (outcome instanceof PaymentOutcome.Pending p) {
            putAmount(fields, "PENDING", p.amount(), p.providerReference());
        } else if (outcome instanceof PaymentOutcome.Declined d) {
            fields.put("outcome", "DECLINED");
            fields.put("reason", d.reason().name());
            fields.put("code", d.providerCode());
            fields.put("message", d.message());
        } else {
            throw new IllegalArgumentException("the sandbox never notifies unknown outcomes: " + outcome);
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((key, value) -> body.append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('\n'));
        return body.toString();
    }

    private static void putAmount(Map<String, String> fields, String outcome, MonetaryAmount amount, String reference) {
        fields.put("outcome", outcome);
        fields.put("currency", amount.getCurrency().getCurrencyCode());
        fields.put("amount", amount.getNumber().numberValue(BigDecimal.class).toPlainString());
        fields.put("reference", reference);
    }

    /**
     * Parses a verified body.
     *
     * @param amounts builds the amount of an event from its transaction, currency code and value
     */
    static PaymentEvent decode(String body, BiFunction<TransactionId, Map.Entry<String, BigDecimal>, MonetaryAmount> amounts)
            throws MalformedBody {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new MalformedBody("line without key=value: \"" + line + "\"");
            }
            try {
                fields.put(line.substring(0, eq), URLDecoder.decode(line.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new MalformedBody("bad encoding in line \"" + line + "\"");
            }
        }
        try {
            TransactionId id = new TransactionId(required(fields, "transaction"));
            Operation operation = Operation.valueOf(required(fields, "operation"));
            Instant occurred = Instant.parse(required(fields, "occurred"));
            String outcomeName = required(fields, "outcome");
            PaymentOutcome outcome = switch (outcomeName) {
                case "SUCCEEDED" -> new PaymentOutcome.Succeeded(id, amount(fields, id, amounts), required(fields, "reference"));
                case "PENDING" -> new PaymentOutcome.Pending(id, amount(fields, id, amounts), required(fields, "reference"));
                case "DECLINED" -> new PaymentOutcome.Declined(id, DeclineReason.valueOf(required(fields, "reason")),
                        required(fields, "code"), Optional.ofNullable(fields.get("message")).orElse(""));
                default -> throw new MalformedBody("unknown outcome \"" + outcomeName + "\"");
            };
            return new PaymentEvent(required(fields, "event"), operation, outcome, occurred);
        } catch (RuntimeException e) {
            throw new MalformedBody("cannot read the body: " + e.getMessage());
        }
    }

    private static MonetaryAmount amount(Map<String, String> fields, TransactionId id,
                                         BiFunction<TransactionId, Map.Entry<String, BigDecimal>, MonetaryAmount> amounts)
            throws MalformedBody {
        BigDecimal value = new BigDecimal(required(fields, "amount"));
        return amounts.apply(id, Map.entry(required(fields, "currency"), value));
    }

    private static String required(Map<String, String> fields, String key) throws MalformedBody {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            throw new MalformedBody("missing field \"" + key + "\"");
        }
        return value;
    }
}
