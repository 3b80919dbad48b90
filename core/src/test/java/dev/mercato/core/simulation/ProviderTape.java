package dev.mercato.core.simulation;

import dev.mercato.payments.Capabilities;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PayoutProvider;
import dev.mercato.payments.PayoutRequest;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.VoidRequest;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.pricing.money.MinorUnits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The provider side of the simulation: every request Mercato sends reaches the sandbox through
 * this tape, which remembers what was asked (transaction id, kind, whose card), so the model can
 * ask the provider afterwards what really moved, independently of Mercato's own records.
 */
final class ProviderTape implements PaymentProvider, PayoutProvider {
    enum Kind {
        SALE, REFUND, PAYOUT
    }

    /** Escrow transaction ids start with this; membership fees and refunds are the others. */
    static final String ESCROW_PREFIX = "esc.";

    record Asked(Kind kind, String buyer) {}

    private final SandboxPaymentProvider sandbox;
    private final Map<String, Asked> asked = new LinkedHashMap<>();

    ProviderTape(SandboxPaymentProvider sandbox) {
        this.sandbox = sandbox;
    }

    /** What the provider says moved, in minor units, for one kind and (for sales and refunds) one buyer. */
    long succeeded(Kind kind, Optional<String> buyer) {
        long sum = 0;
        for (Map.Entry<String, Asked> e : asked.entrySet()) {
            if (e.getValue().kind() != kind || buyer.filter(b -> !b.equals(e.getValue().buyer())).isPresent()) {
                continue;
            }
            if (sandbox.status(new TransactionId(e.getKey())).orElse(null) instanceof PaymentOutcome.Succeeded s) {
                sum += MinorUnits.toMinor(s.amount());
            }
        }
        return sum;
    }

    /** What the provider says escrows refunded (membership refunds left out). */
    long escrowRefunds() {
        long sum = 0;
        for (Map.Entry<String, Asked> e : asked.entrySet()) {
            if (e.getValue().kind() == Kind.REFUND && e.getKey().startsWith(ESCROW_PREFIX)
                    && sandbox.status(new TransactionId(e.getKey())).orElse(null) instanceof PaymentOutcome.Succeeded s) {
                sum += MinorUnits.toMinor(s.amount());
            }
        }
        return sum;
    }

    /** The refunds not of escrows, with what the provider says of each. */
    String otherRefunds() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Asked> e : asked.entrySet()) {
            if (e.getValue().kind() == Kind.REFUND && !e.getKey().startsWith(ESCROW_PREFIX)) {
                out.append("\n    provider ").append(e.getKey()).append(' ').append(e.getValue().buyer()).append(' ')
                        .append(sandbox.status(new TransactionId(e.getKey())).map(Object::toString).orElse("none"));
            }
        }
        return out.toString();
    }

    private static String buyerOf(String token) {
        return token.startsWith("tok_") ? token.substring(4) : token;
    }

    @Override
    public Capabilities capabilities() {
        return sandbox.capabilities();
    }

    @Override
    public PaymentOutcome authorize(PaymentRequest request) {
        asked.putIfAbsent(request.transactionId().value(), new Asked(Kind.SALE, buyerOf(request.source().token())));
        return sandbox.authorize(request);
    }

    @Override
    public PaymentOutcome capture(CaptureRequest request) {
        return sandbox.capture(request);
    }

    @Override
    public PaymentOutcome sale(PaymentRequest request) {
        asked.putIfAbsent(request.transactionId().value(), new Asked(Kind.SALE, buyerOf(request.source().token())));
        return sandbox.sale(request);
    }

    @Override
    public PaymentOutcome voidAuthorization(VoidRequest request) {
        return sandbox.voidAuthorization(request);
    }

    @Override
    public PaymentOutcome refund(RefundRequest request) {
        Asked sale = asked.get(request.payment().value());
        asked.putIfAbsent(request.transactionId().value(), new Asked(Kind.REFUND, sale == null ? "?" : sale.buyer()));
        return sandbox.refund(request);
    }

    @Override
    public Optional<PaymentOutcome> status(TransactionId transactionId) {
        return sandbox.status(transactionId);
    }

    @Override
    public NotificationResult parseNotification(Notification notification) {
        return sandbox.parseNotification(notification);
    }

    @Override
    public PaymentOutcome payout(PayoutRequest request) {
        asked.putIfAbsent(request.transactionId().value(), new Asked(Kind.PAYOUT, ""));
        return sandbox.payout(request);
    }
}
