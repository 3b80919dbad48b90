package dev.mercato.benchmarks;

import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import dev.mercato.pricing.promotion.rule.AmountOff;
import dev.mercato.pricing.promotion.rule.Coupon;
import dev.mercato.pricing.promotion.rule.CouponValue;
import dev.mercato.pricing.promotion.rule.Measure;
import dev.mercato.pricing.promotion.rule.PercentOff;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.RepeatingReduction;
import dev.mercato.pricing.promotion.rule.ThresholdReduction;
import dev.mercato.pricing.promotion.rule.Tier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * Deterministic carts and promotion sets for the pricing benchmarks, and the same promotions
 * as plain data for {@link LowerBoundPricer}.
 *
 * <p>Carts: {@code lines} lines over up to ten sellers, in canonical order (seller, SKU, line id),
 * each line in two categories out of ten, every line with the same quantity and a line amount of
 * 6000 x (1.00 to 99.99 CNY) whatever the quantity. Promotions cycle through six kinds: percent off a category, amount off per unit
 * of one SKU, a tiered per-shop spend-X-save-Y, a repeating cross-shop reduction, a shop coupon
 * with a minimum spend and a platform percent coupon with a cap. The buyer holds the first shop
 * coupon and the first platform coupon; the others are rejected as not held.
 */
final class PricingFixture {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant AT = Instant.parse("2026-11-11T10:00:00Z");
    /** The largest quantity; every quantity used must divide it. */
    static final long MAX_QUANTITY = 6_000;

    private PricingFixture() {}

    static String seller(int k) {
        return String.format("s%02d", k);
    }

    static int sellerCount(int lines) {
        return Math.min(lines, 10);
    }

    static List<PricingLine> lines(int lines, long quantity) {
        int sellers = sellerCount(lines);
        if (quantity < 1 || MAX_QUANTITY % quantity != 0) {
            throw new IllegalArgumentException("quantity must divide " + MAX_QUANTITY + ": " + quantity);
        }
        List<PricingLine> out = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            int k = (int) ((long) i * sellers / lines);
            // The line amount does not depend on the quantity (unit price x quantity is the same
            // for quantity 1 and 6000), so both quantities meet the same thresholds and apply the
            // same promotions: what differs is the quantity alone.
            long unitMinor = (100 + (i * 7919L) % 9_900) * (MAX_QUANTITY / quantity);
            out.add(PricingLine.of(String.format("l%04d", i), String.format("sku-%04d", i), seller(k),
                    List.of("dept-" + (i % 3), "cat-" + (i % 10)), quantity, money(unitMinor)));
        }
        return out;
    }

    static PricingRequest request(int lines, long quantity) {
        return PricingRequest.of(CNY, AT, lines(lines, quantity))
                .withBuyer(BuyerContext.anonymous().withCoupons("p004", "p005"));
    }

    static MonetaryAmount money(long minor) {
        return Money.of(BigDecimal.valueOf(minor, 2), CNY);
    }

    /** The promotions as plain data, in the order of their ids. */
    static List<LowerBoundPricer.Spec> specs(int promotions, int lines) {
        int sellers = sellerCount(lines);
        List<LowerBoundPricer.Spec> out = new ArrayList<>(promotions);
        for (int j = 0; j < promotions; j++) {
            String id = String.format("p%03d", j);
            switch (j % 6) {
                case 0 -> out.add(LowerBoundPricer.Spec.percentOff(id, "cat-" + (j / 6 % 10), 5 + j % 11));
                case 1 -> out.add(LowerBoundPricer.Spec.amountOff(id, String.format("sku-%04d", (j * 37) % lines),
                        10 + j % 40));
                case 2 -> out.add(LowerBoundPricer.Spec.tieredPerShop(id, new long[] {5_000, 20_000},
                        new long[] {500, 2_500 + j}));
                case 3 -> out.add(LowerBoundPricer.Spec.repeatingAcrossShops(id, 30_000, 2_000 + j, 20_000));
                case 4 -> out.add(LowerBoundPricer.Spec.shopCoupon(id, seller(j % sellers), 10_000, 1_000));
                default -> out.add(LowerBoundPricer.Spec.platformCoupon(id, 10, 5_000));
            }
        }
        return out;
    }

    /** The same promotions as Mercato rules. */
    static List<Promotion> promotions(int promotions, int lines) {
        return promotions(specs(promotions, lines));
    }

    /** The given promotions as Mercato rules. */
    static List<Promotion> promotions(List<LowerBoundPricer.Spec> specs) {
        List<Promotion> out = new ArrayList<>(specs.size());
        for (LowerBoundPricer.Spec s : specs) {
            PromotionTerms terms = PromotionTerms.of(s.id());
            out.add(switch (s.kind()) {
                case PERCENT_OFF -> new PercentOff(terms, Scope.categories(s.category()), Rate.percent(s.percent()));
                case AMOUNT_OFF -> new AmountOff(terms, Scope.skus(s.sku()), money(s.off()));
                case TIERED_PER_SHOP -> {
                    List<Tier> tiers = new ArrayList<>();
                    for (int t = 0; t < s.thresholds().length; t++) {
                        tiers.add(new Tier(money(s.thresholds()[t]), money(s.offs()[t])));
                    }
                    yield new ThresholdReduction(terms, Scope.all(), Reach.PER_SHOP, tiers, Measure.RUNNING);
                }
                case REPEATING_ACROSS_SHOPS -> new RepeatingReduction(terms, Scope.all(), Reach.ACROSS_SHOPS,
                        money(s.every()), money(s.off()), Optional.of(money(s.cap())), Measure.RUNNING);
                case SHOP_COUPON -> new Coupon(terms, Optional.of(s.seller()), Scope.all(), money(s.minSpend()),
                        new CouponValue.Amount(money(s.off())));
                case PLATFORM_COUPON -> new Coupon(terms, Optional.empty(), Scope.all(), money(0),
                        new CouponValue.Percent(Rate.percent(s.percent()), Optional.of(money(s.cap()))));
            });
        }
        return out;
    }
}
