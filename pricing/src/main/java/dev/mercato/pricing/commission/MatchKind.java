package dev.mercato.pricing.commission;

/** Why a line got the commission it got: which kind of rule matched, or why none applied. */
public enum MatchKind {
    /** A rule for the line's SKU. */
    SKU_OVERRIDE,
    /** A rule for the line's seller. */
    SELLER_OVERRIDE,
    /** A rule for the line's brand. */
    BRAND_OVERRIDE,
    /** A rule for the line's own category. */
    CATEGORY,
    /** A rule for an ancestor of the line's category, inherited. */
    INHERITED_CATEGORY,
    /** The schedule's default rule. */
    DEFAULT,
    /** The platform's own stock: it earns a margin, not a commission. */
    SELF_OPERATED,
    /** No rule in force matched the line: no commission. */
    NO_RULE
}
