package dev.mercato.examples.cli;

import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.commission.SellerType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Reads an orders file (format: {@code docs/cli.md}, "The orders file") into the sold lines a
 * revenue schedule settles.
 *
 * <pre>{@code
 * {"currency": "CNY",
 *  "orders": [{"id": "order-1", "seller": "tea-shop", "sellerType": "BRAND_FLAGSHIP",
 *              "placedAt": "2026-11-11T02:00:00Z", "paymentMethod": "alipay",
 *              "lines": [{"id": "1", "sku": "longjing-250g", "category": "food/tea", "quantity": 1,
 *                         "paid": "240.45", "platformSubsidy": "27.55"}]}],
 *  "periodGmvBefore": {"tea-shop": "0.00"}}
 * }</pre>
 */
final class OrdersFile {
    /**
     * The lines of an orders file and each seller's GMV before them.
     *
     * @param lines the lines, in file order
     * @param periodGmvBefore each seller's GMV in the current tier period before these lines
     */
    record Orders(List<SaleLine> lines, Map<String, MonetaryAmount> periodGmvBefore) {}

    private OrdersFile() {}

    /**
     * Reads an orders file.
     *
     * @param base the directory relative names are resolved against
     * @param file the file as given
     * @param expected the currency of the schedule the lines will be settled with
     * @return the lines
     * @throws InputFileException if the file is missing or wrong, naming where and why
     */
    static Orders read(Path base, String file, CurrencyUnit expected) {
        JsonInput root = JsonInput.read(base, file).object("currency", "orders", "periodGmvBefore");
        JsonInput currencyNode = root.field("currency");
        CurrencyUnit currency = currencyNode.currency();
        if (!currency.equals(expected)) {
            throw currencyNode.problem("is " + currency.getCurrencyCode() + ", the schedule's currency is "
                    + expected.getCurrencyCode());
        }
        JsonInput ordersNode = root.field("orders");
        List<JsonInput> orders = ordersNode.elements();
        if (orders.isEmpty()) {
            throw ordersNode.problem("must hold at least one order");
        }
        List<SaleLine> lines = new ArrayList<>();
        Set<String> orderIds = new HashSet<>();
        for (JsonInput order : orders) {
            order.object("id", "seller", "sellerType", "placedAt", "paymentMethod", "lines");
            String orderId = order.field("id").text();
            if (!orderIds.add(orderId)) {
                throw order.field("id").problem("repeats the id \"" + orderId + "\" of an earlier order");
            }
            String seller = order.field("seller").text();
            SellerType type = order.optional("sellerType").map(n -> n.choice(SellerType.class)).orElse(SellerType.ENTERPRISE);
            Instant placedAt = order.field("placedAt").instant();
            String method = order.optional("paymentMethod").map(JsonInput::text).orElse("default");
            JsonInput linesNode = order.field("lines");
            List<JsonInput> elements = linesNode.elements();
            if (elements.isEmpty()) {
                throw linesNode.problem("must hold at least one line");
            }
            Set<String> lineIds = new HashSet<>();
            for (int i = 0; i < elements.size(); i++) {
                JsonInput line = elements.get(i).object("id", "sku", "category", "brand", "quantity", "paid",
                        "sellerDiscount", "platformSubsidy", "shipping", "attribution");
                String lineId = line.optional("id").map(JsonInput::text).orElse(Integer.toString(i + 1));
                if (!lineIds.add(lineId)) {
                    throw line.field("id").problem("repeats the id \"" + lineId + "\" of an earlier line of the order");
                }
                SaleLine.Builder builder = SaleLine.builder().ids(orderId, lineId)
                        .sku(line.field("sku").text())
                        .seller(seller, type)
                        .quantity(line.field("quantity").whole(1))
                        .paid(line.field("paid").amount(currency))
                        .sellerDiscount(zeroUnless(line.optional("sellerDiscount"), currency))
                        .platformSubsidy(zeroUnless(line.optional("platformSubsidy"), currency))
                        .shipping(zeroUnless(line.optional("shipping"), currency))
                        .orderedAt(placedAt)
                        .paymentMethod(method)
                        .attribution(line.optional("attribution").map(JsonInput::texts).orElse(List.of()));
                Optional<JsonInput> category = line.optional("category");
                if (category.isPresent()) {
                    String path = category.get().text();
                    category.get().guard(() -> builder.category(path));
                }
                line.optional("brand").map(JsonInput::text).ifPresent(builder::brand);
                lines.add(line.guard(builder::build));
            }
        }
        Map<String, MonetaryAmount> before = new LinkedHashMap<>();
        for (Map.Entry<String, JsonInput> entry : root.optional("periodGmvBefore").map(JsonInput::entries).orElse(List.of())) {
            before.put(entry.getKey(), entry.getValue().amount(currency));
        }
        return new Orders(List.copyOf(lines), Map.copyOf(before));
    }

    private static MonetaryAmount zeroUnless(Optional<JsonInput> node, CurrencyUnit currency) {
        return node.map(n -> n.amount(currency)).orElse(dev.mercato.pricing.money.MinorUnits.toAmount(0, currency));
    }
}
