package dev.mercato.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.Commerce;
import dev.mercato.core.fulfilment.LateDeliveryCoupon;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Refund;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The money check of the o2o-services preset holds over seeds, run lengths and populations, with
 * the late-delivery compensation paid as a refund or as a coupon: the report's refunds are exactly
 * the compensations refunded (and none when they are coupons, whose buyer credits the ledger holds
 * instead), each compensation is CNY 5.00 and never more than its order's payable.
 */
class O2oScenarioProperties {
    @Property(tries = 12)
    void theMoneyCheckAccountsEveryLateDeliveryCompensation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int days,
            @ForAll @IntRange(min = 1, max = 12) int buyers, @ForAll boolean asCoupon) {
        Simulation simulation = new Simulation(new O2oScenario(asCoupon
                ? O2oScenario.LATE_RULE.asCoupon(Duration.ofDays(30)) : O2oScenario.LATE_RULE), seed, days, buyers);
        SimulationReport report = simulation.run();
        Commerce commerce = simulation.commerce();
        SimulateCommand.MoneyCheck check = SimulateCommand.moneyCheck(report);
        assertTrue(check.balanced(), () -> String.join("\n", check.lines()));

        long refunded = 0;
        long credited = 0;
        int late = 0;
        for (OrderId id : simulation.ordersIn(OrderEvent.Delivered.class, OrderEvent.Completed.class)) {
            long payable = MinorUnits.toMinor(commerce.order(Simulation.SYSTEM, id).orElseThrow().facts().snapshot().payable(),
                    Simulation.CNY);
            Optional<Refund> refund = commerce.lateDeliveryCompensation(Simulation.SYSTEM, id);
            Optional<LateDeliveryCoupon> coupon = commerce.lateDeliveryCoupon(Simulation.SYSTEM, id);
            assertTrue(refund.isEmpty() || coupon.isEmpty(), "one compensation per late order");
            if (refund.isPresent()) {
                long amount = MinorUnits.toMinor(refund.get().total());
                assertEquals(500, amount);
                assertTrue(amount <= payable);
                refunded += amount;
                late++;
            }
            if (coupon.isPresent()) {
                long amount = MinorUnits.toMinor(coupon.get().amount());
                assertEquals(500, amount);
                assertTrue(amount <= payable);
                credited += amount;
                late++;
            }
        }
        assertEquals(late, report.mechanisms().get("courier late, buyer compensated"));
        assertEquals(asCoupon ? 0 : refunded, report.refundedMinor());
        assertEquals(refunded, report.ledger().refunds());
        assertEquals(asCoupon ? late * 500L : 0, credited);
        long buyerCredits = 0;
        for (int b = 1; b <= buyers; b++) {
            buyerCredits += MinorUnits.toMinor(commerce.journal().orElseThrow()
                    .balance(Account.buyerCredit("buyer-" + b), Simulation.CNY));
        }
        assertEquals(credited, buyerCredits, "an unspent coupon is a buyer credit in the ledger");
    }
}
