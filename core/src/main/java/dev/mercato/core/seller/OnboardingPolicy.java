package dev.mercato.core.seller;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import javax.money.CurrencyUnit;

/**
 * The onboarding requirements of every seller type: configuration, not code. Immutable.
 *
 * @param requirements the requirements per type; every {@link SellerType} present
 */
public record OnboardingPolicy(Map<SellerType, SellerRequirements> requirements) {
    /** Validates and copies the map. */
    public OnboardingPolicy {
        InvalidInputException.requireNonNull(requirements, "requirements");
        for (SellerType type : SellerType.values()) {
            if (!requirements.containsKey(type)) {
                throw new InvalidInputException("requirements", requirements.keySet(), "must name every seller type, "
                        + type + " is missing");
            }
        }
        requirements = Map.copyOf(new EnumMap<>(requirements));
    }

    /**
     * Sensible defaults in one currency, to be replaced by the platform's own figures:
     * <ul>
     *   <li>C2C individual: identity only, a deposit of 500 (major units), no badge;</li>
     *   <li>B2C brand store: identity, business licence and brand authorisation, a deposit of
     *       50,000, {@link Badge#VERIFIED};</li>
     *   <li>B2B supplier: identity, business licence and a credit report, a deposit of 10,000,
     *       {@link Badge#VERIFIED} and {@link Badge#CREDIT_CERTIFIED}.</li>
     * </ul>
     *
     * @param currency the deposits' currency
     * @return the policy
     */
    public static OnboardingPolicy defaults(CurrencyUnit currency) {
        InvalidInputException.requireNonNull(currency, "currency");
        long major = MinorUnits.unitsPerMajor(currency);
        Map<SellerType, SellerRequirements> map = new EnumMap<>(SellerType.class);
        map.put(SellerType.C2C_INDIVIDUAL, new SellerRequirements(Set.of(Qualification.IDENTITY),
                MinorUnits.toAmount(Math.multiplyExact(500, major), currency), Set.of()));
        map.put(SellerType.B2C_BRAND_STORE, new SellerRequirements(
                Set.of(Qualification.IDENTITY, Qualification.BUSINESS_LICENCE, Qualification.BRAND_AUTHORISATION),
                MinorUnits.toAmount(Math.multiplyExact(50_000, major), currency), Set.of(Badge.VERIFIED)));
        map.put(SellerType.B2B_SUPPLIER, new SellerRequirements(
                Set.of(Qualification.IDENTITY, Qualification.BUSINESS_LICENCE, Qualification.CREDIT_REPORT),
                MinorUnits.toAmount(Math.multiplyExact(10_000, major), currency),
                Set.of(Badge.VERIFIED, Badge.CREDIT_CERTIFIED)));
        return new OnboardingPolicy(map);
    }

    /**
     * This policy with one type's requirements replaced.
     *
     * @param type the seller type
     * @param value its requirements
     * @return a new policy
     */
    public OnboardingPolicy with(SellerType type, SellerRequirements value) {
        Map<SellerType, SellerRequirements> map = new EnumMap<>(requirements);
        map.put(InvalidInputException.requireNonNull(type, "type"), InvalidInputException.requireNonNull(value, "value"));
        return new OnboardingPolicy(map);
    }

    /**
     * The requirements of one type.
     *
     * @param type the seller type
     * @return its requirements
     */
    public SellerRequirements of(SellerType type) {
        return requirements.get(InvalidInputException.requireNonNull(type, "type"));
    }
}
