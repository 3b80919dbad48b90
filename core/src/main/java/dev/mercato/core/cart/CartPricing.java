package dev.mercato.core.cart;

import dev.mercato.core.catalog.PriceLevel;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.money.MonetaryAmount;

/**
 * The port through which carts and checkout get prices. The pricing engine plugs in here; the
 * built-in implementations cover list prices and member prices without promotions. Implementations
 * are pure and thread-safe.
 */
@FunctionalInterface
public interface CartPricing {
    /**
     * Prices a cart.
     *
     * @param request the lines to price
     * @return the priced cart, with an explanation
     */
    PricedCart price(CartPricingRequest request);

    /**
     * Prices through the promotion engine: price levels, promotions, coupons, with the engine's
     * explanation. The catalog's member price is offered to buyers holding the {@code "member"}
     * tier (name the platform's own plan and tier codes with {@link #engine(PricingEngine,
     * Function, Set)}); new-user and promotion prices map to the engine's levels. Flash-sale lines are those
     * priced by an applied {@code flash-sale} promotion. The request's shipping charges go to the
     * engine, whose free-shipping rules and shipping coupons may lower them.
     *
     * @param engine the engine, built once and shared
     * @param buyerContext the engine's view of a buyer (tiers, coupons held, new user) by buyer id
     * @return the pricing
     */
    static CartPricing engine(PricingEngine engine, Function<String, BuyerContext> buyerContext) {
        return engine(engine, buyerContext, Set.of(EngineCartPricing.MEMBER_TIER));
    }

    /**
     * Prices through the promotion engine, offering the catalog's member price to buyers holding
     * any of {@code memberTiers}: the codes of the platform's paid plans and loyalty tiers whose
     * members pay member prices (a plan's code is the tier its members hold in the buyer context,
     * docs/membership.md), so a {@code PLUS} subscriber gets the member price without the host
     * setting any buyer flag. Each code pays the lowest of the SKU's single member price and its
     * own member price ({@code Sku.withMemberPrice}); a buyer holding several pays the lowest of
     * theirs. No tier ladder: see {@link #engine(PricingEngine, Function, Set, List)}. Otherwise as
     * {@link #engine(PricingEngine, Function)}.
     *
     * @param engine the engine, built once and shared
     * @param buyerContext the engine's view of a buyer by buyer id (for example {@code
     *     MembershipService.buyerContext})
     * @param memberTiers the tiers that unlock the member price, not empty, at most 64
     * @return the pricing
     * @throws InvalidInputException if the tiers are empty, blank or too many
     */
    static CartPricing engine(PricingEngine engine, Function<String, BuyerContext> buyerContext, Set<String> memberTiers) {
        InvalidInputException.requireNonNull(engine, "engine");
        InvalidInputException.requireNonNull(buyerContext, "buyerContext");
        InvalidInputException.requireNonNull(memberTiers, "memberTiers");
        if (memberTiers.isEmpty() || memberTiers.size() > 64 || memberTiers.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new InvalidInputException("memberTiers", memberTiers, "must name 1 to 64 tiers, none blank");
        }
        return new EngineCartPricing(engine, buyerContext, memberTiers, List.of());
    }

    /**
     * Prices through the promotion engine as {@link #engine(PricingEngine, Function, Set)} does,
     * with a tier ladder: a buyer holding a level of {@code tierLadder} is also entitled to the
     * member prices of every level below it, so a higher level is never charged more than a lower
     * one (a {@code GOLD} member pays at most what a {@code SILVER} member pays). Only codes named
     * in {@code memberTiers} pay member prices, inherited or not. Per line the engine starts at the
     * lowest member price the buyer is entitled to (or a lower price level, or the list price), and
     * the explanation names the code it came from (docs/membership.md, "Member prices per tier").
     *
     * @param engine the engine, built once and shared
     * @param buyerContext the engine's view of a buyer by buyer id
     * @param memberTiers the plan and tier codes that pay member prices, not empty, at most 64
     * @param tierLadder tier codes from the lowest level up (as {@code TierPolicy.levels()}), no
     *     code twice, none blank, at most 64; empty for no ladder
     * @return the pricing
     * @throws InvalidInputException if the tiers or the ladder are not valid
     */
    static CartPricing engine(PricingEngine engine, Function<String, BuyerContext> buyerContext, Set<String> memberTiers,
            List<String> tierLadder) {
        InvalidInputException.requireNonNull(tierLadder, "tierLadder");
        if (tierLadder.size() > 64 || tierLadder.stream().anyMatch(t -> t == null || t.isBlank())
                || tierLadder.stream().distinct().count() != tierLadder.size()) {
            throw new InvalidInputException("tierLadder", tierLadder, "must name at most 64 levels, none blank or twice");
        }
        engine(engine, buyerContext, memberTiers); // the same checks of the other arguments
        return new EngineCartPricing(engine, buyerContext, memberTiers, List.copyOf(tierLadder));
    }

    /**
     * List prices, no discounts; shipping as charged in the request.
     *
     * @return the pricing
     */
    static CartPricing listPrices() {
        return memberPrices(buyer -> false, Set.of());
    }

    /**
     * List prices, or the catalog's member price for buyers the predicate calls members, or the
     * group-buy price on a group checkout's campaign SKUs when it is lower; flash sale SKUs are
     * marked as such. No promotions; shipping as charged in the request.
     *
     * @param isMember whether a buyer gets member prices
     * @param flashSaleSkus SKU ids on flash sale (their orders close unpaid within minutes)
     * @return the pricing
     */
    static CartPricing memberPrices(Predicate<String> isMember, Set<String> flashSaleSkus) {
        InvalidInputException.requireNonNull(isMember, "isMember");
        Set<String> flash = Set.copyOf(flashSaleSkus);
        return request -> {
            boolean member = isMember.test(request.buyerId());
            List<PricedCart.Line> lines = new ArrayList<>();
            List<String> explanation = new ArrayList<>();
            Map<String, MonetaryAmount> shipping = new HashMap<>();
            long total = 0;
            for (CartPricingRequest.Line line : request.lines()) {
                long list = MinorUnits.toMinor(line.sku().listPrice(), request.currency());
                long unit = list;
                if (member && line.sku().priceAt(PriceLevel.MEMBER).isPresent()) {
                    unit = Math.min(list, MinorUnits.toMinor(line.sku().priceAt(PriceLevel.MEMBER).get(), request.currency()));
                }
                Optional<MonetaryAmount> group = line.sku().priceAt(PriceLevel.GROUP_BUY);
                boolean grouped = group.isPresent() && MinorUnits.toMinor(group.get(), request.currency()) < unit;
                if (grouped) {
                    unit = MinorUnits.toMinor(group.get(), request.currency());
                }
                long subtotal = Math.multiplyExact(list, line.quantity());
                long payable = Math.multiplyExact(unit, line.quantity());
                if (grouped) {
                    explanation.add("line " + line.lineNo() + " (" + line.sku().id() + "): group price "
                            + MinorUnits.toAmount(unit, request.currency()) + " instead of "
                            + MinorUnits.toAmount(list, request.currency()));
                } else if (unit < list) {
                    explanation.add("line " + line.lineNo() + " (" + line.sku().id() + "): member price "
                            + MinorUnits.toAmount(unit, request.currency()) + " instead of "
                            + MinorUnits.toAmount(list, request.currency()));
                } else {
                    explanation.add("line " + line.lineNo() + " (" + line.sku().id() + "): list price "
                            + MinorUnits.toAmount(list, request.currency()));
                }
                lines.add(new PricedCart.Line(line.lineNo(), line.sku().id(), line.sku().title(), line.sku().sellerId(),
                        line.quantity(), line.sku().listPrice(), MinorUnits.toAmount(subtotal, request.currency()),
                        MinorUnits.toAmount(subtotal - payable, request.currency()),
                        MinorUnits.toAmount(payable, request.currency()), flash.contains(line.sku().id().value()),
                        line.sku().categoryPath(), MinorUnits.toAmount(payable, request.currency()), List.of()));
                shipping.putIfAbsent(line.sku().sellerId(), MinorUnits.toAmount(0, request.currency()));
                total = Math.addExact(total, payable);
            }
            for (Map.Entry<String, MonetaryAmount> charge : request.shipping().entrySet()) {
                long minor = MinorUnits.toMinor(charge.getValue(), request.currency());
                if (shipping.containsKey(charge.getKey()) && minor > 0) {
                    shipping.put(charge.getKey(), charge.getValue());
                    explanation.add("shipping from " + charge.getKey() + ": " + charge.getValue());
                    total = Math.addExact(total, minor);
                }
            }
            return new PricedCart(request.currency(), lines, shipping, MinorUnits.toAmount(total, request.currency()),
                    explanation);
        };
    }
}
