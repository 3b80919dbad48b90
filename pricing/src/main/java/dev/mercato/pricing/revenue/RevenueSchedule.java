package dev.mercato.pricing.revenue;

import dev.mercato.pricing.commission.Commission;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.fee.OrderFee;
import dev.mercato.pricing.fee.ShareCharge;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A platform's commission and fee schedules together: what {@link #settle(List, Map)} needs to
 * turn sold lines into a settlement breakdown.
 *
 * <p>Settling:
 * <ol>
 *   <li>lines are grouped by order and seller; each group's order-level fees are computed once
 *       and split across its lines by {@link FeeSchedule#orderFees(List)};</li>
 *   <li>each line's commission is computed with the seller's period GMV before it: the GMV the
 *       caller supplies plus the commission bases of the seller's earlier lines in this call, in
 *       input order (so a line that crosses a tier edge is charged correctly);</li>
 *   <li>each line's revenue shares are computed by {@link FeeSchedule#sharesFor(SaleLine)};</li>
 *   <li>the seller net is the seller gross minus commission, seller-borne fees and shares.</li>
 * </ol>
 * Immutable and thread-safe.
 *
 * @param name a name for the platform's schedules, e.g. {@code "b2c-mall"}
 * @param commission the commission schedule
 * @param fees the fee schedule, in the same currency
 */
public record RevenueSchedule(String name, CommissionSchedule commission, FeeSchedule fees) {

    /**
     * Validates the components.
     *
     * @throws InvalidInputException if the two schedules use different currencies
     */
    public RevenueSchedule {
        InvalidInputException.requireNonNull(name, "name");
        InvalidInputException.requireNonNull(commission, "commission");
        InvalidInputException.requireNonNull(fees, "fees");
        if (!commission.currency().equals(fees.currency())) {
            throw new InvalidInputException("fees.currency", fees.currency(),
                    "must be the commission schedule's currency " + commission.currency());
        }
    }

    /**
     * Settles lines with every seller at the start of its tier period.
     *
     * @param lines the lines, at least one
     * @return the settlement
     */
    public Settlement settle(List<SaleLine> lines) {
        return settle(lines, Map.of());
    }

    /**
     * Settles lines.
     *
     * @param lines the lines, at least one, each (order id, line id) once, in the schedules' currency
     * @param sellerPeriodGmvBefore each seller's GMV in the current tier period before these lines,
     *     in the commission schedule's base; a seller not in the map starts at zero
     * @return the settlement
     * @throws InvalidInputException if there are no lines or a line appears twice
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if a line is in another currency
     */
    public Settlement settle(List<SaleLine> lines, Map<String, MonetaryAmount> sellerPeriodGmvBefore) {
        requireLines(lines, sellerPeriodGmvBefore);
        CurrencyUnit currency = commission.currency();
        Set<String> seen = new HashSet<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = InvalidInputException.requireNonNull(lines.get(i), "line");
            MinorUnits.requireCurrency(line.paid(), currency);
            if (!seen.add(line.orderId() + "\u0000" + line.lineId())) {
                throw new InvalidInputException("lines", line.orderId() + "/" + line.lineId(), "appears twice");
            }
            groups.computeIfAbsent(line.orderId() + "\u0000" + line.sellerId(), k -> new ArrayList<>()).add(i);
        }
        List<List<LineFee>> feesPerLine = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            feesPerLine.add(new ArrayList<>(2));
        }
        for (List<Integer> group : groups.values()) {
            List<SaleLine> groupLines = new ArrayList<>(group.size());
            group.forEach(i -> groupLines.add(lines.get(i)));
            for (OrderFee fee : fees.orderFees(groupLines)) {
                for (int k = 0; k < group.size(); k++) {
                    feesPerLine.get(group.get(k)).add(new LineFee(fee.kind(), fee.id(), fee.bearer(), fee.perLine().get(k),
                            fee.explanation()));
                }
            }
        }
        Map<String, Long> gmv = new HashMap<>();
        Map<String, TotalsAccumulator> byOrder = new LinkedHashMap<>();
        Map<String, TotalsAccumulator> bySeller = new LinkedHashMap<>();
        TotalsAccumulator total = new TotalsAccumulator("*", currency);
        List<LineSettlement> settled = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            long before = gmv.computeIfAbsent(line.sellerId(), s -> {
                MonetaryAmount supplied = sellerPeriodGmvBefore.get(s);
                return supplied == null ? 0L : MinorUnits.toMinor(supplied, currency);
            });
            Commission c = commission.commissionFor(line, MinorUnits.toAmount(before, currency));
            gmv.put(line.sellerId(), Exact.add(before, MinorUnits.toMinor(c.base())));
            List<ShareCharge> shares = fees.sharesFor(line);
            LineSettlement s = settleLine(line, c, feesPerLine.get(i), shares, currency);
            settled.add(s);
            byOrder.computeIfAbsent(line.orderId(), k -> new TotalsAccumulator(k, currency)).add(s);
            bySeller.computeIfAbsent(line.sellerId(), k -> new TotalsAccumulator(k, currency)).add(s);
            total.add(s);
        }
        return new Settlement(currency, settled, build(byOrder), build(bySeller), total.build());
    }

    /** The argument checks {@link #settle(List, Map)} and {@link #settleBatch(List, Map)} share. */
    private static void requireLines(List<SaleLine> lines, Map<String, MonetaryAmount> sellerPeriodGmvBefore) {
        InvalidInputException.requireNonNull(lines, "lines");
        InvalidInputException.requireNonNull(sellerPeriodGmvBefore, "sellerPeriodGmvBefore");
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", lines, "must not be empty");
        }
    }

    /**
     * Settles many lines at once, with every seller at the start of its tier period: {@link
     * #settleBatch(List, Map)} with no GMV before.
     *
     * @param lines the lines, at least one
     * @return the batch
     */
    public SettlementBatch settleBatch(List<SaleLine> lines) {
        return settleBatch(lines, Map.of());
    }

    /**
     * Settles many lines at once in {@code long} minor units: the fast path for a settlement run
     * over thousands of orders. The figures equal those of {@link #settle(List, Map)} for the same
     * arguments, line by line (the same grouping by order and seller, the same GMV carried
     * through the seller's lines in input order, the same roundings and splits); no explanation
     * text and no {@link MonetaryAmount} is built per line. {@link SettlementBatch#explain()}
     * builds the full settlement when it is asked for.
     *
     * @param lines the lines, at least one, each (order id, line id) once, in the schedules' currency
     * @param sellerPeriodGmvBefore each seller's GMV in the current tier period before these lines,
     *     in the commission schedule's base; a seller not in the map starts at zero
     * @return the batch
     * @throws InvalidInputException if there are no lines or a line appears twice
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if a line is in another currency
     */
    public SettlementBatch settleBatch(List<SaleLine> lines, Map<String, MonetaryAmount> sellerPeriodGmvBefore) {
        requireLines(lines, sellerPeriodGmvBefore);
        CurrencyUnit currency = commission.currency();
        int n = lines.size();
        SaleLine[] given = new SaleLine[n];
        for (int i = 0; i < n; i++) {
            SaleLine line = InvalidInputException.requireNonNull(lines.get(i), "line");
            MinorUnits.requireCurrency(line.paid(), currency);
            given[i] = line;
        }
        List<SaleLine> all = List.of(given);
        long[] sellerFees = new long[n];
        long[] platformFees = new long[n];
        if (!feesByContiguousOrders(all, sellerFees, platformFees)) {
            feesByScatteredOrders(all, sellerFees, platformFees);
        }
        long[] gross = new long[n];
        long[] base = new long[n];
        long[] charged = new long[n];
        long[] shares = new long[n];
        long[] net = new long[n];
        Map<String, long[]> gmv = new HashMap<>();
        for (int i = 0; i < n; i++) {
            SaleLine line = given[i];
            long[] running = gmv.get(line.sellerId());
            if (running == null) {
                MonetaryAmount supplied = sellerPeriodGmvBefore.get(line.sellerId());
                running = new long[] {supplied == null ? 0L : MinorUnits.toMinor(supplied, currency)};
                gmv.put(line.sellerId(), running);
            }
            charged[i] = commission.commissionMinor(line, running[0]);
            long paid = MinorUnits.toMinor(line.paid());
            long subsidy = MinorUnits.toMinor(line.platformSubsidy());
            long shipping = MinorUnits.toMinor(line.shipping());
            base[i] = commission.base().minorUnitsOf(paid, subsidy, shipping);
            running[0] = Exact.add(running[0], base[i]);
            shares[i] = fees.sharesMinor(line);
            gross[i] = Exact.add(Exact.add(paid, subsidy), shipping);
            net[i] = Exact.subtract(Exact.subtract(Exact.subtract(gross[i], charged[i]), sellerFees[i]), shares[i]);
        }
        Map<String, MonetaryAmount> gmvCopy = sellerPeriodGmvBefore.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new HashMap<>(sellerPeriodGmvBefore));
        return new SettlementBatch(this, all, gmvCopy, gross, base, charged, sellerFees, platformFees, shares, net);
    }

    /**
     * The usual layout, each order's lines next to each other: checks duplicates and splits the
     * order fees per run of one order with one set of order ids. Returns {@code false}, with the
     * arrays untouched, when an order reappears after another order (the caller then groups with
     * maps, as {@link #settle(List, Map)} does).
     */
    private boolean feesByContiguousOrders(List<SaleLine> all, long[] sellerFees, long[] platformFees) {
        int n = all.size();
        Set<String> orders = new HashSet<>(n * 4 / 3 + 1);
        for (int start = 0; start < n;) {
            String order = all.get(start).orderId();
            int end = start + 1;
            while (end < n && all.get(end).orderId().equals(order)) {
                end++;
            }
            if (!orders.add(order)) {
                return false;
            }
            requireDistinctLineIds(all, start, end);
            start = end;
        }
        for (int start = 0; start < n;) {
            String order = all.get(start).orderId();
            int end = start + 1;
            boolean oneSeller = true;
            while (end < n && all.get(end).orderId().equals(order)) {
                oneSeller &= all.get(end).sellerId().equals(all.get(start).sellerId());
                end++;
            }
            if (oneSeller) {
                fees.addOrderFeeParts(all.subList(start, end), sellerFees, platformFees, start);
            } else {
                for (int[] group : sellerGroups(all, start, end)) {
                    List<SaleLine> groupLines = new ArrayList<>(group.length);
                    for (int i : group) {
                        groupLines.add(all.get(i));
                    }
                    orderFees(groupLines, group, sellerFees, platformFees);
                }
            }
            start = end;
        }
        return true;
    }

    /** Any layout: the grouping of {@link #settle(List, Map)}. */
    private void feesByScatteredOrders(List<SaleLine> all, long[] sellerFees, long[] platformFees) {
        Set<String> seen = new HashSet<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            SaleLine line = all.get(i);
            if (!seen.add(line.orderId() + "\u0000" + line.lineId())) {
                throw new InvalidInputException("lines", line.orderId() + "/" + line.lineId(), "appears twice");
            }
            groups.computeIfAbsent(line.orderId() + "\u0000" + line.sellerId(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            int[] indices = group.stream().mapToInt(Integer::intValue).toArray();
            List<SaleLine> groupLines = new ArrayList<>(indices.length);
            for (int i : indices) {
                groupLines.add(all.get(i));
            }
            orderFees(groupLines, indices, sellerFees, platformFees);
        }
    }

    /** Sets one order-and-seller group's fee parts at {@code indices[k]}. */
    private void orderFees(List<SaleLine> group, int[] indices, long[] seller, long[] platform) {
        int size = group.size();
        long[] s = new long[size];
        long[] p = new long[size];
        fees.addOrderFeeParts(group, s, p, 0);
        for (int k = 0; k < size; k++) {
            seller[indices[k]] = s[k];
            platform[indices[k]] = p[k];
        }
    }

    private static void requireDistinctLineIds(List<SaleLine> all, int start, int end) {
        if (end - start <= 16) {
            for (int i = start + 1; i < end; i++) {
                for (int j = start; j < i; j++) {
                    if (all.get(i).lineId().equals(all.get(j).lineId())) {
                        throw duplicate(all.get(i));
                    }
                }
            }
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = start; i < end; i++) {
            if (!ids.add(all.get(i).lineId())) {
                throw duplicate(all.get(i));
            }
        }
    }

    private static InvalidInputException duplicate(SaleLine line) {
        return new InvalidInputException("lines", line.orderId() + "/" + line.lineId(), "appears twice");
    }

    /** The line indices of each seller in one order's run, sellers in order of first appearance. */
    private static List<int[]> sellerGroups(List<SaleLine> all, int start, int end) {
        Map<String, List<Integer>> bySeller = new LinkedHashMap<>();
        for (int i = start; i < end; i++) {
            bySeller.computeIfAbsent(all.get(i).sellerId(), k -> new ArrayList<>()).add(i);
        }
        List<int[]> groups = new ArrayList<>(bySeller.size());
        bySeller.values().forEach(g -> groups.add(g.stream().mapToInt(Integer::intValue).toArray()));
        return groups;
    }

    private static LineSettlement settleLine(SaleLine line, Commission c, List<LineFee> lineFees, List<ShareCharge> shares,
            CurrencyUnit currency) {
        long gross = MinorUnits.toMinor(line.sellerGross());
        long net = Exact.subtract(gross, MinorUnits.toMinor(c.amount()));
        for (LineFee fee : lineFees) {
            if (fee.bearer() == dev.mercato.pricing.fee.Bearer.SELLER) {
                net = Exact.subtract(net, MinorUnits.toMinor(fee.amount()));
            }
        }
        for (ShareCharge share : shares) {
            net = Exact.subtract(net, MinorUnits.toMinor(share.amount()));
        }
        return new LineSettlement(line, MinorUnits.toAmount(gross, currency), line.sellerDiscount(), line.platformSubsidy(),
                c, lineFees, shares, MinorUnits.toAmount(net, currency));
    }

    private static List<Totals> build(Map<String, TotalsAccumulator> accumulators) {
        List<Totals> totals = new ArrayList<>(accumulators.size());
        accumulators.values().forEach(a -> totals.add(a.build()));
        return totals;
    }
}
