package dev.mercato.pricing.promotion;

import dev.mercato.pricing.money.CashRounding;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The priced order. Lines are in canonical order (seller, SKU, line id) and sellers in id order,
 * so the result does not depend on the order of the request's lines. Immutable and safe to share
 * between threads.
 *
 * <p>The totals, gifts and deposits are built with the result. The lines (and each line's
 * discounts), sellers, prorations and explanation are built element by element when first read
 * and then kept, so a caller that needs only {@link #payable()} does not pay for the rest; what
 * is read later is what would have been built at once.
 *
 * @param currency the currency of every amount
 * @param lines the priced lines
 * @param sellers per seller subtotal, shipping and shipping discount
 * @param gifts free gift lines
 * @param deposits pre-sale lines priced as deposit now and balance later
 * @param prorations how each prorated discount was spread, with its weights
 * @param explanation every promotion considered, applied or rejected with a reason
 * @param totals the totals
 * @param search how exclusive choices were made
 */
public record PricingResult(CurrencyUnit currency, List<LineResult> lines, List<SellerResult> sellers,
        List<GiftLine> gifts, List<DepositSchedule> deposits, List<Proration> prorations, List<Decision> explanation,
        Totals totals, SearchSummary search) {

    /**
     * The result for a line.
     *
     * @param lineId the line id
     * @return the line, or empty
     */
    public Optional<LineResult> line(String lineId) {
        return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst();
    }

    /**
     * The result for a seller.
     *
     * @param sellerId the seller id
     * @return the seller, or empty
     */
    public Optional<SellerResult> seller(String sellerId) {
        return sellers.stream().filter(s -> s.seller().equals(sellerId)).findFirst();
    }

    /**
     * The decision on a promotion.
     *
     * @param promotionId the promotion id
     * @return the decision, or empty if the engine does not know the promotion
     */
    public Optional<Decision> decision(String promotionId) {
        return explanation.stream().filter(d -> d.promotionId().equals(promotionId)).findFirst();
    }

    /**
     * What the buyer pays in all.
     *
     * @return {@code totals().payable()}
     */
    public MonetaryAmount payable() {
        return totals.payable();
    }

    /**
     * What the buyer pays in cash: {@link #payable()} rounded to a cash increment. The
     * difference is its own amount, in no line, seller, discount or proration of this result, so
     * no split ever carries it (record it as a separate order line).
     *
     * @param cash the increment and rounding, e.g. {@code CashRounding.to(CHF 0.05)}
     * @return the exact payable, the cash payable and the difference
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if the increment is in another currency
     */
    public CashRounding.CashAdjustment payableInCash(CashRounding cash) {
        dev.mercato.pricing.error.InvalidInputException.requireNonNull(cash, "cash");
        return cash.round(payable());
    }
}
