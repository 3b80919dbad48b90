package dev.mercato.pricing.testkit;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Decision;
import dev.mercato.pricing.promotion.Discount;
import dev.mercato.pricing.promotion.LineResult;
import dev.mercato.pricing.promotion.PriceLevel;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RemainingCaps;
import dev.mercato.pricing.promotion.Scope;
import dev.mercato.pricing.promotion.SellerResult;
import dev.mercato.pricing.promotion.Window;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.money.MonetaryAmount;

/**
 * One-line descriptions of requests, promotions and results for counterexamples: amounts at
 * the currency's scale without the currency code (the request names it once), empty parts
 * left out. A failing property of the kit reports these instead of record dumps, for example
 *
 * <pre>
 * CNY at 2026-11-11T12:00:00Z, buyer GOLD new | line-0 tea-1@shop-a [tea] 3 x 33.00
 * tea-time (tea-time, ITEM) {category=tea, threshold=99.00, rate=15%, treat=5.00}
 * payable 84.15 | line-0 99.00 -&gt; 84.15 (-14.85 tea-time) | tea-time applied 14.85
 * </pre>
 */
public final class Describe {
    private Describe() {}

    /**
     * A request in one line: currency, instant, buyer, lines, shipping and caps.
     *
     * @param request the request
     * @return the description
     */
    public static String request(PricingRequest request) {
        StringBuilder b = new StringBuilder();
        b.append(request.currency().getCurrencyCode()).append(" at ").append(request.at());
        String buyer = buyer(request.buyer());
        b.append(", buyer ").append(buyer.isEmpty() ? "anonymous" : buyer);
        for (PricingLine line : request.lines()) {
            b.append(" | ").append(line(line));
        }
        if (!request.shipping().isEmpty()) {
            b.append(" | ship");
            new TreeMap<>(request.shipping()).forEach((seller, charge) -> b.append(' ').append(seller).append('=')
                    .append(amount(charge)));
        }
        String caps = caps(request.caps());
        if (!caps.isEmpty()) {
            b.append(" | caps ").append(caps);
        }
        return b.toString();
    }

    /**
     * A buyer: tiers, benefits, {@code new}, coupons held and flags; empty for an anonymous buyer.
     *
     * @param buyer the buyer
     * @return the description
     */
    public static String buyer(BuyerContext buyer) {
        List<String> parts = new ArrayList<>();
        parts.addAll(sorted(buyer.tiers()));
        buyer.benefits().stream().sorted().forEach(x -> parts.add("+" + x));
        if (buyer.newUser()) {
            parts.add("new");
        }
        if (!buyer.couponsHeld().isEmpty()) {
            parts.add("holds " + String.join(",", sorted(buyer.couponsHeld())));
        }
        buyer.flags().stream().sorted().forEach(x -> parts.add("#" + x));
        return String.join(" ", parts);
    }

    /**
     * A line: {@code id sku@seller [categories] quantity x unit price (levels)}.
     *
     * @param line the line
     * @return the description
     */
    public static String line(PricingLine line) {
        StringBuilder b = new StringBuilder();
        b.append(line.lineId()).append(' ').append(line.sku()).append('@').append(line.seller());
        if (!line.categoryPath().isEmpty()) {
            b.append(" [").append(String.join("/", line.categoryPath())).append(']');
        }
        b.append(' ').append(line.quantity()).append(" x ").append(amount(line.listUnitPrice()));
        if (!line.priceLevels().isEmpty()) {
            List<String> levels = new ArrayList<>();
            for (PriceLevel level : line.priceLevels()) {
                levels.add(level.name() + " " + amount(level.unitPrice()));
            }
            b.append(" (").append(String.join(", ", levels)).append(')');
        }
        return b.toString();
    }

    /**
     * A promotion: id, kind, lane, the terms that differ from {@link PromotionTerms#of(String)},
     * and the other record components of a record rule.
     *
     * @param promotion the promotion
     * @return the description
     */
    public static String promotion(Promotion promotion) {
        StringBuilder b = new StringBuilder();
        b.append(promotion.id()).append(" (").append(promotion.kind()).append(", ").append(promotion.lane());
        PromotionTerms t = promotion.terms();
        if (t.priority() != 0) {
            b.append(", priority ").append(t.priority());
        }
        t.exclusivityGroup().ifPresent(g -> b.append(", group ").append(g));
        if (!t.window().equals(Window.ALWAYS)) {
            b.append(", from ").append(t.window().from()).append(" until ").append(t.window().until());
        }
        if (!t.tiers().isEmpty()) {
            b.append(", tiers ").append(String.join(",", sorted(t.tiers())));
        }
        if (t.newUsersOnly()) {
            b.append(", new users");
        }
        if (t.exclusiveWithPriceLevels()) {
            b.append(", replaces price levels");
        }
        t.funding().ifPresent(f -> b.append(", funded ").append(f));
        b.append(')');
        if (promotion instanceof Record record) {
            List<String> fields = new ArrayList<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (c.getType() == PromotionTerms.class) {
                    continue;
                }
                try {
                    fields.add(c.getName() + "=" + value(c.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    fields.add(c.getName() + "=?");
                }
            }
            b.append(" {").append(String.join(", ", fields)).append('}');
        }
        return b.toString();
    }

    /**
     * Promotions, one description each, separated by {@code "; "}.
     *
     * @param promotions the promotions
     * @return the description
     */
    public static String promotions(List<? extends Promotion> promotions) {
        List<String> out = new ArrayList<>();
        promotions.forEach(p -> out.add(promotion(p)));
        return out.isEmpty() ? "no promotions" : String.join("; ", out);
    }

    /**
     * A result in one line: payable, each line's start and final with its discounts, each
     * shipping charge with its discounts, then every decision (applied with its amount, or the rejection reason).
     *
     * @param result the result
     * @return the description
     */
    public static String result(PricingResult result) {
        StringBuilder b = new StringBuilder();
        b.append("payable ").append(amount(result.payable()));
        for (LineResult line : result.lines()) {
            b.append(" | ").append(line.lineId()).append(' ').append(amount(line.startingAmount())).append(" -> ")
                    .append(amount(line.finalAmount()));
            if (!line.discounts().isEmpty()) {
                List<String> ds = new ArrayList<>();
                for (Discount d : line.discounts()) {
                    ds.add("-" + amount(d.amount()) + " " + d.promotionId());
                }
                b.append(" (").append(String.join(", ", ds)).append(')');
            }
        }
        for (SellerResult seller : result.sellers()) {
            if (seller.shipping().isPositive()) {
                b.append(" | ship ").append(seller.seller()).append(' ').append(amount(seller.shipping()));
                for (Discount d : seller.shippingDiscounts()) {
                    b.append(" -").append(amount(d.amount())).append(' ').append(d.promotionId());
                }
            }
        }
        for (Decision d : result.explanation()) {
            b.append(" | ").append(d.promotionId());
            if (d instanceof Decision.Applied a) {
                b.append(" applied ").append(amount(a.amount()));
            } else {
                b.append(" not applied: ").append(((Decision.Rejected) d).reason().describe());
            }
        }
        return b.toString();
    }

    /**
     * An amount as a plain number at its currency's scale, e.g. {@code 12.50}, {@code 1250},
     * {@code 12.500}.
     *
     * @param amount the amount
     * @return the number
     */
    public static String amount(MonetaryAmount amount) {
        try {
            return BigDecimal.valueOf(MinorUnits.toMinor(amount), MinorUnits.scale(amount.getCurrency()))
                    .toPlainString();
        } catch (RuntimeException e) {
            return amount.getNumber().numberValue(BigDecimal.class).toPlainString();
        }
    }

    private static String caps(RemainingCaps caps) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(caps.stockLeft()).forEach((id, v) -> parts.add("stock " + id + "=" + v));
        new TreeMap<>(caps.perBuyerUnitsLeft()).forEach((id, v) -> parts.add("per-buyer " + id + "=" + v));
        new TreeMap<>(caps.usesLeft()).forEach((id, v) -> parts.add("uses " + id + "=" + v));
        new TreeMap<>(caps.budgetLeft()).forEach((id, v) -> parts.add("budget " + id + "=" + amount(v)));
        return String.join(", ", parts);
    }

    private static String value(Object v) {
        if (v instanceof MonetaryAmount m) {
            return amount(m);
        }
        if (v instanceof Rate rate) {
            return rate.toString();
        }
        if (v instanceof Scope s) {
            if (s.isAll()) {
                return "all";
            }
            List<String> parts = new ArrayList<>();
            if (!s.skus().isEmpty()) {
                parts.add("sku " + String.join(",", sorted(s.skus())));
            }
            if (!s.categories().isEmpty()) {
                parts.add("category " + String.join(",", sorted(s.categories())));
            }
            if (!s.sellers().isEmpty()) {
                parts.add("seller " + String.join(",", sorted(s.sellers())));
            }
            return String.join(" & ", parts);
        }
        if (v instanceof Optional<?> o) {
            return o.map(Describe::value).orElse("-");
        }
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(x -> parts.add(value(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(k + ":" + value(x)));
            parts.sort(null);
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Record r) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    parts.add(value(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    parts.add("?");
                }
            }
            return "(" + String.join(" ", parts) + ")";
        }
        return String.valueOf(v);
    }

    private static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }
}
