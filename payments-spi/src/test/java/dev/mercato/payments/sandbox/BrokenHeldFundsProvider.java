package dev.mercato.payments.sandbox;

import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.HoldRequest;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProviderException;
import dev.mercato.payments.ReturnRequest;
import dev.mercato.payments.SplitPart;
import dev.mercato.payments.SplitRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.UnfreezeRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.money.MonetaryAmount;

/**
 * Deliberately broken held-funds plug-ins: each wraps the sandbox and makes ONE mistake that
 * integrators of split and transfer APIs make. {@link HeldFundsKitCatchRateExamples} runs the
 * held-funds kit against each and asserts that the named check (at least) fails.
 */
enum BrokenHeldFundsProvider {

    /** Sends every split with a fresh idempotency key, so a replay splits again. */
    SPLIT_SENT_AGAIN_ON_REPLAY("aSplitReplayedWithTheSameIdSendsItsPartsOnce") {
        @Override
        ForwardingHeldFundsProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingHeldFundsProvider(sandbox) {
                private final Map<TransactionId, TransactionId> latest = new ConcurrentHashMap<>();
                private final AtomicLong attempts = new AtomicLong();

                @Override
                public PaymentOutcome split(SplitRequest request) {
                    TransactionId key = new TransactionId(request.transactionId().value() + "." + attempts.incrementAndGet());
                    latest.put(request.transactionId(), key);
                    return BrokenPaymentProvider.renamed(delegate.split(new SplitRequest(key, request.payment(),
                            request.parts())), request.transactionId());
                }

                @Override
                public Optional<PaymentOutcome> status(TransactionId id) {
                    TransactionId key = latest.get(id);
                    return key == null ? delegate.status(id) : delegate.status(key).map(o -> BrokenPaymentProvider.renamed(o, id));
                }
            };
        }
    },

    /** Reads a timeout or a server error on a split as a failed split. */
    SPLIT_TIMEOUT_REPORTED_AS_FAILED("aFaultOnASplitIsUnknownNeverFailedAndAReplaySendsOnce") {
        @Override
        ForwardingHeldFundsProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingHeldFundsProvider(sandbox) {
                @Override
                public PaymentOutcome split(SplitRequest request) {
                    try {
                        PaymentOutcome outcome = delegate.split(request);
                        return outcome instanceof PaymentOutcome.Unknown ? failed(request.transactionId()) : outcome;
                    } catch (PaymentProviderException e) {
                        return failed(request.transactionId());
                    }
                }

                private PaymentOutcome failed(TransactionId id) {
                    return new PaymentOutcome.Declined(id, DeclineReason.OTHER, "SYSTEM_ERROR", "the split did not answer");
                }
            };
        }
    },

    /** Swallows the provider's "exceeds held" answer and reports the split as done. */
    SPLIT_ABOVE_THE_HOLD_ACCEPTED("aSplitAboveTheHoldIsRefusedAndMovesNothing") {
        @Override
        ForwardingHeldFundsProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingHeldFundsProvider(sandbox) {
                @Override
                public PaymentOutcome split(SplitRequest request) {
                    try {
                        return delegate.split(request);
                    } catch (InvalidPaymentRequestException e) {
                        if (e.problem() != Problem.EXCEEDS_HELD) {
                            throw e;
                        }
                        return new PaymentOutcome.Succeeded(request.transactionId(), request.total(), "manual-split");
                    }
                }
            };
        }
    },

    /** Reads the provider's "return accepted" as done, so a return the seller's balance cannot cover looks made. */
    RETURN_IGNORES_THE_BALANCE("aReturnTheAccountCannotCoverIsDeclinedAndMovesNothing") {
        @Override
        ForwardingHeldFundsProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingHeldFundsProvider(sandbox) {
                @Override
                public PaymentOutcome returnFunds(ReturnRequest request) {
                    PaymentOutcome outcome = delegate.returnFunds(request);
                    if (outcome instanceof PaymentOutcome.Declined declined
                            && declined.reason() == DeclineReason.INSUFFICIENT_FUNDS) {
                        return new PaymentOutcome.Succeeded(request.transactionId(), request.amount(), "return-accepted");
                    }
                    return outcome;
                }
            };
        }
    },

    /** Fills the unfreeze's amount from the order total, as if nothing had been split before. */
    UNFREEZE_REPORTS_THE_WHOLE_HOLD("anUnfreezeReleasesOnlyTheRemainderAndEndsTheHold") {
        @Override
        ForwardingHeldFundsProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingHeldFundsProvider(sandbox) {
                private final Map<TransactionId, MonetaryAmount> orderTotals = new ConcurrentHashMap<>();

                @Override
                public PaymentOutcome holdSale(HoldRequest request) {
                    orderTotals.put(request.transactionId(), request.amount());
                    return delegate.holdSale(request);
                }

                @Override
                public PaymentOutcome unfreeze(UnfreezeRequest request) {
                    PaymentOutcome outcome = delegate.unfreeze(request);
                    MonetaryAmount total = orderTotals.get(request.payment());
                    if (outcome instanceof PaymentOutcome.Succeeded s && total != null) {
                        return new PaymentOutcome.Succeeded(s.transactionId(), total, s.providerReference());
                    }
                    return outcome;
                }
            };
        }
    },

    /** Retries a split declined for a frozen account without that account's part: half a split succeeds. */
    FROZEN_PART_DROPPED("aSplitToAFrozenAccountIsDeclinedAsAWholeAndTheFundsStayHeld") {
        @Override
        ForwardingHeldFundsProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingHeldFundsProvider(sandbox) {
                @Override
                public PaymentOutcome split(SplitRequest request) {
                    PaymentOutcome outcome = delegate.split(request);
                    if (!(outcome instanceof PaymentOutcome.Declined declined)
                            || declined.reason() != DeclineReason.ACCOUNT_UNAVAILABLE || request.parts().size() < 2) {
                        return outcome;
                    }
                    List<SplitPart> rest = request.parts().subList(0, request.parts().size() - 1);
                    return BrokenPaymentProvider.renamed(delegate.split(new SplitRequest(
                            new TransactionId(request.transactionId().value() + ".r"), request.payment(), rest)),
                            request.transactionId());
                }
            };
        }
    },

    /** Keys its replay cache by transaction id alone, so a reused id with other parts gets the first answer. */
    SPLIT_PARTS_LEFT_OUT_OF_THE_KEY("theSameSplitIdWithOtherContentIsRefused") {
        @Override
        ForwardingHeldFundsProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingHeldFundsProvider(sandbox) {
                private final Map<TransactionId, SplitRequest> first = new ConcurrentHashMap<>();

                @Override
                public PaymentOutcome split(SplitRequest request) {
                    return delegate.split(first.computeIfAbsent(request.transactionId(), id -> request));
                }
            };
        }
    },

    /** Answers status from its own records only, so a split whose answer was lost looks never sent. */
    STATUS_EMPTY_AFTER_A_LOST_ANSWER("aFaultOnASplitIsUnknownNeverFailedAndAReplaySendsOnce") {
        @Override
        ForwardingHeldFundsProvider wrap(SandboxPaymentProvider sandbox) {
            return new ForwardingHeldFundsProvider(sandbox) {
                private final Set<TransactionId> lost = ConcurrentHashMap.newKeySet();

                @Override
                public PaymentOutcome split(SplitRequest request) {
                    PaymentOutcome outcome;
                    try {
                        outcome = delegate.split(request);
                    } catch (PaymentProviderException e) {
                        lost.add(request.transactionId());
                        throw e;
                    }
                    if (outcome instanceof PaymentOutcome.Unknown) {
                        lost.add(request.transactionId());
                    } else {
                        lost.remove(request.transactionId());
                    }
                    return outcome;
                }

                @Override
                public Optional<PaymentOutcome> status(TransactionId id) {
                    return lost.contains(id) ? Optional.empty() : delegate.status(id);
                }
            };
        }
    };

    private final String caughtBy;

    BrokenHeldFundsProvider(String caughtBy) {
        this.caughtBy = caughtBy;
    }

    /** The plug-in with the mistake, built on a sandbox. */
    abstract ForwardingHeldFundsProvider wrap(SandboxPaymentProvider sandbox);

    /** The kit check that is expected to catch the mistake (others may too). */
    String caughtBy() {
        return caughtBy;
    }
}
