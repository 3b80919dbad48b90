package dev.mercato.payments;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.money.CurrencyUnit;

/**
 * What a provider supports. Callers check it before a request (a request outside it is refused
 * with {@link InvalidPaymentRequestException}); implementers must declare exactly what they
 * accept, and return the same value on every call.
 *
 * <p><b>Synchronous operations.</b> An operation kind in {@link #synchronousOperations()}
 * always answers an approved request with a final outcome ({@code Succeeded} or
 * {@code Declined}) in the call itself; any other kind may answer {@code Pending} and settle
 * later, through {@link PaymentProvider#status} or a notification. Timeouts are not covered by
 * the declaration: any call may still end {@code Unknown}. A provider that declares nothing
 * synchronous is the safe default: callers then follow every operation up.
 *
 * <p>Immutable. Currencies are compared by ISO code, so any {@link CurrencyUnit} implementation works.
 *
 * @param currencies the currencies accepted, never {@code null}, may be empty
 * @param features the optional features supported, never {@code null}, may be empty
 * @param synchronousOperations the operation kinds that never answer {@code Pending}, never
 *        {@code null}, may be empty
 */
public record Capabilities(Set<CurrencyUnit> currencies, Set<Feature> features, Set<Operation> synchronousOperations) {

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
        synchronousOperations = Set.copyOf(synchronousOperations);
    }

    /**
     * Capabilities that declare no operation synchronous: every operation may answer
     * {@code Pending}.
     *
     * @param currencies the currencies accepted, never {@code null}, may be empty
     * @param features the optional features supported, never {@code null}, may be empty
     * @throws NullPointerException if a set or an element is {@code null}
     */
    public Capabilities(Set<CurrencyUnit> currencies, Set<Feature> features) {
        this(currencies, features, Set.of());
    }

    /**
     * Whether an operation kind always answers an approved request with a final outcome at once.
     *
     * @param operation an operation kind, never {@code null}
     * @return true if declared synchronous
     */
    public boolean isSynchronous(Operation operation) {
        return synchronousOperations.contains(Objects.requireNonNull(operation, "operation"));
    }

    /**
     * The same capabilities with other synchronous operations.
     *
     * @param operations the operation kinds that never answer {@code Pending}, never {@code null}
     * @return new capabilities
     */
    public Capabilities withSynchronousOperations(Set<Operation> operations) {
        return new Capabilities(currencies, features, operations);
    }

    /**
     * The same capabilities with every operation kind declared synchronous.
     *
     * @return new capabilities
     */
    public Capabilities allSynchronous() {
        return withSynchronousOperations(EnumSet.allOf(Operation.class));
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
