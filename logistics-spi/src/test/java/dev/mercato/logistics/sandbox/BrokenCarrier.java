package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.CancellationOutcome;
import dev.mercato.logistics.CancellationRefusal;
import dev.mercato.logistics.CarrierUnavailableException;
import dev.mercato.logistics.ChargeKind;
import dev.mercato.logistics.NotificationRejection;
import dev.mercato.logistics.NotificationVerdict;
import dev.mercato.logistics.Parcel;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteLine;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRefusal;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.ShipmentRequestId;
import dev.mercato.logistics.Tracking;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.UnquotableReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/**
 * Deliberately broken carrier plug-ins: each wraps the sandbox carrier and makes ONE mistake
 * that integrators make. {@link KitCatchRateExamples} runs the kit against each and asserts
 * that the named check (at least) fails.
 */
enum BrokenCarrier {

    /** Compares the order time with the cut-off in UTC instead of the carrier's own zone. */
    CUT_OFF_READ_IN_UTC("anOrderJustBeforeACutOffIsPromisedSoonerThanOneAtTheCutOff") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public QuoteOutcome quote(QuoteRequest request) {
                    LocalDateTime utcWallTime = LocalDateTime.ofInstant(request.orderedAt(), ZoneOffset.UTC);
                    return delegate.quote(ordered(request, utcWallTime.atZone(Fixtures.SHANGHAI).toInstant()));
                }
            };
        }
    },

    /** Computes the promise from the carrier's clock instead of the order instant. */
    PROMISE_FROM_THE_CARRIER_CLOCK("quotesDependOnTheOrderInstantNeverOnTheClock") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public QuoteOutcome quote(QuoteRequest request) {
                    return delegate.quote(ordered(request, clock.instant()));
                }
            };
        }
    },

    /** Caches quotes by route and parcel, forgetting that the order instant is part of the request. */
    QUOTE_CACHE_IGNORES_THE_ORDER_INSTANT("aPromiseNeverStartsBeforeTheLocalOrderDateAtAnyOrderInstant") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                private final Map<List<Object>, QuoteOutcome> cache = new ConcurrentHashMap<>();

                @Override
                public QuoteOutcome quote(QuoteRequest request) {
                    List<Object> key = List.of(request.origin(), request.destination(), request.parcel(),
                            request.currency().getCurrencyCode());
                    return cache.computeIfAbsent(key, k -> delegate.quote(request));
                }
            };
        }
    },

    /** Prices in its own currency and converts at a fixed rate when asked for another one. */
    CURRENCY_CONVERTED("unsupportedCurrenciesAreRefusedNeverConverted") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public QuoteOutcome quote(QuoteRequest request) {
                    if (request.currency().equals(Fixtures.CNY)) {
                        return delegate.quote(request);
                    }
                    QuoteOutcome inYuan = delegate.quote(new QuoteRequest(request.origin(), request.destination(),
                            request.parcel(), Fixtures.CNY, request.orderedAt()));
                    if (!(inYuan instanceof QuoteOutcome.Quoted quoted)) {
                        return inYuan;
                    }
                    return new QuoteOutcome.Quoted(quoted.quotes().stream().map(q -> rebuilt(q, q.lines().stream()
                            .map(l -> new QuoteLine(l.kind(), converted(l.amount(), request.currency()))).toList()))
                            .toList());
                }

                private MonetaryAmount converted(MonetaryAmount yuan, CurrencyUnit to) {
                    BigDecimal value = yuan.getNumber().numberValue(BigDecimal.class).multiply(new BigDecimal("0.14"))
                            .setScale(Math.max(to.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP);
                    return Monetary.getDefaultAmountFactory().setCurrency(to).setNumber(value).create();
                }
            };
        }
    },

    /** A "bulk rate" above 20 kg that prices the parcel at half its weight: 21 kg costs less than 20 kg. */
    PRICE_FALLS_WITH_WEIGHT("aHeavierParcelNeverCostsLessOnTheSameRouteAndService") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public QuoteOutcome quote(QuoteRequest request) {
                    Parcel parcel = request.parcel();
                    return parcel.weightGrams() <= 20_000 ? delegate.quote(request)
                            : delegate.quote(request.withParcel(parcel.withWeightGrams(parcel.weightGrams() / 2)));
                }
            };
        }
    },

    /** Charges the actual weight only, whatever the size of the box. */
    VOLUMETRIC_WEIGHT_IGNORED("aBiggerBoxNeverCostsLessAndVolumetricWeightIsCharged") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public QuoteOutcome quote(QuoteRequest request) {
                    Parcel parcel = request.parcel();
                    return delegate.quote(request.withParcel(new Parcel(parcel.weightGrams(), 1, 1, 1)));
                }
            };
        }
    },

    /** Applies the peak-season surcharge by the date of its own clock, not by the order date. */
    SURCHARGE_BY_THE_CLOCK_DATE("quotesDependOnTheOrderInstantNeverOnTheClock") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public QuoteOutcome quote(QuoteRequest request) {
                    QuoteOutcome outcome = delegate.quote(request);
                    if (!(outcome instanceof QuoteOutcome.Quoted quoted)) {
                        return outcome;
                    }
                    boolean peak = SandboxCarrierContractTest.PEAK_SEASON.applies(clock.instant().atZone(Fixtures.SHANGHAI)
                            .toLocalDate());
                    return new QuoteOutcome.Quoted(quoted.quotes().stream().map(q -> {
                        List<QuoteLine> lines = new ArrayList<>(q.lines().stream()
                                .filter(l -> l.kind() != ChargeKind.OTHER_FEE).toList());
                        if (peak) {
                            lines.add(new QuoteLine(ChargeKind.OTHER_FEE, Fixtures.cny("3.00")));
                        }
                        return rebuilt(q, lines);
                    }).toList());
                }
            };
        }
    },

    /** Cancels a parcel the courier already collected, as if it were still waiting. */
    CANCEL_AFTER_PICKUP_ACCEPTED("cancellingAfterPickupIsRefusedAndTheParcelStillArrives") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public CancellationOutcome cancel(TrackingNumber trackingNumber) {
                    CancellationOutcome outcome = delegate.cancel(trackingNumber);
                    if (outcome instanceof CancellationOutcome.Refused refused
                            && refused.reason() == CancellationRefusal.ALREADY_PICKED_UP) {
                        return new CancellationOutcome.Cancelled(trackingNumber, clock.instant());
                    }
                    return outcome;
                }
            };
        }
    },

    /** Parses the body without checking its signature. */
    SIGNATURE_NOT_CHECKED("aTamperedNotificationIsRejected") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public NotificationVerdict verify(TrackingNotification notification) {
                    NotificationVerdict verdict = delegate.verify(notification);
                    if (verdict instanceof NotificationVerdict.Rejected rejected
                            && rejected.reason() == NotificationRejection.BAD_SIGNATURE) {
                        return delegate.verify(delegate.sign(notification.body()));
                    }
                    return verdict;
                }
            };
        }
    },

    /** Remembers the notifications it verified and rejects a redelivery as a replay attack. */
    VERIFY_REJECTS_REDELIVERIES("verifyIsStatelessAndAcceptsARedelivery") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                private final Set<String> seen = ConcurrentHashMap.newKeySet();

                @Override
                public NotificationVerdict verify(TrackingNotification notification) {
                    NotificationVerdict verdict = delegate.verify(notification);
                    if (verdict instanceof NotificationVerdict.Accepted && !seen.add(notification.body())) {
                        return new NotificationVerdict.Rejected(NotificationRejection.BAD_SIGNATURE, "replayed");
                    }
                    return verdict;
                }
            };
        }
    },

    /** Reads a failed HTTP call while quoting as "route not served". */
    NETWORK_ERROR_AS_UNQUOTABLE("aNetworkFailureWhileQuotingIsUnavailableNotUnquotable") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public QuoteOutcome quote(QuoteRequest request) {
                    try {
                        return delegate.quote(request);
                    } catch (CarrierUnavailableException e) {
                        return new QuoteOutcome.Unquotable(UnquotableReason.ROUTE_NOT_SERVED, "no rates");
                    }
                }
            };
        }
    },

    /** Reads a failed HTTP call while tracking as "no such tracking number". */
    TRACKING_EMPTY_ON_A_NETWORK_ERROR("aNetworkFailureWhileTrackingIsUnavailableNotAnUnknownNumber") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public Optional<Tracking> track(TrackingNumber trackingNumber) {
                    try {
                        return delegate.track(trackingNumber);
                    } catch (CarrierUnavailableException e) {
                        return Optional.empty();
                    }
                }
            };
        }
    },

    /** Reads a timed-out booking as a refusal, so the caller never retries it. */
    BOOKING_TIMEOUT_AS_REFUSAL("aNetworkFailureWhileBookingIsUnavailableAndARetryBooksOnce") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                @Override
                public ShipmentOutcome createShipment(ShipmentRequest request) {
                    try {
                        return delegate.createShipment(request);
                    } catch (CarrierUnavailableException e) {
                        return new ShipmentOutcome.Refused(request.requestId(), ShipmentRefusal.ROUTE_NOT_SERVED,
                                "booking failed");
                    }
                }
            };
        }
    },

    /** Sends every booking with a fresh key of its own, so a retry books a second parcel. */
    RETRY_BOOKS_AGAIN("creatingTheSameShipmentTwiceReturnsTheFirstShipment") {
        @Override
        ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock) {
            return new ForwardingSandboxCarrier(sandbox, clock) {
                private final AtomicLong attempts = new AtomicLong();

                @Override
                public ShipmentOutcome createShipment(ShipmentRequest request) {
                    return delegate.createShipment(request.withRequestId(
                            new ShipmentRequestId(request.requestId().value() + "-" + attempts.incrementAndGet())));
                }
            };
        }
    };

    private final String caughtBy;

    BrokenCarrier(String caughtBy) {
        this.caughtBy = caughtBy;
    }

    /** The plug-in with the mistake, built on a sandbox. */
    abstract ForwardingSandboxCarrier wrap(SandboxCarrier sandbox, Clock clock);

    /** The kit check that is expected to catch the mistake (others may too). */
    String caughtBy() {
        return caughtBy;
    }

    static QuoteRequest ordered(QuoteRequest request, Instant orderedAt) {
        return new QuoteRequest(request.origin(), request.destination(), request.parcel(), request.currency(), orderedAt);
    }

    /** The quote with other lines and their exact sum as total. */
    static Quote rebuilt(Quote quote, List<QuoteLine> lines) {
        MonetaryAmount total = lines.get(0).amount();
        for (QuoteLine line : lines.subList(1, lines.size())) {
            total = total.add(line.amount());
        }
        return new Quote(quote.carrier(), quote.service(), total, lines, quote.chargeableWeightGrams(), quote.promise());
    }
}
