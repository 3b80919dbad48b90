package dev.mercato.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.Commerce;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.settlement.SettlementStatement;
import dev.mercato.pricing.money.MinorUnits;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The sellers' statements of a simulated run, over presets, seeds, run lengths and populations:
 * each is the ledger's, to the cent. A seller's net is exactly what the escrows' journal entries
 * moved into its payable and deposit accounts in the run (so nothing an escrow paid a seller is
 * missing from its statement, a kept pre-sale deposit included); every seller the escrows paid has
 * a statement; a completed order was released; commission and fees never exceed the gross; and the
 * money check holds.
 */
class SellerStatementProperties {

    @Provide
    Arbitrary<String> presets() {
        return Arbitraries.of(Presets.scenarioReady());
    }

    /** The platform's own store releases orders too, though its sales go to platform revenue. */
    @net.jqwik.api.Example
    void theSelfOperatedStoresReleasesAreCounted() {
        eachSellersNetIsWhatTheEscrowsCreditedIt("hybrid-self-operated", 2, 10, 5);
    }

    @Property(tries = 14)
    void eachSellersNetIsWhatTheEscrowsCreditedIt(@ForAll("presets") String preset, @ForAll long seed,
            @ForAll @IntRange(min = 3, max = 10) int days, @ForAll @IntRange(min = 5, max = 20) int buyers) {
        Simulation simulation = new Simulation(Presets.scenario(preset).orElseThrow(), seed, days, buyers);
        SimulationReport report = simulation.run();
        Commerce commerce = simulation.commerce();
        SimulateCommand.MoneyCheck check = SimulateCommand.moneyCheck(report);
        assertTrue(check.balanced(), () -> preset + ":\n" + String.join("\n", check.lines()));

        Map<String, Long> credited = new HashMap<>();
        for (JournalEntry entry : commerce.journal().orElseThrow().entries()) {
            if (entry.reference().map(r -> r.kind() != EntryReference.Kind.ESCROW).orElse(true)) {
                continue;
            }
            for (Posting posting : entry.postings()) {
                if (posting.account() instanceof Account.SellerPayable payable) {
                    credited.merge(payable.sellerId(), MinorUnits.toMinor(posting.amount()), Math::addExact);
                } else if (posting.account() instanceof Account.SellerDeposit deposit) {
                    credited.merge(deposit.sellerId(), MinorUnits.toMinor(posting.amount()), Math::addExact);
                }
            }
        }
        Map<String, Integer> completed = new HashMap<>();
        for (OrderId id : simulation.ordersIn(OrderEvent.Completed.class)) {
            completed.merge(commerce.order(Simulation.SYSTEM, id).orElseThrow().facts().sellerId(), 1, Integer::sum);
        }
        Set<String> withStatement = new TreeSet<>();
        for (SimulationReport.SellerStatement seller : report.statements()) {
            SettlementStatement s = seller.statement();
            withStatement.add(seller.sellerId());
            assertEquals(Simulation.START, s.from());
            assertEquals(Simulation.START.plus(java.time.Duration.ofDays(days)), s.to());
            long net = minor(s.net());
            assertEquals(credited.getOrDefault(seller.sellerId(), 0L), net, () -> preset + ": " + s);
            assertEquals(minor(s.gross()) - minor(s.refunds()) - minor(s.commission()) - minor(s.fees())
                    - minor(s.shares()) - minor(s.tax()) - minor(s.compensation()), net, s::toString);
            assertTrue(minor(s.commission()) + minor(s.fees()) <= minor(s.gross()), s::toString);
            assertTrue(seller.releasedOrders() >= completed.getOrDefault(seller.sellerId(), 0),
                    () -> preset + ": " + seller.sellerId() + " released " + seller.releasedOrders() + " orders, completed "
                            + completed.get(seller.sellerId()));
        }
        for (Map.Entry<String, Long> seller : credited.entrySet()) {
            assertTrue(seller.getValue() == 0 || withStatement.contains(seller.getKey()),
                    () -> preset + ": the escrows paid " + seller.getKey() + " with no statement");
        }
    }

    private static long minor(javax.money.MonetaryAmount amount) {
        return MinorUnits.toMinor(amount);
    }
}
