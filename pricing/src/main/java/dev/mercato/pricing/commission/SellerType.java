package dev.mercato.pricing.commission;

/**
 * What kind of seller a line belongs to. It decides whether commission applies at all (the
 * platform's own stock pays none) and, in the fee package, which security deposit is required.
 */
public enum SellerType {
    /** The platform sells its own stock and earns a margin, not a commission (JD self-operated). */
    SELF_OPERATED,
    /** An individual seller, typical of C2C marketplaces (Taobao, Xianyu). */
    INDIVIDUAL,
    /** A registered business selling third-party goods. */
    ENTERPRISE,
    /** A brand-qualified flagship or authorised store, typical of B2C malls (Tmall). */
    BRAND_FLAGSHIP;

    /**
     * Whether this seller is a third party that pays commission.
     *
     * @return {@code false} only for {@link #SELF_OPERATED}
     */
    public boolean isThirdParty() {
        return this != SELF_OPERATED;
    }
}
