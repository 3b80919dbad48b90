package dev.mercato.core.seller;

/** The kind of seller, which decides the onboarding requirements (see {@link OnboardingPolicy}). */
public enum SellerType {
    /** An individual selling on a C2C marketplace: no business licence, a small or no deposit. */
    C2C_INDIVIDUAL,
    /** A brand store in a B2C mall: brand authorisation and a larger deposit. */
    B2C_BRAND_STORE,
    /** A B2B wholesale supplier: business licence and a credit check, earning a credit-certified badge. */
    B2B_SUPPLIER
}
