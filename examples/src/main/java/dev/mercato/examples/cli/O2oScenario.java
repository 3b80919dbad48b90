package dev.mercato.examples.cli;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.fulfilment.LateDelivery;
import dev.mercato.core.fulfilment.LateDeliveryRule;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderPolicy;
import dev.mercato.core.review.RatingPolicy;
import dev.mercato.core.review.ReviewOutcome;
import dev.mercato.core.review.ReviewPoints;
import dev.mercato.core.review.ReviewService;
import dev.mercato.core.review.ReviewSettings;
import dev.mercato.logistics.Address;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * The o2o-services preset (Meituan-like local services): four restaurants in one city on the
 * library's {@code o2o-services} schedule (commission by the merchant's monthly GMV band, a 1% +
 * 0.20 service fee). Buyers order lunch between 12:00 and 12:29 to their address; the restaurant
 * hands each paid order at once to the carrier's on-demand courier, promised within 30 minutes.
 * A courier is late now and then (one restaurant's kitchen is slow and makes it late often): the
 * carrier's late delivery scan compensates the buyer automatically with a CNY 5.00 refund funded
 * by the restaurant. 80% of buyers confirm receipt at once, the others leave it to the 1-day
 * auto-confirm; an order completes when its one-day after-sale window ends, and 80% of buyers
 * review it then. A restaurant whose rating falls below 3.5 (with five reviews at least) is
 * demoted, and buyers order only from restaurants that are not. Only the public {@link Commerce} API.
 */
final class O2oScenario implements Scenario {
    /** The SKUs: id, restaurant, category path, price; the slow restaurant is the last. */
    private static final List<String[]> SKUS = List.of(
            new String[] {"pork-dumplings", "dumpling-house", "food/dumplings", "28.00"},
            new String[] {"beef-noodles", "noodle-bar", "food/noodles", "32.00"},
            new String[] {"milk-tea", "tea-corner", "food/drinks", "18.00"},
            new String[] {"fried-chicken", "chicken-shack", "food/fried", "45.00"});
    /** The restaurant whose kitchen is slow: its couriers are often late and its reviews are poor. */
    static final String SLOW = "chicken-shack";
    /** What a late order's buyer is refunded. */
    static final MonetaryAmount COMPENSATION = Money.of(5, Simulation.CNY);
    /** Late when delivered after 30 minutes of payment; the restaurant pays the compensation back. */
    static final LateDeliveryRule LATE_RULE = LateDeliveryRule.fixed(
            LateDeliveryRule.Deadline.withinOfPayment(Duration.ofMinutes(30)), Duration.ZERO, COMPENSATION,
            LateDeliveryRule.Funder.SELLER);
    /** Ratings over 30 days (the last 7 weigh 2); demoted below 3.5 with five reviews or more. */
    static final ReviewSettings REVIEWS = new ReviewSettings(Duration.ofDays(7), Duration.ofDays(7),
            new RatingPolicy(Duration.ofDays(30), Duration.ofDays(7), 2, new BigDecimal("3.5"), 5));

    private final RevenueSchedule schedule = ScheduleJson.example("o2o-services").revenue();
    private final LateDeliveryRule lateRule;
    private final Set<OrderId> reviewed = new HashSet<>();
    /** The restaurants demoted when last reviewed: a demotion counts when one enters it. */
    private final Set<String> demoted = new HashSet<>();
    /** Delivered orders their buyers did not confirm: left to the auto-confirm. */
    private final List<OrderId> unconfirmed = new ArrayList<>();
    private ReviewService reviews;
    private int checkouts;

    /** The preset: late orders are compensated by {@link #LATE_RULE}, a refund. */
    O2oScenario() {
        this(LATE_RULE);
    }

    /**
     * The preset with another late-delivery rule, e.g. {@code LATE_RULE.asCoupon(validFor)}.
     *
     * @param lateRule how a late order's buyer is compensated
     */
    O2oScenario(LateDeliveryRule lateRule) {
        this.lateRule = lateRule;
    }

    /** The reviews, on the facade's storage and clock (for tests). */
    ReviewService reviews() {
        return reviews;
    }

    @Override
    public String name() {
        return "o2o-services";
    }

    @Override
    public String description() {
        return "Meituan-like local services: 8/7/6% commission by monthly GMV band, service fee 1% + 0.20,"
                + " 30-minute couriers, late-delivery compensation, rating-based demotion";
    }

    @Override
    public RevenueSchedule schedule() {
        return schedule;
    }

    @Override
    public List<Mechanism> mechanisms() {
        return List.of(Mechanism.reported("delivered within 30 minutes"),
                Mechanism.onEvent("courier late, buyer compensated", LateDelivery.class),
                Mechanism.reported("receipt auto-confirmed"),
                Mechanism.onEvent("order completed", OrderEvent.Completed.class),
                Mechanism.reported("review left"),
                Mechanism.reported("seller demoted"),
                Mechanism.reported("demoted seller passed over"));
    }

    @Override
    public void configure(Commerce.Builder builder, Simulation simulation) {
        InMemoryCatalog catalog = Catalog.inMemory();
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best());
        int street = 1;
        for (String[] sku : SKUS) {
            catalog.put(Sku.of(sku[0], sku[1], sku[0], Money.of(new BigDecimal(sku[3]), Simulation.CNY))
                    .withCategoryPath(List.of(sku[2].split("/"))));
            WarehouseId kitchen = new WarehouseId(sku[1]);
            inventory.addWarehouse(Warehouse.of(sku[1], "shanghai")).setStock(kitchen, SkuId.of(sku[0]), 100_000, 0);
            builder.warehouseAddress(kitchen, new Address("CN", "Shanghai", "Shanghai", "200001", street++ + " Nanjing Road"));
        }
        builder.catalog(catalog).inventory(inventory).guaranteedTransactions(schedule)
                .autoConfirm(Duration.ofDays(1), Duration.ofDays(1)).lateDelivery(lateRule)
                // Pay within 15 minutes; after-sale service for a day after delivery, then the order completes.
                .orderPolicy(new OrderPolicy(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofDays(1)));
    }

    @Override
    public void day(Simulation sim, int day) {
        Commerce commerce = sim.commerce();
        if (day == 0) {
            reviews = ReviewService.create(commerce.storage(), sim.clock(), REVIEWS, commerce.completedOrders(),
                    ReviewPoints.none());
        }
        // Lunch: each buyer orders with a chance of 50%, at a minute from 12:00 to 12:29.
        List<int[]> lunch = new ArrayList<>();
        for (int b = 1; b <= sim.buyers(); b++) {
            if (sim.random().nextInt(100) < 50) {
                lunch.add(new int[] {sim.random().nextInt(30), b});
            }
        }
        lunch.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        for (int[] order : lunch) {
            sim.at(LocalTime.of(12, order[0]));
            lunchOrder(sim, new Actor.Buyer("buyer-" + order[1]));
        }
        // Couriers deliver by 12:59 (or late, at most 20 minutes); the carrier's scans reach the facade.
        sim.at(LocalTime.of(13, 30));
        for (OrderId delivered : sim.deliverByCarrier()) {
            Order.Delivered order = (Order.Delivered) commerce.order(Simulation.SYSTEM, delivered).orElseThrow();
            if (!order.deliveredAt().isAfter(commerce.deliveryDeadline(Simulation.SYSTEM, delivered).orElseThrow())) {
                sim.happened("delivered within 30 minutes");
            }
            if (sim.random().nextInt(100) < 80) {
                Simulation.require(commerce.confirmReceipt(new Actor.Buyer(sim.buyerOf(delivered)), delivered),
                        "confirm receipt");
            } else {
                unconfirmed.add(delivered);
            }
        }
        sim.at(20);
        for (OrderId order : List.copyOf(unconfirmed)) {
            if (commerce.escrow(Simulation.SYSTEM, order).orElseThrow() instanceof Released) {
                unconfirmed.remove(order);
                sim.happened("receipt auto-confirmed");
            }
        }
        review(sim);
    }

    /** Orders one dish from a restaurant that is not demoted, pays, and the restaurant calls a courier. */
    private void lunchOrder(Simulation sim, Actor.Buyer buyer) {
        String[] sku = SKUS.get(sim.random().nextInt(SKUS.size()));
        if (reviews.isDemoted(sku[1])) {
            sim.happened("demoted seller passed over");
            List<String[]> open = SKUS.stream().filter(s -> !reviews.isDemoted(s[1])).toList();
            if (open.isEmpty()) {
                return;
            }
            sku = open.get(sim.random().nextInt(open.size()));
        }
        CartId cart = CartId.of(buyer.buyerId());
        if (!(sim.addToCart(buyer, cart, SkuId.of(sku[0]), 1) instanceof CartResult.Updated)) {
            return;
        }
        int b = Integer.parseInt(buyer.buyerId().substring("buyer-".length()));
        Destination home = Destination.of(new Address("CN", "Shanghai", "Shanghai", "200002", b + " Huaihai Road"));
        if (!(sim.checkout(buyer, cart, buyer.buyerId() + "-" + ++checkouts, home) instanceof CheckoutResult.Placed placed)) {
            throw new IllegalStateException("checkout refused");
        }
        PaymentResult paid = sim.commerce().pay(buyer, placed.payment().paymentId(), new PaymentSource("tok_alipay"));
        if (!(paid instanceof PaymentResult.Paid)) {
            throw new IllegalStateException("payment refused: " + paid);
        }
        // A courier is late for 10% of orders, for 60% of the slow kitchen's, by 5 to 20 minutes.
        boolean late = sim.random().nextInt(100) < (sku[1].equals(SLOW) ? 60 : 10);
        Duration delay = late ? Duration.ofMinutes(5 + sim.random().nextInt(16)) : Duration.ZERO;
        sim.dispatchCourier(placed.orders().get(0).id(), "courier", delay);
    }

    /** 80% of the buyers of each newly completed order review it; a rating that falls demotes. */
    private void review(Simulation sim) {
        for (OrderId completed : sim.ordersIn(OrderEvent.Completed.class)) {
            if (!reviewed.add(completed) || sim.random().nextInt(100) >= 80) {
                continue;
            }
            Order order = sim.commerce().order(Simulation.SYSTEM, completed).orElseThrow();
            String seller = order.facts().sellerId();
            boolean late = sim.commerce().lateDeliveryCompensation(Simulation.SYSTEM, completed).isPresent()
                    || sim.commerce().lateDeliveryCoupon(Simulation.SYSTEM, completed).isPresent();
            int stars = seller.equals(SLOW) ? 1 + sim.random().nextInt(3) : late ? 3 + sim.random().nextInt(2)
                    : 4 + sim.random().nextInt(2);
            ReviewOutcome outcome = reviews.submit(new Actor.Buyer(sim.buyerOf(completed)), completed.value(), 1,
                    stars, late ? "late" : "hot and on time");
            if (!(outcome instanceof ReviewOutcome.Accepted)) {
                throw new IllegalStateException("review refused: " + outcome);
            }
            sim.happened("review left");
            if (!reviews.isDemoted(seller)) {
                demoted.remove(seller);   // reinstated, or never demoted
            } else if (demoted.add(seller)) {
                sim.happened("seller demoted");
            }
        }
    }
}
