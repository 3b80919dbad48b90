package dev.mercato.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercato.core.settlement.SettlementStatement;
import dev.mercato.pricing.commission.Commission;
import dev.mercato.pricing.fee.ShareCharge;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.Decision;
import dev.mercato.pricing.promotion.DepositSchedule;
import dev.mercato.pricing.promotion.Discount;
import dev.mercato.pricing.promotion.GiftLine;
import dev.mercato.pricing.promotion.LevelSegment;
import dev.mercato.pricing.promotion.LineResult;
import dev.mercato.pricing.promotion.PricingResult;
import dev.mercato.pricing.promotion.SellerResult;
import dev.mercato.pricing.revenue.LineFee;
import dev.mercato.pricing.revenue.LineSettlement;
import dev.mercato.pricing.revenue.Settlement;
import dev.mercato.pricing.revenue.Totals;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.money.MonetaryAmount;

/**
 * Writes the command line's results as JSON: two-space indents, {@code "\n"} line ends, fields in
 * a fixed order, amounts as strings with all the currency's decimals ({@code "676.10"}), so the
 * same input always prints the same bytes.
 */
final class JsonOutput {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter).withArrayIndenter(indenter);
        ObjectMapper mapper = JsonMapper.builder().build();
        WRITER = mapper.writer(printer);
    }

    private JsonOutput() {}

    /**
     * Prints a node.
     *
     * @param node the node
     * @return the text, without a final line end
     */
    static String print(ObjectNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A priced cart: lines, sellers, gifts, deposits, totals and the explanation.
     *
     * @param result the engine's result
     * @return the JSON object
     */
    static ObjectNode pricing(PricingResult result) {
        ObjectNode root = NODES.objectNode();
        root.put("currency", result.currency().getCurrencyCode());
        root.put("payable", amount(result.payable()));
        ArrayNode lines = root.putArray("lines");
        for (LineResult line : result.lines()) {
            ObjectNode l = lines.addObject();
            l.put("id", line.lineId());
            l.put("sku", line.sku());
            l.put("seller", line.seller());
            l.put("quantity", line.quantity());
            l.put("list", amount(line.listAmount()));
            if (line.priceLevels().stream().anyMatch(s -> !s.level().equals(LevelSegment.LIST))) {
                ArrayNode levels = l.putArray("priceLevels");
                for (LevelSegment segment : line.priceLevels()) {
                    levels.addObject().put("level", segment.level()).put("units", segment.units())
                            .put("unitPrice", amount(segment.unitPrice()));
                }
            }
            l.put("starting", amount(line.startingAmount()));
            l.set("discounts", discounts(line.discounts()));
            l.put("final", amount(line.finalAmount()));
        }
        ArrayNode sellers = root.putArray("sellers");
        for (SellerResult seller : result.sellers()) {
            ObjectNode s = sellers.addObject();
            s.put("seller", seller.seller());
            s.put("subtotal", amount(seller.subtotal()));
            s.put("shipping", amount(seller.shipping()));
            s.put("shippingDiscount", amount(seller.shippingDiscount()));
            s.set("shippingDiscounts", discounts(seller.shippingDiscounts()));
            s.put("payable", amount(seller.payable()));
        }
        if (!result.gifts().isEmpty()) {
            ArrayNode gifts = root.putArray("gifts");
            for (GiftLine gift : result.gifts()) {
                gifts.addObject().put("promotion", gift.promotionId()).put("sku", gift.sku()).put("seller", gift.seller())
                        .put("quantity", gift.quantity()).put("value", amount(gift.value()));
            }
        }
        if (!result.deposits().isEmpty()) {
            ArrayNode deposits = root.putArray("deposits");
            for (DepositSchedule deposit : result.deposits()) {
                deposits.addObject().put("promotion", deposit.promotionId()).put("line", deposit.lineId())
                        .put("now", amount(deposit.depositNow())).put("later", amount(deposit.balanceLater()));
            }
        }
        dev.mercato.pricing.promotion.Totals t = result.totals();
        ObjectNode totals = root.putObject("totals");
        totals.put("list", amount(t.list()));
        totals.put("priceLevelSavings", amount(t.priceLevelSavings()));
        totals.put("discounts", amount(t.discounts()));
        totals.put("merchandise", amount(t.merchandise()));
        totals.put("shipping", amount(t.shipping()));
        totals.put("shippingDiscount", amount(t.shippingDiscount()));
        totals.put("payable", amount(t.payable()));
        totals.put("payableNow", amount(t.payableNow()));
        totals.put("payableLater", amount(t.payableLater()));
        totals.put("platformFunded", amount(t.platformFunded()));
        totals.put("sellerFunded", amount(t.sellerFunded()));
        totals.put("giftValue", amount(t.giftValue()));
        ArrayNode explanation = root.putArray("explanation");
        for (Decision decision : result.explanation()) {
            ObjectNode d = explanation.addObject();
            d.put("promotion", decision.promotionId());
            d.put("kind", decision.kind());
            d.put("lane", lane(decision.lane()));
            d.put("applied", decision instanceof Decision.Applied);
            if (decision instanceof Decision.Applied applied) {
                d.put("amount", amount(applied.amount()));
                d.put("platformFunded", amount(applied.platformFunded()));
                d.put("sellerFunded", amount(applied.sellerFunded()));
            } else if (decision instanceof Decision.Rejected rejected) {
                d.put("reason", kebab(rejected.reason().getClass().getSimpleName()));
            }
            d.put("says", decision.describe());
        }
        return root;
    }

    private static ArrayNode discounts(List<Discount> discounts) {
        ArrayNode out = NODES.arrayNode();
        for (Discount discount : discounts) {
            out.addObject().put("promotion", discount.promotionId()).put("lane", lane(discount.lane()))
                    .put("amount", amount(discount.amount())).put("platformFunded", amount(discount.platformFunded()))
                    .put("sellerFunded", amount(discount.sellerFunded()));
        }
        return out;
    }

    /**
     * Settlement statements, one per seller in order of first appearance, each with its lines,
     * and the totals over every seller.
     *
     * @param schedule the schedule's name
     * @param settlement the settlement
     * @return the JSON object
     */
    static ObjectNode statements(String schedule, Settlement settlement) {
        ObjectNode root = NODES.objectNode();
        root.put("schedule", schedule);
        root.put("currency", settlement.currency().getCurrencyCode());
        ArrayNode statements = root.putArray("statements");
        for (Totals seller : settlement.bySeller()) {
            ObjectNode s = statements.addObject();
            s.put("seller", seller.key());
            totals(s, seller);
            ArrayNode lines = s.putArray("lines");
            for (LineSettlement line : settlement.lines()) {
                if (line.line().sellerId().equals(seller.key())) {
                    lines.add(line(line));
                }
            }
        }
        ObjectNode total = root.putObject("total");
        totals(total, settlement.total());
        return root;
    }

    /**
     * The sellers' settlement statements of a simulated run, as the ledger has them ({@code
     * Commerce.statement}): the period, one statement per seller with its released orders, and
     * the totals over every seller. Amounts without the currency code.
     *
     * @param statements the statements, in the order to write them, at least one
     * @return the JSON object
     */
    static ObjectNode sellerStatements(List<SimulationReport.SellerStatement> statements) {
        ObjectNode root = NODES.objectNode();
        SettlementStatement first = statements.get(0).statement();
        root.put("currency", first.currency().getCurrencyCode());
        root.put("from", first.from().toString());
        root.put("to", first.to().toString());
        ArrayNode list = root.putArray("statements");
        long[] total = new long[STATEMENT_FIELDS.size()];
        int orders = 0;
        for (SimulationReport.SellerStatement seller : statements) {
            ObjectNode s = list.addObject();
            s.put("seller", seller.sellerId());
            s.put("releasedOrders", seller.releasedOrders());
            orders += seller.releasedOrders();
            int i = 0;
            for (Map.Entry<String, Function<SettlementStatement,
                    MonetaryAmount>> field : STATEMENT_FIELDS.entrySet()) {
                MonetaryAmount value = field.getValue().apply(seller.statement());
                s.put(field.getKey(), amount(value));
                total[i] = Math.addExact(total[i], MinorUnits.toMinor(value));
                i++;
            }
        }
        ObjectNode sum = root.putObject("total");
        sum.put("releasedOrders", orders);
        int i = 0;
        for (String field : STATEMENT_FIELDS.keySet()) {
            sum.put(field, amount(MinorUnits.toAmount(total[i++], first.currency())));
        }
        return root;
    }

    /** A seller statement's amounts, by their JSON names, in the order written. */
    private static final Map<String, Function<SettlementStatement,
            MonetaryAmount>> STATEMENT_FIELDS = statementFields();

    private static Map<String, Function<SettlementStatement,
            MonetaryAmount>> statementFields() {
        Map<String, Function<SettlementStatement, MonetaryAmount>> f =
                new LinkedHashMap<>();
        f.put("gross", SettlementStatement::gross);
        f.put("platformSubsidies", SettlementStatement::platformSubsidies);
        f.put("sellerFundedDiscounts", SettlementStatement::sellerFundedDiscounts);
        f.put("refunds", SettlementStatement::refunds);
        f.put("clawedBackFromBalance", SettlementStatement::clawedBackFromBalance);
        f.put("clawedBackFromDeposit", SettlementStatement::clawedBackFromDeposit);
        f.put("commission", SettlementStatement::commission);
        f.put("fees", SettlementStatement::fees);
        f.put("shares", SettlementStatement::shares);
        f.put("tax", SettlementStatement::tax);
        f.put("compensation", SettlementStatement::compensation);
        f.put("net", SettlementStatement::net);
        f.put("payouts", SettlementStatement::payouts);
        return Collections.unmodifiableMap(f);
    }

    private static ObjectNode line(LineSettlement line) {
        ObjectNode l = NODES.objectNode();
        l.put("order", line.line().orderId());
        l.put("line", line.line().lineId());
        l.put("sku", line.line().sku());
        l.put("quantity", line.line().quantity());
        l.put("paid", amount(line.line().paid()));
        l.put("shipping", amount(line.line().shipping()));
        l.put("sellerDiscount", amount(line.sellerDiscount()));
        l.put("platformSubsidy", amount(line.platformSubsidy()));
        l.put("sellerGross", amount(line.sellerGross()));
        Commission c = line.commission();
        ObjectNode commission = l.putObject("commission");
        commission.put("base", amount(c.base()));
        commission.put("amount", amount(c.amount()));
        c.ruleId().ifPresent(rule -> commission.put("rule", rule));
        commission.put("says", c.explanation());
        ArrayNode fees = l.putArray("fees");
        for (LineFee fee : line.fees()) {
            fees.addObject().put("kind", fee.kind().name()).put("id", fee.id()).put("bearer", fee.bearer().name())
                    .put("amount", amount(fee.amount())).put("says", fee.explanation());
        }
        ArrayNode shares = l.putArray("shares");
        for (ShareCharge share : line.shares()) {
            shares.addObject().put("party", share.partyId()).put("level", share.level())
                    .put("rate", share.rate().toString()).put("amount", amount(share.amount()));
        }
        l.put("sellerNet", amount(line.sellerNet()));
        return l;
    }

    private static void totals(ObjectNode node, Totals totals) {
        node.put("lineCount", totals.lines());
        node.put("buyerPaid", amount(totals.buyerPaid()));
        node.put("sellerGross", amount(totals.sellerGross()));
        node.put("sellerDiscount", amount(totals.sellerDiscount()));
        node.put("platformSubsidy", amount(totals.platformSubsidy()));
        node.put("commissionBase", amount(totals.commissionBase()));
        node.put("commission", amount(totals.commission()));
        node.put("sellerFees", amount(totals.sellerFees()));
        node.put("platformFees", amount(totals.platformFees()));
        node.put("shares", amount(totals.shares()));
        node.put("sellerNet", amount(totals.sellerNet()));
    }

    /**
     * An amount with all its currency's decimals, without the currency code.
     *
     * @param amount the amount
     * @return e.g. {@code "676.10"}
     */
    static String amount(MonetaryAmount amount) {
        return BigDecimal.valueOf(MinorUnits.toMinor(amount), MinorUnits.scale(amount.getCurrency())).toPlainString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String lane(dev.mercato.pricing.promotion.Lane lane) {
        return lane.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
