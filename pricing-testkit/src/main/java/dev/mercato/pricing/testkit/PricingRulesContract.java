package dev.mercato.pricing.testkit;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Decision;
import dev.mercato.pricing.promotion.Discount;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.LineResult;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingOptions;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.Proration;
import dev.mercato.pricing.promotion.RejectionReason;
import dev.mercato.pricing.promotion.RemainingCaps;
import dev.mercato.pricing.promotion.SellerResult;
import dev.mercato.pricing.promotion.Window;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The invariant suite a pricing team points at its own rules. Extend it in a test class, return
 * the rules from {@link #rules(CurrencyUnit)} and, optionally, the team's names from
 * {@link #vocabulary()} and the amounts the rules compare with from
 * {@link #thresholds(CurrencyUnit)}; every property then runs over generated carts (in CNY, JPY
 * and BHD by default, with and without generated built-in promotions alongside):
 *
 * <pre>{@code
 * class TeaTimeRulesProperties extends PricingRulesContract {
 *     protected List<Promotion> rules(CurrencyUnit currency) {
 *         return List.of(new TeaTime(PromotionTerms.of("tea-time"), "tea", Money.of(99, currency),
 *                 Rate.percent(15), Money.of(5, currency)));
 *     }
 *     protected Vocabulary vocabulary() {
 *         return Vocabulary.defaults().withSkus("oolong", "pu-erh", "mug").withCategories("tea", "ware");
 *     }
 *     protected List<MonetaryAmount> thresholds(CurrencyUnit currency) {
 *         return List.of(Money.of(99, currency));
 *     }
 * }
 * }</pre>
 *
 * <p>The invariants: pricing never throws for a valid cart and never charges more than list;
 * the same cart gives the same result however often and in whatever order its lines come;
 * prorated parts and funding add up exactly; the explanation covers every promotion and tells
 * the truth; a rule asks at most what the lines it discounts hold; savings grow with quantity
 * and more benefits never cost more ({@link #savingsGrowWithQuantity()},
 * {@link #moreBenefitsNeverCostMore()}: override with {@code false} where a rule documents
 * otherwise); and the same cart, written with the same numbers in currencies with 0, 2 and 3
 * decimals, pays the same up to one minor unit per line ({@link #rulesAreCurrencyNeutral()}).
 *
 * <p>A failure names the invariant and shows the cart, the promotions and the result in one
 * line each (see {@link Describe}). The generators aim at the edges themselves (thresholds, window
 * bounds, caps at 0 and 1, the same item twice), so jqwik's own edge cases are off and the log
 * stays short; tries come from {@code jqwik.tries.default}.
 */
public abstract class PricingRulesContract {

    /** Creates the suite. */
    protected PricingRulesContract() {}

    /**
     * The team's rules with their amounts in {@code currency}: the same numbers in every
     * currency of {@link #currencies()} (CNY 99 becomes JPY 99 and BHD 99.000).
     *
     * @param currency the currency of the cart being priced
     * @return the rules, with distinct ids, the same ids in every currency
     */
    protected abstract List<Promotion> rules(CurrencyUnit currency);

    /**
     * The team's SKUs, sellers, categories, tiers, benefits, coupon ids and flags. The rules'
     * ids are reserved on top of it automatically.
     *
     * @return the vocabulary; {@link Vocabulary#defaults()} unless overridden
     */
    protected Vocabulary vocabulary() {
        return Vocabulary.defaults();
    }

    /**
     * Amounts the rules compare with (minimum spends, tier thresholds): half of the generated
     * carts of one shop and one category total one of them, one minor or major unit either side.
     *
     * @param currency the currency
     * @return the thresholds, in that currency; none unless overridden
     */
    protected List<MonetaryAmount> thresholds(CurrencyUnit currency) {
        return List.of();
    }

    /**
     * The currencies carts are generated in.
     *
     * @return CNY (2 decimals), JPY (0) and BHD (3) unless overridden
     */
    protected List<CurrencyUnit> currencies() {
        return List.of(Monetary.getCurrency("CNY"), Monetary.getCurrency("JPY"), Monetary.getCurrency("BHD"));
    }

    /**
     * The engine options the rules are priced with.
     *
     * @return {@link PricingOptions#defaults()} unless overridden
     */
    protected PricingOptions options() {
        return PricingOptions.defaults();
    }

    /**
     * Whether more units of a line never give the rules (alone, on a cart without price levels)
     * less savings. Override with {@code false} for a rule that documents otherwise, for example
     * an offer for exactly one unit.
     *
     * @return true unless overridden
     */
    protected boolean savingsGrowWithQuantity() {
        return true;
    }

    /**
     * Whether a buyer with more tiers, benefits, coupons or flags, or a new user, never pays more
     * under the rules alone. Override with {@code false} for rules that document otherwise.
     *
     * @return true unless overridden
     */
    protected boolean moreBenefitsNeverCostMore() {
        return true;
    }

    /**
     * Whether each rule, alone, treats the same cart written with the same numbers in every
     * currency of {@link #currencies()} the same, up to one minor unit of the coarser currency per
     * line. Override with {@code false} for rules whose amounts differ by currency.
     *
     * @return true unless overridden
     */
    protected boolean rulesAreCurrencyNeutral() {
        return true;
    }

    /**
     * The most lines of a generated cart.
     *
     * @return 6 unless overridden
     */
    protected int maxLines() {
        return 6;
    }

    /**
     * The most generated built-in promotions priced alongside the rules.
     *
     * @return 4 unless overridden
     */
    protected int maxOtherPromotions() {
        return 4;
    }

    // ---------------------------------------------------------------- generators

    /**
     * Cases: the rules, sometimes with built-in promotions alongside, over carts in every currency.
     *
     * @return the cases
     */
    @Provide
    public Arbitrary<PricingCase> cases() {
        return cases(true);
    }

    /**
     * Cases with the rules alone.
     *
     * @return the cases
     */
    @Provide
    public Arbitrary<PricingCase> rulesAlone() {
        return cases(false);
    }

    /**
     * Cases with the rules alone on carts without price levels, where rules compare with
     * running amounts that only the quantities change.
     *
     * @return the cases
     */
    @Provide
    public Arbitrary<PricingCase> rulesAloneAtListPrices() {
        return cases(false).map(c -> c.withRequest(withoutLevels(c.request())));
    }

    /**
     * Carts of whole major units with the rules of the first currency, for
     * {@link #sameCartPaysTheSameInEveryCurrency}.
     *
     * @return the cases
     */
    @Provide
    public Arbitrary<PricingCase> wholeUnitCases() {
        CurrencyUnit first = currencies().get(0);
        List<Promotion> rules = rules(first);
        Vocabulary vocabulary = reserved(first);
        long major = MinorUnits.unitsPerMajor(first);
        Arbitrary<Long> quantity = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(1, 3)),
                Tuple.of(2, Arbitraries.longs().between(4, 12)));
        Arbitrary<PricingLine> line = Combinators.combine(Arbitraries.of(vocabulary.skus()),
                Arbitraries.of(vocabulary.sellers()), Arbitraries.of(vocabulary.categories()).list().ofMaxSize(2)
                        .uniqueElements(), quantity, Arbitraries.longs().between(1, 300))
                .as((sku, seller, path, qty, units) -> new PricingLine("line", sku, seller, path, qty,
                        MinorUnits.toAmount(units * major, first), List.of()));
        Arbitrary<List<PricingLine>> lines = line.list().ofMinSize(1).ofMaxSize(maxLines()).map(CartEdits::renumbered);
        List<MonetaryAmount> thresholds = thresholds(first);
        if (!thresholds.isEmpty()) {
            Arbitrary<Long> target = Arbitraries.of(thresholds).flatMap(t -> {
                long m = MinorUnits.toMinor(t) / major;
                return Arbitraries.of(m, m, m - 1, m + 1, m + 2);
            });
            Arbitrary<List<PricingLine>> near = Combinators.combine(lines, target)
                    .as((ls, t) -> oneShopOneCategory(ls, Math.max(1, t) * major, first));
            lines = Arbitraries.frequencyOf(Tuple.of(1, lines), Tuple.of(1, near));
        }
        Arbitrary<BuyerContext> buyers = PricingArbitraries.buyers(vocabulary);
        return Combinators.combine(lines, buyers, instants(rules)).as((ls, buyer, at) -> new PricingCase(rules,
                List.of(), new PricingRequest(first, ls, buyer, at, Map.of(), RemainingCaps.none())));
    }

    private Arbitrary<PricingCase> cases(boolean withOthers) {
        List<Arbitrary<PricingCase>> perCurrency = new ArrayList<>();
        for (CurrencyUnit currency : currencies()) {
            List<Promotion> rules = rules(currency);
            Vocabulary vocabulary = reserved(currency);
            Arbitrary<PricingRequest> requests = PricingArbitraries.requests(vocabulary, currency, maxLines(),
                    instants(rules));
            List<MonetaryAmount> thresholds = thresholds(currency);
            if (!thresholds.isEmpty()) {
                Arbitrary<MonetaryAmount> target = Arbitraries.of(thresholds).flatMap(PricingArbitraries::amountsNear);
                Arbitrary<PricingRequest> near = Combinators.combine(requests, target).as((r, t) ->
                        withLines(r, oneShopOneCategory(r.lines(), Math.max(1, MinorUnits.toMinor(t)), currency)));
                requests = Arbitraries.frequencyOf(Tuple.of(1, requests), Tuple.of(1, near));
            }
            Arbitrary<List<Promotion>> others = withOthers
                    ? Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.of())),
                            Tuple.of(1, PricingArbitraries.promotionSets(vocabulary, currency, maxOtherPromotions())))
                    : Arbitraries.just(List.of());
            perCurrency.add(Combinators.combine(requests, others).as((r, o) -> new PricingCase(rules, o, r)));
        }
        return Arbitraries.oneOf(perCurrency);
    }

    private Vocabulary reserved(CurrencyUnit currency) {
        return vocabulary().reserving(rules(currency).stream().map(Promotion::id).toArray(String[]::new));
    }

    private static Arbitrary<java.time.Instant> instants(List<Promotion> rules) {
        List<Arbitrary<java.time.Instant>> around = new ArrayList<>();
        for (Promotion rule : rules) {
            if (!rule.terms().window().equals(Window.ALWAYS)) {
                around.add(PricingArbitraries.instantsAround(rule.terms().window()));
            }
        }
        Arbitrary<java.time.Instant> now = Arbitraries.just(PricingArbitraries.NOW);
        return around.isEmpty() ? now : Arbitraries.frequencyOf(Tuple.of(1, now),
                Tuple.of(2, Arbitraries.oneOf(around)));
    }

    /**
     * The lines of one seller and one category path (the first line's) at list prices, the last
     * line adjusted so the cart's list total is {@code total} minor units.
     */
    private static List<PricingLine> oneShopOneCategory(List<PricingLine> lines, long total, CurrencyUnit currency) {
        PricingLine first = lines.get(0);
        List<PricingLine> out = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < lines.size() - 1; i++) {
            PricingLine l = lines.get(i);
            long amount = MinorUnits.toMinor(l.listUnitPrice()) * l.quantity();
            if (sum + amount >= total) {
                break;
            }
            sum += amount;
            out.add(new PricingLine(l.lineId(), l.sku(), first.seller(), first.categoryPath(), l.quantity(),
                    l.listUnitPrice(), List.of()));
        }
        PricingLine last = lines.get(lines.size() - 1);
        out.add(new PricingLine(last.lineId(), out.isEmpty() ? first.sku() : last.sku(), first.seller(),
                first.categoryPath(), 1, MinorUnits.toAmount(total - sum, currency), List.of()));
        return CartEdits.renumbered(out);
    }

    /** The request with other lines, keeping the shipping of the sellers that still have lines. */
    private static PricingRequest withLines(PricingRequest request, List<PricingLine> lines) {
        Set<String> sellers = new HashSet<>();
        lines.forEach(l -> sellers.add(l.seller()));
        Map<String, MonetaryAmount> shipping = new HashMap<>(request.shipping());
        shipping.keySet().retainAll(sellers);
        return new PricingRequest(request.currency(), lines, request.buyer(), request.at(), shipping, request.caps());
    }

    private static PricingRequest withoutLevels(PricingRequest request) {
        List<PricingLine> lines = new ArrayList<>();
        for (PricingLine l : request.lines()) {
            lines.add(new PricingLine(l.lineId(), l.sku(), l.seller(), l.categoryPath(), l.quantity(),
                    l.listUnitPrice(), List.of()));
        }
        return request.withLines(lines);
    }

    // ---------------------------------------------------------------- properties

    /**
     * Pricing never throws for a valid cart, no line ends below zero or above its list amount,
     * no shipping discount exceeds the shipping charge, and the buyer never pays more than the
     * list total plus shipping.
     *
     * @param c the case
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    public void neverAboveList(@ForAll("cases") PricingCase c) {
        PricingResult r = price(c, c.all(), c.request());
        long list = 0;
        for (LineResult line : r.lines()) {
            long fin = minor(line.finalAmount());
            check(fin >= 0, "line " + line.lineId() + " ends below zero", c, r);
            check(fin <= minor(line.listAmount()), "line " + line.lineId() + " ends above its list amount", c, r);
            list += minor(line.listAmount());
        }
        long shipping = 0;
        for (SellerResult seller : r.sellers()) {
            check(minor(seller.shippingDiscount()) <= minor(seller.shipping()),
                    "shipping discount of " + seller.seller() + " exceeds its charge", c, r);
            shipping += minor(seller.shipping());
        }
        check(minor(r.payable()) <= list + shipping, "payable exceeds list plus shipping", c, r);
    }

    /**
     * The same cart gives an equal result from a new engine and from the same engine after it
     * priced another cart (no state between calls), and with its lines and the promotions in
     * any order.
     *
     * @param c the case
     * @param seed the shuffle's seed
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    public void deterministicAndShuffleInvariant(@ForAll("cases") PricingCase c, @ForAll long seed) {
        PricingEngine engine = engine(c, c.all());
        PricingResult first = price(c, engine, c.request());
        String lineId = c.request().lines().get(0).lineId();
        price(c, engine, CartEdits.bumpQuantity(c.request(), lineId, 3));
        PricingResult again = price(c, engine, c.request());
        check(first.equals(again), "pricing the same cart twice on one engine differs:" + System.lineSeparator()
                + "      then: " + Describe.result(again), c, first);
        List<Promotion> shuffled = new ArrayList<>(c.all());
        Collections.shuffle(shuffled, new java.util.Random(seed));
        PricingResult reordered = price(c, engine(c, shuffled), CartEdits.shuffleLines(c.request(), seed));
        check(first.equals(reordered), "shuffling lines and promotions changes the result:" + System.lineSeparator()
                + "      shuffled: " + Describe.result(reordered), c, first);
    }

    /**
     * The same items added to the cart in another order (reversed, and shuffled), and so
     * numbered differently, pay the same, and every rule gives the same amount.
     *
     * @param c the case (the rules alone)
     * @param seed the shuffle's seed
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    public void addingItemsInAnotherOrderChangesNothing(@ForAll("rulesAlone") PricingCase c, @ForAll long seed) {
        PricingResult r = price(c, c.all(), c.request());
        List<PricingLine> reversed = new ArrayList<>(c.request().lines());
        Collections.reverse(reversed);
        for (PricingRequest other : List.of(c.request().withLines(CartEdits.renumbered(reversed)),
                CartEdits.addedInAnotherOrder(c.request(), seed))) {
            PricingResult o = price(c, c.all(), other);
            check(minor(o.payable()) == minor(r.payable()) && applied(o).equals(applied(r)),
                    "the same items added in another order price differently:" + System.lineSeparator()
                            + "      other order: " + Describe.request(other) + System.lineSeparator()
                            + "      pays: " + Describe.result(o), c, r);
        }
    }

    /**
     * Every prorated discount's parts add up to it, every line's final is its start minus its
     * discounts, every promotion's discounts add up to its applied amount, and every discount's
     * platform and seller parts add up to it.
     *
     * @param c the case
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    public void prorationExact(@ForAll("cases") PricingCase c) {
        PricingResult r = price(c, c.all(), c.request());
        for (Proration p : r.prorations()) {
            long parts = p.parts().stream().mapToLong(PricingRulesContract::minor).sum();
            check(parts == minor(p.amount()), "prorated parts of " + p.promotionId() + " add up to "
                    + parts + " minor units, not " + minor(p.amount()), c, r);
            check(p.lineIds().size() == p.weights().size() && p.parts().size() == p.weights().size(),
                    "proration of " + p.promotionId() + " has " + p.lineIds().size() + " lines, "
                            + p.weights().size() + " weights and " + p.parts().size() + " parts", c, r);
        }
        Map<String, Long> byPromotion = new HashMap<>();
        List<Discount> all = new ArrayList<>();
        for (LineResult line : r.lines()) {
            long discounts = 0;
            for (Discount d : line.discounts()) {
                discounts += minor(d.amount());
                all.add(d);
            }
            check(minor(line.startingAmount()) - discounts == minor(line.finalAmount()),
                    "line " + line.lineId() + " final is not its start minus its discounts", c, r);
        }
        r.sellers().forEach(s -> all.addAll(s.shippingDiscounts()));
        for (Discount d : all) {
            byPromotion.merge(d.promotionId(), minor(d.amount()), Long::sum);
            check(minor(d.platformFunded()) + minor(d.sellerFunded()) == minor(d.amount())
                    && minor(d.platformFunded()) >= 0 && minor(d.sellerFunded()) >= 0,
                    "funding of " + d.promotionId() + " does not add up to its discount", c, r);
        }
        for (Decision d : r.explanation()) {
            if (d instanceof Decision.Applied a && byPromotion.containsKey(a.promotionId())) {
                check(byPromotion.get(a.promotionId()) == minor(a.amount()), a.promotionId()
                        + "'s discounts add up to " + byPromotion.get(a.promotionId())
                        + " minor units but it is explained as " + minor(a.amount()), c, r);
            }
        }
    }

    /**
     * Every promotion is explained exactly once; every discount belongs to an applied
     * promotion; a rejection below a threshold reports a measured amount below the threshold and
     * what is missing, exactly; a rejection below a quantity reports a smaller measured
     * quantity; every decision renders.
     *
     * @param c the case
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    public void explanationCompleteAndTrue(@ForAll("cases") PricingCase c) {
        PricingResult r = price(c, c.all(), c.request());
        Map<String, Integer> seen = new TreeMap<>();
        Set<String> applied = new HashSet<>();
        for (Decision d : r.explanation()) {
            seen.merge(d.promotionId(), 1, Integer::sum);
            check(!d.describe().isBlank(), d.promotionId() + " renders an empty explanation", c, r);
            if (d instanceof Decision.Applied a) {
                applied.add(a.promotionId());
            } else {
                RejectionReason why = ((Decision.Rejected) d).reason();
                if (why instanceof RejectionReason.BelowThreshold b) {
                    long t = minor(b.threshold());
                    long m = minor(b.measured());
                    long missing = minor(b.missing());
                    check(m >= 0 && m < t && missing == t - m, d.promotionId() + " says \"" + why.describe()
                            + "\": measured must be below the threshold and missing the difference", c, r);
                } else if (why instanceof RejectionReason.BelowQuantity q) {
                    check(q.measured() >= 0 && q.measured() < q.required(), d.promotionId() + " says \""
                            + why.describe() + "\": the measured quantity must be below the required one", c, r);
                }
            }
        }
        for (Promotion p : c.all()) {
            check(seen.getOrDefault(p.id(), 0) == 1, p.id() + " is explained " + seen.getOrDefault(p.id(), 0)
                    + " times, not once", c, r);
        }
        check(seen.size() == c.all().size(), "the explanation names promotions that were not priced", c, r);
        List<Discount> all = new ArrayList<>();
        r.lines().forEach(l -> all.addAll(l.discounts()));
        r.sellers().forEach(s -> all.addAll(s.shippingDiscounts()));
        for (Discount d : all) {
            check(applied.contains(d.promotionId()), "a discount of " + d.promotionId()
                    + " has no applied decision", c, r);
        }
    }

    /**
     * Each rule, evaluated on its own against the cart (every line at its list amount, then
     * with half of it and with 99% of it already taken by an earlier lane), asks no line for a negative amount nor
     * for more than the line holds, and no seller for more shipping than is left. The engine
     * would cut such a discount, but the rule's own explanation and its budget would then be
     * wrong.
     *
     * @param c the case (the rules alone)
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    public void rulesAskOnlyWhatLinesHold(@ForAll("rulesAlone") PricingCase c) {
        FakePromotionContext full = FakePromotionContext.of(c.request());
        FakePromotionContext half = full;
        FakePromotionContext nearlyGone = full;
        for (int i = 0; i < full.lineCount(); i++) {
            String id = full.line(i).lineId();
            half = half.withCurrentAmount(id, full.amount(full.listAmount(i) / 2));
            nearlyGone = nearlyGone.withCurrentAmount(id, full.amount(full.listAmount(i) / 100));
        }
        for (Promotion rule : c.rules()) {
            for (FakePromotionContext context : List.of(full, half, nearlyGone)) {
                Outcome outcome;
                long[] asked;
                try {
                    outcome = context.evaluate(rule);
                    asked = context.askedPerLine(outcome);
                } catch (RuntimeException e) {
                    throw new AssertionError(rule.id() + ".evaluate throws " + e + System.lineSeparator() + "    "
                            + c, e);
                }
                for (int i = 0; i < asked.length; i++) {
                    String line = context.line(i).lineId();
                    checkRule(asked[i] >= 0, rule.id() + " asks " + context.format(asked[i]) + " of " + line, c);
                    checkRule(asked[i] <= context.currentAmount(i), rule.id() + " asks " + context.format(asked[i])
                            + " of " + line + ", which holds " + context.format(context.currentAmount(i)), c);
                }
                if (outcome instanceof Outcome.Applied a && a.effect() instanceof Effect.ShippingDiscounts s) {
                    for (int k = 0; k < s.perSeller().length && k < context.sellerCount(); k++) {
                        checkRule(s.perSeller()[k] >= 0 && s.perSeller()[k] <= context.shippingLeft(k), rule.id()
                                + " asks " + context.format(s.perSeller()[k]) + " of " + context.seller(k)
                                + "'s shipping, which has " + context.format(context.shippingLeft(k)) + " left", c);
                    }
                }
            }
        }
    }

    /**
     * More units of a line never give less savings (list plus shipping minus payable), for the
     * rules alone on carts at list prices; see {@link #savingsGrowWithQuantity()}.
     *
     * @param c the case (the rules alone, no price levels)
     * @param line which line to bump
     * @param by how many more units
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    public void moreUnitsNeverSaveLess(@ForAll("rulesAloneAtListPrices") PricingCase c,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 20) int line,
            @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 5) long by) {
        if (!savingsGrowWithQuantity()) {
            return;
        }
        PricingResult r = price(c, c.all(), c.request());
        String lineId = c.request().lines().get(line % c.request().lines().size()).lineId();
        PricingRequest bumped = CartEdits.bumpQuantity(c.request(), lineId, by);
        PricingResult b = price(c, c.all(), bumped);
        check(savings(b) >= savings(r), by + " more of " + lineId + " saves " + savings(b)
                + " minor units instead of " + savings(r) + ":" + System.lineSeparator() + "      bumped: "
                + Describe.result(b), c, r);
    }

    /**
     * A buyer with more tiers, benefits, coupons or flags, or who is a new user, never pays more
     * under the rules alone; see {@link #moreBenefitsNeverCostMore()}.
     *
     * @param c the case (the rules alone)
     * @param extra which benefit to add
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    public void moreBenefitsNeverCostMore(@ForAll("rulesAlone") PricingCase c,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 100) int extra) {
        if (!moreBenefitsNeverCostMore()) {
            return;
        }
        BuyerContext buyer = c.request().buyer();
        Vocabulary v = vocabulary();
        List<BuyerContext> richer = new ArrayList<>();
        richer.add(buyer.withNewUser(true));
        v.tiers().forEach(t -> richer.add(with(buyer, Set.of(t), Set.of(), Set.of(), Set.of())));
        v.benefits().forEach(t -> richer.add(with(buyer, Set.of(), Set.of(t), Set.of(), Set.of())));
        v.couponIds().forEach(t -> richer.add(with(buyer, Set.of(), Set.of(), Set.of(t), Set.of())));
        c.rules().forEach(p -> richer.add(with(buyer, Set.of(), Set.of(), Set.of(p.id()), Set.of())));
        v.flags().forEach(t -> richer.add(with(buyer, Set.of(), Set.of(), Set.of(), Set.of(t))));
        BuyerContext more = richer.get(extra % richer.size());
        PricingResult r = price(c, c.all(), c.request());
        PricingResult m = price(c, c.all(), c.request().withBuyer(more));
        check(minor(m.payable()) <= minor(r.payable()), "buyer " + Describe.buyer(more) + " pays more:"
                + System.lineSeparator() + "      richer buyer: " + Describe.result(m), c, r);
    }

    /**
     * The same cart (whole major units, no price levels) written with the same numbers in every
     * currency of {@link #currencies()} pays the same under each rule alone, up to one minor unit
     * of the coarser currency per line; see {@link #rulesAreCurrencyNeutral()}.
     *
     * @param c the case in the first currency
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    public void sameCartPaysTheSameInEveryCurrency(@ForAll("wholeUnitCases") PricingCase c) {
        List<CurrencyUnit> currencies = currencies();
        if (!rulesAreCurrencyNeutral() || currencies.size() < 2) {
            return;
        }
        for (int k = 0; k < c.rules().size(); k++) {
            BigDecimal reference = null;
            int referenceScale = 0;
            PricingResult referenceResult = null;
            PricingCase referenceCase = null;
            for (CurrencyUnit currency : currencies) {
                PricingRequest request = CartEdits.inCurrency(c.request(), currency);
                Promotion rule = rules(currency).get(k);
                PricingCase alone = new PricingCase(List.of(rule), List.of(), request);
                PricingResult r = price(alone, List.of(rule), request);
                BigDecimal paid = r.payable().getNumber().numberValue(BigDecimal.class);
                int scale = MinorUnits.scale(currency);
                if (reference == null) {
                    reference = paid;
                    referenceScale = scale;
                    referenceResult = r;
                    referenceCase = alone;
                    continue;
                }
                BigDecimal tolerance = BigDecimal.ONE.movePointLeft(Math.min(scale, referenceScale))
                        .multiply(BigDecimal.valueOf(request.lines().size()));
                check(paid.subtract(reference).abs().compareTo(tolerance) <= 0, "rule " + rule.id() + " alone: "
                        + referenceResult.currency().getCurrencyCode() + " pays " + reference.toPlainString() + " but "
                        + currency.getCurrencyCode() + " pays " + paid.toPlainString() + " for the same cart"
                        + System.lineSeparator() + "      " + currency.getCurrencyCode() + ": "
                        + Describe.result(r), referenceCase, referenceResult);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private PricingEngine engine(PricingCase c, List<Promotion> promotions) {
        try {
            return PricingEngine.of(promotions, options());
        } catch (RuntimeException e) {
            throw new AssertionError("building the engine throws " + e + System.lineSeparator() + "    " + c, e);
        }
    }

    private PricingResult price(PricingCase c, List<Promotion> promotions, PricingRequest request) {
        return price(c, engine(c, promotions), request);
    }

    private static PricingResult price(PricingCase c, PricingEngine engine, PricingRequest request) {
        try {
            PricingResult r = engine.price(request);
            r.explanation().forEach(Decision::describe);
            r.lines().forEach(LineResult::discounts);
            return r;
        } catch (RuntimeException e) {
            throw new AssertionError("pricing a valid cart throws " + e + System.lineSeparator() + "    "
                    + c.withRequest(request), e);
        }
    }

    private static void check(boolean holds, String what, PricingCase c, PricingResult r) {
        if (!holds) {
            throw new AssertionError(what + System.lineSeparator() + "    " + c + System.lineSeparator()
                    + "    result: " + Describe.result(r));
        }
    }

    private static void checkRule(boolean holds, String what, PricingCase c) {
        if (!holds) {
            throw new AssertionError(what + System.lineSeparator() + "    " + c);
        }
    }

    private static Map<String, Long> applied(PricingResult r) {
        Map<String, Long> out = new TreeMap<>();
        for (Decision d : r.explanation()) {
            out.put(d.promotionId(), d instanceof Decision.Applied a ? minor(a.amount()) : -1L);
        }
        return out;
    }

    private static long savings(PricingResult r) {
        return minor(r.totals().list()) + minor(r.totals().shipping()) - minor(r.payable());
    }

    private static BuyerContext with(BuyerContext b, Set<String> tiers, Set<String> benefits, Set<String> coupons,
            Set<String> flags) {
        return new BuyerContext(union(b.tiers(), tiers), union(b.benefits(), benefits), b.newUser(),
                union(b.couponsHeld(), coupons), union(b.flags(), flags));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static long minor(MonetaryAmount amount) {
        return MinorUnits.toMinor(amount);
    }
}
