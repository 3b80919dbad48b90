package dev.mercato.logistics;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a carrier offers: its services and its optional features. A host reads them once to
 * decide which carrier to ask for what; the conformance kit checks that the carrier behaves
 * as declared. Immutable and thread-safe.
 *
 * @param services the services the carrier may quote, at least one; unmodifiable
 * @param features the optional features supported; unmodifiable, may be empty
 */
public record CarrierCapabilities(Set<ServiceLevel> services, Set<CarrierFeature> features) {

    /**
     * Validates and copies the sets.
     *
     * @throws InvalidLogisticsInputException if a set is {@code null} or no service is declared
     */
    public CarrierCapabilities {
        InvalidLogisticsInputException.requireNonNull(services, "services");
        InvalidLogisticsInputException.requireNonNull(features, "features");
        if (services.isEmpty()) {
            throw new InvalidLogisticsInputException("services", services, "must declare at least one service");
        }
        services = Set.copyOf(EnumSet.copyOf(services));
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /**
     * Whether the carrier may quote a service.
     *
     * @param service the service
     * @return {@code true} when declared
     */
    public boolean offers(ServiceLevel service) {
        return services.contains(service);
    }

    /**
     * Whether the carrier supports an optional feature.
     *
     * @param feature the feature
     * @return {@code true} when declared
     */
    public boolean supports(CarrierFeature feature) {
        return features.contains(feature);
    }
}
