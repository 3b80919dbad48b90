package dev.mercato.benchmarks;

/** A coupon the buyer holds, as a Drools fact. */
public final class RuleCoupon {
    private final String id;

    RuleCoupon(String id) {
        this.id = id;
    }

    /** @return the coupon (promotion) id */
    public String getId() {
        return id;
    }
}
