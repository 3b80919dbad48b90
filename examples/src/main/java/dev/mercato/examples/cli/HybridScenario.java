package dev.mercato.examples.cli;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Dimensions;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.PriceLevel;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.membership.ClawbackPolicy;
import dev.mercato.core.membership.MembershipSettings;
import dev.mercato.core.membership.SubscriptionResult;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.OrderPolicy;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.membership.BillingPeriod;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.javamoney.moneta.Money;

/**
 * The hybrid-self-operated preset (JD-like): the platform's own store ({@code SELF_OPERATED}: its
 * sales post to the platform's sales revenue and cost of goods, no commission) beside two
 * third-party shops on 8% commission, in the same carts and payments. A PLUS plan (99.00 a year)
 * gives member prices on the store's goods; 15% of the buyers who are not members subscribe at a visit.
 * Shipping is quoted by the sandbox carrier with a delivery promise; the store ships the same day
 * and parcels arrive the next day, third parties ship the next day. Buyers confirm receipt at
 * once (75%), return the goods within the 7-day window (6%, a few days after delivery), or leave
 * it to the auto-confirm. Only the public {@link Commerce} API.
 */
final class HybridScenario implements Scenario {
    /** The platform's own store. */
    static final String SELF = "mercato-self";

    private static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [
              {"kind": "threshold-reduction", "id": "tea-199-minus-20", "scope": {"sellers": ["tea-house"]},
               "reach": "per-shop", "tiers": [{"threshold": 199, "off": 20}]}
            ]}""";

    /** The SKUs: id, seller, category path, list price, PLUS member price or "-", unit cost or "-". */
    private static final List<String[]> SKUS = List.of(
            new String[] {"kettle", SELF, "home/appliances", "199.00", "179.00", "120.00"},
            new String[] {"air-fryer", SELF, "home/appliances", "499.00", "459.00", "310.00"},
            new String[] {"phone-x", SELF, "digital/phones", "3999.00", "3899.00", "3300.00"},
            new String[] {"oolong-500g", "tea-house", "food/tea", "158.00", "-", "-"},
            new String[] {"tea-tray", "tea-house", "home/tea", "88.00", "-", "-"},
            new String[] {"novel", "book-shop", "books/fiction", "45.00", "-", "-"});

    private static final Map<String, SellerType> SELLERS =
            Map.of(SELF, SellerType.SELF_OPERATED, "tea-house", SellerType.ENTERPRISE, "book-shop", SellerType.ENTERPRISE);
    private static final List<Destination> HOMES = List.of(
            Destination.of(new Address("CN", "Beijing", "Beijing", "100000", "3 Hutong")),
            Destination.of(new Address("CN", "Jiangsu", "Suzhou", "215000", "8 Canal Road")));
    private static final PaymentSource JDPAY = new PaymentSource("tok_jdpay");

    private final RevenueSchedule schedule = ScheduleJson.example("hybrid-self-operated").revenue();
    /** Delivered orders a buyer will send back, with the day they do. */
    private final Map<OrderId, Integer> returns = new LinkedHashMap<>();
    private int visits;

    @Override
    public String name() {
        return "hybrid-self-operated";
    }

    @Override
    public String description() {
        return "JD-like hybrid: self-operated stock beside 8% third-party commission, platform-paid payment fees,"
                + " a PLUS plan with member prices, delivery promises, 7-day returns";
    }

    @Override
    public RevenueSchedule schedule() {
        return schedule;
    }

    @Override
    public String paymentMethod() {
        return "jdpay";
    }

    @Override
    public List<Mechanism> mechanisms() {
        return List.of(Mechanism.reported("plan subscribed"),
                Mechanism.reported("member price paid"),
                Mechanism.reported("self-operated and third-party goods in one payment"),
                Mechanism.reported("delivered by its promise"),
                Mechanism.reported("goods returned within 7 days and refunded"),
                Mechanism.onEvent("self-operated order completed",
                        e -> e instanceof OrderEvent.Completed c && c.sellerId().equals(SELF)),
                Mechanism.onEvent("third-party order completed",
                        e -> e instanceof OrderEvent.Completed c && !c.sellerId().equals(SELF)));
    }

    @Override
    public void configure(Commerce.Builder builder, Simulation simulation) {
        InMemoryCatalog catalog = Catalog.inMemory();
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"));
        Map<SkuId, Money> costs = new LinkedHashMap<>();
        for (String[] sku : SKUS) {
            Sku item = Sku.of(sku[0], sku[1], sku[0], cny(sku[3])).withCategoryPath(List.of(sku[2].split("/")))
                    .withPhysical(800, new Dimensions(300, 200, 150));
            catalog.put(sku[4].equals("-") ? item : item.withPriceLevel(PriceLevel.MEMBER, cny(sku[4])));
            if (!sku[5].equals("-")) {
                costs.put(SkuId.of(sku[0]), cny(sku[5]));
            }
            inventory.setStock(new WarehouseId("east"), SkuId.of(sku[0]), 100_000, 0);
        }
        PlanTerms plus = PlanTerms.of("PLUS", cny("99.00"), BillingPeriod.YEAR);
        MembershipSettings members = new MembershipSettings(Simulation.CNY, EarnRules.perUnit(1), Duration.ofDays(365),
                new RedemptionPolicy(100, Rate.percent(50), 100), ClawbackPolicy.ALLOW_NEGATIVE,
                new TierPolicy(List.of(TierLevel.of("MEMBER", 0)), QualificationBasis.SPEND, Duration.ofDays(365),
                        Duration.ofDays(30)), Map.of("PLUS", plus));
        builder.catalog(catalog).inventory(inventory).sellerTypes(SELLERS::get)
                .costsOfGoods(sku -> Optional.ofNullable(costs.get(sku)))
                .memberships(members).memberPricing(PricingEngine.of(PromotionJson.standard().read(PROMOTIONS)))
                .warehouseAddress(new WarehouseId("east"), new Address("CN", "Shanghai", "Shanghai", "200000", "2 Dock Street"))
                .quotedShipping(ServiceLevel.STANDARD)
                .orderPolicy(new OrderPolicy(Duration.ofDays(1), Duration.ofMinutes(15), Duration.ofDays(7)))
                .guaranteedTransactions(schedule);
    }

    @Override
    public void day(Simulation sim, int day) {
        sim.at(9);
        for (int b = 1; b <= sim.buyers(); b++) {
            if (sim.random().nextInt(100) < 40) {
                visit(sim, new Actor.Buyer("buyer-" + b), day);
            }
        }
        sim.at(14);
        for (Map.Entry<OrderId, Integer> back : List.copyOf(returns.entrySet())) {
            if (back.getValue() == day) {
                sendBack(sim, back.getKey());
                returns.remove(back.getKey());
            }
        }
        sim.at(15);
        for (OrderId delivered : sim.deliverShipped(Duration.ofDays(1))) {
            Order order = sim.commerce().order(Simulation.SYSTEM, delivered).orElseThrow();
            if (order.facts().deliveryPromise().map(p -> !sim.now().isAfter(p.deadline())).orElse(false)) {
                sim.happened("delivered by its promise");
            }
            int roll = sim.random().nextInt(100);
            if (roll < 75) {
                Simulation.require(sim.commerce().confirmReceipt(new Actor.Buyer(sim.buyerOf(delivered)), delivered),
                        "confirm receipt");
            } else if (roll < 81) {
                returns.put(delivered, day + 1 + sim.random().nextInt(5));   // within the 7-day window
            }
        }
        // The store ships today what was paid today; third parties ship the next day.
        sim.shipPaidOrders(sim.midnight());
        for (OrderId paidToday : sim.ordersIn(OrderEvent.Paid.class)) {
            Order order = sim.commerce().order(Simulation.SYSTEM, paidToday).orElseThrow();
            if (order.facts().sellerId().equals(SELF)) {
                shipToday(sim, order);
            }
        }
    }

    /** A buyer visits: maybe subscribes to PLUS, fills a cart across sellers, checks out and pays. */
    private void visit(Simulation sim, Actor.Buyer buyer, int day) {
        visits++;
        boolean member = sim.commerce().memberships().subscription(Simulation.SYSTEM, buyer.buyerId()).isPresent();
        if (!member && sim.random().nextInt(100) < 15) {
            SubscriptionResult joined = sim.subscribe(buyer, "PLUS", JDPAY, buyer.buyerId() + "-plus");
            if (!(joined instanceof SubscriptionResult.Done)) {
                throw new IllegalStateException("subscription refused: " + joined);
            }
            sim.happened("plan subscribed");
            member = true;
        }
        CartId cart = CartId.of(buyer.buyerId());
        int items = 1 + sim.random().nextInt(3);
        for (int i = 0; i < items; i++) {
            String sku = SKUS.get(sim.random().nextInt(SKUS.size()))[0];
            if (!(sim.addToCart(buyer, cart, SkuId.of(sku), 1) instanceof CartResult.Updated)) {
                return;
            }
        }
        if (sim.random().nextInt(100) >= 75) {
            return;   // the cart waits for another day
        }
        Destination home = HOMES.get(Integer.parseInt(buyer.buyerId().substring(6)) % HOMES.size());
        CheckoutResult result = sim.checkout(buyer, cart, buyer.buyerId() + "-day-" + day + "-visit-" + visits, home);
        if (!(result instanceof CheckoutResult.Placed placed)) {
            throw new IllegalStateException("checkout refused: " + result);
        }
        PaymentResult paid = sim.commerce().pay(buyer, placed.payment().paymentId(), JDPAY);
        if (!(paid instanceof PaymentResult.Paid)) {
            throw new IllegalStateException("payment refused: " + paid);
        }
        List<String> sellers = placed.orders().stream().map(o -> o.facts().sellerId()).toList();
        if (sellers.contains(SELF) && sellers.size() > 1) {
            sim.happened("self-operated and third-party goods in one payment");
        }
        for (Order.AwaitingPayment order : placed.orders()) {
            for (OrderLine line : order.facts().snapshot().lines()) {
                String[] sku = SKUS.stream().filter(s -> s[0].equals(line.sku().value())).findFirst().orElseThrow();
                if (member && !sku[4].equals("-") && line.priceLevelAmount().isEqualTo(cny(sku[4]).multiply(line.quantity()))) {
                    sim.happened("member price paid");
                }
            }
        }
    }

    /** The store ships a paid order the same day. */
    private static void shipToday(Simulation sim, Order order) {
        List<dev.mercato.core.order.Shipment.Item> items = order.facts().snapshot().lines().stream()
                .map(l -> new dev.mercato.core.order.Shipment.Item(l.lineNo(), l.quantity())).toList();
        Simulation.require(sim.commerce().ship(new Actor.Seller(SELF), order.id(), "JD" + order.id().value(), items),
                "ship the same day");
    }

    /** The buyer sends the whole order back within the window; the seller receives it and refunds. */
    private static void sendBack(Simulation sim, OrderId id) {
        Order order = sim.commerce().order(Simulation.SYSTEM, id).orElseThrow();
        Actor.Buyer buyer = new Actor.Buyer(sim.buyerOf(id));
        Actor.Seller seller = new Actor.Seller(order.facts().sellerId());
        List<AfterSaleCase.Item> items = order.facts().snapshot().lines().stream()
                .map(l -> new AfterSaleCase.Item(l.lineNo(), l.quantity(), Optional.empty())).toList();
        Simulation.require(sim.commerce().requestAfterSale(buyer, id, "return-1", AfterSaleCase.Kind.RETURN_AND_REFUND,
                items, Optional.of("changed my mind")), "request return");
        Simulation.require(sim.commerce().approveAfterSale(seller, id, "return-1"), "approve return");
        Simulation.require(sim.commerce().receiveReturnedGoods(seller, id, "return-1"), "receive returned goods");
        Simulation.require(sim.commerce().refundAfterSale(seller, id, "return-1"), "refund return");
        sim.happened("goods returned within 7 days and refunded");
    }

    private static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), Simulation.CNY);
    }
}
