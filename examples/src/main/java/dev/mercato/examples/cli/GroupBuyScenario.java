package dev.mercato.examples.cli;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.groupbuy.GroupBuy;
import dev.mercato.core.groupbuy.GroupBuyEvent;
import dev.mercato.core.groupbuy.GroupCampaign;
import dev.mercato.core.groupbuy.GroupChoice;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.javamoney.moneta.Money;

/**
 * The group-buy preset (Pinduoduo-like): fruit and rice sold in groups (a peach group of 3 and a
 * rice group of 2, open 24 hours; an unfilled group is refunded automatically at its deadline), a
 * power bank on flash sale at 49.00 with one unit per buyer, and earbuds with a 20.00
 * platform-funded subsidy. Each day half the buyers visit: 45% join an open group (or open one),
 * 25% try the flash sale, the others buy at the everyday price. Shops ship the next day once the
 * group formed, parcels arrive two days later and 60% of buyers confirm receipt at once. Only the
 * public {@link Commerce} API.
 */
final class GroupBuyScenario implements Scenario {
    private static final String SCHEDULE = """
            {"name": "group-buy", "currency": "CNY", "rounding": "HALF_UP",
             "commission": {"base": "PAID", "rules": [
               {"id": "no-commission", "scope": "default", "rate": "0%"},
               {"id": "digital", "scope": "category:digital", "rate": "2%"}]},
             "fees": {"paymentFees": {"bearer": "SELLER", "byMethod": {"wechat-pay": "0.6%"}, "otherMethods": "0.6%"}}}""";

    private static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [
              {"kind": "flash-sale", "id": "power-bank-flash", "scope": {"skus": ["power-bank"]}, "unitPrice": 49,
               "stock": 100000, "perBuyerLimit": 1},
              {"kind": "amount-off", "id": "earbuds-subsidy", "scope": {"skus": ["earbuds"]}, "perUnit": 20,
               "funding": "platform"}
            ]}""";

    /** The SKUs: id, shop, category path, everyday price. */
    private static final List<String[]> SKUS = List.of(
            new String[] {"peach-5kg", "orchard", "food/fruit", "59.90"},
            new String[] {"rice-10kg", "rice-farm", "food/grain", "89.00"},
            new String[] {"power-bank", "gadget-outlet", "digital/accessories", "99.00"},
            new String[] {"earbuds", "gadget-outlet", "digital/audio", "199.00"});

    private static final List<GroupCampaign> CAMPAIGNS = List.of(
            new GroupCampaign("peach-3", Set.of(SkuId.of("peach-5kg")), 3, Duration.ofHours(24),
                    Money.of(new BigDecimal("39.90"), Simulation.CNY)),
            new GroupCampaign("rice-2", Set.of(SkuId.of("rice-10kg")), 2, Duration.ofHours(24),
                    Money.of(new BigDecimal("69.00"), Simulation.CNY)));

    private static final SkuId FLASH = SkuId.of("power-bank");

    private final RevenueSchedule schedule = ScheduleJson.read(SCHEDULE).revenue();
    /** The groups opened, oldest first. */
    private final List<String> groups = new ArrayList<>();
    private int checkouts;

    /** The groups this run opened, oldest first (for tests). */
    List<String> groupsOpened() {
        return List.copyOf(groups);
    }

    @Override
    public String name() {
        return "group-buy";
    }

    @Override
    public String description() {
        return "Pinduoduo-like group buying: groups with a deadline and automatic refunds,"
                + " flash sale with a per-buyer cap, platform subsidies, 0.6% payment fee";
    }

    @Override
    public RevenueSchedule schedule() {
        return schedule;
    }

    @Override
    public String paymentMethod() {
        return "wechat-pay";
    }

    @Override
    public List<Mechanism> mechanisms() {
        return List.of(Mechanism.onEvent("group formed", GroupBuyEvent.Formed.class),
                Mechanism.onEvent("group failed at its deadline", GroupBuyEvent.Failed.class),
                Mechanism.onEvent("failed group's member refunded", OrderEvent.RefundedBeforeShipment.class),
                Mechanism.reported("flash-sale order"),
                Mechanism.reported("flash-sale per-buyer cap refused"),
                Mechanism.reported("platform-subsidised order"),
                Mechanism.onEvent("order completed", OrderEvent.Completed.class));
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
                .cartLimits(CartLimits.DEFAULT.withFlashSale(FLASH, 1))
                .guaranteedTransactions(schedule).groupBuys(CAMPAIGNS);
    }

    @Override
    public void day(Simulation sim, int day) {
        sim.at(9);
        for (int b = 1; b <= sim.buyers(); b++) {
            if (sim.random().nextInt(100) < 50) {
                Actor.Buyer buyer = new Actor.Buyer("buyer-" + b);
                int choice = sim.random().nextInt(100);
                if (choice < 45) {
                    groupBuy(sim, buyer);
                } else if (choice < 70) {
                    buy(sim, buyer, FLASH);
                } else {
                    buy(sim, buyer, SkuId.of(SKUS.get(sim.random().nextInt(SKUS.size()))[0]));
                }
            }
        }
        sim.at(15);
        sim.shipPaidOrders(sim.midnight());
        for (OrderId delivered : sim.deliverShipped(Duration.ofDays(2))) {
            if (sim.random().nextInt(100) < 60) {
                Simulation.require(sim.commerce().confirmReceipt(new Actor.Buyer(sim.buyerOf(delivered)), delivered),
                        "confirm receipt");
            }
        }
    }

    /** Joins the oldest open group of a campaign the buyer is not in, or opens one; 90% then pay. */
    private void groupBuy(Simulation sim, Actor.Buyer buyer) {
        GroupCampaign campaign = CAMPAIGNS.get(sim.random().nextInt(CAMPAIGNS.size()));
        GroupChoice choice = GroupChoice.open(campaign.id());
        for (String id : groups) {
            GroupBuy group = sim.commerce().groupBuy(Simulation.SYSTEM, id).orElseThrow();
            if (group instanceof GroupBuy.Open open && open.campaignId().equals(campaign.id())
                    && open.deadline().isAfter(sim.now())
                    && open.members().stream().noneMatch(m -> m.buyerId().equals(buyer.buyerId()))) {
                choice = GroupChoice.join(id);
                break;
            }
        }
        CartId cart = CartId.of(buyer.buyerId());
        SkuId sku = campaign.skus().iterator().next();
        sim.addToCart(buyer, cart, sku, 1);
        CheckoutResult result = sim.checkout(buyer, cart, buyer.buyerId() + "-" + ++checkouts, choice);
        if (!(result instanceof CheckoutResult.Placed placed)) {
            sim.commerce().removeFromCart(buyer, cart, sku);
            return;
        }
        if (choice instanceof GroupChoice.OpenGroup) {
            groups.add(sim.commerce().groupOf(buyer, placed.orders().get(0).id()).orElseThrow().id());
        }
        if (sim.random().nextInt(100) < 90) {
            pay(sim, buyer, placed);
        }
    }

    /** Buys one unit at the everyday (or flash, or subsidised) price and pays. */
    private void buy(Simulation sim, Actor.Buyer buyer, SkuId sku) {
        CartId cart = CartId.of(buyer.buyerId());
        if (!(sim.addToCart(buyer, cart, sku, 1) instanceof CartResult.Updated)) {
            return;
        }
        CheckoutResult result = sim.checkout(buyer, cart, buyer.buyerId() + "-" + ++checkouts);
        if (result instanceof CheckoutResult.Refused refused && refused.reason() == CheckoutResult.Reason.FLASH_SALE_CAP) {
            sim.happened("flash-sale per-buyer cap refused");
            sim.commerce().removeFromCart(buyer, cart, sku);
            return;
        }
        if (!(result instanceof CheckoutResult.Placed placed)) {
            throw new IllegalStateException("checkout refused: " + result);
        }
        Order.AwaitingPayment order = placed.orders().get(0);
        if (order.facts().flashSale()) {
            sim.happened("flash-sale order");
        }
        if (order.facts().snapshot().lines().stream().anyMatch(line -> line.platformFundedMinor() > 0)) {
            sim.happened("platform-subsidised order");
        }
        pay(sim, buyer, placed);
    }

    private static void pay(Simulation sim, Actor.Buyer buyer, CheckoutResult.Placed placed) {
        PaymentResult paid = sim.commerce().pay(buyer, placed.payment().paymentId(), new PaymentSource("tok_wechat"));
        if (!(paid instanceof PaymentResult.Paid)) {
            throw new IllegalStateException("payment refused: " + paid);
        }
    }
}
