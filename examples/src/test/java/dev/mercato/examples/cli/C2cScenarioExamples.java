package dev.mercato.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.review.Review;
import dev.mercato.pricing.money.MinorUnits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The c2c-marketplace preset through the facade: every top-up moved 30.00 from a seller's payable
 * to its ad balance and the clicks charged moved it on to advertising revenue, to the cent; every
 * review is of a completed order of its buyer, on line 1; some orders were released by the
 * auto-confirm; no commission on physical goods.
 */
class C2cScenarioExamples {
    static final List<String> SELLERS = List.of("vintage-cameras", "handmade-soap", "game-cards");

    @Test
    void adsAreToppedUpFromThePayableAndChargedPerClickAndCompletedOrdersAreReviewed() {
        C2cScenario scenario = new C2cScenario();
        Simulation simulation = new Simulation(scenario, 2, 14, 30);
        SimulationReport report = simulation.run();
        Journal journal = simulation.commerce().journal().orElseThrow();

        long adBalances = 0;
        for (String seller : SELLERS) {
            long balance = MinorUnits.toMinor(journal.balance(Account.adBalance(seller), Simulation.CNY));
            assertEquals(balance, MinorUnits.toMinor(simulation.commerce().fees()
                    .adStanding(Simulation.SYSTEM, seller).orElseThrow().balance()));
            assertTrue(balance >= 0, seller + " never spends more than its ad balance");
            adBalances += balance;
        }
        long adRevenue = MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.ADVERTISING), Simulation.CNY));
        int topUps = report.mechanisms().get("ad balance topped up from the payable");
        assertTrue(topUps > 0 && adRevenue > 0, report.mechanisms()::toString);
        assertEquals(topUps * 3_000L, adBalances + adRevenue, "what was topped up is spent or still there");
        assertEquals(adRevenue, report.ledger().revenueByStream().get(RevenueStream.ADVERTISING));

        int reviews = 0;
        for (String seller : SELLERS) {
            for (Review review : scenario.reviews().reviewsOf(seller)) {
                reviews++;
                Order order = simulation.commerce().order(Simulation.SYSTEM, new OrderId(review.facts().orderId()))
                        .orElseThrow();
                assertInstanceOf(Order.Completed.class, order);
                assertEquals(order.facts().buyerId(), review.facts().buyerId());
                assertEquals(seller, order.facts().sellerId());
                assertTrue(review.stars() >= 3 && review.stars() <= 5);
            }
        }
        assertTrue(reviews > 0);
        assertEquals(reviews, report.mechanisms().get("review left"));
        assertTrue(report.mechanisms().get("receipt auto-confirmed") > 0, report.mechanisms()::toString);
        assertEquals(0, report.ledger().sumOfAllBalances());
        assertTrue(SimulateCommand.moneyCheck(report).balanced(), () -> String.join("\n", SimulateCommand.moneyCheck(report).lines()));
    }
}
