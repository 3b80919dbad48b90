package dev.mercato.core.order;

import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.List;

/**
 * The sale lines an order settles with, read from its priced snapshot alone: never re-priced, so
 * what settles is exactly what the buyer was charged.
 *
 * <p>Per order line: the line's payable is what was paid; its platform-funded discounts are the
 * platform's subsidy and its seller-funded ones the seller's discount. The order's shipping, and
 * the platform- and seller-funded parts of its shipping discounts, are split over the lines with
 * the snapshot's stored weights ({@link PricedSnapshot#prorate}), so the parts sum exactly to the
 * order's figures (docs/architecture.md rule 2). Line ids are {@code line-<lineNo>}.
 */
public final class SaleLines {
    private SaleLines() {}

    /**
     * The sale lines of one order.
     *
     * @param facts the order's facts
     * @param paymentMethod the payment channel, for channel fees; not blank
     * @return one sale line per order line, in line order
     */
    public static List<SaleLine> of(OrderFacts facts, String paymentMethod) {
        InvalidInputException.requireNonNull(facts, "facts");
        InvalidInputException.requireNonNull(paymentMethod, "paymentMethod");
        PricedSnapshot snapshot = facts.snapshot();
        long[] shipping = split(snapshot, MinorUnits.toMinor(snapshot.shipping(), snapshot.currency()));
        long[] shippingSubsidy = split(snapshot, snapshot.shippingSubsidyMinor());
        long[] shippingSellerDiscount = split(snapshot, snapshot.shippingSellerDiscountMinor());
        List<SaleLine> lines = new ArrayList<>(snapshot.lines().size());
        for (OrderLine line : snapshot.lines()) {
            int i = line.lineNo() - 1;
            lines.add(SaleLine.builder()
                    .ids(facts.id().value(), lineId(line.lineNo()))
                    .sku(line.sku().value())
                    .seller(facts.sellerId(), snapshot.sellerType())
                    .category(String.join("/", line.categoryPath()))
                    .quantity(line.quantity())
                    .paid(line.payable())
                    .sellerDiscount(MinorUnits.toAmount(Math.addExact(line.sellerFundedMinor(), shippingSellerDiscount[i]),
                            snapshot.currency()))
                    .platformSubsidy(MinorUnits.toAmount(Math.addExact(line.platformFundedMinor(), shippingSubsidy[i]),
                            snapshot.currency()))
                    .shipping(MinorUnits.toAmount(shipping[i], snapshot.currency()))
                    .orderedAt(facts.placedAt())
                    .paymentMethod(paymentMethod)
                    .build());
        }
        return List.copyOf(lines);
    }

    /**
     * The sale line id of an order line.
     *
     * @param lineNo the order line's number
     * @return {@code line-<lineNo>}
     */
    public static String lineId(int lineNo) {
        return "line-" + lineNo;
    }

    private static long[] split(PricedSnapshot snapshot, long amount) {
        long[] parts = new long[snapshot.lines().size()];
        List<javax.money.MonetaryAmount> shares = snapshot.prorate(MinorUnits.toAmount(amount, snapshot.currency()));
        for (int i = 0; i < parts.length; i++) {
            parts[i] = MinorUnits.toMinor(shares.get(i), snapshot.currency());
        }
        return parts;
    }
}
