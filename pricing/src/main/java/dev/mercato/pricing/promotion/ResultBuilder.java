package dev.mercato.pricing.promotion;

import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Turns the winning run's minor units into the public result: the only place amounts become
 * money.
 *
 * <p>The totals, gifts and deposits are built at once. Lines, sellers, prorations and the
 * explanation are {@link LazyList}s over the winning run, built element by element when the
 * caller reads them: a Moneta amount costs far more to create than the arithmetic that
 * produced it, and a caller that needs the payable total only should not pay for a hundred
 * lines of discounts. The run's arrays are not modified after it is chosen, so reading later
 * gives what reading at once would have given.
 */
final class ResultBuilder {
    private final DefaultPricingEngine engine;
    private final Run run;
    private final CanonicalCart cart;
    private final CurrencyUnit currency;
    private final MonetaryAmount zero;
    /** Amounts built so far, by minor units (a direct-mapped table; a collision just builds again). */
    private final Built[] built;
    /** Per promotion, the platform's part of its line and shipping discounts. */
    private final long[] platformOf;
    /** The prorations in order: promotion index and pool index (step 2 in the run's pool list). */
    private final int[] prorationPromotion;
    private final int[] prorationPool;

    private ResultBuilder(DefaultPricingEngine engine, Run run) {
        this.engine = engine;
        this.run = run;
        this.cart = run.cart;
        this.currency = cart.request.currency();
        this.zero = MinorUnits.toAmount(0, currency);
        this.built = new Built[Integer.highestOneBit(Math.max(32, Math.min(2048, 4 * cart.n))) * 2];
        this.platformOf = new long[engine.size()];
        int count = 0;
        for (int p = 0; p < engine.size(); p++) {
            if (run.state[p] == Run.APPLIED && run.pools.get(p) != null) {
                count += run.pools.get(p).size() / 2;
            }
        }
        prorationPromotion = new int[count];
        prorationPool = new int[count];
        for (int p = 0, k = 0; p < engine.size(); p++) {
            List<long[]> pools = run.state[p] == Run.APPLIED ? run.pools.get(p) : null;
            if (pools != null) {
                for (int pool = 0; pool < pools.size(); pool += 2) {
                    prorationPromotion[k] = p;
                    prorationPool[k++] = pool;
                }
            }
        }
    }

    static PricingResult build(DefaultPricingEngine engine, Run run, SearchSummary search) {
        return new ResultBuilder(engine, run).build(search);
    }

    /**
     * Builds an amount, or reuses the one this result already built for the same minor units
     * (a line's discount and its proration share, equal discounts on several lines, zero).
     */
    private MonetaryAmount money(long minor) {
        if (minor == 0) {
            return zero;
        }
        int slot = Long.hashCode(minor * 0x9E3779B97F4A7C15L) & (built.length - 1);
        Built entry = built[slot];
        if (entry != null && entry.minor == minor) {
            return entry.amount;
        }
        MonetaryAmount amount = MinorUnits.toAmount(minor, currency);
        built[slot] = new Built(minor, amount);
        return amount;
    }

    /**
     * One amount already built. Immutable with final fields, so the table may be read and
     * written by several threads reading the result at once without a lock: a reader sees either
     * no entry, or a whole one (which it uses only if its key matches).
     */
    private record Built(long minor, MonetaryAmount amount) {}

    /** A discount and its funding split, reusing the discount's own amount when one side pays all. */
    private Discount discount(int p, long d) {
        Promotion promotion = engine.promotion(p);
        long platform = engine.platformPart(p, d);
        MonetaryAmount amount = money(d);
        MonetaryAmount platformPart = platform == d ? amount : money(platform);
        MonetaryAmount sellerPart = platform == 0 ? amount : money(d - platform);
        return new Discount(promotion.id(), promotion.lane(), amount, platformPart, sellerPart);
    }

    private PricingResult build(SearchSummary search) {
        int n = cart.n;
        int promotionCount = engine.size();
        int sellerCount = cart.sellers.length;
        long totalPlatform = 0;
        long totalSeller = 0;
        long totalDiscounts = 0;
        long totalShippingDiscount = 0;
        List<GiftLine> giftLines = new ArrayList<>();
        long giftValue = 0;
        for (int p = 0; p < promotionCount; p++) {
            if (run.state[p] != Run.APPLIED) {
                continue;
            }
            Promotion promotion = engine.promotion(p);
            long[] perLine = run.lineDiscounts[p];
            if (perLine != null) {
                for (int i = 0; i < n; i++) {
                    long d = perLine[i];
                    if (d != 0) {
                        long platform = engine.platformPart(p, d);
                        platformOf[p] += platform;
                        totalPlatform += platform;
                        totalSeller += d - platform;
                        totalDiscounts += d;
                    }
                }
            }
            long[] perSeller = run.shippingDiscounts[p];
            if (perSeller != null) {
                for (int s = 0; s < sellerCount; s++) {
                    long d = perSeller[s];
                    if (d != 0) {
                        long platform = engine.platformPart(p, d);
                        platformOf[p] += platform;
                        totalPlatform += platform;
                        totalSeller += d - platform;
                        totalShippingDiscount += d;
                    }
                }
            }
            List<Effect.Gift> gifts = run.gifts.get(p);
            if (gifts != null) {
                for (Effect.Gift g : gifts) {
                    long value = Exact.multiply(MinorUnits.toMinor(g.unitValue(), currency), g.quantity());
                    giftValue = Exact.add(giftValue, value);
                    giftLines.add(new GiftLine(promotion.id(), g.sku(), g.seller(), g.quantity(), money(value)));
                }
            }
        }
        long list = 0;
        long starting = 0;
        long merchandise = 0;
        for (int i = 0; i < n; i++) {
            list = Exact.add(list, cart.list[i]);
            starting = Exact.add(starting, lineStart(i));
            merchandise = Exact.add(merchandise, run.cur[i]);
        }
        long shipping = 0;
        for (int s = 0; s < sellerCount; s++) {
            shipping = Exact.add(shipping, cart.shipping[s]);
        }
        List<DepositSchedule> deposits = new ArrayList<>();
        long later = 0;
        for (int p = 0; p < promotionCount; p++) {
            long[] dep = run.state[p] == Run.APPLIED ? run.deposits[p] : null;
            if (dep == null) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (dep[i] > 0) {
                    long now = Math.min(dep[i], run.cur[i]);
                    long balance = run.cur[i] - now;
                    later += balance;
                    deposits.add(new DepositSchedule(engine.promotion(p).id(), cart.lines[i].lineId(), money(now),
                            money(balance)));
                }
            }
        }
        long payable = Exact.subtract(Exact.add(merchandise, shipping), totalShippingDiscount);
        Totals totals = new Totals(money(list), money(list - starting), money(totalDiscounts), money(merchandise),
                money(shipping), money(totalShippingDiscount), money(payable), money(payable - later), money(later),
                money(totalPlatform), money(totalSeller), money(giftValue));
        return new PricingResult(currency, new LazyList<>(n, this::line), new LazyList<>(sellerCount, this::seller),
                List.copyOf(giftLines), List.copyOf(deposits),
                new LazyList<>(prorationPromotion.length, this::proration),
                new LazyList<>(promotionCount, this::decision), totals, search);
    }

    private long lineStart(int i) {
        return run.levelReverted[i] ? cart.list[i] : run.start[i];
    }

    private LineResult line(int i) {
        PricingLine line = cart.lines[i];
        int[] from = new int[engine.size()];
        int count = 0;
        for (int p = 0; p < engine.size(); p++) {
            long[] perLine = run.state[p] == Run.APPLIED ? run.lineDiscounts[p] : null;
            if (perLine != null && perLine[i] != 0) {
                from[count++] = p;
            }
        }
        int[] promotionsOf = java.util.Arrays.copyOf(from, count);
        long start = lineStart(i);
        MonetaryAmount listAmount = money(cart.list[i]);
        return new LineResult(line.lineId(), line.sku(), line.seller(), line.quantity(), listAmount, segments(i),
                start == cart.list[i] ? listAmount : money(start),
                new LazyList<>(count, k -> discount(promotionsOf[k], run.lineDiscounts[promotionsOf[k]][i])),
                money(run.cur[i]));
    }

    private SellerResult seller(int s) {
        long subtotal = 0;
        for (int i = 0; i < cart.n; i++) {
            if (cart.sellerOf[i] == s) {
                subtotal += run.cur[i];
            }
        }
        List<Discount> discounts = new ArrayList<>(1);
        for (int p = 0; p < engine.size(); p++) {
            long[] perSeller = run.state[p] == Run.APPLIED ? run.shippingDiscounts[p] : null;
            if (perSeller != null && perSeller[s] != 0) {
                discounts.add(discount(p, perSeller[s]));
            }
        }
        long charge = cart.shipping[s];
        return new SellerResult(cart.sellers[s], money(subtotal), money(charge), money(charge - run.shipLeft[s]),
                List.copyOf(discounts), money(subtotal + run.shipLeft[s]));
    }

    private List<LevelSegment> segments(int i) {
        Run.Segments seg = run.segments[i];
        if (seg == null || run.levelReverted[i]) {
            return List.of(new LevelSegment(LevelSegment.LIST, cart.quantity[i], money(cart.listUnit[i])));
        }
        List<LevelSegment> out = new ArrayList<>(seg.source().length);
        List<PriceLevel> levels = cart.lines[i].priceLevels();
        for (int k = 0; k < seg.source().length; k++) {
            int source = seg.source()[k];
            String name = source == -1 ? LevelSegment.LIST
                    : source >= 0 ? engine.promotion(source).id() : levels.get(-2 - source).name();
            out.add(new LevelSegment(name, seg.units()[k], money(seg.unitPrice()[k])));
        }
        return List.copyOf(out);
    }

    private Proration proration(int k) {
        int p = prorationPromotion[k];
        List<long[]> pools = run.pools.get(p);
        long[] weights = pools.get(prorationPool[k]);
        long[] parts = pools.get(prorationPool[k] + 1);
        int count = 0;
        for (long w : weights) {
            if (w > 0) {
                count++;
            }
        }
        String[] ids = new String[count];
        long[] w = new long[count];
        MonetaryAmount[] shares = new MonetaryAmount[count];
        long total = 0;
        for (int i = 0, j = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                ids[j] = cart.lines[i].lineId();
                w[j] = weights[i];
                shares[j++] = money(parts[i]);
                total += parts[i];
            }
        }
        return new Proration(engine.promotion(p).id(), money(total), List.of(ids), new LongList(w), List.of(shares));
    }

    /** An immutable list view over weights, without boxing them all up front. */
    private static final class LongList extends java.util.AbstractList<Long> implements java.util.RandomAccess {
        private final long[] values;

        LongList(long[] values) {
            this.values = values;
        }

        @Override
        public Long get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    private Decision decision(int p) {
        Promotion promotion = engine.promotion(p);
        switch (run.state[p]) {
            case Run.APPLIED -> {
                boolean priceLevel = promotion.lane() == Lane.PRICE_LEVEL;
                boolean gift = run.gifts.get(p) != null;
                long platform = priceLevel ? 0 : gift ? engine.platformPart(p, run.amount[p]) : platformOf[p];
                long seller = priceLevel ? 0 : run.amount[p] - platform;
                return new Decision.Applied(promotion.id(), promotion.kind(), promotion.lane(), money(run.amount[p]),
                        money(platform), money(seller), run.detail(p));
            }
            case Run.EXCLUDED -> {
                int g = engine.groupOf(p);
                List<String> chosen = new ArrayList<>();
                for (int q = 0; q < engine.size(); q++) {
                    if (engine.groupOf(q) == g && run.state[q] == Run.APPLIED) {
                        chosen.add(engine.promotion(q).id());
                    }
                }
                return new Decision.Rejected(promotion.id(), promotion.kind(), promotion.lane(),
                        new RejectionReason.ExcludedByExclusivityGroup(engine.groupName(g), List.copyOf(chosen)));
            }
            default -> {
                return new Decision.Rejected(promotion.id(), promotion.kind(), promotion.lane(), run.reason[p]);
            }
        }
    }
}
