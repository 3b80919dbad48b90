package dev.mercato.core;

import dev.mercato.payments.Capabilities;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.HeldFundsCapabilities;
import dev.mercato.payments.HeldFundsProvider;
import dev.mercato.payments.HoldRequest;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.ReturnRequest;
import dev.mercato.payments.SplitRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.UnfreezeRequest;
import dev.mercato.payments.VoidRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A held-funds provider that passes every call to the sandbox and keeps, per split, return and
 * unfreeze id, the answers Mercato received: an id sent again after a final answer ({@code
 * Succeeded} or {@code Declined}) is a violation, so is a split id sent with other parts. Only a
 * call whose answer was open (pending, unknown or an exception) may be sent again, under the same id.
 */
final class HeldFundsTape implements HeldFundsProvider {
    private final HeldFundsProvider provider;
    private final Map<String, String> contentOf = new LinkedHashMap<>();
    private final Map<String, List<String>> answers = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();

    HeldFundsTape(HeldFundsProvider provider) {
        this.provider = provider;
    }

    /** What went wrong so far; empty when every instruction id was sent only while its outcome was open. */
    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many times each instruction id reached the provider. */
    synchronized Map<String, Integer> sends() {
        Map<String, Integer> sends = new LinkedHashMap<>();
        answers.forEach((id, list) -> sends.put(id, list.size()));
        return sends;
    }

    private PaymentOutcome taped(TransactionId id, String content, Supplier<PaymentOutcome> call) {
        synchronized (this) {
            String before = contentOf.putIfAbsent(id.value(), content);
            if (before != null && !before.equals(content)) {
                violations.add(id.value() + " sent with other content: " + before + " then " + content);
            }
            List<String> seen = answers.computeIfAbsent(id.value(), k -> new ArrayList<>());
            if (!seen.isEmpty() && (seen.get(seen.size() - 1).startsWith("Succeeded")
                    || seen.get(seen.size() - 1).startsWith("Declined"))) {
                violations.add(id.value() + " sent again after the final answer " + seen.get(seen.size() - 1));
            }
        }
        String answer;
        try {
            PaymentOutcome outcome = call.get();
            answer = outcome.getClass().getSimpleName();
            synchronized (this) {
                answers.get(id.value()).add(answer);
            }
            return outcome;
        } catch (RuntimeException e) {
            synchronized (this) {
                answers.get(id.value()).add("exception " + e.getClass().getSimpleName());
            }
            throw e;
        }
    }

    @Override
    public PaymentOutcome split(SplitRequest request) {
        return taped(request.transactionId(), "split " + request, () -> provider.split(request));
    }

    @Override
    public PaymentOutcome returnFunds(ReturnRequest request) {
        return taped(request.transactionId(), "return " + request, () -> provider.returnFunds(request));
    }

    @Override
    public PaymentOutcome unfreeze(UnfreezeRequest request) {
        return taped(request.transactionId(), "unfreeze " + request, () -> provider.unfreeze(request));
    }

    @Override
    public HeldFundsCapabilities heldFundsCapabilities() {
        return provider.heldFundsCapabilities();
    }

    @Override
    public PaymentOutcome holdSale(HoldRequest request) {
        return provider.holdSale(request);
    }

    @Override
    public Optional<HeldFunds> heldFunds(TransactionId payment) {
        return provider.heldFunds(payment);
    }

    @Override
    public Capabilities capabilities() {
        return provider.capabilities();
    }

    @Override
    public PaymentOutcome authorize(PaymentRequest request) {
        return provider.authorize(request);
    }

    @Override
    public PaymentOutcome capture(CaptureRequest request) {
        return provider.capture(request);
    }

    @Override
    public PaymentOutcome sale(PaymentRequest request) {
        return provider.sale(request);
    }

    @Override
    public PaymentOutcome voidAuthorization(VoidRequest request) {
        return provider.voidAuthorization(request);
    }

    @Override
    public PaymentOutcome refund(RefundRequest request) {
        return provider.refund(request);
    }

    @Override
    public Optional<PaymentOutcome> status(TransactionId transactionId) {
        return provider.status(transactionId);
    }

    @Override
    public NotificationResult parseNotification(Notification notification) {
        return provider.parseNotification(notification);
    }
}
