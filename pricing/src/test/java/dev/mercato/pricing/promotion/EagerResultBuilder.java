package dev.mercato.pricing.promotion;

import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The reference result builder: the engine's builder as it was before results became lazy. It
 * builds every amount of the result at once from a run, so comparing it with the engine's lazy
 * result checks that reading later gives what building at once gave.
 */
final class EagerResultBuilder {
    private final DefaultPricingEngine engine;
    private final Run run;
    private final CanonicalCart cart;
    private final CurrencyUnit currency;

    private EagerResultBuilder(DefaultPricingEngine engine, Run run) {
        this.engine = engine;
        this.run = run;
        this.cart = run.cart;
        this.currency = cart.request.currency();
    }

    static PricingResult build(DefaultPricingEngine engine, Run run, SearchSummary search) {
        return new EagerResultBuilder(engine, run).build(search);
    }

    private MonetaryAmount zero;

    /** Builds an amount; zero (every one-sided funding part) is built once per result. */
    private MonetaryAmount money(long minor) {
        if (minor == 0) {
            if (zero == null) {
                zero = MinorUnits.toAmount(0, currency);
            }
            return zero;
        }
        return MinorUnits.toAmount(minor, currency);
    }

    /** The funding split of a discount, reusing the discount's own amount when one side pays all. */
    private Discount discount(Promotion promotion, long d, MonetaryAmount amount, long platform) {
        MonetaryAmount platformPart = platform == d ? amount : money(platform);
        MonetaryAmount sellerPart = platform == 0 ? amount : money(d - platform);
        return new Discount(promotion.id(), promotion.lane(), amount, platformPart, sellerPart);
    }

    private PricingResult build(SearchSummary search) {
        int n = cart.n;
        int promotionCount = engine.size();
        List<List<Discount>> lineDiscounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lineDiscounts.add(new ArrayList<>(2));
        }
        int sellerCount = cart.sellers.length;
        List<List<Discount>> shipDiscounts = new ArrayList<>(sellerCount);
        for (int s = 0; s < sellerCount; s++) {
            shipDiscounts.add(new ArrayList<>(1));
        }
        long[] platformOf = new long[promotionCount];
        long totalPlatform = 0;
        long totalSeller = 0;
        long totalDiscounts = 0;
        long totalShippingDiscount = 0;
        List<Proration> prorations = new ArrayList<>();
        List<GiftLine> giftLines = new ArrayList<>();
        long giftValue = 0;
        for (int p = 0; p < promotionCount; p++) {
            if (run.state[p] != Run.APPLIED) {
                continue;
            }
            Promotion promotion = engine.promotion(p);
            Funding funding = promotion.funding();
            long[] perLine = run.lineDiscounts[p];
            List<long[]> pools = run.pools.get(p);
            MonetaryAmount[] lineAmounts = pools == null ? null : new MonetaryAmount[n];
            if (perLine != null) {
                for (int i = 0; i < n; i++) {
                    long d = perLine[i];
                    if (d == 0) {
                        continue;
                    }
                    long platform = funding.platformPart(d);
                    platformOf[p] += platform;
                    totalPlatform += platform;
                    totalSeller += d - platform;
                    totalDiscounts += d;
                    MonetaryAmount amount = money(d);
                    if (lineAmounts != null) {
                        lineAmounts[i] = amount;
                    }
                    lineDiscounts.get(i).add(discount(promotion, d, amount, platform));
                }
            }
            long[] perSeller = run.shippingDiscounts[p];
            if (perSeller != null) {
                for (int s = 0; s < sellerCount; s++) {
                    long d = perSeller[s];
                    if (d == 0) {
                        continue;
                    }
                    long platform = funding.platformPart(d);
                    platformOf[p] += platform;
                    totalPlatform += platform;
                    totalSeller += d - platform;
                    totalShippingDiscount += d;
                    shipDiscounts.get(s).add(discount(promotion, d, money(d), platform));
                }
            }
            if (pools != null) {
                for (int k = 0; k < pools.size(); k += 2) {
                    prorations.add(proration(promotion.id(), pools.get(k), pools.get(k + 1), perLine, lineAmounts));
                }
            }
            List<Effect.Gift> gifts = run.gifts.get(p);
            if (gifts != null) {
                for (Effect.Gift g : gifts) {
                    long value = Exact.multiply(MinorUnits.toMinor(g.unitValue(), currency), g.quantity());
                    giftValue += value;
                    giftLines.add(new GiftLine(promotion.id(), g.sku(), g.seller(), g.quantity(), money(value)));
                }
            }
        }
        List<LineResult> lines = new ArrayList<>(n);
        long list = 0;
        long starting = 0;
        long merchandise = 0;
        long[] sellerSubtotal = new long[sellerCount];
        for (int i = 0; i < n; i++) {
            PricingLine line = cart.lines[i];
            long lineStart = run.levelReverted[i] ? cart.list[i] : run.start[i];
            list = Exact.add(list, cart.list[i]);
            starting = Exact.add(starting, lineStart);
            merchandise = Exact.add(merchandise, run.cur[i]);
            sellerSubtotal[cart.sellerOf[i]] += run.cur[i];
            lines.add(new LineResult(line.lineId(), line.sku(), line.seller(), line.quantity(), money(cart.list[i]),
                    segments(i), money(lineStart), List.copyOf(lineDiscounts.get(i)), money(run.cur[i])));
        }
        List<SellerResult> sellers = new ArrayList<>(sellerCount);
        long shipping = 0;
        for (int s = 0; s < sellerCount; s++) {
            long charge = cart.shipping[s];
            shipping = Exact.add(shipping, charge);
            long discount = charge - run.shipLeft[s];
            sellers.add(new SellerResult(cart.sellers[s], money(sellerSubtotal[s]), money(charge), money(discount),
                    List.copyOf(shipDiscounts.get(s)), money(sellerSubtotal[s] + run.shipLeft[s])));
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
        return new PricingResult(currency, List.copyOf(lines), List.copyOf(sellers), List.copyOf(giftLines),
                List.copyOf(deposits), List.copyOf(prorations), explanation(platformOf), totals, search);
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

    private Proration proration(String id, long[] weights, long[] parts, long[] lineTotals, MonetaryAmount[] lineAmounts) {
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
        for (int i = 0, k = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                ids[k] = cart.lines[i].lineId();
                w[k] = weights[i];
                // A line in one pool only: its part is its whole discount from this promotion, already built.
                shares[k++] = lineAmounts != null && lineAmounts[i] != null && lineTotals[i] == parts[i]
                        ? lineAmounts[i] : money(parts[i]);
                total += parts[i];
            }
        }
        return new Proration(id, money(total), List.of(ids), new LongList(w), List.of(shares));
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

    private List<Decision> explanation(long[] platformOf) {
        List<Decision> out = new ArrayList<>(engine.size());
        for (int p = 0; p < engine.size(); p++) {
            Promotion promotion = engine.promotion(p);
            switch (run.state[p]) {
                case Run.APPLIED -> {
                    boolean priceLevel = promotion.lane() == Lane.PRICE_LEVEL;
                    boolean gift = run.gifts.get(p) != null;
                    long platform = priceLevel ? 0 : gift ? promotion.funding().platformPart(run.amount[p]) : platformOf[p];
                    long seller = priceLevel ? 0 : run.amount[p] - platform;
                    out.add(new Decision.Applied(promotion.id(), promotion.kind(), promotion.lane(), money(run.amount[p]),
                            money(platform), money(seller), run.detail(p)));
                }
                case Run.EXCLUDED -> {
                    int g = engine.groupOf(p);
                    List<String> chosen = new ArrayList<>();
                    for (int q = 0; q < engine.size(); q++) {
                        if (engine.groupOf(q) == g && run.state[q] == Run.APPLIED) {
                            chosen.add(engine.promotion(q).id());
                        }
                    }
                    out.add(new Decision.Rejected(promotion.id(), promotion.kind(), promotion.lane(),
                            new RejectionReason.ExcludedByExclusivityGroup(engine.groupName(g), List.copyOf(chosen))));
                }
                default -> out.add(new Decision.Rejected(promotion.id(), promotion.kind(), promotion.lane(),
                        run.reason[p]));
            }
        }
        return List.copyOf(out);
    }
}
