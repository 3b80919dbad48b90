package dev.mercato.pricing.testkit;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.PriceLevel;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.RemainingCaps;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * Edits a property applies to a generated cart or promotion set to state an invariant: shuffle
 * the lines, add a line, bump a quantity, drop a promotion, re-express a cart in another
 * currency. Every edit returns a new value; a bad edit (unknown line id, a quantity that
 * overflows) throws {@link InvalidInputException}.
 */
public final class CartEdits {
    private CartEdits() {}

    /**
     * The same cart with its lines in another order, each keeping its id.
     *
     * @param request the cart
     * @param seed the shuffle's seed
     * @return the shuffled cart
     */
    public static PricingRequest shuffleLines(PricingRequest request, long seed) {
        List<PricingLine> lines = new ArrayList<>(request.lines());
        Collections.shuffle(lines, new Random(seed));
        return request.withLines(lines);
    }

    /**
     * The same items added to the cart in another order: the lines are shuffled and then
     * renumbered {@code line-0..} in their new order, as a cart numbers lines as they are added.
     * Only the labels move, so what the buyer pays must not change.
     *
     * @param request the cart
     * @param seed the shuffle's seed
     * @return the re-added cart
     */
    public static PricingRequest addedInAnotherOrder(PricingRequest request, long seed) {
        List<PricingLine> lines = new ArrayList<>(request.lines());
        Collections.shuffle(lines, new Random(seed));
        return request.withLines(renumbered(lines));
    }

    /**
     * Lines renumbered {@code line-0..} in list order.
     *
     * @param lines the lines
     * @return new lines with the same content
     */
    public static List<PricingLine> renumbered(List<PricingLine> lines) {
        List<PricingLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            PricingLine l = lines.get(i);
            out.add(new PricingLine("line-" + i, l.sku(), l.seller(), l.categoryPath(), l.quantity(),
                    l.listUnitPrice(), l.priceLevels()));
        }
        return out;
    }

    /**
     * The cart with one more line.
     *
     * @param request the cart
     * @param line the line, with an id the cart does not use yet
     * @return the bigger cart
     * @throws InvalidInputException if the id is taken
     */
    public static PricingRequest addLine(PricingRequest request, PricingLine line) {
        List<PricingLine> lines = new ArrayList<>(request.lines());
        lines.add(line);
        return request.withLines(lines);
    }

    /**
     * The cart with a line's quantity raised.
     *
     * @param request the cart
     * @param lineId the line
     * @param by how many more units, at least 1
     * @return the cart
     * @throws InvalidInputException if the line is unknown, {@code by} is below 1 or the
     *     quantity overflows
     */
    public static PricingRequest bumpQuantity(PricingRequest request, String lineId, long by) {
        if (by < 1) {
            throw new InvalidInputException("by", by, "must be at least 1");
        }
        List<PricingLine> lines = new ArrayList<>(request.lines());
        for (int i = 0; i < lines.size(); i++) {
            PricingLine l = lines.get(i);
            if (l.lineId().equals(lineId)) {
                long quantity;
                try {
                    quantity = Math.addExact(l.quantity(), by);
                } catch (ArithmeticException e) {
                    throw new InvalidInputException("by", by, "overflows the quantity " + l.quantity());
                }
                lines.set(i, new PricingLine(l.lineId(), l.sku(), l.seller(), l.categoryPath(), quantity,
                        l.listUnitPrice(), l.priceLevels()));
                return request.withLines(lines);
            }
        }
        throw new InvalidInputException("lineId", lineId, "is not a line of the cart");
    }

    /**
     * The promotions without one of them.
     *
     * @param promotions the promotions
     * @param promotionId the id to drop
     * @return the others, in order
     * @throws InvalidInputException if no promotion has that id
     */
    public static List<Promotion> dropPromotion(List<? extends Promotion> promotions, String promotionId) {
        List<Promotion> out = new ArrayList<>(promotions.size());
        for (Promotion p : promotions) {
            if (!p.id().equals(promotionId)) {
                out.add(p);
            }
        }
        if (out.size() == promotions.size()) {
            throw new InvalidInputException("promotionId", promotionId, "is not among the promotions");
        }
        return out;
    }

    /**
     * The same cart with every amount (prices, levels, shipping, budgets) written with the same
     * number in another currency: CNY 12 becomes JPY 12 and BHD 12.000.
     *
     * @param request the cart
     * @param currency the other currency
     * @return the cart in that currency
     * @throws dev.mercato.pricing.money.InvalidAmountException if an amount has more decimals
     *     than the other currency allows
     */
    public static PricingRequest inCurrency(PricingRequest request, CurrencyUnit currency) {
        List<PricingLine> lines = new ArrayList<>();
        for (PricingLine l : request.lines()) {
            List<PriceLevel> levels = new ArrayList<>();
            for (PriceLevel level : l.priceLevels()) {
                levels.add(new PriceLevel(level.name(), same(level.unitPrice(), currency), level.tiers(),
                        level.newUsersOnly(), level.minQuantity(), level.requiredFlag()));
            }
            lines.add(new PricingLine(l.lineId(), l.sku(), l.seller(), l.categoryPath(), l.quantity(),
                    same(l.listUnitPrice(), currency), levels));
        }
        Map<String, MonetaryAmount> shipping = new HashMap<>();
        request.shipping().forEach((seller, charge) -> shipping.put(seller, same(charge, currency)));
        RemainingCaps caps = request.caps();
        Map<String, MonetaryAmount> budgets = new HashMap<>();
        caps.budgetLeft().forEach((id, budget) -> budgets.put(id, same(budget, currency)));
        return new PricingRequest(currency, lines, request.buyer(), request.at(), shipping,
                new RemainingCaps(caps.stockLeft(), caps.perBuyerUnitsLeft(), caps.usesLeft(), budgets));
    }

    /**
     * The same number in another currency, exact there.
     *
     * @param amount the amount
     * @param currency the other currency
     * @return the amount in that currency
     * @throws dev.mercato.pricing.money.InvalidAmountException if it has more decimals than
     *     the other currency allows
     */
    public static MonetaryAmount same(MonetaryAmount amount, CurrencyUnit currency) {
        MonetaryAmount moved = Money.of(amount.getNumber().numberValue(BigDecimal.class), currency);
        MinorUnits.toMinor(moved);
        return moved;
    }
}
