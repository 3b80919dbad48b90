package dev.mercato.examples.cli;

import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.settlement.SettlementStatement;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Simulation} of any preset gives: the funnel and the KPIs, computed from the
 * facade's domain events (docs/presets.md defines each), the sellers' settlement statements for the
 * run's period (read from the ledger by {@code Commerce.statement}), the ledger, and the
 * scenario's mechanisms with how often each happened. Amounts in fen.
 *
 * @param preset the preset simulated
 * @param days days simulated
 * @param buyers buyers in the population
 * @param cartsStarted carts that got their first item (again after a checkout)
 * @param checkouts carts checked out (a checkout that placed orders)
 * @param orders orders placed ({@code OrderEvent.Placed})
 * @param paid orders paid ({@code OrderEvent.Paid}), whatever happened after
 * @param closedUnpaid orders that ended closed without being paid
 * @param cancelledUnpaid orders that ended cancelled without being paid
 * @param awaitingPayment orders still awaiting payment at the end
 * @param refunded orders refunded before shipment (by the buyer, or a failed group) or after it
 *     (an after-sale case)
 * @param shipped orders shipped, whatever happened after
 * @param delivered orders delivered, whatever happened after
 * @param completed orders completed
 * @param payingBuyers buyers who paid at least once
 * @param repeatBuyers buyers who paid at two or more distinct instants (two or more payments)
 * @param gmvMinor the payables of paid orders
 * @param refundedMinor the payables of the orders refunded before shipment and the after-sale
 *     refunds
 * @param capturedMinor the totals of the payments that paid the paid orders (from the facade)
 * @param planFeesMinor what paid-plan subscriptions charged buyers (not orders, so not in GMV)
 * @param statements the settlement statement of each seller with a paid order, for the run's days
 *     ({@code Commerce.statement} from the first day's start to the end of the last), by seller id
 * @param ledger the facade's ledger at the end
 * @param daily the same orders, GMV and refunds day by day: they sum to {@code orders},
 *     {@code paid}, {@code gmvMinor}, {@code refunded} and {@code refundedMinor}
 * @param mechanisms each of the scenario's mechanisms with how often it happened, in its order
 */
record SimulationReport(String preset, int days, int buyers, int cartsStarted, int checkouts, int orders, int paid,
        int closedUnpaid, int cancelledUnpaid, int awaitingPayment, int refunded, int shipped, int delivered,
        int completed, int payingBuyers, int repeatBuyers, long gmvMinor, long refundedMinor, long capturedMinor,
        long planFeesMinor, List<SellerStatement> statements, Ledger ledger, List<Day> daily, Map<String, Integer> mechanisms) {
    /** Copies the statements, the days and the mechanisms, keeping their order. */
    SimulationReport {
        statements = List.copyOf(statements);
        daily = List.copyOf(daily);
        mechanisms = Collections.unmodifiableMap(new LinkedHashMap<>(mechanisms));
    }

    /**
     * One seller's settlement statement for the run, as the ledger has it.
     *
     * @param statement what {@code Commerce.statement} read from the ledger for the run's period
     * @param releasedOrders the seller's orders (escrows) released to it in the period: the
     *     orders its {@code gross} comes from
     */
    record SellerStatement(SettlementStatement statement, int releasedOrders) {
        /** The seller. */
        String sellerId() {
            return statement.sellerId();
        }
    }

    /**
     * One simulated day's share of a run's figures.
     *
     * @param date the day (UTC)
     * @param orders orders placed that day
     * @param paid orders placed that day and paid
     * @param gmvMinor the payables of the orders placed that day and paid, in fen
     * @param refunded orders refunded that day (an order refunded after sale: its first refund)
     * @param refundedMinor the refunds paid that day, in fen
     */
    record Day(LocalDate date, int orders, int paid, long gmvMinor, int refunded, long refundedMinor) {}

    /**
     * The ledger's balances, in fen.
     *
     * @param sumOfAllBalances every balance summed: zero in a balanced ledger
     * @param buyerFundsIn what buyers paid in
     * @param held still held in escrows
     * @param sellerPayables credited to sellers
     * @param platformRevenue commission and fees
     * @param refunds paid back to buyers
     * @param subsidies what the platform paid out of its clearing account (subsidies to sellers)
     * @param other the balances of every other account (creators, deposits, tax, ...)
     * @param escrowsToSellers what the escrows' entries (releases, refunds after release,
     *     compensation) moved into the sellers' payable and deposit accounts, net: what the
     *     statements' nets must sum to
     * @param revenueByStream the platform revenue account of each stream that has one, in the
     *     streams' order; its values sum to {@code platformRevenue}
     */
    record Ledger(long sumOfAllBalances, long buyerFundsIn, long held, long sellerPayables, long platformRevenue,
            long refunds, long subsidies, long other, long escrowsToSellers, Map<RevenueStream, Long> revenueByStream) {
        /** Copies the streams, keeping their order. */
        Ledger {
            EnumMap<RevenueStream, Long> copy = new EnumMap<>(RevenueStream.class);
            copy.putAll(revenueByStream);
            revenueByStream = Collections.unmodifiableMap(copy);
        }
    }
}
