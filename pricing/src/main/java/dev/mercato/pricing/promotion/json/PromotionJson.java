package dev.mercato.pricing.promotion.json;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.error.MercatoException;
import dev.mercato.pricing.json.JsonValue;
import dev.mercato.pricing.json.StrictJson;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.rule.AmountOff;
import dev.mercato.pricing.promotion.rule.BundlePrice;
import dev.mercato.pricing.promotion.rule.BuyXGetY;
import dev.mercato.pricing.promotion.rule.Coupon;
import dev.mercato.pricing.promotion.rule.CouponApplication;
import dev.mercato.pricing.promotion.rule.CouponValue;
import dev.mercato.pricing.promotion.rule.FirstAndAdditionalPrice;
import dev.mercato.pricing.promotion.rule.Pick;
import dev.mercato.pricing.promotion.rule.QuantityForPrice;
import dev.mercato.pricing.promotion.rule.QuantityLimitedDiscount;
import dev.mercato.pricing.promotion.rule.ShippingDiscount;
import dev.mercato.pricing.promotion.rule.ShippingTier;
import dev.mercato.pricing.promotion.rule.UnitOff;
import dev.mercato.pricing.promotion.Scope;
import dev.mercato.pricing.promotion.rule.FlashSale;
import dev.mercato.pricing.promotion.rule.FreeGift;
import dev.mercato.pricing.promotion.rule.FreeShipping;
import dev.mercato.pricing.promotion.rule.GroupBuyPrice;
import dev.mercato.pricing.promotion.rule.Measure;
import dev.mercato.pricing.promotion.rule.MemberPercentOff;
import dev.mercato.pricing.promotion.rule.MemberPrice;
import dev.mercato.pricing.promotion.rule.NewUserPrice;
import dev.mercato.pricing.promotion.rule.PercentOff;
import dev.mercato.pricing.promotion.rule.PreSale;
import dev.mercato.pricing.promotion.rule.QuantityBreak;
import dev.mercato.pricing.promotion.rule.QuantityBreaks;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.RepeatingReduction;
import dev.mercato.pricing.promotion.rule.ShippingCoupon;
import dev.mercato.pricing.promotion.rule.ThresholdPercentOff;
import dev.mercato.pricing.promotion.rule.ThresholdReduction;
import dev.mercato.pricing.promotion.rule.Tier;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.UnknownCurrencyException;

/**
 * Reads promotion documents:
 *
 * <pre>{@code
 * {"currency": "CNY",
 *  "promotions": [
 *    {"kind": "repeating-reduction", "id": "every-300-40", "reach": "across-shops", "every": 300, "off": 40}
 *  ]}
 * }</pre>
 *
 * The schema of every built-in kind is in {@code docs/pricing.md}. Every malformed document is a
 * {@link PromotionFileException} naming the location (e.g. {@code $.promotions[3].threshold})
 * and the problem; an unknown kind lists the known kinds, an unknown field the known fields.
 * Instances are immutable and thread-safe; {@link #withKind(String, KindReader)} returns a
 * reader that also knows a custom kind.
 *
 * <p>Documents are read through the strict JSON layer ({@code docs/pricing.md}, "Hostile
 * input"): duplicate keys, oversized documents, strings and numbers, deep nesting and numbers
 * out of bounds are refused before any arithmetic, as a {@link PromotionFileException} whose
 * message quotes at most 40 characters of the document.
 */
public final class PromotionJson {
    private static final StrictJson.Refusal REFUSAL = PromotionFileException::new;

    private static final PromotionJson STANDARD = new PromotionJson(standardKinds());

    private final Map<String, KindReader> kinds;

    private PromotionJson(Map<String, KindReader> kinds) {
        this.kinds = kinds;
    }

    /**
     * A reader of the built-in kinds.
     *
     * @return the reader
     */
    public static PromotionJson standard() {
        return STANDARD;
    }

    /**
     * This reader plus a custom kind.
     *
     * @param kind the kind's name as written in {@code "kind"}
     * @param reader builds the promotion from its fields
     * @return a new reader
     * @throws InvalidInputException if the kind is already known
     */
    public PromotionJson withKind(String kind, KindReader reader) {
        InvalidInputException.requireNonNull(kind, "kind");
        InvalidInputException.requireNonNull(reader, "reader");
        if (kinds.containsKey(kind)) {
            throw new InvalidInputException("kind", kind, "is already known");
        }
        Map<String, KindReader> more = new TreeMap<>(kinds);
        more.put(kind, reader);
        return new PromotionJson(java.util.Collections.unmodifiableMap(more));
    }

    /**
     * The kinds this reader knows.
     *
     * @return the kind names, sorted
     */
    public Set<String> kinds() {
        return kinds.keySet();
    }

    /**
     * Reads a document.
     *
     * @param json the document
     * @return the promotions, in document order
     * @throws PromotionFileException if the document is malformed
     */
    public List<Promotion> read(String json) {
        InvalidInputException.requireNonNull(json, "json");
        return read(StrictJson.parse(json, REFUSAL));
    }

    /**
     * Reads a document from a stream (UTF-8 or as detected by Jackson). Does not close the stream.
     *
     * @param in the stream
     * @return the promotions, in document order
     * @throws PromotionFileException if the document is malformed
     * @throws UncheckedIOException if the stream cannot be read
     */
    public List<Promotion> read(InputStream in) {
        InvalidInputException.requireNonNull(in, "in");
        return read(StrictJson.parse(in, REFUSAL));
    }

    private List<Promotion> read(JsonValue root) {
        if (!root.isObject()) {
            throw new PromotionFileException("$", "must be an object with \"currency\" and \"promotions\"");
        }
        PromotionFields document = new PromotionFields(root, null);
        String code = document.text("currency");
        CurrencyUnit currency = currency(code);
        JsonValue list = root.member("promotions")
                .orElseThrow(() -> new PromotionFileException("$.promotions", "must be an array of promotions"));
        if (!list.node().isArray()) {
            throw new PromotionFileException("$.promotions", "must be an array of promotions");
        }
        document.has("promotions");
        document.rejectUnknown();
        List<JsonValue> elements = list.elements();
        List<Promotion> out = new ArrayList<>(elements.size());
        Set<String> ids = new HashSet<>();
        for (JsonValue element : elements) {
            String at = element.path();
            PromotionFields fields = new PromotionFields(element, currency);
            String kind = fields.text("kind");
            KindReader reader = kinds.get(kind);
            if (reader == null) {
                // At most 30 names, so a registry of many custom kinds keeps the message bounded.
                List<String> known = kinds.keySet().stream().limit(30).toList();
                throw fields.problem("kind", "unknown kind " + StrictJson.quote(kind) + "; known kinds: "
                        + String.join(", ", known) + (kinds.size() > known.size()
                                ? " and " + (kinds.size() - known.size()) + " more" : ""));
            }
            Promotion promotion = guard(at, () -> reader.read(fields));
            for (String common : PromotionFields.COMMON) {
                fields.has(common);
            }
            fields.rejectUnknown();
            if (!ids.add(promotion.id())) {
                throw fields.problem("id", "repeats the id " + StrictJson.quote(promotion.id()) + " of an earlier promotion");
            }
            out.add(promotion);
        }
        return List.copyOf(out);
    }

    private static CurrencyUnit currency(String code) {
        // A currency code is three letters: anything else is refused before the (slow) lookup.
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new PromotionFileException("$.currency", "is not a known currency code: " + StrictJson.quote(code));
        }
        try {
            CurrencyUnit currency = Monetary.getCurrency(code);
            guard("$", () -> MinorUnits.scale(currency));
            return currency;
        } catch (UnknownCurrencyException e) {
            throw new PromotionFileException("$.currency", "is not a known currency code: " + StrictJson.quote(code), e);
        }
    }

    /**
     * Runs a builder, turning a record's precondition failure into an error at the field it names
     * and any other Mercato exception (an overflow, a bad currency) into an error at {@code at}:
     * reading a document refuses with a {@link PromotionFileException} only.
     */
    static <T> T guard(String at, Supplier<T> build) {
        try {
            return build.get();
        } catch (PromotionFileException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw new PromotionFileException(JsonValue.key(at, e.field()), StrictJson.bound(e.problem()), e);
        } catch (MercatoException e) {
            throw new PromotionFileException(at, StrictJson.bound(e.getMessage()), e);
        }
    }

    private static Map<String, KindReader> standardKinds() {
        Map<String, KindReader> k = new TreeMap<>();
        k.put(PercentOff.KIND, f -> new PercentOff(f.terms(), f.scope(), f.percent("percent")));
        k.put(AmountOff.KIND, f -> new AmountOff(f.terms(), f.scope(), f.money("perUnit")));
        k.put(FlashSale.KIND, f -> new FlashSale(f.terms(), f.scope(), f.money("unitPrice"), f.whole("stock"),
                f.whole("perBuyerLimit", 1)));
        k.put(ThresholdReduction.KIND, f -> new ThresholdReduction(f.terms(), f.scope(),
                f.choice("reach", Reach.class, Reach.PER_SHOP),
                f.ladder("tiers", "threshold", "off", Tier::new),
                f.choice("measure", Measure.class, Measure.RUNNING)));
        k.put(RepeatingReduction.KIND, f -> new RepeatingReduction(f.terms(), f.scope(),
                f.choice("reach", Reach.class, Reach.PER_SHOP), f.money("every"), f.money("off"), f.optionalMoney("cap"),
                f.choice("measure", Measure.class, Measure.RUNNING)));
        k.put(ThresholdPercentOff.KIND, f -> new ThresholdPercentOff(f.terms(), f.scope(),
                f.choice("reach", Reach.class, Reach.PER_SHOP), f.whole("minItems", 0),
                f.optionalMoney("minSpend").orElse(dev.mercato.pricing.money.MinorUnits.toAmount(0, f.currency())),
                f.percent("percent"), f.choice("measure", Measure.class, Measure.RUNNING)));
        k.put(BuyXGetY.KIND, f -> {
            Scope buys = f.scope();
            return new BuyXGetY(f.terms(), buys, f.whole("buy"), f.whole("get"),
                    f.percent("percent", Rate.ONE_HUNDRED_PERCENT), f.has("getScope") ? scopeAt(f, "getScope") : buys,
                    f.choice("pick", Pick.class, Pick.CHEAPEST), f.whole("maxApplications", Long.MAX_VALUE));
        });
        k.put(QuantityLimitedDiscount.KIND, f -> new QuantityLimitedDiscount(f.terms(), f.scope(), unitOff(f),
                f.whole("maxQuantity")));
        k.put(FirstAndAdditionalPrice.KIND, f -> new FirstAndAdditionalPrice(f.terms(), f.scope(),
                f.money("firstUnitPrice"), f.money("additionalUnitPrice")));
        k.put(QuantityForPrice.KIND, f -> new QuantityForPrice(f.terms(), f.scope(), f.whole("quantity"),
                f.money("price"), f.whole("maxApplications", Long.MAX_VALUE)));
        k.put(ShippingDiscount.KIND, f -> new ShippingDiscount(f.terms(), f.scope(),
                f.choice("reach", Reach.class, Reach.PER_SHOP), f.objects("tiers", PromotionJson::shippingTier)));
        k.put(BundlePrice.KIND, f -> new BundlePrice(f.terms(), f.counts("items"), f.money("price")));
        k.put(FreeGift.KIND, f -> {
            PromotionFields g = f.object("gift");
            Effect.Gift gift = guardGift(f.path(), g);
            return new FreeGift(f.terms(), f.scope(), f.money("threshold"), gift);
        });
        k.put(Coupon.KIND, f -> new Coupon(f.terms(), f.optionalText("shop"), f.scope(),
                f.optionalMoney("minSpend").orElse(dev.mercato.pricing.money.MinorUnits.toAmount(0, f.currency())),
                couponValue(f), f.choice("applies", CouponApplication.class, CouponApplication.ONCE_PER_ORDER)));
        k.put(FreeShipping.KIND, f -> new FreeShipping(f.terms(), f.scope(), f.money("threshold")));
        k.put(ShippingCoupon.KIND, f -> new ShippingCoupon(f.terms(), f.optionalText("shop"),
                f.optionalMoney("minSpend").orElse(dev.mercato.pricing.money.MinorUnits.toAmount(0, f.currency())),
                f.money("maxOff")));
        k.put(MemberPrice.KIND, f -> new MemberPrice(f.terms(), f.scope(), f.money("unitPrice")));
        k.put(MemberPercentOff.KIND, f -> new MemberPercentOff(f.terms(), f.scope(), f.percent("percent")));
        k.put(NewUserPrice.KIND, f -> new NewUserPrice(f.terms(), f.scope(), f.money("unitPrice")));
        k.put(QuantityBreaks.KIND, f -> new QuantityBreaks(f.terms(), f.scope(), breaks(f)));
        k.put(GroupBuyPrice.KIND, f -> new GroupBuyPrice(f.terms(), f.scope(), f.money("unitPrice"),
                f.optionalText("flag").orElse(BuyerContext.GROUP_FORMED)));
        k.put(PreSale.KIND, f -> new PreSale(f.terms(), f.scope(), f.money("deposit"), f.money("depositValue")));
        return java.util.Collections.unmodifiableMap(k);
    }

    /** Quantity breaks in document order: minimum quantities ascending, unit prices never rising. */
    private static List<QuantityBreak> breaks(PromotionFields f) {
        List<QuantityBreak> breaks = f.objects("breaks", b -> new QuantityBreak(b.whole("minQuantity"), b.money("unitPrice")));
        for (int k = 1; k < breaks.size(); k++) {
            QuantityBreak previous = breaks.get(k - 1);
            QuantityBreak next = breaks.get(k);
            String at = f.path() + ".breaks[" + k + "]";
            if (next.minQuantity() <= previous.minQuantity()) {
                throw new PromotionFileException(at + ".minQuantity", "must be above the previous break's minimum quantity "
                        + previous.minQuantity() + ", was " + next.minQuantity());
            }
            if (next.unitPrice().isGreaterThan(previous.unitPrice())) {
                throw new PromotionFileException(at + ".unitPrice", "must not rise as the quantity rises: the previous break"
                        + " costs " + previous.unitPrice() + ", this one " + next.unitPrice());
            }
        }
        return breaks;
    }

    private static Effect.Gift guardGift(String promotion, PromotionFields g) {
        // The gift's own checks name their fields "gift.quantity" and so on, under the promotion.
        Effect.Gift gift = guard(promotion, () -> new Effect.Gift(g.text("sku"), g.text("seller"), g.whole("quantity", 1),
                g.money("unitValue")));
        g.rejectUnknown();
        return gift;
    }

    /** A scope object at another field than {@code scope} (same shape). */
    private static Scope scopeAt(PromotionFields f, String field) {
        PromotionFields s = f.object(field);
        Scope scope = new Scope(Set.copyOf(s.texts("skus")), Set.copyOf(s.texts("categories")),
                Set.copyOf(s.texts("sellers")));
        s.rejectUnknown();
        return scope;
    }

    private static UnitOff unitOff(PromotionFields f) {
        boolean percent = f.has("percent");
        boolean perUnit = f.has("perUnit");
        if (percent == perUnit) {
            throw f.problem(percent ? "perUnit" : "percent", "needs exactly one of \"percent\" or \"perUnit\" (an amount)");
        }
        return percent ? new UnitOff.Percent(f.percent("percent")) : new UnitOff.Amount(f.money("perUnit"));
    }

    private static ShippingTier shippingTier(PromotionFields t) {
        boolean percent = t.has("percent");
        boolean off = t.has("off");
        if (percent == off) {
            throw t.problem(percent ? "off" : "percent", "a shipping tier needs exactly one of \"percent\" or \"off\"");
        }
        return new ShippingTier(t.money("threshold"),
                percent ? java.util.Optional.of(t.percent("percent")) : java.util.Optional.empty(),
                off ? java.util.Optional.of(t.money("off")) : java.util.Optional.empty());
    }

    private static CouponValue couponValue(PromotionFields f) {
        boolean off = f.has("off");
        boolean percent = f.has("percent");
        if (off == percent) {
            throw f.problem(off ? "percent" : "off", "a coupon needs exactly one of \"off\" (an amount) or \"percent\"");
        }
        if (off) {
            f.has("maxDiscount");
            if (f.has("maxDiscount")) {
                throw f.problem("maxDiscount", "applies to percent coupons only");
            }
            return new CouponValue.Amount(f.money("off"));
        }
        return new CouponValue.Percent(f.percent("percent"), f.optionalMoney("maxDiscount"));
    }
}
