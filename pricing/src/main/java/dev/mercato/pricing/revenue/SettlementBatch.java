package dev.mercato.pricing.revenue;

import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Many lines settled at once, held in {@code long} minor units: the fast form of a {@link
 * Settlement}, made by {@link RevenueSchedule#settleBatch(List, Map)}.
 *
 * <p>Every figure equals the corresponding amount of {@code schedule.settle(lines,
 * sellerPeriodGmvBefore)}, line by line; the explained settlement (rules, fee breakdowns, their
 * sentences, totals per order and seller) is built only when {@link #explain()} is called. The
 * line invariant holds for every line: {@code sellerNet + commission + sellerFees + shares =
 * sellerGross}.
 *
 * <p>Immutable and thread-safe (the explanation is built at most once).
 */
public final class SettlementBatch {
    private final RevenueSchedule schedule;
    private final List<SaleLine> lines;
    private final Map<String, MonetaryAmount> sellerPeriodGmvBefore;
    private final long[] sellerGross;
    private final long[] commissionBase;
    private final long[] commission;
    private final long[] sellerFees;
    private final long[] platformFees;
    private final long[] shares;
    private final long[] sellerNet;
    private volatile Settlement explained;

    SettlementBatch(RevenueSchedule schedule, List<SaleLine> lines, Map<String, MonetaryAmount> sellerPeriodGmvBefore,
            long[] sellerGross, long[] commissionBase, long[] commission, long[] sellerFees, long[] platformFees,
            long[] shares, long[] sellerNet) {
        this.schedule = schedule;
        this.lines = lines;
        this.sellerPeriodGmvBefore = sellerPeriodGmvBefore;
        this.sellerGross = sellerGross;
        this.commissionBase = commissionBase;
        this.commission = commission;
        this.sellerFees = sellerFees;
        this.platformFees = platformFees;
        this.shares = shares;
        this.sellerNet = sellerNet;
    }

    /**
     * The currency of every figure.
     *
     * @return the schedules' currency
     */
    public CurrencyUnit currency() {
        return schedule.commission().currency();
    }

    /**
     * How many lines were settled.
     *
     * @return at least 1
     */
    public int size() {
        return lines.size();
    }

    /**
     * The lines as given, in input order.
     *
     * @return an immutable list
     */
    public List<SaleLine> lines() {
        return lines;
    }

    /**
     * One line as given.
     *
     * @param i the line's index in the input, {@code 0 <= i < size()}
     * @return the line
     */
    public SaleLine line(int i) {
        return lines.get(check(i));
    }

    /**
     * {@link LineSettlement#sellerGross()} of line {@code i}, in minor units.
     *
     * @param i the line's index
     * @return {@code paid + platformSubsidy + shipping}
     */
    public long sellerGrossMinor(int i) {
        return sellerGross[check(i)];
    }

    /**
     * {@link LineSettlement#commissionBase()} of line {@code i}, in minor units.
     *
     * @param i the line's index
     * @return the commission base
     */
    public long commissionBaseMinor(int i) {
        return commissionBase[check(i)];
    }

    /**
     * The commission amount of line {@code i}, in minor units.
     *
     * @param i the line's index
     * @return the commission
     */
    public long commissionMinor(int i) {
        return commission[check(i)];
    }

    /**
     * {@link LineSettlement#sellerFees()} of line {@code i}, in minor units.
     *
     * @param i the line's index
     * @return the line's part of the seller-borne fees
     */
    public long sellerFeesMinor(int i) {
        return sellerFees[check(i)];
    }

    /**
     * {@link LineSettlement#platformFees()} of line {@code i}, in minor units.
     *
     * @param i the line's index
     * @return the line's part of the platform-borne fees
     */
    public long platformFeesMinor(int i) {
        return platformFees[check(i)];
    }

    /**
     * {@link LineSettlement#sharesTotal()} of line {@code i}, in minor units.
     *
     * @param i the line's index
     * @return the sum of the line's revenue shares
     */
    public long sharesMinor(int i) {
        return shares[check(i)];
    }

    /**
     * {@link LineSettlement#sellerNet()} of line {@code i}, in minor units.
     *
     * @param i the line's index
     * @return what the seller is paid for the line; negative when fixed charges exceed it
     */
    public long sellerNetMinor(int i) {
        return sellerNet[check(i)];
    }

    /**
     * The full, explained settlement of the same lines: what {@code schedule.settle(lines,
     * sellerPeriodGmvBefore)} returns. Built on the first call, then kept.
     *
     * @return the settlement
     */
    public Settlement explain() {
        Settlement result = explained;
        if (result == null) {
            synchronized (this) {
                result = explained;
                if (result == null) {
                    result = schedule.settle(lines, sellerPeriodGmvBefore);
                    explained = result;
                }
            }
        }
        return result;
    }

    /** Renders the size and the sums, e.g. {@code SettlementBatch[lines=3, sellerNet=CNY 27.10, ...]}. */
    @Override
    public String toString() {
        CurrencyUnit currency = currency();
        return "SettlementBatch[lines=" + lines.size() + ", sellerGross=" + MinorUnits.format(sum(sellerGross), currency)
                + ", commission=" + MinorUnits.format(sum(commission), currency) + ", sellerFees="
                + MinorUnits.format(sum(sellerFees), currency) + ", sellerNet=" + MinorUnits.format(sum(sellerNet), currency)
                + "]";
    }

    private static long sum(long[] values) {
        return Exact.sum(values);
    }

    private int check(int i) {
        if (i < 0 || i >= lines.size()) {
            throw new InvalidInputException("i", i, "must be a line index from 0 to " + (lines.size() - 1));
        }
        return i;
    }
}
