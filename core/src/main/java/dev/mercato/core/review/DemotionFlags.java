package dev.mercato.core.review;

/**
 * Whether a seller is demoted for a low rating: what the host's search ranking, pricing rules and
 * ad-auction quality score read. Thread-safe.
 */
@FunctionalInterface
public interface DemotionFlags {

    /**
     * Whether the seller is demoted now.
     *
     * @param sellerId the seller
     * @return {@code true} while its rating is below the threshold
     */
    boolean isDemoted(String sellerId);
}
