package dev.mercato.examples.cli;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.AwaitingBalance;
import dev.mercato.core.escrow.BalanceResult;
import dev.mercato.core.escrow.Closed;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.PaymentSchedule.ForfeitRule;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.escrow.StagedPayment;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.logistics.Address;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.javamoney.moneta.Money;

/**
 * The presale preset (Double 11 pre-sale, 定金 / 尾款): a television (deposit 50.00 worth 100.00)
 * and a robot vacuum (deposit 100.00 worth 200.00) sold in four-day campaigns. On the first two
 * days of a campaign 30% of the buyers pay a deposit; the balance window opens on the third day and
 * closes at the end of the fourth: 60% pay it on the third day, half of the rest on the fourth, the
 * others forfeit their deposit at the due date, kept by the seller net of commission in even
 * campaigns and refunded in odd ones. Shops ship the day after the balance, parcels arrive two days
 * later and buyers confirm receipt at once. Only the public {@link Commerce} API.
 */
final class PreSaleScenario implements Scenario {
    private static final String SCHEDULE = """
            {"name": "presale", "currency": "CNY", "rounding": "HALF_UP",
             "commission": {"base": "PAID", "rules": [{"id": "appliances", "scope": "default", "rate": "5%"}]},
             "fees": {"paymentFees": {"bearer": "SELLER", "byMethod": {"alipay": "0.6%"}, "otherMethods": "0.6%"}}}""";

    private static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [
              {"kind": "pre-sale", "id": "tv-presale", "scope": {"skus": ["tv-55"]}, "deposit": 50, "depositValue": 100},
              {"kind": "pre-sale", "id": "vacuum-presale", "scope": {"skus": ["robot-vacuum"]}, "deposit": 100,
               "depositValue": 200}
            ]}""";

    /** The SKUs: id, shop, price. */
    private static final List<String[]> SKUS = List.of(
            new String[] {"tv-55", "tv-shop", "3000.00"},
            new String[] {"robot-vacuum", "appliance-shop", "1999.00"});

    /** Days a campaign takes: two of deposits, two of balance window. */
    static final int CAMPAIGN_DAYS = 4;

    private static final Destination HOME =
            Destination.of(new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road"));
    private static final PaymentSource ALIPAY = new PaymentSource("tok_alipay");

    private final RevenueSchedule schedule = ScheduleJson.read(SCHEDULE).revenue();
    /** Orders whose deposit is paid and whose balance is not (yet), with their buyers. */
    private final Map<OrderId, Actor.Buyer> awaiting = new LinkedHashMap<>();
    /** Every pre-sale order, in placing order (for tests). */
    private final List<OrderId> orders = new ArrayList<>();
    private int checkouts;

    /** The pre-sale orders this run placed (for tests). */
    List<OrderId> orders() {
        return List.copyOf(orders);
    }

    @Override
    public String name() {
        return "presale";
    }

    @Override
    public String description() {
        return "Pre-sale campaigns: deposits worth more than they cost, balances in a window,"
                + " unpaid balances forfeit the deposit (kept net of commission, or refunded)";
    }

    @Override
    public RevenueSchedule schedule() {
        return schedule;
    }

    @Override
    public List<Mechanism> mechanisms() {
        return List.of(Mechanism.reported("deposit paid"),
                Mechanism.reported("balance paid in its window"),
                Mechanism.reported("deposit forfeited, kept by the seller"),
                Mechanism.reported("deposit forfeited, refunded"),
                Mechanism.onEvent("order completed", OrderEvent.Completed.class));
    }

    @Override
    public void configure(Commerce.Builder builder, Simulation simulation) {
        InMemoryCatalog catalog = Catalog.inMemory();
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"));
        for (String[] sku : SKUS) {
            catalog.put(Sku.of(sku[0], sku[1], sku[0], Money.of(new BigDecimal(sku[2]), Simulation.CNY)));
            inventory.setStock(new WarehouseId("east"), SkuId.of(sku[0]), 100_000, 0);
        }
        builder.catalog(catalog).inventory(inventory)
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(PROMOTIONS)),
                        buyer -> BuyerContext.anonymous()))
                .guaranteedTransactions(schedule);
    }

    @Override
    public void day(Simulation sim, int day) {
        sim.at(9);   // the balance-due timers of yesterday's deadline have run
        forfeits(sim);
        int campaign = day / CAMPAIGN_DAYS;
        int dayOfCampaign = day % CAMPAIGN_DAYS;
        if (dayOfCampaign < 2) {
            Instant start = Simulation.START.plus(Duration.ofDays((long) campaign * CAMPAIGN_DAYS));
            StagedPayment.PreSale stages = new StagedPayment.PreSale(start.plus(Duration.ofDays(2)),
                    start.plus(Duration.ofDays(CAMPAIGN_DAYS)),
                    campaign % 2 == 0 ? ForfeitRule.KEEP_NET_OF_COMMISSION : ForfeitRule.REFUND);
            for (int b = 1; b <= sim.buyers(); b++) {
                if (sim.random().nextInt(100) < 30) {
                    deposit(sim, new Actor.Buyer("buyer-" + b), stages);
                }
            }
        } else {
            int share = dayOfCampaign == 2 ? 60 : 50;
            for (Map.Entry<OrderId, Actor.Buyer> order : List.copyOf(awaiting.entrySet())) {
                if (sim.random().nextInt(100) < share) {
                    BalanceResult paid = sim.payBalance(order.getValue(), order.getKey(), ALIPAY);
                    if (!(paid instanceof BalanceResult.Paid)) {
                        throw new IllegalStateException("balance refused: " + paid);
                    }
                    awaiting.remove(order.getKey());
                    sim.happened("balance paid in its window");
                }
            }
        }
        sim.at(15);
        sim.shipPaidOrders(sim.midnight());
        for (OrderId delivered : sim.deliverShipped(Duration.ofDays(2))) {
            Simulation.require(sim.commerce().confirmReceipt(new Actor.Buyer(sim.buyerOf(delivered)), delivered),
                    "confirm receipt");
        }
    }

    /** A buyer puts one pre-sale SKU in the cart, checks out in stages and pays the deposit. */
    private void deposit(Simulation sim, Actor.Buyer buyer, StagedPayment.PreSale stages) {
        CartId cart = CartId.of(buyer.buyerId());
        SkuId sku = SkuId.of(SKUS.get(sim.random().nextInt(SKUS.size()))[0]);
        if (!(sim.addToCart(buyer, cart, sku, 1) instanceof CartResult.Updated)) {
            return;
        }
        CheckoutResult result = sim.checkout(buyer, cart, buyer.buyerId() + "-presale-" + ++checkouts, HOME, stages);
        if (!(result instanceof CheckoutResult.Placed placed)) {
            throw new IllegalStateException("pre-sale checkout refused: " + result);
        }
        PaymentResult paid = sim.commerce().pay(buyer, placed.payment().paymentId(), ALIPAY);
        if (!(paid instanceof PaymentResult.Paid)) {
            throw new IllegalStateException("deposit refused: " + paid);
        }
        OrderId order = placed.orders().get(0).id();
        orders.add(order);
        awaiting.put(order, buyer);
        sim.happened("deposit paid");
    }

    /** The orders whose balance came due unpaid: the timer applied the campaign's forfeit rule. */
    private void forfeits(Simulation sim) {
        for (OrderId order : List.copyOf(awaiting.keySet())) {
            Escrow escrow = sim.commerce().escrow(Simulation.SYSTEM, order).orElseThrow();
            if (escrow instanceof AwaitingBalance) {
                continue;
            }
            awaiting.remove(order);
            if (escrow instanceof Closed) {
                sim.happened("deposit forfeited, kept by the seller");
            } else if (escrow instanceof Refunded) {
                sim.happened("deposit forfeited, refunded");
            } else {
                throw new IllegalStateException("an unpaid balance left the escrow " + escrow);
            }
        }
    }
}
