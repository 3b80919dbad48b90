package dev.mercato.core.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shipment rules shared by the states that can ship. */
final class Shipping {
    private Shipping() {}

    static Optional<String> refusal(OrderFacts facts, List<Shipment> earlier, Shipment shipment) {
        PricedSnapshot snapshot = facts.snapshot();
        long[] shipped = shippedPerLine(snapshot, earlier);
        for (Shipment.Item item : shipment.items()) {
            if (item.lineNo() < 1 || item.lineNo() > snapshot.lines().size()) {
                return Optional.of("line " + item.lineNo() + " is not in this order");
            }
            shipped[item.lineNo() - 1] += item.quantity();
            long ordered = snapshot.line(item.lineNo()).quantity();
            if (shipped[item.lineNo() - 1] > ordered) {
                return Optional.of("line " + item.lineNo() + " would ship " + shipped[item.lineNo() - 1]
                        + " units but " + ordered + " were ordered");
            }
        }
        return Optional.empty();
    }

    static Order.Dispatched ship(Order from, OrderFacts facts, PaymentInfo payment, List<Shipment> earlier,
            Shipment shipment) {
        refusal(facts, earlier, shipment).ifPresent(reason -> {
            throw new OrderStateException(facts.id(), from.stateName(), reason);
        });
        List<Shipment> all = new ArrayList<>(earlier);
        all.add(shipment);
        long[] shipped = shippedPerLine(facts.snapshot(), all);
        for (OrderLine line : facts.snapshot().lines()) {
            if (shipped[line.lineNo() - 1] < line.quantity()) {
                return new Order.PartiallyShipped(facts, payment, all);
            }
        }
        return new Order.Shipped(facts, payment, all);
    }

    private static long[] shippedPerLine(PricedSnapshot snapshot, List<Shipment> shipments) {
        long[] shipped = new long[snapshot.lines().size()];
        for (Shipment s : shipments) {
            for (Shipment.Item item : s.items()) {
                if (item.lineNo() >= 1 && item.lineNo() <= shipped.length) {
                    shipped[item.lineNo() - 1] += item.quantity();
                }
            }
        }
        return shipped;
    }
}
