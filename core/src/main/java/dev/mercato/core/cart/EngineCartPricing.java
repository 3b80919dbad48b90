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
    /** The tiers whose holders get the catalog's member price. */
    private final Set<String> memberTiers;

    EngineCartPricing(PricingEngine engine, Function<String, BuyerContext> buyers, Set<String> memberTiers) {
        this.engine = engine;
        this.buyers = buyers;
        this.memberTiers = Set.copyOf(memberTiers);
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
        // The catalog's member price is one level per member tier this buyer holds (a plan's code
        // is the tier its members hold), so any of them unlocks it and the explanation names it.
        List<String> tiers = buyer.tiers().stream().filter(memberTiers::contains).sorted().toList();
        List<PricingLine> lines = new ArrayList<>();
        Map<String, CartPricingRequest.Line> byId = new HashMap<>();
        for (CartPricingRequest.Line line : request.lines()) {
            String lineId = "L" + line.lineNo();
            byId.put(lineId, line);
            Sku sku = line.sku();
            lines.add(new PricingLine(lineId, sku.id().value(), sku.sellerId(), sku.categoryPath(), line.quantity(),
                    sku.listPrice(), levels(sku, tiers)));
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

    private static List<PriceLevel> levels(Sku sku, List<String> memberTiers) {
        List<PriceLevel> levels = new ArrayList<>();
        sku.priceAt(dev.mercato.core.catalog.PriceLevel.MEMBER).ifPresent(p -> memberTiers.forEach(tier ->
                levels.add(PriceLevel.member(tier, p))));
        sku.priceAt(dev.mercato.core.catalog.PriceLevel.NEW_USER).ifPresent(p -> levels.add(PriceLevel.newUser(p)));
        sku.priceAt(dev.mercato.core.catalog.PriceLevel.PROMOTION).ifPresent(p -> levels.add(PriceLevel.promotion("promotion", p)));
        // Present only on a group checkout's campaign SKUs (the facade sets it for group members).
        sku.priceAt(dev.mercato.core.catalog.PriceLevel.GROUP_BUY).ifPresent(p -> levels.add(PriceLevel.groupBuy(p)));
        return levels;
    }

    /** The buyer tier that unlocks the catalog's member price by default. */
    static final String MEMBER_TIER = "member";
}
