package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.CartPricingRequest;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.catalog.PriceLevel;
import dev.mercato.core.catalog.Sku;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any catalog of member prices per plan and tier code, any codes a buyer holds, any choice of
 * the codes that pay member prices and with or without a tier ladder, each line starts at (its
 * amount after price levels is) the lowest of its list price, its new-user price for a new user,
 * its promotion price and every member price the buyer is entitled to: the single member price
 * and the own price of every held member-price code and, on a ladder, of every level below a held
 * one. So no line is priced at a code the buyer neither holds nor stands above on the ladder, and
 * a higher level never pays more than a lower one. A later item promotion only lowers the line.
 */
class MemberTierPriceProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    /** BRONZE < SILVER < GOLD is the ladder; PLUS and VIP are plans outside it. */
    static final List<String> LADDER = List.of("BRONZE", "SILVER", "GOLD");
    static final List<String> CODES = List.of("BRONZE", "SILVER", "GOLD", "PLUS", "VIP");

    /** One SKU's prices in fen: list, and each optional price as a share (1..100 %) of the list price. */
    record SkuPrices(long list, Optional<Integer> member, Optional<Integer> promotion, Optional<Integer> newUser,
            Map<String, Integer> own, long quantity) {}

    @Provide
    Arbitrary<SkuPrices> skus() {
        Arbitrary<Optional<Integer>> share = Arbitraries.integers().between(1, 100).optional(0.5);
        Arbitrary<Map<String, Integer>> own = Arbitraries.maps(Arbitraries.of(CODES),
                Arbitraries.integers().between(1, 100)).ofMaxSize(CODES.size());
        return Combinators.combine(Arbitraries.longs().between(1, 500_000), share, share.map(s -> s.filter(x -> x > 60)),
                share.map(s -> s.filter(x -> x > 40)), own, Arbitraries.longs().between(1, 4)).as(SkuPrices::new);
    }

    @Provide
    Arbitrary<List<SkuPrices>> carts() {
        return skus().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Set<String>> codes() {
        return Arbitraries.of(CODES).set().ofMaxSize(CODES.size());
    }

    static long share(long list, int percent) {
        return Math.max(1, list * percent / 100);
    }

    static Sku sku(int i, SkuPrices p) {
        Sku sku = Sku.of("sku-" + i, "shop-" + (i % 2), "SKU " + i, MinorUnits.toAmount(p.list(), CNY));
        if (p.member().isPresent()) {
            sku = sku.withPriceLevel(PriceLevel.MEMBER, MinorUnits.toAmount(share(p.list(), p.member().get()), CNY));
        }
        if (p.promotion().isPresent()) {
            sku = sku.withPriceLevel(PriceLevel.PROMOTION, MinorUnits.toAmount(share(p.list(), p.promotion().get()), CNY));
        }
        if (p.newUser().isPresent()) {
            sku = sku.withPriceLevel(PriceLevel.NEW_USER, MinorUnits.toAmount(share(p.list(), p.newUser().get()), CNY));
        }
        for (Map.Entry<String, Integer> own : new TreeMap<>(p.own()).entrySet()) {
            sku = sku.withMemberPrice(own.getKey(), MinorUnits.toAmount(share(p.list(), own.getValue()), CNY));
        }
        return sku;
    }

    /** The codes entitled to member prices: held ones, and on a ladder the levels below a held one; those that pay. */
    static Set<String> entitled(Set<String> held, Set<String> paying, boolean ladder) {
        Set<String> codes = new TreeSet<>(held);
        if (ladder) {
            for (int i = 0; i < LADDER.size(); i++) {
                if (held.contains(LADDER.get(i))) {
                    codes.addAll(LADDER.subList(0, i));
                }
            }
        }
        codes.retainAll(paying);
        return codes;
    }

    /** The lowest unit price in fen the buyer may start the line at, worked out from the generated prices. */
    static long expectedUnit(SkuPrices p, Set<String> entitled, boolean newUser) {
        long unit = p.list();
        if (p.promotion().isPresent()) {
            unit = Math.min(unit, share(p.list(), p.promotion().get()));
        }
        if (newUser && p.newUser().isPresent()) {
            unit = Math.min(unit, share(p.list(), p.newUser().get()));
        }
        if (!entitled.isEmpty() && p.member().isPresent()) {
            unit = Math.min(unit, share(p.list(), p.member().get()));
        }
        for (String code : entitled) {
            if (p.own().containsKey(code)) {
                unit = Math.min(unit, share(p.list(), p.own().get(code)));
            }
        }
        return unit;
    }

    @Property(tries = 300)
    void eachLineStartsAtTheLowestPriceTheBuyerIsEntitledTo(
            @ForAll("carts") List<SkuPrices> cart,
            @ForAll("codes") Set<String> held,
            @ForAll("codes") Set<String> payingCodes,
            @ForAll boolean ladder,
            @ForAll boolean newUser,
            @ForAll boolean tenPercentOff) {
        Set<String> paying = payingCodes.isEmpty() ? Set.of("GOLD") : payingCodes;
        PricingEngine engine = PricingEngine.of(PromotionJson.standard().read("{\"currency\": \"CNY\", \"promotions\": ["
                + (tenPercentOff ? "{\"kind\": \"percent-off\", \"id\": \"ten\", \"percent\": 10}" : "") + "]}"));
        BuyerContext buyer = BuyerContext.anonymous().withTiers(held.toArray(String[]::new)).withNewUser(newUser);
        CartPricing pricing = ladder ? CartPricing.engine(engine, id -> buyer, paying, LADDER)
                : CartPricing.engine(engine, id -> buyer, paying);
        List<CartPricingRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < cart.size(); i++) {
            lines.add(new CartPricingRequest.Line(i + 1, sku(i, cart.get(i)), cart.get(i).quantity()));
        }
        PricedCart priced = pricing.price(new CartPricingRequest("ann", CNY, Instant.parse("2026-06-01T10:00:00Z"), lines));

        Set<String> entitled = entitled(held, paying, ladder);
        for (int i = 0; i < cart.size(); i++) {
            SkuPrices p = cart.get(i);
            PricedCart.Line line = priced.lines().get(i);
            long unit = expectedUnit(p, entitled, newUser);
            assertEquals(unit * p.quantity(), MinorUnits.toMinor(line.priceLevelAmount()),
                    "line " + (i + 1) + " starts at the lowest entitled price; entitled " + entitled + ", " + p);
            long payable = MinorUnits.toMinor(line.payable());
            assertTrue(payable <= unit * p.quantity(), "an item promotion only lowers the line");
            if (!tenPercentOff) {
                assertEquals(unit * p.quantity(), payable, "no promotion: the line pays its starting price");
            }
            // The code the explanation names is one the buyer is entitled to, at the price charged.
            String prefix = "line " + (i + 1) + " (sku-" + i + "): member price ";
            for (String said : priced.explanation()) {
                if (said.startsWith(prefix)) {
                    String code = said.substring(said.indexOf(" of ") + 4).split("[ ,]")[0];
                    assertTrue(entitled.contains(code), said + " names a code not entitled: " + entitled);
                    Sku sku = sku(i, p);
                    assertEquals(unit, MinorUnits.toMinor(sku.memberPriceFor(Set.of(code)).orElseThrow()), said);
                }
            }
        }
    }

    @Property(tries = 300)
    void aHigherLevelNeverPaysMoreThanALowerOne(@ForAll("skus") SkuPrices p, @ForAll("codes") Set<String> payingCodes) {
        Set<String> paying = new HashSet<>(payingCodes);
        paying.add("BRONZE");
        Sku sku = sku(0, p);
        long previous = Long.MAX_VALUE;
        for (String level : LADDER) {
            PricingEngine engine = PricingEngine.of(PromotionJson.standard().read("{\"currency\": \"CNY\", \"promotions\": []}"));
            BuyerContext buyer = BuyerContext.anonymous().withTiers(level);
            PricedCart priced = CartPricing.engine(engine, id -> buyer, paying, LADDER).price(new CartPricingRequest("ann",
                    CNY, Instant.parse("2026-06-01T10:00:00Z"), List.of(new CartPricingRequest.Line(1, sku, 1))));
            long paid = MinorUnits.toMinor(priced.lines().get(0).payable());
            assertTrue(paid <= previous, level + " pays " + paid + ", more than the level below's " + previous);
            previous = paid;
        }
    }

    @Property(tries = 300)
    void theSkuAnswersTheLowestPriceOfTheHeldCodes(@ForAll("skus") SkuPrices p, @ForAll("codes") Set<String> held) {
        Sku sku = sku(0, p);
        Optional<Long> best = Optional.empty();
        if (!held.isEmpty() && p.member().isPresent()) {
            best = Optional.of(share(p.list(), p.member().get()));
        }
        for (String code : held) {
            if (p.own().containsKey(code)) {
                long own = share(p.list(), p.own().get(code));
                best = Optional.of(best.map(b -> Math.min(b, own)).orElse(own));
            }
        }
        assertEquals(best, sku.memberPriceFor(held).map(MinorUnits::toMinor));
        assertEquals(p.own().size(), sku.memberPrices().size());
    }
}
