package dev.mercato.pricing.testkit;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Funding;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.PriceLevel;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RemainingCaps;
import dev.mercato.pricing.promotion.Scope;
import dev.mercato.pricing.promotion.Window;
import dev.mercato.pricing.promotion.rule.AmountOff;
import dev.mercato.pricing.promotion.rule.BundlePrice;
import dev.mercato.pricing.promotion.rule.BuyXGetY;
import dev.mercato.pricing.promotion.rule.FreeGift;
import dev.mercato.pricing.promotion.rule.GroupBuyPrice;
import dev.mercato.pricing.promotion.rule.MemberPercentOff;
import dev.mercato.pricing.promotion.rule.NewUserPrice;
import dev.mercato.pricing.promotion.rule.PreSale;
import dev.mercato.pricing.promotion.rule.Coupon;
import dev.mercato.pricing.promotion.rule.CouponValue;
import dev.mercato.pricing.promotion.rule.FlashSale;
import dev.mercato.pricing.promotion.rule.FreeShipping;
import dev.mercato.pricing.promotion.rule.Measure;
import dev.mercato.pricing.promotion.rule.MemberPrice;
import dev.mercato.pricing.promotion.rule.PercentOff;
import dev.mercato.pricing.promotion.rule.QuantityBreak;
import dev.mercato.pricing.promotion.rule.QuantityBreaks;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.RepeatingReduction;
import dev.mercato.pricing.promotion.rule.ShippingCoupon;
import dev.mercato.pricing.promotion.rule.ThresholdPercentOff;
import dev.mercato.pricing.promotion.rule.ThresholdReduction;
import dev.mercato.pricing.promotion.rule.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Reusable jqwik generators for property-testing pricing rules: money in minor-unit-exact
 * amounts, amounts clustered near a threshold, instants around a rule's window, cart lines,
 * buyers, caller-tracked caps, whole pricing requests, and promotions of every built-in kind,
 * per kind, per lane or as sets. Published as {@code dev.mercato:mercato-pricing-testkit}.
 *
 * <p>Every generator that draws names takes a {@link Vocabulary}: a team's own SKUs, sellers,
 * categories, tiers, benefits, coupon ids and flags, and the ids its rules reserve. The
 * overloads without one use {@link Vocabulary#defaults()}, built from {@link #SKUS},
 * {@link #SELLERS}, ... Pools are small, so generated promotions actually meet generated lines.
 * Requests are priced at {@link #NOW} unless instants are given; generated windows sometimes
 * exclude it.
 */
public final class PricingArbitraries {

    /** The pricing instant of every generated request. */
    public static final Instant NOW = Instant.parse("2026-11-11T12:00:00Z");

    /** SKUs used by generated lines and scopes. */
    public static final List<String> SKUS = List.of("sku-1", "sku-2", "sku-3", "sku-4", "sku-5");

    /** Sellers used by generated lines and scopes. */
    public static final List<String> SELLERS = List.of("shop-a", "shop-b", "shop-c");

    /** Categories used by generated category paths and scopes. */
    public static final List<String> CATEGORIES = List.of("food", "tea", "phones", "books");

    /** Membership tiers used by generated buyers and rules. */
    public static final List<String> TIERS = List.of("GOLD", "PLUS");

    /** Coupon ids: generated coupons use these ids, generated buyers hold some of them. */
    public static final List<String> COUPON_IDS = List.of("coupon-1", "coupon-2", "coupon-3", "coupon-4");

    private PricingArbitraries() {}

    /**
     * Currencies with 0, 2 and 3 decimals: JPY, CNY, USD, BHD.
     *
     * @return the currencies
     */
    public static Arbitrary<CurrencyUnit> currencies() {
        return Arbitraries.of("JPY", "CNY", "USD", "BHD").map(Monetary::getCurrency);
    }

    /**
     * Amounts between two bounds in minor units, exact in the currency.
     *
     * @param currency the currency
     * @param minMinor the smallest value in minor units
     * @param maxMinor the largest value in minor units
     * @return the amounts
     */
    public static Arbitrary<MonetaryAmount> money(CurrencyUnit currency, long minMinor, long maxMinor) {
        return Arbitraries.longs().between(minMinor, maxMinor).map(m -> MinorUnits.toAmount(m, currency));
    }

    /**
     * Rates from 0% to 100% in whole percents, biased to common values.
     *
     * @return the rates
     */
    public static Arbitrary<Rate> rates() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(5L, 10L, 15L, 20L, 50L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 100))).map(Rate::percent);
    }

    /**
     * One cart line (its id is set by {@link #lines(CurrencyUnit, int)}).
     *
     * @param currency the currency
     * @param lineId the line id
     * @return the lines
     */
    public static Arbitrary<PricingLine> line(CurrencyUnit currency, String lineId) {
        return line(Vocabulary.defaults(), currency, lineId);
    }

    /**
     * One cart line over a team's vocabulary.
     *
     * @param vocabulary the names to draw from
     * @param currency the currency
     * @param lineId the line id
     * @return the lines
     */
    public static Arbitrary<PricingLine> line(Vocabulary vocabulary, CurrencyUnit currency, String lineId) {
        Arbitrary<Long> quantity = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(1, 5)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(6, 120)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(121, 10_000)));
        Arbitrary<List<String>> path = Arbitraries.of(vocabulary.categories()).list().ofMaxSize(2).uniqueElements();
        Arbitrary<List<PriceLevel>> levels = priceLevel(vocabulary, currency).list().ofMaxSize(2);
        return Combinators.combine(Arbitraries.of(vocabulary.skus()), Arbitraries.of(vocabulary.sellers()), path, quantity,
                money(currency, 0, 50_000), levels).as((sku, seller, cats, qty, price, lv) ->
                        new PricingLine(lineId, sku, seller, cats, qty, price, lv));
    }

    /**
     * A price level a line may carry: member, new-user, quantity break or group-buy.
     *
     * @param currency the currency
     * @return the levels
     */
    public static Arbitrary<PriceLevel> priceLevel(CurrencyUnit currency) {
        return priceLevel(Vocabulary.defaults(), currency);
    }

    /**
     * A price level over a team's tiers.
     *
     * @param vocabulary the names to draw from
     * @param currency the currency
     * @return the levels
     */
    public static Arbitrary<PriceLevel> priceLevel(Vocabulary vocabulary, CurrencyUnit currency) {
        Arbitrary<MonetaryAmount> price = money(currency, 0, 50_000);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(vocabulary.tiers()), price).as(PriceLevel::member),
                price.map(PriceLevel::newUser),
                Combinators.combine(Arbitraries.longs().between(2, 100), price).as(PriceLevel::quantityBreak),
                price.map(PriceLevel::groupBuy));
    }

    /**
     * Lists of lines with distinct ids {@code line-0..}.
     *
     * @param currency the currency
     * @param maxLines the most lines, at least 1
     * @return the lines
     */
    public static Arbitrary<List<PricingLine>> lines(CurrencyUnit currency, int maxLines) {
        return lines(Vocabulary.defaults(), currency, maxLines);
    }

    /**
     * Lists of lines over a team's vocabulary, with distinct ids {@code line-0..} in cart order.
     * One cart in four also holds the same item added twice (same SKU, seller and price, other
     * quantity), as real carts do.
     *
     * @param vocabulary the names to draw from
     * @param currency the currency
     * @param maxLines the most lines, at least 1
     * @return the lines
     */
    public static Arbitrary<List<PricingLine>> lines(Vocabulary vocabulary, CurrencyUnit currency, int maxLines) {
        return Combinators.combine(line(vocabulary, currency, "line").list().ofMinSize(1).ofMaxSize(maxLines),
                Arbitraries.integers().between(0, 3), Arbitraries.longs().between(1, 7)).as((list, twice, qty) -> {
                    List<PricingLine> out = new ArrayList<>(list);
                    if (twice == 0 && out.size() < maxLines) {
                        PricingLine l = out.get(0);
                        out.add(new PricingLine("again", l.sku(), l.seller(), l.categoryPath(), l.quantity() + qty,
                                l.listUnitPrice(), l.priceLevels()));
                    }
                    return CartEdits.renumbered(out);
                });
    }

    /**
     * Buyers with some tiers, coupons and flags.
     *
     * @return the buyers
     */
    public static Arbitrary<BuyerContext> buyers() {
        return buyers(Vocabulary.defaults());
    }

    /**
     * Buyers over a team's vocabulary: some of its tiers, benefits, coupons and flags, new or not
     * (one in six is anonymous: no tier, benefit, coupon or flag).
     *
     * @param vocabulary the names to draw from
     * @return the buyers
     */
    public static Arbitrary<BuyerContext> buyers(Vocabulary vocabulary) {
        Arbitrary<BuyerContext> some = Combinators.combine(subsets(vocabulary.tiers()), subsets(vocabulary.benefits()),
                Arbitraries.of(true, false), subsets(vocabulary.couponIds()), subsets(vocabulary.flags()))
                .as(BuyerContext::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, some),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(BuyerContext.anonymous())));
    }

    private static Arbitrary<Set<String>> subsets(List<String> pool) {
        return pool.isEmpty() ? Arbitraries.just(Set.of()) : Arbitraries.of(pool).set().ofMaxSize(pool.size());
    }

    /**
     * Whole requests: up to {@code maxLines} lines, a buyer, shipping for some sellers and some
     * caller-tracked caps, priced at {@link #NOW}.
     *
     * @param currency the currency
     * @param maxLines the most lines
     * @return the requests
     */
    public static Arbitrary<PricingRequest> requests(CurrencyUnit currency, int maxLines) {
        return requests(Vocabulary.defaults(), currency, maxLines, Arbitraries.just(NOW));
    }

    /**
     * Whole requests over a team's vocabulary, priced at generated instants; caps cover the
     * first generated promotion ids and the vocabulary's coupon ids.
     *
     * @param vocabulary the names to draw from
     * @param currency the currency
     * @param maxLines the most lines
     * @param instants when the requests are priced (see {@link #instantsAround})
     * @return the requests
     */
    public static Arbitrary<PricingRequest> requests(Vocabulary vocabulary, CurrencyUnit currency, int maxLines,
            Arbitrary<Instant> instants) {
        Arbitrary<Map<String, Long>> shipping = Arbitraries.maps(Arbitraries.of(vocabulary.sellers()),
                Arbitraries.longs().between(0, 2_000)).ofMaxSize(vocabulary.sellers().size());
        List<String> capped = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            capped.add(vocabulary.generatedId(i));
        }
        capped.addAll(vocabulary.couponIds());
        capped.addAll(vocabulary.reservedIds().stream().sorted().toList());
        Arbitrary<RemainingCaps> caps = caps(currency, capped);
        return Combinators.combine(lines(vocabulary, currency, maxLines), buyers(vocabulary), shipping, caps, instants)
                .as((lines, buyer, ship, cap, at) -> {
            Set<String> sellers = new HashSet<>();
            lines.forEach(l -> sellers.add(l.seller()));
            Map<String, MonetaryAmount> charges = new HashMap<>();
            ship.forEach((seller, minor) -> {
                if (sellers.contains(seller)) {
                    charges.put(seller, MinorUnits.toAmount(minor, currency));
                }
            });
            return new PricingRequest(currency, lines, buyer, at, charges, cap);
        });
    }

    /**
     * Caller-tracked caps for the given promotion ids: usually none; else some ids with stock
     * left, per-buyer units left, uses left or budget left, often at 0 or 1 (the edges).
     *
     * @param currency the currency of budgets
     * @param promotionIds the ids caps may name
     * @return the caps
     */
    public static Arbitrary<RemainingCaps> caps(CurrencyUnit currency, List<String> promotionIds) {
        if (promotionIds.isEmpty()) {
            return Arbitraries.just(RemainingCaps.none());
        }
        Arbitrary<Long> small = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(0L, 1L)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(2, 20)));
        Arbitrary<Function<RemainingCaps, RemainingCaps>> one = Combinators.combine(Arbitraries.of(promotionIds),
                Arbitraries.integers().between(0, 3), small, money(currency, 0, 5_000)).as((id, which, units, budget) ->
                        caps -> switch (which) {
                            case 0 -> caps.withStockLeft(id, units);
                            case 1 -> caps.withPerBuyerUnitsLeft(id, units);
                            case 2 -> caps.withUsesLeft(id, units);
                            default -> caps.withBudgetLeft(id, budget);
                        });
        Arbitrary<RemainingCaps> some = one.list().ofMinSize(1).ofMaxSize(3).map(edits -> {
            RemainingCaps caps = RemainingCaps.none();
            for (Function<RemainingCaps, RemainingCaps> edit : edits) {
                caps = edit.apply(caps);
            }
            return caps;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.just(RemainingCaps.none())),
                net.jqwik.api.Tuple.of(1, some));
    }

    /**
     * Instants around a rule's window: its bounds, a millisecond and a second either side, an
     * hour and a day out, and instants well inside. A window open on one side yields the other
     * side's instants and {@link #NOW}.
     *
     * @param window the window
     * @return the instants
     */
    public static Arbitrary<Instant> instantsAround(Window window) {
        List<Instant> edges = new ArrayList<>();
        edges.add(NOW);
        for (Instant bound : List.of(window.from(), window.until())) {
            if (bound.equals(Instant.MIN) || bound.equals(Instant.MAX)) {
                continue;
            }
            for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofHours(1),
                    Duration.ofDays(1))) {
                edges.add(bound.minus(d));
                edges.add(bound.plus(d));
            }
        }
        Arbitrary<Instant> inside = Arbitraries.just(NOW);
        if (!window.from().equals(Instant.MIN) && !window.until().equals(Instant.MAX)) {
            long span = Duration.between(window.from(), window.until()).toMillis();
            inside = Arbitraries.longs().between(0, Math.max(0, span - 1)).map(ms -> window.from().plusMillis(ms));
        }
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(edges)), net.jqwik.api.Tuple.of(1, inside));
    }

    /**
     * Amounts clustered near a threshold: the threshold itself, one minor unit and one major
     * unit either side, half of it and twice it, and now and then anything from zero to twice it.
     * Never negative.
     *
     * @param threshold the threshold a rule compares with
     * @return the amounts, in the threshold's currency
     */
    public static Arbitrary<MonetaryAmount> amountsNear(MonetaryAmount threshold) {
        CurrencyUnit currency = threshold.getCurrency();
        long t = MinorUnits.toMinor(threshold);
        long major = MinorUnits.unitsPerMajor(currency);
        Arbitrary<Long> near = Arbitraries.of(t, t - 1, t + 1, t - major, t + major, t / 2, t * 2);
        Arbitrary<Long> any = Arbitraries.longs().between(0, Math.max(1, t * 2));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, near), net.jqwik.api.Tuple.of(1, any))
                .map(m -> MinorUnits.toAmount(Math.max(0, m), currency));
    }

    /**
     * Scopes over the fixed pools: all, a SKU, a category or a seller.
     *
     * @return the scopes
     */
    public static Arbitrary<Scope> scopes() {
        return scopes(Vocabulary.defaults());
    }

    /**
     * Scopes over a team's vocabulary: all, a SKU, a category or a seller.
     *
     * @param vocabulary the names to draw from
     * @return the scopes
     */
    public static Arbitrary<Scope> scopes(Vocabulary vocabulary) {
        return Arbitraries.oneOf(Arbitraries.just(Scope.all()), Arbitraries.of(vocabulary.skus()).map(Scope::skus),
                Arbitraries.of(vocabulary.categories()).map(Scope::categories),
                Arbitraries.of(vocabulary.sellers()).map(Scope::sellers));
    }

    /**
     * Common terms for a promotion id: sometimes a priority, an exclusivity group ({@code g1} or
     * {@code g2}), a window that excludes {@link #NOW}, a tier restriction, co-funding.
     *
     * @param id the promotion id
     * @return the terms
     */
    public static Arbitrary<PromotionTerms> terms(String id) {
        return termsFor(Vocabulary.defaults()).map(f -> f.apply(id));
    }

    private static Arbitrary<Function<String, PromotionTerms>> termsFor(Vocabulary vocabulary) {
        String tier = vocabulary.tiers().get(0);
        return Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.of("", "", "g1", "g2"), Arbitraries.integers().between(0, 9),
                Arbitraries.of(Funding.PLATFORM, Funding.SELLER, Funding.coFunded(Rate.percent(50))))
                .as((priority, group, flags, funding) -> id -> {
                    PromotionTerms t = PromotionTerms.of(id).withPriority(priority).fundedBy(funding);
                    if (!group.isEmpty()) {
                        t = t.inGroup(group);
                    }
                    if (flags == 0) {
                        t = t.validBetween(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2)));
                    } else if (flags == 1) {
                        t = t.validBetween(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofSeconds(1)));
                    } else if (flags == 2) {
                        t = t.forTiers(tier);
                    } else if (flags == 3) {
                        t = t.replacingPriceLevels();
                    }
                    return t;
                });
    }

    /**
     * The names of the built-in kinds the kit generates, as {@link Promotion#kind()} spells them.
     *
     * @return the kinds, in the order of docs/pricing.md
     */
    public static List<String> kinds() {
        return List.copyOf(factoriesByKind(Vocabulary.defaults(), Monetary.getCurrency("CNY")).keySet());
    }

    /**
     * One promotion of a built-in kind with id {@code id}. Coupons take their id from
     * {@link #COUPON_IDS} instead, so that generated buyers may hold them.
     *
     * @param currency the currency
     * @param id the promotion id
     * @param couponId the id to use if a coupon is generated
     * @return the promotions
     */
    public static Arbitrary<Promotion> promotion(CurrencyUnit currency, String id, String couponId) {
        return factories(Vocabulary.defaults(), currency).map(f -> f.make(id, couponId));
    }

    /**
     * Promotions of one built-in kind over a team's vocabulary, with id {@code gen-0} (coupons:
     * the first unreserved coupon id).
     *
     * @param vocabulary the names to draw from
     * @param currency the currency
     * @param kind a kind from {@link #kinds()}
     * @return the promotions
     * @throws InvalidInputException if the kind is not a built-in kind
     */
    public static Arbitrary<Promotion> promotionsOfKind(Vocabulary vocabulary, CurrencyUnit currency, String kind) {
        Arbitrary<Factory> factory = factoriesByKind(vocabulary, currency).get(kind);
        if (factory == null) {
            throw new InvalidInputException("kind", kind, "is not a built-in kind; known: " + kinds());
        }
        return factory.map(f -> f.make(vocabulary.generatedId(0), vocabulary.generatedCouponId(0)));
    }

    /**
     * Promotions of the built-in kinds that apply in one lane, over a team's vocabulary, with id
     * {@code gen-0} (coupons: the first unreserved coupon id).
     *
     * @param vocabulary the names to draw from
     * @param currency the currency
     * @param lane the lane
     * @return the promotions
     */
    public static Arbitrary<Promotion> promotionsInLane(Vocabulary vocabulary, CurrencyUnit currency, Lane lane) {
        Map<String, Arbitrary<Factory>> all = factoriesByKind(vocabulary, currency);
        List<Arbitrary<Promotion>> inLane = new ArrayList<>();
        all.forEach((kind, factory) -> {
            if (lanesOf(kind).contains(lane)) {
                inLane.add(factory.map(f -> f.make(vocabulary.generatedId(0), vocabulary.generatedCouponId(0)))
                        .filter(p -> p.lane() == lane));
            }
        });
        return Arbitraries.oneOf(inLane);
    }

    /** The lanes a built-in kind may land in: by reach for the threshold kinds, by issuer for coupons. */
    private static Set<Lane> lanesOf(String kind) {
        return switch (kind) {
            case PercentOff.KIND, AmountOff.KIND, BuyXGetY.KIND, BundlePrice.KIND, PreSale.KIND -> Set.of(Lane.ITEM);
            case ThresholdReduction.KIND, RepeatingReduction.KIND, ThresholdPercentOff.KIND ->
                    Set.of(Lane.SHOP, Lane.PLATFORM);
            case FreeGift.KIND -> Set.of(Lane.SHOP);
            case Coupon.KIND -> Set.of(Lane.SHOP_COUPON, Lane.PLATFORM_COUPON);
            case FreeShipping.KIND, ShippingCoupon.KIND -> Set.of(Lane.SHIPPING);
            default -> Set.of(Lane.PRICE_LEVEL);
        };
    }

    /** Makes a promotion once its ids are known. */
    private interface Factory {
        Promotion make(String id, String couponId);
    }

    private static Arbitrary<Factory> factories(Vocabulary vocabulary, CurrencyUnit currency) {
        return Arbitraries.oneOf(List.copyOf(factoriesByKind(vocabulary, currency).values()));
    }

    private static Map<String, Arbitrary<Factory>> factoriesByKind(Vocabulary vocabulary, CurrencyUnit currency) {
        Function<Long, MonetaryAmount> m = minor -> MinorUnits.toAmount(minor, currency);
        Arbitrary<MonetaryAmount> small = money(currency, 1, 5_000);
        Arbitrary<MonetaryAmount> threshold = money(currency, 1, 60_000);
        Arbitrary<Reach> reach = Arbitraries.of(Reach.class);
        Arbitrary<Measure> measure = Arbitraries.of(Measure.class);
        Arbitrary<Scope> scopes = scopes(vocabulary);
        Arbitrary<Function<String, PromotionTerms>> terms = termsFor(vocabulary);
        Arbitrary<String> sellers = Arbitraries.of(vocabulary.sellers());
        Arbitrary<String> skus = Arbitraries.of(vocabulary.skus());
        List<String> tiers = vocabulary.tiers();
        String memberTier = tiers.get(0);
        String percentTier = tiers.get(tiers.size() - 1);
        String groupFlag = vocabulary.flags().isEmpty() ? BuyerContext.GROUP_FORMED : vocabulary.flags().get(0);
        Map<String, Arbitrary<Factory>> out = new LinkedHashMap<>();
        out.put(PercentOff.KIND, Combinators.combine(terms, scopes, rates())
                .as((t, s, r) -> (id, c) -> new PercentOff(t.apply(id), s, r)));
        out.put(AmountOff.KIND, Combinators.combine(terms, scopes, small)
                .as((t, s, a) -> (id, c) -> new AmountOff(t.apply(id), s, a)));
        out.put(FlashSale.KIND, Combinators.combine(terms, skus, money(currency, 0, 30_000),
                Arbitraries.longs().between(0, 5), Arbitraries.longs().between(1, 3)).as((t, sku, price, stock, per) ->
                        (id, c) -> new FlashSale(t.apply(id), Scope.skus(sku), price, stock, per)));
        out.put(ThresholdReduction.KIND, Combinators.combine(terms, scopes, reach, threshold, small, measure)
                .as((t, s, r, th, off, me) -> (id, c) -> new ThresholdReduction(t.apply(id), s, r,
                        List.of(new Tier(th, off), new Tier(th.multiply(2), off.multiply(2))), me)));
        out.put(RepeatingReduction.KIND, Combinators.combine(terms, scopes, reach, threshold, small,
                Arbitraries.of(true, false), measure).as((t, s, r, every, off, capped, me) -> (id, c) ->
                        new RepeatingReduction(t.apply(id), s, r, every, off,
                                capped ? Optional.of(off.multiply(2)) : Optional.empty(), me)));
        out.put(ThresholdPercentOff.KIND, Combinators.combine(terms, scopes, reach,
                Arbitraries.longs().between(0, 4), threshold, rates(), measure).as((t, s, r, items, spend, rate, me) ->
                        (id, c) -> new ThresholdPercentOff(t.apply(id), s, r, items == 0 ? 1 : items,
                                items % 2 == 0 ? spend : m.apply(0L), rate, me)));
        out.put(BuyXGetY.KIND, Combinators.combine(terms, scopes, Arbitraries.longs().between(1, 3),
                Arbitraries.longs().between(1, 2), Arbitraries.of(Rate.ONE_HUNDRED_PERCENT, Rate.percent(50)))
                .as((t, s, buy, get, rate) -> (id, c) -> new BuyXGetY(t.apply(id), s, buy, get, rate)));
        out.put(BundlePrice.KIND, Combinators.combine(terms, skus.set().ofMinSize(1).ofMaxSize(2),
                money(currency, 0, 60_000)).as((t, bundled, price) -> (id, c) -> {
                    Map<String, Long> items = new HashMap<>();
                    bundled.forEach(sku -> items.put(sku, 1L));
                    return new BundlePrice(t.apply(id), items, price);
                }));
        out.put(FreeGift.KIND, Combinators.combine(terms, scopes, money(currency, 0, 30_000), small)
                .as((t, s, spend, value) -> (id, c) -> new FreeGift(t.apply(id), s, spend,
                        new Effect.Gift("gift-sku", vocabulary.sellers().get(0), 1, value))));
        out.put(Coupon.KIND, Combinators.combine(terms, sellers.optional(),
                scopes, money(currency, 0, 40_000), small, rates(), Arbitraries.of(true, false))
                .as((t, shop, s, min, off, rate, amount) -> (id, c) -> new Coupon(t.apply(c).withoutGroup(), shop, s,
                        min, amount ? new CouponValue.Amount(off) : new CouponValue.Percent(rate, Optional.of(off)))));
        out.put(FreeShipping.KIND, Combinators.combine(terms, scopes, money(currency, 0, 30_000))
                .as((t, s, a) -> (id, c) -> new FreeShipping(t.apply(id), s, a)));
        out.put(ShippingCoupon.KIND, Combinators.combine(terms, sellers.optional(),
                money(currency, 0, 20_000), small).as((t, shop, min, off) -> (id, c) ->
                        new ShippingCoupon(t.apply(c).withoutGroup(), shop, min, off)));
        out.put(MemberPrice.KIND, Combinators.combine(terms, scopes, money(currency, 0, 40_000))
                .as((t, s, price) -> (id, c) -> new MemberPrice(t.apply(id).forTiers(memberTier), s, price)));
        out.put(MemberPercentOff.KIND, Combinators.combine(terms, scopes, rates())
                .as((t, s, r) -> (id, c) -> new MemberPercentOff(t.apply(id).forTiers(percentTier), s, r)));
        out.put(NewUserPrice.KIND, Combinators.combine(terms, scopes, money(currency, 0, 40_000))
                .as((t, s, price) -> (id, c) -> new NewUserPrice(t.apply(id), s, price)));
        out.put(QuantityBreaks.KIND, Combinators.combine(terms, scopes, money(currency, 0, 40_000))
                .as((t, s, price) -> (id, c) -> new QuantityBreaks(t.apply(id), s, List.of(new QuantityBreak(10, price),
                        new QuantityBreak(100, price.divide(2).with(RoundingPolicy.DOWN))))));
        out.put(GroupBuyPrice.KIND, Combinators.combine(terms, scopes, money(currency, 0, 40_000))
                .as((t, s, price) -> (id, c) -> new GroupBuyPrice(t.apply(id), s, price, groupFlag)));
        out.put(PreSale.KIND, Combinators.combine(terms, scopes, money(currency, 1, 2_000),
                money(currency, 0, 2_000)).as((t, s, deposit, extra) -> (id, c) ->
                        new PreSale(t.apply(id), s, deposit, deposit.add(extra))));
        return out;
    }

    /**
     * Sets of up to {@code maxSize} promotions with distinct ids ({@code gen-0..}; coupons use
     * {@link #COUPON_IDS}).
     *
     * @param currency the currency
     * @param maxSize the most promotions
     * @return the promotion lists
     */
    public static Arbitrary<List<Promotion>> promotionSets(CurrencyUnit currency, int maxSize) {
        return promotionSets(Vocabulary.defaults(), currency, maxSize);
    }

    /**
     * Sets of up to {@code maxSize} built-in promotions over a team's vocabulary, with ids that
     * collide neither with each other nor with the vocabulary's reserved ids ({@code gen-0..};
     * coupons take the unreserved coupon ids first, so that generated buyers may hold them).
     *
     * @param vocabulary the names to draw from
     * @param currency the currency
     * @param maxSize the most promotions
     * @return the promotion lists
     */
    public static Arbitrary<List<Promotion>> promotionSets(Vocabulary vocabulary, CurrencyUnit currency, int maxSize) {
        return factories(vocabulary, currency).list().ofMaxSize(maxSize).map(list -> {
            List<Promotion> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(list.get(i).make(vocabulary.generatedId(i), vocabulary.generatedCouponId(i)));
            }
            return out;
        });
    }
}
