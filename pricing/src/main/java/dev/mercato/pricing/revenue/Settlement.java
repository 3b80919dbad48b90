package dev.mercato.pricing.revenue;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;

/**
 * The settlement breakdown of lines settled together: each line, and totals per order, per
 * seller and overall. Immutable and thread-safe.
 *
 * @param currency the currency of every amount
 * @param lines one settlement per line, in input order
 * @param byOrder totals per order, in order of first appearance
 * @param bySeller totals per seller, in order of first appearance
 * @param total totals over every line
 */
public record Settlement(CurrencyUnit currency, List<LineSettlement> lines, List<Totals> byOrder,
        List<Totals> bySeller, Totals total) {

    /** Validates the components. */
    public Settlement {
        InvalidInputException.requireNonNull(currency, "currency");
        lines = List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
        byOrder = List.copyOf(InvalidInputException.requireNonNull(byOrder, "byOrder"));
        bySeller = List.copyOf(InvalidInputException.requireNonNull(bySeller, "bySeller"));
        InvalidInputException.requireNonNull(total, "total");
    }

    /**
     * One line's settlement.
     *
     * @param orderId the order
     * @param lineId the line
     * @return the settlement, or empty if no such line was settled
     */
    public Optional<LineSettlement> line(String orderId, String lineId) {
        return lines.stream().filter(l -> l.line().orderId().equals(orderId) && l.line().lineId().equals(lineId))
                .findFirst();
    }

    /**
     * Reverses every line in full, as when an order is refunded before shipment. For lines that
     * were already partly refunded, continue from their stored {@link RefundProgress.Open}
     * instead.
     *
     * @return one reversal per line, in line order, each returning exactly the line's charges
     */
    public List<LineReversal> refundInFull() {
        return lines.stream().map(l -> l.refunds().refundRemainder().reversal()).toList();
    }

    /**
     * Totals for one order.
     *
     * @param orderId the order
     * @return its totals, or empty
     */
    public Optional<Totals> order(String orderId) {
        return byOrder.stream().filter(t -> t.key().equals(orderId)).findFirst();
    }

    /**
     * Totals for one seller.
     *
     * @param sellerId the seller
     * @return its totals, or empty
     */
    public Optional<Totals> seller(String sellerId) {
        return bySeller.stream().filter(t -> t.key().equals(sellerId)).findFirst();
    }
}
