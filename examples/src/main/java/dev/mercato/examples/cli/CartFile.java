package dev.mercato.examples.cli;

import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.RemainingCaps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Reads a cart file (format: {@code docs/cli.md}, "The cart file") into a pricing request.
 *
 * <pre>{@code
 * {"currency": "CNY", "at": "2026-11-11T02:00:00Z",
 *  "buyer": {"coupons": ["studio-30"]},
 *  "lines": [{"id": "1", "sku": "longjing-250g", "seller": "tea-shop", "category": "food/tea",
 *             "quantity": 1, "unitPrice": "268.00"}],
 *  "shipping": {"tea-shop": "10.00"}}
 * }</pre>
 */
final class CartFile {
    private CartFile() {}

    /**
     * Reads a cart file.
     *
     * @param base the directory relative names are resolved against
     * @param file the file as given
     * @return the request
     * @throws InputFileException if the file is missing or wrong, naming where and why
     */
    static PricingRequest read(Path base, String file) {
        JsonInput root = JsonInput.read(base, file).object("currency", "at", "buyer", "lines", "shipping");
        CurrencyUnit currency = root.field("currency").currency();
        Instant at = root.field("at").instant();
        BuyerContext buyer = root.optional("buyer").map(CartFile::buyer).orElse(BuyerContext.anonymous());
        JsonInput linesNode = root.field("lines");
        List<JsonInput> elements = linesNode.elements();
        if (elements.isEmpty()) {
            throw linesNode.problem("must hold at least one line");
        }
        List<PricingLine> lines = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> sellers = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonInput line = elements.get(i).object("id", "sku", "seller", "category", "quantity", "unitPrice");
            String id = line.optional("id").map(JsonInput::text).orElse(Integer.toString(i + 1));
            if (!ids.add(id)) {
                throw line.field("id").problem("repeats the id \"" + id + "\" of an earlier line");
            }
            String sku = line.field("sku").text();
            String seller = line.field("seller").text();
            List<String> category = line.optional("category").map(c -> categoryPath(c)).orElse(List.of());
            long quantity = line.field("quantity").whole(1);
            MonetaryAmount unitPrice = line.field("unitPrice").amount(currency);
            sellers.add(seller);
            lines.add(line.guard(() -> PricingLine.of(id, sku, seller, category, quantity, unitPrice)));
        }
        Map<String, MonetaryAmount> shipping = new LinkedHashMap<>();
        for (Map.Entry<String, JsonInput> entry : root.optional("shipping").map(JsonInput::entries).orElse(List.of())) {
            if (!sellers.contains(entry.getKey())) {
                throw entry.getValue().problem("names a seller without lines in the cart");
            }
            shipping.put(entry.getKey(), entry.getValue().amount(currency));
        }
        return root.guard(() -> new PricingRequest(currency, lines, buyer, at, shipping, RemainingCaps.none()));
    }

    private static List<String> categoryPath(JsonInput node) {
        String text = node.text();
        List<String> segments = List.of(text.split("/", -1));
        if (segments.stream().anyMatch(String::isBlank)) {
            throw node.problem("must be a path such as \"food/tea\", was \"" + text + "\"");
        }
        return segments;
    }

    private static BuyerContext buyer(JsonInput node) {
        node.object("tiers", "benefits", "newUser", "coupons", "flags");
        return new BuyerContext(
                Set.copyOf(node.optional("tiers").map(JsonInput::texts).orElse(List.of())),
                Set.copyOf(node.optional("benefits").map(JsonInput::texts).orElse(List.of())),
                node.optional("newUser").map(JsonInput::bool).orElse(false),
                Set.copyOf(node.optional("coupons").map(JsonInput::texts).orElse(List.of())),
                Set.copyOf(node.optional("flags").map(JsonInput::texts).orElse(List.of())));
    }
}
