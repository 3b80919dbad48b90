package dev.mercato.core.cart;

import dev.mercato.core.catalog.Sku;
import dev.mercato.core.order.PricedDiscount;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Decision;
import dev.mercato.pricing.promotion.Discount;
import dev.mercato.pricing.promotion.LevelSegment;
import dev.mercato.pricing.promotion.LineResult;
import dev.mercato.pricing.promotion.PriceLevel;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import dev.mercato.pricing.promotion.SellerResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.money.MonetaryAmount;

/** The cart pricing port over the promotion engine. */
final class EngineCartPricing implements CartPricing {
    private static final String FLASH_SALE_KIND = "flash-sale";

    private final PricingEngine engine;
    private final Function<String, BuyerContext> buyers;
    /** The tiers whose holders get the catalog's member prices. */
    private final Set<String> memberTiers;
    /** Per code, the codes whose holders are entitled to its member prices: itself and the higher ladder levels. */
    private final Map<String, Set<String>> entitledBy;

    EngineCartPricing(PricingEngine engine, Function<String, BuyerContext> buyers, Set<String> memberTiers,
            List<String> tierLadder) {
        this.engine = engine;
        this.buyers = buyers;
        this.memberTiers = Set.copyOf(memberTiers);
        Map<String, Set<String>> by = new HashMap<>();
        for (int i = 0; i < tierLadder.size(); i++) {
            by.put(tierLadder.get(i), Set.copyOf(tierLadder.subList(i, tierLadder.size())));
        }
        this.entitledBy = Map.copyOf(by);
    }

    /**
     * The member-price codes a buyer holding {@code held} is entitled to: the held codes and every
     * ladder level below a held level, kept when the pricing names them, in code order.
     */
    List<String> entitledCodes(Set<String> held) {
        Set<String> codes = new java.util.TreeSet<>();
        for (String code : held) {
            if (memberTiers.contains(code)) {
                codes.add(code);
            }
        }
        for (Map.Entry<String, Set<String>> level : entitledBy.entrySet()) {
            if (memberTiers.contains(level.getKey()) && level.getValue().stream().anyMatch(held::contains)) {
                codes.add(level.getKey());
            }
        }
        return List.copyOf(codes);
    }

    @Override
    public PricedCart price(CartPricingRequest request) {
        BuyerContext buyer = buyers.apply(request.buyerId());
        if (request.lines().stream().anyMatch(l -> l.sku().priceAt(dev.mercato.core.catalog.PriceLevel.GROUP_BUY).isPresent())) {
            // A group checkout (the facade sets the level for members only): the buyer is a member of a
            // forming or formed group, so the engine's group-buy price rules apply without a host flag.
            Set<String> flags = new HashSet<>(buyer.flags());
            flags.add(BuyerContext.GROUP_FORMED);
            buyer = buyer.withFlags(flags.toArray(String[]::new));
        }
        // The catalog's member prices are one level per member-price code this buyer is entitled to
        // (a plan's code is the tier its members hold; a ladder level entitles to the levels below
        // it), each at the lowest price that code has on the SKU, so the engine starts the line at
        // the lowest of them and the explanation names the code.
        List<String> tiers = entitledCodes(buyer.tiers());
        List<PricingLine> lines = new ArrayList<>();
        Map<String, CartPricingRequest.Line> byId = new HashMap<>();
        for (CartPricingRequest.Line line : request.lines()) {
            String lineId = "L" + line.lineNo();
            byId.put(lineId, line);
            Sku sku = line.sku();
            lines.add(new PricingLine(lineId, sku.id().value(), sku.sellerId(), sku.categoryPath(), line.quantity(),
                    sku.listPrice(), levels(sku, tiers, entitledBy)));
        }
        PricingResult result = engine.price(PricingRequest.of(request.currency(), request.at(), lines)
                .withBuyer(buyer).withShipping(request.shipping()).withCaps(request.caps()));
        Map<String, MonetaryAmount> applied = new HashMap<>();
        Set<String> flashSales = new HashSet<>();
        List<String> explanation = new ArrayList<>();
        for (Decision decision : result.explanation()) {
            if (decision instanceof Decision.Applied done) {
                applied.put(done.promotionId(), done.amount());
                if (done.kind().equals(FLASH_SALE_KIND)) {
                    flashSales.add(done.promotionId());
                }
            }
            explanation.add(decision.promotionId() + " (" + decision.kind() + "): " + decision.describe());
        }
        Map<Integer, PricedCart.Line> priced = new HashMap<>();
        for (LineResult line : result.lines()) {
            CartPricingRequest.Line source = byId.get(line.lineId());
            explainMemberPrice(source, line, buyer.tiers(), explanation);
            long list = MinorUnits.toMinor(line.listAmount(), request.currency());
            long fin = MinorUnits.toMinor(line.finalAmount(), request.currency());
            boolean flash = line.priceLevels().stream().map(LevelSegment::level).anyMatch(flashSales::contains);
            priced.put(source.lineNo(), new PricedCart.Line(source.lineNo(), source.sku().id(), source.sku().title(),
                    source.sku().sellerId(), line.quantity(), source.sku().listPrice(), line.listAmount(),
                    MinorUnits.toAmount(list - fin, request.currency()), line.finalAmount(), flash,
                    source.sku().categoryPath(), line.startingAmount(), discounts(line.discounts())));
        }
        List<PricedCart.Line> ordered = new ArrayList<>();
        for (CartPricingRequest.Line line : request.lines()) {
            ordered.add(priced.get(line.lineNo()));
        }
        Map<String, MonetaryAmount> shipping = new HashMap<>();
        Map<String, List<PricedDiscount>> shippingDiscounts = new HashMap<>();
        for (SellerResult seller : result.sellers()) {
            if (!seller.shippingDiscounts().isEmpty()) {
                shippingDiscounts.put(seller.seller(), discounts(seller.shippingDiscounts()));
            }
            long charged = MinorUnits.toMinor(seller.shipping(), request.currency())
                    - MinorUnits.toMinor(seller.shippingDiscount(), request.currency());
            shipping.put(seller.seller(), MinorUnits.toAmount(charged, request.currency()));
        }
        Map<Integer, MonetaryAmount> deposits = new HashMap<>();
        for (dev.mercato.pricing.promotion.DepositSchedule deposit : result.deposits()) {
            if (deposit.depositNow().isPositive()) {
                deposits.merge(byId.get(deposit.lineId()).lineNo(), deposit.depositNow(), MonetaryAmount::add);
            }
        }
        return new PricedCart(request.currency(), ordered, shipping, result.payable(), explanation, Map.of(), applied,
                shippingDiscounts, deposits);
    }

    private static List<PricedDiscount> discounts(List<Discount> discounts) {
        List<PricedDiscount> frozen = new ArrayList<>(discounts.size());
        for (Discount d : discounts) {
            frozen.add(new PricedDiscount(d.promotionId(), d.amount(), d.platformFunded(), d.sellerFunded()));
        }
        return frozen;
    }

    /** Names the code whose member price a line starts at, as the order keeps it. */
    private void explainMemberPrice(CartPricingRequest.Line source, LineResult line, Set<String> held,
            List<String> explanation) {
        for (LevelSegment segment : line.priceLevels()) {
            if (segment.level().startsWith(MEMBER_LEVEL)) {
                String code = segment.level().substring(MEMBER_LEVEL.length());
                String through = held.contains(code) ? ""
                        : ", through " + String.join(", ", held.stream()
                                .filter(entitledBy.getOrDefault(code, Set.of())::contains).sorted().toList()) + ",";
                explanation.add("line " + source.lineNo() + " (" + source.sku().id() + "): member price "
                        + shown(segment.unitPrice()) + " of " + code + through + " instead of "
                        + shown(source.sku().listPrice()) + " (" + segment.units() + (segment.units() == 1 ? " unit)" : " units)"));
            }
        }
    }

    /** An amount as its currency code and its value to the currency's minor unit, e.g. {@code CNY 27.00}. */
    private static String shown(MonetaryAmount amount) {
        return amount.getCurrency().getCurrencyCode() + " " + java.math.BigDecimal.valueOf(MinorUnits.toMinor(amount),
                Math.max(0, amount.getCurrency().getDefaultFractionDigits()));
    }

    private static List<PriceLevel> levels(Sku sku, List<String> memberTiers, Map<String, Set<String>> entitledBy) {
        List<PriceLevel> levels = new ArrayList<>();
        for (String tier : memberTiers) {
            sku.memberPriceFor(Set.of(tier)).ifPresent(p -> levels.add(new PriceLevel(MEMBER_LEVEL + tier, p,
                    entitledBy.getOrDefault(tier, Set.of(tier)), false, 1, java.util.Optional.empty())));
        }
        sku.priceAt(dev.mercato.core.catalog.PriceLevel.NEW_USER).ifPresent(p -> levels.add(PriceLevel.newUser(p)));
        sku.priceAt(dev.mercato.core.catalog.PriceLevel.PROMOTION).ifPresent(p -> levels.add(PriceLevel.promotion("promotion", p)));
        // Present only on a group checkout's campaign SKUs (the facade sets it for group members).
        sku.priceAt(dev.mercato.core.catalog.PriceLevel.GROUP_BUY).ifPresent(p -> levels.add(PriceLevel.groupBuy(p)));
        return levels;
    }

    /** The prefix of the engine's member price levels, followed by the code. */
    private static final String MEMBER_LEVEL = "member:";

    /** The buyer tier that unlocks the catalog's member price by default. */
    static final String MEMBER_TIER = "member";
}
