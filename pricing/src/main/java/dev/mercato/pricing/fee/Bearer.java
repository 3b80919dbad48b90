package dev.mercato.pricing.fee;

/** Who pays a fee: it reduces the seller's net, or the platform absorbs it. */
public enum Bearer {
    /** Deducted from what the seller is paid. */
    SELLER,
    /** Absorbed by the platform; shown in the breakdown, not deducted from the seller. */
    PLATFORM
}
