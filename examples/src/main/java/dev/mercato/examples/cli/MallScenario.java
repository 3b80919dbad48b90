package dev.mercato.examples.cli;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.settlement.Payee;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.javamoney.moneta.Money;

/**
 * The b2c-mall preset (Tmall-like): four shops with commission by category and shop-funded
 * promotions. Buyers visit with a chance of 40% a day, fill a cart with one to three SKUs and
 * check out 70% of the time; 8% never pay (the unpaid-close timer closes the orders), 10% are
 * declined once and retry, 6% ask a refund before shipment; shops ship the next day, parcels
 * arrive two days later and 70% of buyers confirm receipt at once; 4% open a dispute that an
 * operator ends (the auto-confirm then pays the shop), 4% send the goods back for a refund, the others leave it to
 * the auto-confirm. Shops are paid out daily, T+1, through the sandbox provider. Uses only the
 * public {@link Commerce} API.
 */
final class MallScenario implements Scenario {
    private static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [
              {"kind": "percent-off", "id": "tea-10pct", "scope": {"sellers": ["tea-shop"]}, "percent": 10},
              {"kind": "threshold-reduction", "id": "porcelain-300-minus-30", "scope": {"sellers": ["porcelain-studio"]},
               "reach": "per-shop", "tiers": [{"threshold": 300, "off": 30}]}
            ]}""";

    private static final Map<String, SellerType> SHOPS = Map.of(
            "tea-shop", SellerType.BRAND_FLAGSHIP, "porcelain-studio", SellerType.ENTERPRISE,
            "silk-shop", SellerType.ENTERPRISE, "gadget-store", SellerType.ENTERPRISE);

    /** The SKUs on sale: id, shop, category path, price. */
    private static final List<String[]> SKUS = List.of(
            new String[] {"longjing-250g", "tea-shop", "food/tea", "268.00"},
            new String[] {"puerh-cake", "tea-shop", "food/tea", "128.00"},
            new String[] {"celadon-tea-set", "porcelain-studio", "home/porcelain", "329.00"},
            new String[] {"porcelain-cup", "porcelain-studio", "home/porcelain", "45.00"},
            new String[] {"silk-eye-mask", "silk-shop", "apparel/accessories", "59.00"},
            new String[] {"silk-scarf", "silk-shop", "apparel/women/scarves", "199.00"},
            new String[] {"earbuds", "gadget-store", "digital/audio", "399.00"},
            new String[] {"phone-charger", "gadget-store", "digital/accessories", "89.90"});

    private final RevenueSchedule schedule = ScheduleJson.example("b2c-mall").revenue();
    private int visits;
    private int payoutsSeen;

    @Override
    public String name() {
        return "b2c-mall";
    }

    @Override
    public String description() {
        return "Tmall-like B2C mall: commission by category (0.5% food to 10% jewellery),"
                + " 0.6% payment fee, annual fee with rebates, deposits";
    }

    @Override
    public RevenueSchedule schedule() {
        return schedule;
    }

    @Override
    public List<Mechanism> mechanisms() {
        return List.of(Mechanism.reported("payment declined and retried"),
                Mechanism.onEvent("order closed unpaid", OrderEvent.Closed.class),
                Mechanism.onEvent("refunded before shipment", OrderEvent.RefundedBeforeShipment.class),
                Mechanism.reported("receipt confirmed by the buyer"),
                Mechanism.reported("dispute ended by an operator"),
                Mechanism.reported("goods returned and refunded"),
                Mechanism.onEvent("order completed", OrderEvent.Completed.class),
                Mechanism.reported("seller paid out"));
    }

    @Override
    public void configure(Commerce.Builder builder, Simulation simulation) {
        InMemoryCatalog catalog = Catalog.inMemory();
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"));
        for (String[] sku : SKUS) {
            catalog.put(Sku.of(sku[0], sku[1], sku[0], Money.of(new BigDecimal(sku[3]), Simulation.CNY))
                    .withCategoryPath(List.of(sku[2].split("/"))));
            inventory.setStock(new WarehouseId("east"), SkuId.of(sku[0]), 100_000, 0);
        }
        builder.catalog(catalog).inventory(inventory)
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(PROMOTIONS)),
                        buyer -> BuyerContext.anonymous()))
                .guaranteedTransactions(schedule).sellerTypes(SHOPS::get)
                .payouts(simulation.sandbox(), Duration.ofDays(1), shop -> Optional.of(new PayeeAccount("acct-" + shop)));
    }

    @Override
    public void day(Simulation sim, int day) {
        if (day == 0) {
            SHOPS.keySet().stream().sorted().forEach(shop -> sim.commerce().payouts().scheduleCycle(Simulation.SYSTEM,
                    new Payee.Seller(shop), Simulation.CNY, sim.midnight().plus(Duration.ofHours(6))));
        }
        sim.at(9);
        for (int b = 1; b <= sim.buyers(); b++) {
            if (sim.random().nextInt(100) < 40) {
                visit(sim, "buyer-" + b, day);
            }
        }
        sim.at(15);
        sim.shipPaidOrders(sim.midnight());
        for (OrderId delivered : sim.deliverShipped(Duration.ofDays(2))) {
            Actor.Buyer buyer = new Actor.Buyer(sim.buyerOf(delivered));
            int roll = sim.random().nextInt(100);
            if (roll < 70) {
                Simulation.require(sim.commerce().confirmReceipt(buyer, delivered), "confirm receipt");
                sim.happened("receipt confirmed by the buyer");
            } else if (roll < 74) {
                dispute(sim, buyer, delivered);
            } else if (roll < 78) {
                sendBack(sim, buyer, delivered);
            }
        }
        int payouts = SHOPS.keySet().stream().mapToInt(shop -> sim.commerce().payouts()
                .payouts(Simulation.SYSTEM, new Payee.Seller(shop)).size()).sum();
        for (; payoutsSeen < payouts; payoutsSeen++) {
            sim.happened("seller paid out");
        }
    }

    /**
     * The buyer disputes the delivery; an operator finds nothing wrong and ends the dispute, and
     * the confirmation clock runs again (the auto-confirm then pays the shop).
     */
    private static void dispute(Simulation sim, Actor.Buyer buyer, OrderId id) {
        Simulation.require(sim.commerce().openDispute(buyer, id), "open dispute");
        Simulation.require(sim.commerce().endDispute(new Actor.PlatformOperator("ops"), id), "end dispute");
        sim.happened("dispute ended by an operator");
    }

    /** The buyer sends the whole order back; the shop approves, receives it and refunds. */
    private static void sendBack(Simulation sim, Actor.Buyer buyer, OrderId id) {
        List<AfterSaleCase.Item> items = sim.commerce().order(Simulation.SYSTEM, id).orElseThrow().facts().snapshot()
                .lines().stream().map(l -> new AfterSaleCase.Item(l.lineNo(), l.quantity(), Optional.empty())).toList();
        Actor.Seller shop = new Actor.Seller(sim.commerce().order(Simulation.SYSTEM, id).orElseThrow().facts().sellerId());
        Simulation.require(sim.commerce().requestAfterSale(buyer, id, "return-1", AfterSaleCase.Kind.RETURN_AND_REFUND,
                items, Optional.of("not as described")), "request return");
        Simulation.require(sim.commerce().approveAfterSale(shop, id, "return-1"), "approve return");
        Simulation.require(sim.commerce().receiveReturnedGoods(shop, id, "return-1"), "receive returned goods");
        Simulation.require(sim.commerce().refundAfterSale(shop, id, "return-1"), "refund return");
        sim.happened("goods returned and refunded");
    }

    private void visit(Simulation sim, String buyerId, int day) {
        visits++;
        Actor.Buyer buyer = new Actor.Buyer(buyerId);
        CartId cart = CartId.of(buyerId);
        int items = 1 + sim.random().nextInt(3);
        for (int i = 0; i < items; i++) {
            String sku = SKUS.get(sim.random().nextInt(SKUS.size()))[0];
            if (!(sim.addToCart(buyer, cart, SkuId.of(sku), 1 + sim.random().nextInt(2)) instanceof CartResult.Updated)) {
                return;   // a full cart: the buyer leaves it as it is
            }
        }
        if (sim.random().nextInt(100) >= 70) {
            return;   // the cart is abandoned for today
        }
        if (!(sim.checkout(buyer, cart, buyerId + "-day-" + day + "-visit-" + visits) instanceof CheckoutResult.Placed placed)) {
            return;
        }
        if (sim.random().nextInt(100) < 8) {
            return;   // never paid: the unpaid-close timer closes the orders
        }
        String payment = placed.payment().paymentId();
        if (sim.random().nextInt(100) < 10) {
            sim.sandbox().declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
            if (!(sim.commerce().pay(buyer, payment, new PaymentSource("tok_card")) instanceof PaymentResult.Paid)) {
                sim.happened("payment declined and retried");
            }
        }
        PaymentResult paid = sim.commerce().pay(buyer, payment, new PaymentSource("tok_alipay"));
        if (!(paid instanceof PaymentResult.Paid)) {
            throw new IllegalStateException("payment refused: " + paid);
        }
        if (sim.random().nextInt(100) < 6) {
            Simulation.require(sim.commerce().refundBeforeShipment(buyer, placed.orders().get(0).id()),
                    "refund before shipment");
        }
    }
}
