package dev.mercato.logistics;

import java.time.Instant;
import javax.money.CurrencyUnit;

/**
 * A request for rates: one parcel from an origin to a destination, priced in a currency, for
 * an order placed at a given instant.
 *
 * <p>The order instant is part of the request (rather than read from a clock) so that a
 * quote is a pure function of the request: a carrier guarantees that the same request gives
 * the same {@link QuoteOutcome}, and the delivery promise is computed from {@code orderedAt}
 * against the carrier's cut-off times. Immutable and thread-safe.
 *
 * @param origin where the parcel is collected, never {@code null}
 * @param destination where it is delivered (for self-pickup: the pickup point's address), never {@code null}
 * @param parcel the parcel, never {@code null}
 * @param currency the currency every amount of the answer is in, never {@code null}
 * @param orderedAt when the order was (or would be) placed, never {@code null}
 */
public record QuoteRequest(Address origin, Address destination, Parcel parcel, CurrencyUnit currency,
        Instant orderedAt) {

    /**
     * Validates the request.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null}
     */
    public QuoteRequest {
        InvalidLogisticsInputException.requireNonNull(origin, "origin");
        InvalidLogisticsInputException.requireNonNull(destination, "destination");
        InvalidLogisticsInputException.requireNonNull(parcel, "parcel");
        InvalidLogisticsInputException.requireNonNull(currency, "currency");
        InvalidLogisticsInputException.requireNonNull(orderedAt, "orderedAt");
    }

    /**
     * The same request for another parcel.
     *
     * @param other the parcel to quote instead
     * @return a new request
     */
    public QuoteRequest withParcel(Parcel other) {
        return new QuoteRequest(origin, destination, other, currency, orderedAt);
    }
}
