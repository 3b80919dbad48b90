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
        InvalidInputException.requireNonNull(lines, "lines");
        InvalidInputException.requireNonNull(sellerPeriodGmvBefore, "sellerPeriodGmvBefore");
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", lines, "must not be empty");
        }
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
