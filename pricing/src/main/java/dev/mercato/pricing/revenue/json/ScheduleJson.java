package dev.mercato.pricing.revenue.json;

import dev.mercato.pricing.commission.CategoryPath;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.EffectivePeriod;
import dev.mercato.pricing.commission.InvalidScheduleException;
import dev.mercato.pricing.commission.RateStructure;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.commission.Tier;
import dev.mercato.pricing.commission.TierMode;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.AdAuction;
import dev.mercato.pricing.fee.AnnualFee;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.DepositSchedule;
import dev.mercato.pricing.fee.FeeFormula;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.fee.PaymentFees;
import dev.mercato.pricing.fee.PenaltySchedule;
import dev.mercato.pricing.fee.RevenueSharePolicy;
import dev.mercato.pricing.fee.TransactionFee;
import dev.mercato.pricing.json.JsonValue;
import dev.mercato.pricing.json.StrictJson;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.PlatformSchedules;
import dev.mercato.pricing.revenue.RevenueSchedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.UnknownCurrencyException;

/**
 * Reads a platform's schedules from a JSON document (schema: {@code docs/commission-and-fees.md}).
 *
 * <p>Every malformed document is reported as an {@link InvalidScheduleException} whose {@link
 * InvalidScheduleException#location() location} is a path such as {@code
 * $.commission.rules[2].rate} (or {@code line 4, column 9} for broken JSON syntax) and whose
 * {@link InvalidScheduleException#problem() problem} says what is wrong there. Unknown fields
 * are errors, so a typo never silently drops a rule. Documents are read through the strict JSON
 * layer ({@code docs/commission-and-fees.md}, "Hostile input"): duplicate keys, oversized
 * documents, strings and numbers, deep nesting and numbers out of bounds are refused before
 * any arithmetic, and a message quotes at most 40 characters of the document. Stateless and
 * thread-safe.
 */
public final class ScheduleJson {

    /** The example schedules shipped with the library, by name. */
    public static final List<String> EXAMPLES = List.of("c2c-marketplace", "b2c-mall", "hybrid-self-operated", "o2o-services");

    private ScheduleJson() {}

    /**
     * Reads schedules from JSON text.
     *
     * @param json the document
     * @return the schedules
     * @throws InvalidScheduleException if the document is malformed, naming where and why
     */
    public static PlatformSchedules read(String json) {
        InvalidInputException.requireNonNull(json, "json");
        return parse(StrictJson.parse(json, Node.REFUSAL));
    }

    /**
     * Reads schedules from a stream of UTF-8 JSON; the stream is not closed.
     *
     * @param in the stream
     * @return the schedules
     * @throws InvalidScheduleException if the document is malformed, naming where and why
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static PlatformSchedules read(InputStream in) {
        InvalidInputException.requireNonNull(in, "in");
        return parse(StrictJson.parse(in, Node.REFUSAL));
    }

    /**
     * Loads one of the example schedules shipped with the library.
     *
     * @param name one of {@link #EXAMPLES}
     * @return the schedules
     * @throws InvalidInputException if there is no such example
     */
    public static PlatformSchedules example(String name) {
        InvalidInputException.requireNonNull(name, "name");
        if (!EXAMPLES.contains(name)) {
            throw new InvalidInputException("name", name, "is not one of " + EXAMPLES);
        }
        try (InputStream in = ScheduleJson.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new InvalidInputException("name", name, "has no resource " + name + ".json");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PlatformSchedules parse(JsonValue tree) {
        Node root = new Node(tree).object("name", "currency", "rounding", "commission", "fees", "annualFee",
                "deposits", "penalties", "advertising");
        String name = root.field("name").text();
        Node currencyNode = root.field("currency");
        CurrencyUnit currency = currency(currencyNode);
        RoundingPolicy rounding = root.optional("rounding")
                .map(n -> RoundingPolicy.of(n.enumValue(RoundingMode.class))).orElse(RoundingPolicy.HALF_UP);
        CommissionSchedule commission = commission(root.field("commission"), name, currency, rounding);
        FeeSchedule fees = root.optional("fees").map(n -> fees(n, name, currency, rounding))
                .orElse(FeeSchedule.none(name, currency, rounding));
        RevenueSchedule revenue = root.wrap(() -> new RevenueSchedule(name, commission, fees));
        return new PlatformSchedules(revenue,
                root.optional("annualFee").map(n -> annualFee(n, currency)),
                root.optional("deposits").map(n -> deposits(n, currency)),
                root.optional("penalties").map(n -> penalties(n, currency)),
                root.optional("advertising").map(n -> advertising(n, currency)));
    }

    private static CurrencyUnit currency(Node node) {
        String code = node.text();
        // A currency code is three letters: anything else is refused before the (slow) lookup.
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw node.problem(StrictJson.quote(code) + " is not a known currency code");
        }
        try {
            CurrencyUnit currency = Monetary.getCurrency(code);
            return node.wrap(() -> {
                dev.mercato.pricing.money.MinorUnits.scale(currency);
                return currency;
            });
        } catch (UnknownCurrencyException e) {
            throw node.problem(StrictJson.quote(code) + " is not a known currency code");
        }
    }

    private static CommissionSchedule commission(Node node, String name, CurrencyUnit currency, RoundingPolicy rounding) {
        node.object("base", "rules");
        ChargeBase base = node.field("base").enumValue(ChargeBase.class);
        List<CommissionRule> rules = new ArrayList<>();
        for (Node rule : node.field("rules").elements()) {
            rules.add(rule(rule, currency));
        }
        return node.wrap(() -> CommissionSchedule.of(name, currency, base, rounding, rules));
    }

    private static CommissionRule rule(Node node, CurrencyUnit currency) {
        node.object("id", "scope", "rate", "tiers", "from", "until", "minimum", "maximum", "note");
        String id = node.field("id").text();
        RuleScope scope = scope(node.field("scope"));
        Optional<Node> rate = node.optional("rate");
        Optional<Node> tiers = node.optional("tiers");
        if (rate.isPresent() == tiers.isPresent()) {
            throw node.problem("needs exactly one of \"rate\" (flat) and \"tiers\"");
        }
        RateStructure structure = rate.isPresent()
                ? new RateStructure.Flat(rate.get().rate())
                : tiered(tiers.get(), currency);
        EffectivePeriod period = node.wrap(() -> new EffectivePeriod(node.optional("from").map(Node::instant),
                node.optional("until").map(Node::instant)));
        Optional<MonetaryAmount> minimum = node.optional("minimum").map(n -> n.amount(currency));
        Optional<MonetaryAmount> maximum = node.optional("maximum").map(n -> n.amount(currency));
        return node.wrap(() -> new CommissionRule(id, scope, period, structure, minimum, maximum));
    }

    private static RuleScope scope(Node node) {
        String text = node.text();
        if (text.equals("default")) {
            return new RuleScope.Everything();
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (!List.of("sku", "seller", "brand", "category").contains(kind)) {
            throw node.problem(StrictJson.quote(text)
                    + " is not a scope; use \"default\", \"sku:ID\", \"seller:ID\", \"brand:NAME\" or \"category:a/b/c\"");
        }
        return node.wrap(() -> switch (kind) {
            case "sku" -> new RuleScope.Sku(value);
            case "seller" -> new RuleScope.Seller(value);
            case "brand" -> new RuleScope.Brand(value);
            default -> new RuleScope.Category(CategoryPath.of(value));
        });
    }

    private static RateStructure tiered(Node node, CurrencyUnit currency) {
        node.object("mode", "bands");
        TierMode mode = node.field("mode").enumValue(TierMode.class);
        List<Tier> tiers = new ArrayList<>();
        for (Node band : node.field("bands").elements()) {
            band.object("from", "rate");
            MonetaryAmount from = band.field("from").amount(currency);
            Rate rate = band.field("rate").rate();
            tiers.add(band.wrap(() -> new Tier(from, rate)));
        }
        return node.wrap(() -> new RateStructure.Tiered(mode, tiers));
    }

    private static FeeSchedule fees(Node node, String name, CurrencyUnit currency, RoundingPolicy rounding) {
        node.object("transactionFee", "paymentFees", "revenueShare");
        FeeSchedule fees = FeeSchedule.none(name, currency, rounding);
        Optional<Node> transaction = node.optional("transactionFee");
        if (transaction.isPresent()) {
            Node t = transaction.get().object("id", "base", "rate", "fixed", "minimum", "maximum");
            String id = t.field("id").text();
            ChargeBase base = t.field("base").enumValue(ChargeBase.class);
            FeeFormula formula = formula(t, currency);
            fees = fees.withTransactionFee(t.wrap(() -> new TransactionFee(id, formula, base)));
        }
        Optional<Node> payment = node.optional("paymentFees");
        if (payment.isPresent()) {
            Node p = payment.get().object("bearer", "byMethod", "otherMethods");
            Bearer bearer = p.field("bearer").enumValue(Bearer.class);
            Map<String, Rate> byMethod = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : p.optional("byMethod").map(Node::entries).orElse(List.of())) {
                byMethod.put(e.getKey(), e.getValue().rate());
            }
            Rate other = p.optional("otherMethods").map(Node::rate).orElse(Rate.ZERO);
            fees = fees.withPaymentFees(p.wrap(() -> new PaymentFees(byMethod, other, bearer)));
        }
        Optional<Node> share = node.optional("revenueShare");
        if (share.isPresent()) {
            Node s = share.get().object("base", "levels", "maxLevels");
            ChargeBase base = s.field("base").enumValue(ChargeBase.class);
            List<Rate> levels = new ArrayList<>();
            for (Node level : s.field("levels").elements()) {
                levels.add(level.rate());
            }
            long max = s.optional("maxLevels").map(Node::integer).orElse((long) RevenueSharePolicy.DEFAULT_MAX_LEVELS);
            if (max < 1 || max > 100) {
                throw s.field("maxLevels").problem("must be between 1 and 100, was " + max);
            }
            fees = fees.withRevenueShare(s.wrap(() -> new RevenueSharePolicy(levels, base, (int) max)));
        }
        return fees;
    }

    private static FeeFormula formula(Node node, CurrencyUnit currency) {
        Rate rate = node.optional("rate").map(Node::rate).orElse(Rate.ZERO);
        MonetaryAmount fixed = node.optional("fixed").map(n -> n.amount(currency))
                .orElse(dev.mercato.pricing.money.MinorUnits.toAmount(0, currency));
        Optional<MonetaryAmount> minimum = node.optional("minimum").map(n -> n.amount(currency));
        Optional<MonetaryAmount> maximum = node.optional("maximum").map(n -> n.amount(currency));
        return node.wrap(() -> new FeeFormula(rate, fixed, minimum, maximum));
    }

    private static AnnualFee annualFee(Node node, CurrencyUnit currency) {
        node.object("fee", "rebates");
        MonetaryAmount fee = node.field("fee").amount(currency);
        List<AnnualFee.Rebate> rebates = new ArrayList<>();
        for (Node r : node.optional("rebates").map(Node::elements).orElse(List.of())) {
            r.object("salesAtLeast", "refunded");
            MonetaryAmount threshold = r.field("salesAtLeast").amount(currency);
            Rate refunded = r.field("refunded").rate();
            rebates.add(r.wrap(() -> new AnnualFee.Rebate(threshold, refunded)));
        }
        return node.wrap(() -> new AnnualFee(fee, rebates));
    }

    private static DepositSchedule deposits(Node node, CurrencyUnit currency) {
        List<DepositSchedule.Rule> rules = new ArrayList<>();
        for (Node r : node.elements()) {
            r.object("sellerType", "category", "amount");
            Optional<SellerType> type = r.optional("sellerType").map(n -> n.enumValue(SellerType.class));
            Optional<CategoryPath> category = r.optional("category").map(n -> n.wrap(() -> CategoryPath.of(n.text())));
            MonetaryAmount amount = r.field("amount").amount(currency);
            rules.add(r.wrap(() -> new DepositSchedule.Rule(type, category, amount)));
        }
        return node.wrap(() -> new DepositSchedule(currency, rules));
    }

    private static PenaltySchedule penalties(Node node, CurrencyUnit currency) {
        node.object("counterfeitMultiple", "lateShipment", "fakeOrderPenalty");
        long multiple = node.optional("counterfeitMultiple").map(Node::integer)
                .orElse(PenaltySchedule.DEFAULT_COUNTERFEIT_MULTIPLE);
        FeeFormula late = node.optional("lateShipment")
                .map(n -> formula(n.object("rate", "fixed", "minimum", "maximum"), currency))
                .orElse(FeeFormula.of(Rate.ZERO, dev.mercato.pricing.money.MinorUnits.toAmount(0, currency)));
        MonetaryAmount fake = node.optional("fakeOrderPenalty").map(n -> n.amount(currency))
                .orElse(dev.mercato.pricing.money.MinorUnits.toAmount(0, currency));
        return node.wrap(() -> new PenaltySchedule(currency, multiple, late, fake));
    }

    private static AdAuction advertising(Node node, CurrencyUnit currency) {
        node.object("slots", "reservePrice");
        long slots = node.field("slots").integer();
        if (slots < 1 || slots > 1000) {
            throw node.field("slots").problem("must be between 1 and 1000, was " + slots);
        }
        MonetaryAmount reserve = node.optional("reservePrice").map(n -> n.amount(currency))
                .orElse(dev.mercato.pricing.money.MinorUnits.toAmount(0, currency));
        return node.wrap(() -> new AdAuction(currency, (int) slots, reserve));
    }
}
