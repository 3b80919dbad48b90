package dev.mercato.pricing.testkit;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Funding;
import dev.mercato.pricing.promotion.PriceLevel;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RemainingCaps;
import dev.mercato.pricing.promotion.Scope;
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
 * amounts, cart lines, whole pricing requests, and promotion sets of the built-in kinds.
 * Published as {@code dev.mercato:mercato-pricing-testkit}.
 *
 * <p>Generated carts draw SKUs, sellers, categories, tiers and coupon ids from small fixed pools
 * ({@link #SKUS}, {@link #SELLERS}, ...), so generated promotions actually meet generated
 * lines. Every request is priced at {@link #NOW}; generated windows sometimes exclude it.
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
        Arbitrary<Long> quantity = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(1, 5)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(6, 120)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(121, 10_000)));
        Arbitrary<List<String>> path = Arbitraries.of(CATEGORIES).list().ofMaxSize(2).uniqueElements();
        Arbitrary<List<PriceLevel>> levels = priceLevel(currency).list().ofMaxSize(2);
        return Combinators.combine(Arbitraries.of(SKUS), Arbitraries.of(SELLERS), path, quantity,
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
        Arbitrary<MonetaryAmount> price = money(currency, 0, 50_000);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(TIERS), price).as(PriceLevel::member),
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
        return line(currency, "line").list().ofMinSize(1).ofMaxSize(maxLines).map(list -> {
            List<PricingLine> renamed = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                PricingLine l = list.get(i);
                renamed.add(new PricingLine("line-" + i, l.sku(), l.seller(), l.categoryPath(), l.quantity(),
                        l.listUnitPrice(), l.priceLevels()));
            }
            return renamed;
        });
    }

    /**
     * Buyers with some tiers, coupons and flags.
     *
     * @return the buyers
     */
    public static Arbitrary<BuyerContext> buyers() {
        return Combinators.combine(Arbitraries.of(TIERS).set().ofMaxSize(2), Arbitraries.of(true, false),
                Arbitraries.of(COUPON_IDS).set(), Arbitraries.of(true, false)).as((tiers, isNew, coupons, group) ->
                        new BuyerContext(tiers, Set.of(), isNew, coupons,
                                group ? Set.of(BuyerContext.GROUP_FORMED) : Set.of()));
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
        Arbitrary<Map<String, Long>> shipping = Arbitraries.maps(Arbitraries.of(SELLERS),
                Arbitraries.longs().between(0, 2_000)).ofMaxSize(3);
        Arbitrary<RemainingCaps> caps = Arbitraries.of(RemainingCaps.none(),
                RemainingCaps.none().withStockLeft("p-0", 0).withUsesLeft("coupon-2", 0),
                RemainingCaps.none().withPerBuyerUnitsLeft("p-1", 1).withStockLeft("p-2", 3));
        return Combinators.combine(lines(currency, maxLines), buyers(), shipping, caps).as((lines, buyer, ship, cap) -> {
            Set<String> sellers = new HashSet<>();
            lines.forEach(l -> sellers.add(l.seller()));
            Map<String, MonetaryAmount> charges = new HashMap<>();
            ship.forEach((seller, minor) -> {
                if (sellers.contains(seller)) {
                    charges.put(seller, MinorUnits.toAmount(minor, currency));
                }
            });
            return new PricingRequest(currency, lines, buyer, NOW, charges, cap);
        });
    }

    /**
     * Scopes over the fixed pools: all, a SKU, a category or a seller.
     *
     * @return the scopes
     */
    public static Arbitrary<Scope> scopes() {
        return Arbitraries.oneOf(Arbitraries.just(Scope.all()), Arbitraries.of(SKUS).map(Scope::skus),
                Arbitraries.of(CATEGORIES).map(Scope::categories), Arbitraries.of(SELLERS).map(Scope::sellers));
    }

    /**
     * Common terms for a promotion id: sometimes a priority, an exclusivity group ({@code g1} or
     * {@code g2}), a window that excludes {@link #NOW}, a tier restriction, co-funding.
     *
     * @param id the promotion id
     * @return the terms
     */
    public static Arbitrary<PromotionTerms> terms(String id) {
        return termsFor().map(f -> f.apply(id));
    }

    private static Arbitrary<Function<String, PromotionTerms>> termsFor() {
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
                        t = t.forTiers("GOLD");
                    } else if (flags == 3) {
                        t = t.replacingPriceLevels();
                    }
                    return t;
                });
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
        return factories(currency).map(f -> f.make(id, couponId));
    }

    /** Makes a promotion once its ids are known. */
    private interface Factory {
        Promotion make(String id, String couponId);
    }

    private static Arbitrary<Factory> factories(CurrencyUnit currency) {
        Function<Long, MonetaryAmount> m = minor -> MinorUnits.toAmount(minor, currency);
        Arbitrary<MonetaryAmount> small = money(currency, 1, 5_000);
        Arbitrary<MonetaryAmount> threshold = money(currency, 1, 60_000);
        Arbitrary<Reach> reach = Arbitraries.of(Reach.class);
        Arbitrary<Measure> measure = Arbitraries.of(Measure.class);
        Arbitrary<Factory> percentOff = Combinators.combine(termsFor(), scopes(), rates())
                .as((t, s, r) -> (id, c) -> new PercentOff(t.apply(id), s, r));
        Arbitrary<Factory> amountOff = Combinators.combine(termsFor(), scopes(), small)
                .as((t, s, a) -> (id, c) -> new AmountOff(t.apply(id), s, a));
        Arbitrary<Factory> tiered = Combinators.combine(termsFor(), scopes(), reach, threshold, small, measure)
                .as((t, s, r, th, off, me) -> (id, c) -> new ThresholdReduction(t.apply(id), s, r,
                        List.of(new Tier(th, off), new Tier(th.multiply(2), off.multiply(2))), me));
        Arbitrary<Factory> repeating = Combinators.combine(termsFor(), scopes(), reach, threshold, small,
                Arbitraries.of(true, false), measure).as((t, s, r, every, off, capped, me) -> (id, c) ->
                        new RepeatingReduction(t.apply(id), s, r, every, off,
                                capped ? Optional.of(off.multiply(2)) : Optional.empty(), me));
        Arbitrary<Factory> thresholdPercent = Combinators.combine(termsFor(), scopes(), reach,
                Arbitraries.longs().between(0, 4), threshold, rates(), measure).as((t, s, r, items, spend, rate, me) ->
                        (id, c) -> new ThresholdPercentOff(t.apply(id), s, r, items == 0 ? 1 : items,
                                items % 2 == 0 ? spend : m.apply(0L), rate, me));
        Arbitrary<Factory> coupon = Combinators.combine(termsFor(), Arbitraries.of(SELLERS).optional(),
                scopes(), money(currency, 0, 40_000), small, rates(), Arbitraries.of(true, false))
                .as((t, shop, s, min, off, rate, amount) -> (id, c) -> new Coupon(t.apply(c).withoutGroup(), shop, s,
                        min, amount ? new CouponValue.Amount(off) : new CouponValue.Percent(rate, Optional.of(off))));
        Arbitrary<Factory> flash = Combinators.combine(termsFor(), Arbitraries.of(SKUS), money(currency, 0, 30_000),
                Arbitraries.longs().between(0, 5), Arbitraries.longs().between(1, 3)).as((t, sku, price, stock, per) ->
                        (id, c) -> new FlashSale(t.apply(id), Scope.skus(sku), price, stock, per));
        Arbitrary<Factory> member = Combinators.combine(termsFor(), scopes(), money(currency, 0, 40_000))
                .as((t, s, price) -> (id, c) -> new MemberPrice(t.apply(id).forTiers("GOLD"), s, price));
        Arbitrary<Factory> breaks = Combinators.combine(termsFor(), scopes(), money(currency, 0, 40_000))
                .as((t, s, price) -> (id, c) -> new QuantityBreaks(t.apply(id), s, List.of(new QuantityBreak(10, price),
                        new QuantityBreak(100, price.divide(2).with(dev.mercato.pricing.money.RoundingPolicy.DOWN)))));
        Arbitrary<Factory> freeShipping = Combinators.combine(termsFor(), scopes(), money(currency, 0, 30_000))
                .as((t, s, a) -> (id, c) -> new FreeShipping(t.apply(id), s, a));
        Arbitrary<Factory> shippingCoupon = Combinators.combine(termsFor(), Arbitraries.of(SELLERS).optional(),
                money(currency, 0, 20_000), small).as((t, shop, min, off) -> (id, c) ->
                        new ShippingCoupon(t.apply(c).withoutGroup(), shop, min, off));
        Arbitrary<Factory> buyGet = Combinators.combine(termsFor(), scopes(), Arbitraries.longs().between(1, 3),
                Arbitraries.longs().between(1, 2), Arbitraries.of(Rate.ONE_HUNDRED_PERCENT, Rate.percent(50)))
                .as((t, s, buy, get, rate) -> (id, c) -> new BuyXGetY(t.apply(id), s, buy, get, rate));
        Arbitrary<Factory> bundle = Combinators.combine(termsFor(), Arbitraries.of(SKUS).set().ofMinSize(1).ofMaxSize(2),
                money(currency, 0, 60_000)).as((t, skus, price) -> (id, c) -> {
                    Map<String, Long> items = new HashMap<>();
                    skus.forEach(sku -> items.put(sku, 1L));
                    return new BundlePrice(t.apply(id), items, price);
                });
        Arbitrary<Factory> gift = Combinators.combine(termsFor(), scopes(), money(currency, 0, 30_000), small)
                .as((t, s, spend, value) -> (id, c) -> new FreeGift(t.apply(id), s, spend,
                        new Effect.Gift("gift-sku", SELLERS.get(0), 1, value)));
        Arbitrary<Factory> preSale = Combinators.combine(termsFor(), scopes(), money(currency, 1, 2_000),
                money(currency, 0, 2_000)).as((t, s, deposit, extra) -> (id, c) ->
                        new PreSale(t.apply(id), s, deposit, deposit.add(extra)));
        Arbitrary<Factory> memberPercent = Combinators.combine(termsFor(), scopes(), rates())
                .as((t, s, r) -> (id, c) -> new MemberPercentOff(t.apply(id).forTiers("PLUS"), s, r));
        Arbitrary<Factory> newUser = Combinators.combine(termsFor(), scopes(), money(currency, 0, 40_000))
                .as((t, s, price) -> (id, c) -> new NewUserPrice(t.apply(id), s, price));
        Arbitrary<Factory> groupBuy = Combinators.combine(termsFor(), scopes(), money(currency, 0, 40_000))
                .as((t, s, price) -> (id, c) -> new GroupBuyPrice(t.apply(id), s, price, BuyerContext.GROUP_FORMED));
        return Arbitraries.oneOf(percentOff, amountOff, tiered, repeating, thresholdPercent, coupon, flash, member,
                breaks, freeShipping, shippingCoupon, buyGet, bundle, gift, preSale, memberPercent, newUser, groupBuy);
    }

    /**
     * Sets of up to {@code maxSize} promotions with distinct ids ({@code p-0..}; coupons use
     * {@link #COUPON_IDS}).
     *
     * @param currency the currency
     * @param maxSize the most promotions
     * @return the promotion lists
     */
    public static Arbitrary<List<Promotion>> promotionSets(CurrencyUnit currency, int maxSize) {
        return factories(currency).list().ofMaxSize(maxSize).map(list -> {
            List<Promotion> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                String couponId = i < COUPON_IDS.size() ? COUPON_IDS.get(i) : "coupon-extra-" + i;
                out.add(list.get(i).make("p-" + i, couponId));
            }
            return out;
        });
    }
}
