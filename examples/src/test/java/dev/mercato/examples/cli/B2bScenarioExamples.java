package dev.mercato.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.escrow.AwaitingBalance;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.seller.Active;
import dev.mercato.core.seller.Badge;
import dev.mercato.pricing.money.MinorUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The b2b preset through the facade: every supplier is active with the verified and
 * credit-certified badges and a 10,000.00 deposit in the ledger, and none sold before it was
 * verified; every order keeps its SKUs' minimum quantities and packs and its supplier's minimum
 * amount, and is priced at the quantity break its units reach; the advance is 30% of the payable,
 * an order whose balance was paid holds the whole payable, and an unpaid balance refunded the
 * advance and closed the order.
 */
class B2bScenarioExamples {
    /** Per SKU, in fen: list price, then pairs of (minimum units, unit price) of its breaks; MOQ and pack. */
    private static final Map<String, long[]> BREAKS = Map.of("m8-bolt", new long[] {35, 2000, 32, 5000, 28},
            "blank-tee", new long[] {1280, 300, 1150, 1000, 1000}, "usb-c-cable", new long[] {480, 500, 420});
    private static final Map<String, long[]> QUANTITIES = Map.of("m8-bolt", new long[] {1000, 500},
            "blank-tee", new long[] {100, 50}, "usb-c-cable", new long[] {200, 100});

    @Test
    void verifiedSuppliersSellInPacksAtTheirBreaksForAnAdvanceAndABalance() {
        B2bScenario scenario = new B2bScenario();
        Simulation simulation = new Simulation(scenario, 4, 14, 30);
        SimulationReport report = simulation.run();
        Journal journal = simulation.commerce().journal().orElseThrow();

        for (String supplier : B2bScenario.MINIMUMS.keySet()) {
            Active active = assertInstanceOf(Active.class, scenario.sellers().find(supplier).orElseThrow());
            assertEquals(Set.of(Badge.VERIFIED, Badge.CREDIT_CERTIFIED), active.badges());
            assertEquals(1_000_000, MinorUnits.toMinor(journal.balance(Account.sellerDeposit(supplier), Simulation.CNY)));
        }
        int refunded = 0;
        int balances = 0;
        int breaks = 0;
        int late = 0;
        for (OrderId id : scenario.orders()) {
            Order order = simulation.commerce().order(Simulation.SYSTEM, id).orElseThrow();
            String supplier = order.facts().sellerId();
            if (supplier.equals(B2bScenario.LATE)) {
                late++;
                assertFalse(order.facts().placedAt().isBefore(Simulation.START.plus(Duration.ofDays(B2bScenario.LATE_DAY))),
                        "no sale before the supplier was verified");
            }
            long goods = 0;
            for (OrderLine line : order.facts().snapshot().lines()) {
                long[] quantity = QUANTITIES.get(line.sku().value());
                assertTrue(line.quantity() >= quantity[0] && line.quantity() % quantity[1] == 0, line::toString);
                long[] prices = BREAKS.get(line.sku().value());
                long unit = prices[0];
                for (int i = 1; i < prices.length; i += 2) {
                    unit = line.quantity() >= prices[i] ? prices[i + 1] : unit;
                }
                breaks += unit < prices[0] ? 1 : 0;
                assertEquals(unit * line.quantity(), MinorUnits.toMinor(line.priceLevelAmount()), line::toString);
                goods += MinorUnits.toMinor(line.payable());
            }
            assertTrue(goods >= MinorUnits.toMinor(B2bScenario.MINIMUMS.get(supplier)), supplier + " minimum");
            long payable = MinorUnits.toMinor(order.facts().snapshot().payable());
            long advance = BigDecimal.valueOf(payable).multiply(new BigDecimal("0.30"))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            Escrow escrow = simulation.commerce().escrow(Simulation.SYSTEM, id).orElseThrow();
            long captured = MinorUnits.toMinor(escrow.funds().captured());
            if (escrow instanceof Refunded) {
                refunded++;
                assertInstanceOf(Order.Closed.class, order);
                assertEquals(advance, captured, "only the advance was paid");
                assertEquals(advance, MinorUnits.toMinor(escrow.funds().refunded()), "and it went back");
            } else if (escrow instanceof AwaitingBalance) {
                assertEquals(advance, captured, escrow::toString);
            } else {
                balances++;
                assertEquals(payable, captured, "advance and balance: the whole payable");
            }
        }
        assertTrue(refunded > 0 && balances > 0 && breaks > 0 && late > 0, refunded + " " + balances + " " + breaks);
        assertEquals(refunded, report.mechanisms().get("balance unpaid, advance refunded"));
        assertEquals(balances, report.mechanisms().get("balance paid by its due date"));
        assertEquals(breaks, report.mechanisms().get("quantity break applied"));
        assertEquals(scenario.orders().size(), report.mechanisms().get("advance paid"));
        assertEquals(3, report.mechanisms().get("supplier verified"));
        assertTrue(report.mechanisms().get("unverified supplier refused at checkout") > 0);
        assertEquals(report.refundedMinor(), MinorUnits.toMinor(journal.balance(Account.refunds(), Simulation.CNY)));
        assertEquals(report.capturedMinor(), report.ledger().buyerFundsIn(), "advances and balances, every unit");
        assertTrue(SimulateCommand.moneyCheck(report).balanced(), () -> String.join("\n", SimulateCommand.moneyCheck(report).lines()));
    }
}
