package dev.mercato.payments;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.money.CurrencyUnit;

/**
 * What a provider supports. Callers check it before a request (a request outside it is refused
 * with {@link InvalidPaymentRequestException}); implementers must declare exactly what they
 * accept, and return the same value on every call.
 *
 * <p>Immutable. Currencies are compared by ISO code, so any {@link CurrencyUnit} implementation works.
 *
 * @param currencies the currencies accepted, never {@code null}, may be empty
 * @param features the optional features supported, never {@code null}, may be empty
 */
public record Capabilities(Set<CurrencyUnit> currencies, Set<Feature> features) {

    /** Optional features a provider may support beyond a full, single-step {@link PaymentProvider#sale sale} and one full refund. */
    public enum Feature {
        /** Authorize now and capture or void later ({@link PaymentProvider#authorize}, {@code capture}, {@code voidAuthorization}). */
        SEPARATE_CAPTURE,
        /** Capture less than was authorized. */
        PARTIAL_CAPTURE,
        /** Refund less than was captured. */
        PARTIAL_REFUND,
        /** Refund one payment several times. */
        MULTIPLE_REFUNDS,
        /** Signed notifications ({@link PaymentProvider#parseNotification}). */
        NOTIFICATIONS,
        /** Payouts to sellers ({@link PayoutProvider}). */
        PAYOUTS
    }

    /**
     * Copies the sets.
     *
     * @throws NullPointerException if a set or an element is {@code null}
     */
    public Capabilities {
        currencies = Set.copyOf(currencies);
        features = Set.copyOf(features);
    }

    /**
     * Whether the provider accepts the currency.
     *
     * @param currency a currency, never {@code null}
     * @return true if a currency with the same ISO code is declared
     */
    public boolean supports(CurrencyUnit currency) {
        Objects.requireNonNull(currency, "currency");
        return currencies.stream().anyMatch(c -> c.getCurrencyCode().equals(currency.getCurrencyCode()));
    }

    /**
     * Whether the provider supports the feature.
     *
     * @param feature a feature, never {@code null}
     * @return true if declared
     */
    public boolean supports(Feature feature) {
        return features.contains(Objects.requireNonNull(feature, "feature"));
    }

    /**
     * The ISO codes of the accepted currencies.
     *
     * @return the codes, never {@code null}
     */
    public Set<String> currencyCodes() {
        return currencies.stream().map(CurrencyUnit::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    }
}
