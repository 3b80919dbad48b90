package dev.mercato.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Refund;
import dev.mercato.core.review.Review;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The o2o-services preset through the facade: every order went by the 30-minute on-demand courier;
 * an order delivered after its deadline (30 minutes of payment) got exactly CNY 5.00 back from its
 * held money and one delivered in time got nothing; the refunds in the report are those
 * compensations, as the ledger says; the slow restaurant is demoted per the review service and
 * the others are not, and no order was placed with it once it was.
 */
class O2oScenarioExamples {
    static final List<String> RESTAURANTS = List.of("dumpling-house", "noodle-bar", "tea-corner", O2oScenario.SLOW);

    @Test
    void lateCouriersCompensateTheBuyerAndTheSlowKitchenIsDemoted() {
        O2oScenario scenario = new O2oScenario();
        Simulation simulation = new Simulation(scenario, 5, 14, 30);
        SimulationReport report = simulation.run();
        var commerce = simulation.commerce();

        int late = 0;
        int onTime = 0;
        long compensated = 0;
        for (OrderId id : simulation.ordersIn(OrderEvent.Delivered.class, OrderEvent.Completed.class)) {
            List<TrackedParcel> parcels = commerce.parcels(Simulation.SYSTEM, id);
            assertEquals(1, parcels.size());
            assertEquals(ServiceLevel.ON_DEMAND, parcels.get(0).shipment().service());
            Order order = commerce.order(Simulation.SYSTEM, id).orElseThrow();
            Instant paidAt = order instanceof Order.Completed c ? c.payment().paidAt() : ((Order.Delivered) order).payment().paidAt();
            Instant deadline = commerce.deliveryDeadline(Simulation.SYSTEM, id).orElseThrow();
            assertEquals(paidAt.plus(Duration.ofMinutes(30)), deadline);
            Instant deliveredAt = parcels.get(0).tracking().deliveredAt().orElseThrow();
            Optional<Refund> compensation = commerce.lateDeliveryCompensation(Simulation.SYSTEM, id);
            if (deliveredAt.isAfter(deadline)) {
                late++;
                assertEquals(500, MinorUnits.toMinor(compensation.orElseThrow().total()), id.value());
                compensated += 500;
            } else {
                onTime++;
                assertEquals(Optional.empty(), compensation, id.value());
            }
        }
        assertTrue(late > 0 && onTime > 0, late + " late, " + onTime + " on time");
        assertEquals(late, report.mechanisms().get("courier late, buyer compensated"));
        assertEquals(onTime, report.mechanisms().get("delivered within 30 minutes"));
        assertEquals(compensated, report.refundedMinor(), "the only refunds are the late compensations");
        assertEquals(compensated, MinorUnits.toMinor(commerce.journal().orElseThrow()
                .balance(Account.refunds(), Simulation.CNY)));
        assertEquals(late, report.refunded());

        assertTrue(scenario.reviews().isDemoted(O2oScenario.SLOW));
        Instant demotedSince = scenario.reviews().standing(O2oScenario.SLOW).since();
        for (String restaurant : RESTAURANTS) {
            if (!restaurant.equals(O2oScenario.SLOW)) {
                assertFalse(scenario.reviews().isDemoted(restaurant), restaurant);
                assertFalse(scenario.reviews().reviewsOf(restaurant).isEmpty(), restaurant);
            }
            for (Review review : scenario.reviews().reviewsOf(restaurant)) {
                assertEquals(restaurant, commerce.order(Simulation.SYSTEM, new OrderId(review.facts().orderId()))
                        .orElseThrow().facts().sellerId());
            }
        }
        assertEquals(1, report.mechanisms().get("seller demoted"));
        for (OrderId id : simulation.ordersIn(OrderEvent.Placed.class, OrderEvent.Paid.class, OrderEvent.Shipped.class,
                OrderEvent.Delivered.class, OrderEvent.Completed.class)) {
            Order order = commerce.order(Simulation.SYSTEM, id).orElseThrow();
            if (order.facts().sellerId().equals(O2oScenario.SLOW)) {
                assertTrue(order.facts().placedAt().isBefore(demotedSince), "no order for a demoted restaurant: " + id);
            }
        }
        assertTrue(SimulateCommand.moneyCheck(report).balanced(), () -> String.join("\n", SimulateCommand.moneyCheck(report).lines()));
    }
}
