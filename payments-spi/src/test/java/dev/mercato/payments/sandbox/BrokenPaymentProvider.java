package dev.mercato.payments.sandbox;

import dev.mercato.payments.Capabilities;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.Operation;
import dev.mercato.payments.PaymentEvent;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProviderException;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.RejectionReason;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.VoidRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/**
 * Deliberately broken payment plug-ins: each wraps the sandbox and makes ONE mistake that
 * integrators make. {@link KitCatchRateExamples} runs the kit against each and asserts that
 * the named check (at least) fails, which measures what the kit catches.
 */
enum BrokenPaymentProvider {

    /** Sends every call with a fresh idempotency key, so a replay charges again. */
    REPLAY_CHARGES_TWICE("aSaleReplayedWithTheSameIdHasOneEffect") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                private final Map<TransactionId, TransactionId> latest = new ConcurrentHashMap<>();
                private final AtomicLong attempts = new AtomicLong();

                @Override
                public PaymentOutcome sale(PaymentRequest request) {
                    TransactionId key = new TransactionId(request.transactionId().value() + "." + attempts.incrementAndGet());
                    latest.put(request.transactionId(), key);
                    return renamed(delegate.sale(new PaymentRequest(key, request.amount(), request.source(),
                            request.reference())), request.transactionId());
                }

                @Override
                public PaymentOutcome refund(RefundRequest request) {
                    return delegate.refund(new RefundRequest(request.transactionId(),
                            latest.getOrDefault(request.payment(), request.payment()), request.amount(), request.reason()));
                }

                @Override
                public Optional<PaymentOutcome> status(TransactionId id) {
                    TransactionId key = latest.get(id);
                    return key == null ? delegate.status(id) : delegate.status(key).map(o -> renamed(o, id));
                }
            };
        }
    },

    /** Reads a timeout or a server error as a decline. */
    TIMEOUT_REPORTED_AS_DECLINED("aFaultOnASaleIsUnknownNeverDeclinedAndAReplayChargesOnce") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public PaymentOutcome sale(PaymentRequest request) {
                    try {
                        PaymentOutcome outcome = delegate.sale(request);
                        return outcome instanceof PaymentOutcome.Unknown ? timedOut(request.transactionId()) : outcome;
                    } catch (PaymentProviderException e) {
                        return timedOut(request.transactionId());
                    }
                }

                private PaymentOutcome timedOut(TransactionId id) {
                    return new PaymentOutcome.Declined(id, DeclineReason.REFUSED, "timeout", "the provider did not answer");
                }
            };
        }
    },

    /** Swallows the provider's "exceeds refundable" answer and reports the refund as done. */
    REFUNDS_BEYOND_CAPTURE_ACCEPTED("refundsNeverExceedTheCapturedAmountOverSeveralRefunds") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public PaymentOutcome refund(RefundRequest request) {
                    try {
                        return delegate.refund(request);
                    } catch (InvalidPaymentRequestException e) {
                        if (e.problem() != Problem.EXCEEDS_REFUNDABLE) {
                            throw e;
                        }
                        return new PaymentOutcome.Succeeded(request.transactionId(), request.amount(), "manual-refund");
                    }
                }
            };
        }
    },

    /** Parses the body without checking its signature. */
    SIGNATURE_NOT_CHECKED("aTamperedNotificationIsRejectedForItsSignature") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public NotificationResult parseNotification(Notification notification) {
                    NotificationResult result = delegate.parseNotification(notification);
                    if (result instanceof NotificationResult.Rejected rejected
                            && rejected.reason() == RejectionReason.BAD_SIGNATURE) {
                        return delegate.parseNotification(delegate.sign(notification.body()));
                    }
                    return result;
                }
            };
        }
    },

    /** Checks the signature but not its timestamp, so a recorded webhook can be replayed for ever. */
    STALE_NOTIFICATIONS_ACCEPTED("aStaleNotificationIsRejectedAsExpired") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public NotificationResult parseNotification(Notification notification) {
                    NotificationResult result = delegate.parseNotification(notification);
                    if (result instanceof NotificationResult.Rejected rejected && rejected.reason() == RejectionReason.EXPIRED) {
                        return delegate.parseNotification(delegate.sign(notification.body()));
                    }
                    return result;
                }
            };
        }
    },

    /** Looks every notified transaction up in its own records and throws when it is not there. */
    UNKNOWN_TRANSACTION_THROWS("aNotificationAboutAnUnknownTransactionIsAnAnswerNotAnException") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public NotificationResult parseNotification(Notification notification) {
                    NotificationResult result = delegate.parseNotification(notification);
                    if (result instanceof NotificationResult.Verified verified) {
                        for (PaymentEvent event : verified.events()) {
                            if (delegate.status(event.transactionId()).isEmpty()) {
                                throw new IllegalStateException("no transaction " + event.transactionId());
                            }
                        }
                    }
                    return result;
                }
            };
        }
    },

    /** Builds the event id from the delivery attempt (the signature header), so redeliveries look new. */
    EVENT_ID_FROM_THE_DELIVERY("aRedeliveredNotificationKeepsItsEventIds") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public NotificationResult parseNotification(Notification notification) {
                    NotificationResult result = delegate.parseNotification(notification);
                    if (!(result instanceof NotificationResult.Verified verified)) {
                        return result;
                    }
                    String attempt = notification.header(SandboxPaymentProvider.SIGNATURE_HEADER).orElse("").split(",")[0];
                    return new NotificationResult.Verified(verified.events().stream()
                            .map(e -> new PaymentEvent(e.eventId() + "@" + attempt, e.operation(), e.outcome(), e.occurredAt()))
                            .toList());
                }
            };
        }
    },

    /** Takes the provider's amount in minor units for a major-unit amount: 120.50 becomes 12050. */
    NOTIFIED_AMOUNT_IN_MINOR_UNITS("aNotificationReportsTheIdKindAmountAndCurrencyOfItsOperation") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public NotificationResult parseNotification(Notification notification) {
                    NotificationResult result = delegate.parseNotification(notification);
                    if (!(result instanceof NotificationResult.Verified verified)) {
                        return result;
                    }
                    return new NotificationResult.Verified(verified.events().stream().map(e -> {
                        if (e.outcome() instanceof PaymentOutcome.Succeeded s) {
                            BigDecimal units = s.amount().getNumber().numberValue(BigDecimal.class)
                                    .movePointRight(s.amount().getCurrency().getDefaultFractionDigits());
                            MonetaryAmount wrong = s.amount().getFactory().setNumber(units).create();
                            return new PaymentEvent(e.eventId(), e.operation(),
                                    new PaymentOutcome.Succeeded(s.transactionId(), wrong, s.providerReference()), e.occurredAt());
                        }
                        return e;
                    }).toList());
                }
            };
        }
    },

    /** Rounds amounts to the minor unit instead of refusing finer ones. */
    AMOUNTS_ROUNDED("amountsFinerThanTheMinorUnitAreRefusedNeverRounded") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public PaymentOutcome sale(PaymentRequest request) {
                    return delegate.sale(new PaymentRequest(request.transactionId(), rounded(request.amount()),
                            request.source(), request.reference()));
                }

                @Override
                public PaymentOutcome refund(RefundRequest request) {
                    return delegate.refund(new RefundRequest(request.transactionId(), request.payment(),
                            rounded(request.amount()), request.reason()));
                }

                private MonetaryAmount rounded(MonetaryAmount amount) {
                    BigDecimal value = amount.getNumber().numberValue(BigDecimal.class)
                            .setScale(amount.getCurrency().getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
                    return amount.getFactory().setNumber(value).create();
                }
            };
        }
    },

    /** Turns a void of a captured payment into a full refund instead of refusing it. */
    VOID_AFTER_CAPTURE_REFUNDS("aCapturedPaymentCannotBeVoided") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                private final Map<TransactionId, MonetaryAmount> captured = new ConcurrentHashMap<>();

                @Override
                public PaymentOutcome capture(CaptureRequest request) {
                    PaymentOutcome outcome = delegate.capture(request);
                    captured.put(request.payment(), request.amount());
                    return outcome;
                }

                @Override
                public PaymentOutcome voidAuthorization(VoidRequest request) {
                    MonetaryAmount amount = captured.get(request.payment());
                    if (amount == null) {
                        return delegate.voidAuthorization(request);
                    }
                    return delegate.refund(new RefundRequest(request.transactionId(), request.payment(), amount, "void"));
                }
            };
        }
    },

    /** The provider's refund API has no reason field, so the plug-in drops it from the request and from the key. */
    REASON_LEFT_OUT_OF_THE_KEY("theSameRefundIdWithOtherContentIsRefused") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public PaymentOutcome refund(RefundRequest request) {
                    return delegate.refund(new RefundRequest(request.transactionId(), request.payment(), request.amount(),
                            "refund"));
                }
            };
        }
    },

    /** Keeps its own record of calls and answers status "no such transaction" for one that timed out. */
    STATUS_EMPTY_AFTER_A_TIMEOUT("aFaultOnASaleIsUnknownNeverDeclinedAndAReplayChargesOnce") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                private final Set<TransactionId> failed = ConcurrentHashMap.newKeySet();

                @Override
                public PaymentOutcome sale(PaymentRequest request) {
                    try {
                        PaymentOutcome outcome = delegate.sale(request);
                        if (outcome instanceof PaymentOutcome.Unknown) {
                            failed.add(request.transactionId());
                        } else {
                            failed.remove(request.transactionId());
                        }
                        return outcome;
                    } catch (PaymentProviderException e) {
                        failed.add(request.transactionId());
                        throw e;
                    }
                }

                @Override
                public Optional<PaymentOutcome> status(TransactionId id) {
                    return failed.contains(id) ? Optional.empty() : delegate.status(id);
                }
            };
        }
    },

    /** Its own idempotency cache checks and then acts without a lock: concurrent replays both charge. */
    NON_ATOMIC_IDEMPOTENCY_CACHE("concurrentReplaysOfOneSaleHaveOneEffect") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                private final Map<TransactionId, PaymentOutcome> cache = new ConcurrentHashMap<>();
                private final AtomicLong attempts = new AtomicLong();

                @Override
                public PaymentOutcome sale(PaymentRequest request) {
                    PaymentOutcome known = cache.get(request.transactionId());
                    if (known != null) {
                        return known;
                    }
                    pause(); // the HTTP round trip: long enough for a concurrent replay to miss the cache too
                    TransactionId key = new TransactionId(request.transactionId().value() + "." + attempts.incrementAndGet());
                    PaymentOutcome outcome = renamed(delegate.sale(new PaymentRequest(key, request.amount(), request.source(),
                            request.reference())), request.transactionId());
                    cache.put(request.transactionId(), outcome);
                    return outcome;
                }

                @Override
                public PaymentOutcome refund(RefundRequest request) {
                    PaymentOutcome sale = cache.get(request.payment());
                    TransactionId key = sale instanceof PaymentOutcome.Succeeded s
                            ? new TransactionId(s.providerReference().substring("sbx_".length())) : request.payment();
                    return delegate.refund(new RefundRequest(request.transactionId(), key, request.amount(), request.reason()));
                }

                @Override
                public Optional<PaymentOutcome> status(TransactionId id) {
                    PaymentOutcome known = cache.get(id);
                    return known != null ? Optional.of(known) : delegate.status(id);
                }
            };
        }
    },

    /** Answers a second capture of the same authorization with success instead of refusing it. */
    SECOND_CAPTURE_ACCEPTED("anAuthorizationIsCapturedAtMostOnce") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public PaymentOutcome capture(CaptureRequest request) {
                    try {
                        return delegate.capture(request);
                    } catch (InvalidPaymentRequestException e) {
                        if (e.problem() != Problem.INVALID_STATE) {
                            throw e;
                        }
                        return new PaymentOutcome.Succeeded(request.transactionId(), request.amount(), "recapture");
                    }
                }
            };
        }
    },

    /** Charges an unsupported currency after converting it into a supported one at a fixed rate. */
    CURRENCY_CONVERTED("aSaleInAnUnsupportedCurrencyIsRefusedAndMovesNothing") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public PaymentOutcome sale(PaymentRequest request) {
                    if (delegate.capabilities().supports(request.amount().getCurrency())) {
                        return delegate.sale(request);
                    }
                    String target = delegate.capabilities().currencyCodes().stream().sorted().findFirst().orElseThrow();
                    BigDecimal converted = request.amount().getNumber().numberValue(BigDecimal.class)
                            .multiply(new BigDecimal("1.08")).setScale(Monetary.getCurrency(target).getDefaultFractionDigits(),
                                    RoundingMode.HALF_UP);
                    MonetaryAmount amount = Monetary.getDefaultAmountFactory().setCurrency(target).setNumber(converted).create();
                    return delegate.sale(new PaymentRequest(request.transactionId(), amount, request.source(),
                            request.reference()));
                }
            };
        }
    },

    /** Lets the HTTP client's exception escape instead of wrapping it in a PaymentProviderException. */
    RAW_EXCEPTION_LEAKS("aFaultOnASaleIsUnknownNeverDeclinedAndAReplayChargesOnce") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public PaymentOutcome sale(PaymentRequest request) {
                    try {
                        return delegate.sale(request);
                    } catch (PaymentProviderException e) {
                        throw new UncheckedIOException(new IOException("HTTP call failed: " + e.getMessage()));
                    }
                }
            };
        }
    },

    /** Compares a replay's amount with {@code equals}, which is false between two money implementations. */
    AMOUNTS_COMPARED_WITH_EQUALS("anAmountWrittenWithAnotherScaleIsTheSameContent") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                private final Map<TransactionId, MonetaryAmount> amounts = new ConcurrentHashMap<>();

                @Override
                public PaymentOutcome sale(PaymentRequest request) {
                    MonetaryAmount first = amounts.putIfAbsent(request.transactionId(), request.amount());
                    if (first != null && !first.equals(request.amount())) {
                        throw new InvalidPaymentRequestException(Problem.TRANSACTION_ID_REUSED, request.transactionId(),
                                "amount " + request.amount() + " differs from " + first);
                    }
                    return delegate.sale(request);
                }
            };
        }
    },

    /** Keys refunds by id and amount only, so an id reused for a refund of another payment gets the first answer. */
    PAYMENT_LEFT_OUT_OF_THE_REFUND_KEY("theSameRefundIdWithOtherContentIsRefused") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                private final Map<TransactionId, TransactionId> payments = new ConcurrentHashMap<>();

                @Override
                public PaymentOutcome refund(RefundRequest request) {
                    TransactionId payment = payments.computeIfAbsent(request.transactionId(), id -> request.payment());
                    return delegate.refund(new RefundRequest(request.transactionId(), payment, request.amount(),
                            request.reason()));
                }
            };
        }
    },

    /** Declares every operation synchronous although its refunds start as pending. */
    PENDING_REFUNDS_DECLARED_SYNCHRONOUS("refundsNeverExceedTheCapturedAmountOverSeveralRefunds",
            settings -> settings.withAsynchronous(EnumSet.of(Operation.REFUND), Duration.ofMinutes(10))) {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                @Override
                public Capabilities capabilities() {
                    return delegate.capabilities().allSynchronous();
                }
            };
        }
    },

    /** Keys its replay cache by transaction id alone, so a reused id with another card gets the first answer. */
    SOURCE_LEFT_OUT_OF_THE_KEY("theSameSaleIdWithOtherContentIsRefused") {
        @Override
        ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingPaymentProvider(sandbox) {
                private final Map<TransactionId, PaymentSource> sources = new ConcurrentHashMap<>();

                @Override
                public PaymentOutcome sale(PaymentRequest request) {
                    PaymentSource first = sources.computeIfAbsent(request.transactionId(), id -> request.source());
                    return delegate.sale(new PaymentRequest(request.transactionId(), request.amount(), first,
                            request.reference()));
                }
            };
        }
    };

    private final String caughtBy;
    private final UnaryOperator<SandboxSettings> settings;

    BrokenPaymentProvider(String caughtBy) {
        this(caughtBy, UnaryOperator.identity());
    }

    BrokenPaymentProvider(String caughtBy, UnaryOperator<SandboxSettings> settings) {
        this.caughtBy = caughtBy;
        this.settings = settings;
    }

    /** The plug-in with the mistake, built on a sandbox. */
    abstract ForwardingPaymentProvider wrap(SandboxPaymentProvider sandbox);

    /** The kit check that is expected to catch the mistake (others may too). */
    String caughtBy() {
        return caughtBy;
    }

    /** The sandbox settings the plug-in runs on. */
    SandboxSettings settings(SandboxSettings correct) {
        return settings.apply(correct);
    }

    static PaymentOutcome renamed(PaymentOutcome outcome, TransactionId id) {
        if (outcome instanceof PaymentOutcome.Succeeded s) {
            return new PaymentOutcome.Succeeded(id, s.amount(), s.providerReference());
        }
        if (outcome instanceof PaymentOutcome.Pending p) {
            return new PaymentOutcome.Pending(id, p.amount(), p.providerReference());
        }
        if (outcome instanceof PaymentOutcome.Declined d) {
            return new PaymentOutcome.Declined(id, d.reason(), d.providerCode(), d.message());
        }
        return new PaymentOutcome.Unknown(id, ((PaymentOutcome.Unknown) outcome).detail());
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<BrokenPaymentProvider> all() {
        return List.of(values());
    }
}
