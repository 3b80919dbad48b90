package dev.mercato.pricing.promotion;

import javax.money.MonetaryAmount;

/**
 * One entry of the explanation trace: every promotion the engine considered, applied or
 * rejected, in the order of the lanes.
 */
public sealed interface Decision permits Decision.Applied, Decision.Rejected {

    /**
     * The promotion's id.
     *
     * @return the id
     */
    String promotionId();

    /**
     * The promotion's kind.
     *
     * @return the kind
     */
    String kind();

    /**
     * The lane it was considered in.
     *
     * @return the lane
     */
    Lane lane();

    /**
     * A sentence for people: {@code "applied CNY 80.00 - spent CNY 820.00 across shops, saves
     * CNY 80.00"} or {@code "not applied - below threshold by CNY 5.90 (measured CNY 494.10 of
     * CNY 500.00)"}. Amounts show all the currency's decimals.
     *
     * @return the description
     */
    String describe();

    /**
     * The promotion applied.
     *
     * @param promotionId the promotion
     * @param kind its kind
     * @param lane its lane
     * @param amount what it saved the buyer (for price levels: against the list price; for gifts:
     *     the gift value)
     * @param platformFunded the platform's part of the amount (zero for price levels)
     * @param sellerFunded the seller's part of the amount (zero for price levels)
     * @param detail a short note, e.g. {@code "1 of 3 units at the flash price"}
     */
    record Applied(String promotionId, String kind, Lane lane, MonetaryAmount amount, MonetaryAmount platformFunded,
            MonetaryAmount sellerFunded, String detail) implements Decision {
        @Override
        public String describe() {
            return "applied " + Texts.amount(amount) + (detail.isEmpty() ? "" : " - " + detail);
        }
    }

    /**
     * The promotion did not apply.
     *
     * @param promotionId the promotion
     * @param kind its kind
     * @param lane its lane
     * @param reason why
     */
    record Rejected(String promotionId, String kind, Lane lane, RejectionReason reason) implements Decision {
        @Override
        public String describe() {
            return "not applied - " + reason.describe();
        }
    }
}
