package dev.mercato.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.escrow.AwaitingBalance;
import dev.mercato.core.escrow.Closed;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.pricing.money.MinorUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The presale preset through the facade: a paid balance makes the escrow hold the whole payable;
 * a deposit forfeited under the keep rule leaves the seller exactly the deposit net of the 5%
 * commission and the 0.6% payment fee and closes the order; one forfeited under the refund rule
 * returns the deposit to the buyer; the sellers' payables are the released escrows and the kept
 * deposits, to the cent.
 */
class PreSaleScenarioExamples {

    @Test
    void balancesAreHeldInFullAndForfeitedDepositsAreKeptNetOfCommissionOrRefunded() {
        PreSaleScenario scenario = new PreSaleScenario();
        Simulation simulation = new Simulation(scenario, 2, 14, 30);
        SimulationReport report = simulation.run();
        Journal journal = simulation.commerce().journal().orElseThrow();

        int kept = 0;
        int refunded = 0;
        int balances = 0;
        long refundedMinor = 0;
        Map<String, Long> sellerNets = new HashMap<>();
        for (OrderId id : scenario.orders()) {
            Order order = simulation.commerce().order(Simulation.SYSTEM, id).orElseThrow();
            Escrow escrow = simulation.commerce().escrow(Simulation.SYSTEM, id).orElseThrow();
            long captured = MinorUnits.toMinor(escrow.funds().captured());
            long payable = MinorUnits.toMinor(order.facts().snapshot().payable());
            if (escrow instanceof Closed) {
                kept++;
                assertInstanceOf(Order.Closed.class, order);
                assertTrue(captured < payable, "only the deposit was captured");
                long commission = BigDecimal.valueOf(captured).multiply(new BigDecimal("0.05"))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                long fee = BigDecimal.valueOf(captured).multiply(new BigDecimal("0.006"))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                assertEquals(commission, MinorUnits.toMinor(escrow.funds().commission()), escrow::toString);
                assertEquals(fee, MinorUnits.toMinor(escrow.funds().fees()), escrow::toString);
                assertEquals(captured - commission - fee, MinorUnits.toMinor(escrow.funds().sellerNet()), escrow::toString);
                sellerNets.merge(order.facts().sellerId(), MinorUnits.toMinor(escrow.funds().sellerNet()), Long::sum);
            } else if (escrow instanceof Refunded) {
                refunded++;
                assertInstanceOf(Order.Closed.class, order);
                assertTrue(captured < payable, "only the deposit was captured");
                assertEquals(captured, MinorUnits.toMinor(escrow.funds().refunded()), "the whole deposit back");
                refundedMinor += captured;
            } else if (escrow instanceof AwaitingBalance) {
                assertTrue(captured < payable, "the last campaign's balances are not due yet");
            } else {
                balances++;
                assertEquals(payable, captured, "deposit and balance: the whole payable");
                if (escrow instanceof Released) {
                    sellerNets.merge(order.facts().sellerId(), MinorUnits.toMinor(escrow.funds().sellerNet()), Long::sum);
                }
            }
        }
        assertTrue(kept > 0 && refunded > 0 && balances > 0, kept + " kept, " + refunded + " refunded, " + balances);
        assertEquals(kept, report.mechanisms().get("deposit forfeited, kept by the seller"));
        assertEquals(refunded, report.mechanisms().get("deposit forfeited, refunded"));
        assertEquals(balances, report.mechanisms().get("balance paid in its window"));
        assertEquals(scenario.orders().size(), report.mechanisms().get("deposit paid"));
        for (Map.Entry<String, Long> seller : sellerNets.entrySet()) {
            assertEquals(seller.getValue(), MinorUnits.toMinor(journal.balance(Account.sellerPayable(seller.getKey()),
                    Simulation.CNY)), seller.getKey() + ": released escrows and kept deposits");
        }
        assertEquals(refundedMinor, MinorUnits.toMinor(journal.balance(Account.refunds(), Simulation.CNY)));
        assertEquals(refundedMinor, report.refundedMinor());
        assertEquals(report.capturedMinor(), report.ledger().buyerFundsIn(), "deposits and balances, every unit");
        assertEquals(0, report.ledger().sumOfAllBalances());
        assertTrue(SimulateCommand.moneyCheck(report).balanced(), () -> String.join("\n", SimulateCommand.moneyCheck(report).lines()));
    }
}
