package dev.mercato.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.membership.Active;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.settlement.MarginStatement;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.LineSettlement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hybrid-self-operated preset through the facade: the platform's own store is never credited a
 * payable and its released sales are the ledger's sales revenue, with the cost of its goods; third
 * parties pay 8% of what was paid for their goods; PLUS members pay the member price from their
 * subscription on and others the list price; the plan fees are the membership revenue; every order
 * carries the carrier's promise and every delivery kept it.
 */
class HybridScenarioExamples {
    /** List price, member price and unit cost of the store's goods, in fen. */
    private static final Map<String, long[]> STORE = Map.of("kettle", new long[] {19_900, 17_900, 12_000},
            "air-fryer", new long[] {49_900, 45_900, 31_000}, "phone-x", new long[] {399_900, 389_900, 330_000});

    /**
     * The cost of goods a released escrow of the store posted: each line's unit cost times its
     * units, in proportion to what is left of the line after refunds (a returned line whose
     * shipping share was kept keeps that share of its cost).
     */
    private static long costLeft(Released released) {
        long total = 0;
        for (int i = 0; i < released.terms().lines().size(); i++) {
            LineSettlement line = released.terms().lines().get(i);
            long cost = STORE.get(line.line().sku())[2] * line.line().quantity();
            long paid = MinorUnits.toMinor(line.buyerPaid());
            long left = paid - MinorUnits.toMinor(released.funds().lineRefunded(i));
            total += left == paid ? cost : Allocation.allocate(cost, new long[] {left, paid - left})[0];
        }
        return total;
    }

    @Test
    void theStoreEarnsItsMarginThirdPartiesPayCommissionAndMembersPayMemberPrices() {
        Simulation simulation = new Simulation(new HybridScenario(), 5, 14, 30);
        SimulationReport report = simulation.run();
        Journal journal = simulation.commerce().journal().orElseThrow();

        long sales = 0;
        long costOfGoods = 0;
        int memberLines = 0;
        int listLines = 0;
        int thirdPartyReleased = 0;
        List<OrderId> all = simulation.ordersIn(OrderEvent.StateChanged.class);
        for (OrderId id : all) {
            Order order = simulation.commerce().order(Simulation.SYSTEM, id).orElseThrow();
            Escrow escrow = simulation.commerce().escrow(Simulation.SYSTEM, id).orElseThrow();
            assertTrue(order.facts().deliveryPromise().isPresent(), "every order carries the carrier's promise");
            boolean self = order.facts().sellerId().equals(HybridScenario.SELF);
            Optional<Instant> memberSince = simulation.commerce().memberships()
                    .subscription(Simulation.SYSTEM, order.facts().buyerId())
                    .map(s -> ((Active) s).periodStart());
            long goods = 0;
            long commission = 0;
            for (OrderLine line : order.facts().snapshot().lines()) {
                long paid = MinorUnits.toMinor(line.payable());
                goods += paid;
                commission += BigDecimal.valueOf(paid).multiply(new BigDecimal("0.08"))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                if (self) {
                    long[] prices = STORE.get(line.sku().value());
                    boolean member = memberSince.filter(since -> !since.isAfter(order.facts().placedAt())).isPresent();
                    assertEquals((member ? prices[1] : prices[0]) * line.quantity(),
                            MinorUnits.toMinor(line.priceLevelAmount()), id + " " + line.sku());
                    memberLines += member ? 1 : 0;
                    listLines += member ? 0 : 1;
                }
            }
            if (escrow instanceof Released released) {
                if (self) {
                    assertEquals(0, MinorUnits.toMinor(released.funds().commission()), "the store pays no commission");
                    sales += MinorUnits.toMinor(released.funds().released());
                    costOfGoods += costLeft(released);
                } else {
                    thirdPartyReleased++;
                    assertEquals(commission, MinorUnits.toMinor(released.funds().commission()), escrow::toString);
                    assertTrue(goods < MinorUnits.toMinor(released.funds().captured()), "shipping pays no commission");
                }
            }
        }
        assertTrue(memberLines > 0 && listLines > 0 && thirdPartyReleased > 0 && costOfGoods > 0,
                memberLines + " member lines, " + listLines + " list lines, " + thirdPartyReleased);
        assertEquals(0, MinorUnits.toMinor(journal.balance(Account.sellerPayable(HybridScenario.SELF), Simulation.CNY)),
                "the platform's own store is never owed a payable");
        MarginStatement margin = simulation.commerce().marginStatement(Simulation.SYSTEM, Simulation.CNY,
                Simulation.START, Simulation.START.plus(Duration.ofDays(15)));
        assertEquals(sales, MinorUnits.toMinor(margin.sales()));
        assertEquals(sales, MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.SALES), Simulation.CNY)));
        assertEquals(costOfGoods, MinorUnits.toMinor(margin.costOfGoods()));

        long fees = 9_900L * report.mechanisms().get("plan subscribed");
        assertTrue(fees > 0);
        assertEquals(fees, report.planFeesMinor());
        assertEquals(fees, MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.MEMBERSHIP), Simulation.CNY)));
        assertEquals(report.capturedMinor() + fees, report.ledger().buyerFundsIn(), "orders and plan fees, every unit");

        assertEquals(report.delivered(), report.mechanisms().get("delivered by its promise"), "no promise was broken");
        assertEquals(report.refunded(), report.mechanisms().get("goods returned within 7 days and refunded"));
        assertEquals(report.refundedMinor(), MinorUnits.toMinor(journal.balance(Account.refunds(), Simulation.CNY)));
        assertFalse(all.isEmpty());
        assertTrue(SimulateCommand.moneyCheck(report).balanced(), () -> String.join("\n", SimulateCommand.moneyCheck(report).lines()));
    }
}
