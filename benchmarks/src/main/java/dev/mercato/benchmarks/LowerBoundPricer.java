package dev.mercato.benchmarks;

import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The pricing reference: a hand-written lower bound that computes the same line finals and
 * payable total as the engine for the six promotion kinds of {@link PricingFixture}, in
 * {@code long} minor units and plain loops.
 *
 * <p>It keeps the engine's semantics for these kinds: lanes in order (item, shop, platform,
 * shop coupon, platform coupon), by id within a lane; thresholds measured on the amounts at the
 * start of the lane; each discount rounded once (half up) and spread with
 * {@link Allocation#allocate(long, long[])} over the lines' running amounts; never below zero;
 * one coupon per shop and one platform coupon. It skips what a lower bound can skip: the
 * explanation, proration records, funding, the exclusivity search (for this set the greedy
 * choice is the cheapest, which the setup check confirms against the engine), and it assumes
 * the lines arrive in canonical order.
 */
final class LowerBoundPricer {

    enum Kind {
        PERCENT_OFF(0), AMOUNT_OFF(0), TIERED_PER_SHOP(1), REPEATING_ACROSS_SHOPS(2), SHOP_COUPON(3), PLATFORM_COUPON(4);

        final int lane;

        Kind(int lane) {
            this.lane = lane;
        }
    }

    /** One promotion as plain data; fields a kind does not use are zero or null. */
    record Spec(String id, Kind kind, String category, String sku, String seller, long percent, long off,
            long[] thresholds, long[] offs, long every, long cap, long minSpend) {
        static Spec percentOff(String id, String category, long percent) {
            return new Spec(id, Kind.PERCENT_OFF, category, null, null, percent, 0, null, null, 0, 0, 0);
        }

        static Spec amountOff(String id, String sku, long offPerUnit) {
            return new Spec(id, Kind.AMOUNT_OFF, null, sku, null, 0, offPerUnit, null, null, 0, 0, 0);
        }

        static Spec tieredPerShop(String id, long[] thresholds, long[] offs) {
            return new Spec(id, Kind.TIERED_PER_SHOP, null, null, null, 0, 0, thresholds, offs, 0, 0, 0);
        }

        static Spec repeatingAcrossShops(String id, long every, long off, long cap) {
            return new Spec(id, Kind.REPEATING_ACROSS_SHOPS, null, null, null, 0, off, null, null, every, cap, 0);
        }

        static Spec shopCoupon(String id, String seller, long minSpend, long off) {
            return new Spec(id, Kind.SHOP_COUPON, null, null, seller, 0, off, null, null, 0, 0, minSpend);
        }

        static Spec platformCoupon(String id, long percent, long cap) {
            return new Spec(id, Kind.PLATFORM_COUPON, null, null, null, percent, 0, null, null, 0, cap, 0);
        }
    }

    /** The reference's result: line finals in minor units and as amounts, and the payable total. */
    record Result(long[] finals, MonetaryAmount[] lineFinals, MonetaryAmount payable) {}

    private final Spec[] specs;

    LowerBoundPricer(List<Spec> specs) {
        List<Spec> sorted = new ArrayList<>(specs);
        sorted.sort(Comparator.comparingInt((Spec s) -> s.kind().lane).thenComparing(Spec::id));
        this.specs = sorted.toArray(new Spec[0]);
    }

    Result price(PricingRequest request) {
        Work work = new Work(request);
        for (Spec s : specs) {
            work.apply(s);
        }
        return work.result();
    }

    /**
     * One cart being priced: the running amounts and what the promotions applied so far have
     * used. Promotions must be applied in the engine's order (lane, then id).
     */
    static final class Work {
        private final CurrencyUnit currency;
        private final List<PricingLine> lines;
        private final Set<String> held;
        private final int n;
        private final long[] cur;
        private final long[] laneStart;
        private final int[] sellerOf;
        private final int sellers;
        private final boolean[] in;
        private final long[] weights;
        private final long[] measured;
        private final boolean[] shopCouponUsed;
        private boolean platformCouponUsed;
        private int lane = -1;

        Work(PricingRequest request) {
            currency = request.currency();
            lines = request.lines();
            held = request.buyer().couponsHeld();
            n = lines.size();
            cur = new long[n];
            laneStart = new long[n];
            // Seller index per line: the lines arrive sorted by seller.
            sellerOf = new int[n];
            int count = 0;
            String last = null;
            for (int i = 0; i < n; i++) {
                PricingLine line = lines.get(i);
                cur[i] = Math.multiplyExact(MinorUnits.toMinor(line.listUnitPrice(), currency), line.quantity());
                if (!line.seller().equals(last)) {
                    last = line.seller();
                    count++;
                }
                sellerOf[i] = count - 1;
            }
            sellers = count;
            in = new boolean[n];
            weights = new long[n];
            measured = new long[sellers];
            shopCouponUsed = new boolean[sellers];
        }

        void apply(Spec s) {
            if (s.kind().lane != lane) {
                lane = s.kind().lane;
                System.arraycopy(cur, 0, laneStart, 0, n);
            }
            switch (s.kind()) {
                case PERCENT_OFF -> {
                    long base = 0;
                    for (int i = 0; i < n; i++) {
                        in[i] = lines.get(i).categoryPath().contains(s.category());
                        weights[i] = in[i] ? cur[i] : 0;
                        base += weights[i];
                    }
                    spread(cur, weights, percentHalfUp(base, s.percent()));
                }
                case AMOUNT_OFF -> {
                    for (int i = 0; i < n; i++) {
                        PricingLine line = lines.get(i);
                        if (line.sku().equals(s.sku())) {
                            cur[i] -= Math.min(cur[i], Math.multiplyExact(s.off(), line.quantity()));
                        }
                    }
                }
                case TIERED_PER_SHOP -> {
                    java.util.Arrays.fill(measured, 0);
                    for (int i = 0; i < n; i++) {
                        measured[sellerOf[i]] += laneStart[i];
                    }
                    for (int g = 0; g < sellers; g++) {
                        long saving = 0;
                        for (int t = 0; t < s.thresholds().length && s.thresholds()[t] <= measured[g]; t++) {
                            saving = s.offs()[t];
                        }
                        if (saving > 0) {
                            for (int i = 0; i < n; i++) {
                                weights[i] = sellerOf[i] == g ? cur[i] : 0;
                            }
                            spread(cur, weights, saving);
                        }
                    }
                }
                case REPEATING_ACROSS_SHOPS -> {
                    long total = 0;
                    for (int i = 0; i < n; i++) {
                        total += laneStart[i];
                        weights[i] = cur[i];
                    }
                    spread(cur, weights, Math.min(total / s.every() * s.off(), s.cap()));
                }
                case SHOP_COUPON -> {
                    if (!held.contains(s.id())) {
                        return;
                    }
                    long spent = 0;
                    long base = 0;
                    int g = -1;
                    for (int i = 0; i < n; i++) {
                        boolean mine = lines.get(i).seller().equals(s.seller());
                        weights[i] = mine ? cur[i] : 0;
                        if (mine) {
                            g = sellerOf[i];
                            spent += laneStart[i];
                            base += cur[i];
                        }
                    }
                    if (g >= 0 && !shopCouponUsed[g] && spent >= s.minSpend()) {
                        shopCouponUsed[g] = spread(cur, weights, Math.min(base, s.off()));
                    }
                }
                case PLATFORM_COUPON -> {
                    if (!held.contains(s.id()) || platformCouponUsed) {
                        return;
                    }
                    long base = 0;
                    for (int i = 0; i < n; i++) {
                        weights[i] = cur[i];
                        base += cur[i];
                    }
                    platformCouponUsed = spread(cur, weights, Math.min(percentHalfUp(base, s.percent()), s.cap()));
                }
            }
        }

        Result result() {
            MonetaryAmount[] lineFinals = new MonetaryAmount[n];
            long payable = 0;
            for (int i = 0; i < n; i++) {
                lineFinals[i] = MinorUnits.toAmount(cur[i], currency);
                payable += cur[i];
            }
            return new Result(cur, lineFinals, MinorUnits.toAmount(payable, currency));
        }
    }

    /** Takes {@code amount} from the lines in proportion to {@code weights}; true if anything was taken. */
    private static boolean spread(long[] cur, long[] weights, long amount) {
        long available = 0;
        for (long w : weights) {
            available += w;
        }
        long pool = Math.min(amount, available);
        if (pool <= 0) {
            return false;
        }
        long[] parts = Allocation.allocate(pool, weights);
        for (int i = 0; i < cur.length; i++) {
            cur[i] -= Math.min(parts[i], cur[i]);
        }
        return true;
    }

    private static long percentHalfUp(long base, long percent) {
        long product = Math.multiplyExact(base, percent);
        return product / 100 + (product % 100 >= 50 ? 1 : 0);
    }
}
