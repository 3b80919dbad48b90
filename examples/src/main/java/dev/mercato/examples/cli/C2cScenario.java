package dev.mercato.examples.cli;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.fee.FeeResult;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.review.ReviewOutcome;
import dev.mercato.core.review.ReviewPoints;
import dev.mercato.core.review.ReviewService;
import dev.mercato.core.review.ReviewSettings;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.fee.AdAuction;
import dev.mercato.pricing.fee.Bid;
import dev.mercato.pricing.fee.BillingModel;
import dev.mercato.pricing.fee.Placement;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * The c2c-marketplace preset (Taobao-like): three individual sellers with free stores, the
 * library's {@code c2c-marketplace} schedule (no commission except 2% on virtual goods, a 1%
 * service fee, payment fees by method). The sellers advertise: each has a 20.00 daily budget,
 * the operator tops its ad balance up from its payable, and every day the ad server charges the
 * clicks of a CPC auction for two slots (0.05 reserve). Buyers visit with a chance of 40% a day and
 * buy one item; sellers ship the next day, parcels arrive two days later, half the buyers confirm
 * receipt at once and the others leave it to the 10-day auto-confirm. Once an order completed, 70%
 * of its buyers review it. Only the public {@link Commerce} API.
 */
final class C2cScenario implements Scenario {
    /** The SKUs: id, seller, category path, price, the seller's CPC bid. */
    private static final List<String[]> SKUS = List.of(
            new String[] {"film-camera", "vintage-cameras", "digital/cameras", "680.00", "1.20"},
            new String[] {"lavender-soap", "handmade-soap", "home/bath", "25.00", "0.60"},
            new String[] {"game-card-100", "game-cards", "virtual/game-cards", "100.00", "0.90"});

    private static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ads-desk");
    private static final Actor.System AD_SERVER = new Actor.System("ad-server");
    private static final MonetaryAmount DAILY_BUDGET = Money.of(20, Simulation.CNY);
    private static final MonetaryAmount TOP_UP = Money.of(30, Simulation.CNY);

    private final RevenueSchedule schedule = ScheduleJson.example("c2c-marketplace").revenue();
    private final AdAuction auction = new AdAuction(Simulation.CNY, 2, Money.of(new BigDecimal("0.05"), Simulation.CNY));
    /** Delivered orders their buyers did not confirm: left to the auto-confirm. */
    private final List<OrderId> unconfirmed = new ArrayList<>();
    private final Set<OrderId> reviewed = new HashSet<>();
    private ReviewService reviews;
    private int checkouts;

    /** The reviews, on the facade's storage and clock (for tests). */
    ReviewService reviews() {
        return reviews;
    }

    @Override
    public String name() {
        return "c2c-marketplace";
    }

    @Override
    public String description() {
        return "Taobao-like C2C marketplace: free store, 1% service fee, payment fees by method,"
                + " CPC ads from the seller's payable, 10-day auto-confirm, reviews";
    }

    @Override
    public RevenueSchedule schedule() {
        return schedule;
    }

    @Override
    public List<Mechanism> mechanisms() {
        return List.of(Mechanism.reported("ad balance topped up from the payable"),
                Mechanism.reported("ad clicks charged"),
                Mechanism.reported("receipt auto-confirmed"),
                Mechanism.onEvent("order completed", OrderEvent.Completed.class),
                Mechanism.reported("review left"));
    }

    @Override
    public void configure(Commerce.Builder builder, Simulation simulation) {
        InMemoryCatalog catalog = Catalog.inMemory();
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("home", "hangzhou"));
        Set<String> sellers = new HashSet<>();
        for (String[] sku : SKUS) {
            catalog.put(Sku.of(sku[0], sku[1], sku[0], Money.of(new BigDecimal(sku[3]), Simulation.CNY))
                    .withCategoryPath(List.of(sku[2].split("/"))));
            inventory.setStock(new WarehouseId("home"), SkuId.of(sku[0]), 100_000, 0);
            sellers.add(sku[1]);
        }
        builder.catalog(catalog).inventory(inventory).guaranteedTransactions(schedule)
                .autoConfirm(Duration.ofDays(10), Duration.ofDays(5))
                .fees(FeeSettings.of(sellers::contains));
    }

    @Override
    public void day(Simulation sim, int day) {
        Commerce commerce = sim.commerce();
        if (day == 0) {
            reviews = ReviewService.create(commerce.storage(), sim.clock(), ReviewSettings.defaults(),
                    commerce.completedOrders(), ReviewPoints.none());
            for (String[] sku : SKUS) {
                commerce.fees().setAdDailyBudget(OPERATOR, sku[1], DAILY_BUDGET);
            }
        }
        sim.at(8);
        advertise(sim, day);
        sim.at(9);
        for (int b = 1; b <= sim.buyers(); b++) {
            if (sim.random().nextInt(100) < 40) {
                buy(sim, new Actor.Buyer("buyer-" + b));
            }
        }
        sim.at(15);
        sim.shipPaidOrders(sim.midnight());
        for (OrderId delivered : sim.deliverShipped(Duration.ofDays(2))) {
            if (sim.random().nextInt(100) < 50) {
                Simulation.require(commerce.confirmReceipt(new Actor.Buyer(sim.buyerOf(delivered)), delivered),
                        "confirm receipt");
            } else {
                unconfirmed.add(delivered);
            }
        }
        sim.at(22);
        for (OrderId order : List.copyOf(unconfirmed)) {
            if (commerce.escrow(Simulation.SYSTEM, order).orElseThrow() instanceof Released) {
                unconfirmed.remove(order);
                sim.happened("receipt auto-confirmed");
            }
        }
        for (OrderId completed : sim.ordersIn(OrderEvent.Completed.class)) {
            if (reviewed.add(completed) && sim.random().nextInt(100) < 70) {
                int stars = 3 + sim.random().nextInt(3);
                ReviewOutcome review = reviews.submit(new Actor.Buyer(sim.buyerOf(completed)), completed.value(), 1,
                        stars, stars == 5 ? "as described" : "fine");
                if (!(review instanceof ReviewOutcome.Accepted)) {
                    throw new IllegalStateException("review refused: " + review);
                }
                sim.happened("review left");
            }
        }
    }

    /** Buys one item at its price and pays. */
    private void buy(Simulation sim, Actor.Buyer buyer) {
        CartId cart = CartId.of(buyer.buyerId());
        SkuId sku = SkuId.of(SKUS.get(sim.random().nextInt(SKUS.size()))[0]);
        if (!(sim.addToCart(buyer, cart, sku, 1) instanceof CartResult.Updated)) {
            return;
        }
        if (!(sim.checkout(buyer, cart, buyer.buyerId() + "-" + ++checkouts) instanceof CheckoutResult.Placed placed)) {
            throw new IllegalStateException("checkout refused");
        }
        PaymentResult paid = sim.commerce().pay(buyer, placed.payment().paymentId(), new PaymentSource("tok_alipay"));
        if (!(paid instanceof PaymentResult.Paid)) {
            throw new IllegalStateException("payment refused: " + paid);
        }
    }

    /** Tops each seller's ad balance up when its payable allows, then charges the day's clicks. */
    private void advertise(Simulation sim, int day) {
        List<Bid> bids = new ArrayList<>();
        for (String[] sku : SKUS) {
            String seller = sku[1];
            MonetaryAmount balance = sim.commerce().fees().adStanding(OPERATOR, seller).orElseThrow().balance();
            if (balance.isLessThan(DAILY_BUDGET) && sim.commerce().fees().topUpAds(OPERATOR, seller, TOP_UP,
                    "day-" + day) instanceof FeeResult.Booked) {
                sim.happened("ad balance topped up from the payable");
            }
            bids.add(new Bid(seller, Money.of(new BigDecimal(sku[4]), Simulation.CNY), BigDecimal.ONE));
        }
        for (Placement placement : auction.run(bids)) {
            int clicks = 5 + sim.random().nextInt(20);
            if (sim.commerce().fees().chargeAd(AD_SERVER, placement.bid().campaignId(), placement, BillingModel.CPC,
                    clicks, "day-" + day) instanceof FeeResult.Booked) {
                sim.happened("ad clicks charged");
            }
        }
    }
}
