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
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.SaleLines;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.Settlement;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.javamoney.moneta.Money;

/**
 * The b2c-mall scenario of {@code mercato simulate}: buyers visit a four-shop mall every day, fill
 * carts, check out, pay (a few payments are declined first and retried, a few are never paid and
 * close), ask a refund before shipment now and then; shops ship what was paid the day before;
 * buyers confirm delivery two days after shipment; the facade's timers close unpaid orders and
 * complete delivered ones. Completed orders are settled with the preset's schedule.
 *
 * <p>Uses only the public {@link Commerce} API: carts, checkout, pay, ship, confirm delivery,
 * refund before shipment, due timers. Everything random comes from one {@link Random} seeded by
 * the caller and every instant from a clock the simulation moves, so a seed always gives the same
 * report. Order and payment ids (random in the facade) are never part of the report.
 */
final class MallSimulation {
    static final String PRESET = "b2c-mall";

    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Actor.System SYSTEM = new Actor.System("simulation");

    /** Shop promotions, all funded by their shop: the orders then carry every discount's funding. */
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

    /**
     * What a run gives.
     *
     * @param days days simulated
     * @param buyers buyers in the population
     * @param visits buyer visits
     * @param checkouts carts checked out
     * @param orders orders placed (one per shop per checkout)
     * @param paid orders paid
     * @param closedUnpaid orders closed unpaid by the timer
     * @param awaitingPayment orders still awaiting payment at the end
     * @param refunded orders refunded before shipment
     * @param shipped orders shipped (whatever happened after)
     * @param delivered orders delivered (whatever happened after)
     * @param receipts orders whose buyer confirmed receipt
     * @param completed orders completed
     * @param declines payment attempts declined and retried
     * @param gmvMinor the payables of paid orders, in fen
     * @param refundedMinor the refunds before shipment, in fen
     * @param capturedMinor the totals of paid payments, in fen
     * @param settlement the completed orders' settlement, if any order completed
     * @param ledger the facade's ledger at the end
     * @param daily the same orders, GMV and refunds day by day, one entry per simulated day: they
     *     sum to the run's {@code orders}, {@code paid}, {@code gmvMinor}, {@code refunded} and
     *     {@code refundedMinor}
     */
    record Report(int days, int buyers, int visits, int checkouts, int orders, int paid, int closedUnpaid,
            int awaitingPayment, int refunded, int shipped, int delivered, int receipts, int completed, int declines,
            long gmvMinor, long refundedMinor, long capturedMinor, Optional<Settlement> settlement, Ledger ledger,
            List<Day> daily) {
        /** Copies the days. */
        Report {
            daily = List.copyOf(daily);
        }
    }

    /**
     * One simulated day's share of a run's figures.
     *
     * @param date the day (UTC)
     * @param orders orders placed that day
     * @param paid orders placed that day and paid
     * @param gmvMinor the payables of the orders placed that day and paid, in fen
     * @param refunded orders refunded before shipment that day
     * @param refundedMinor the refunds before shipment paid that day, in fen
     */
    record Day(LocalDate date, int orders, int paid, long gmvMinor, int refunded, long refundedMinor) {}

    /** Told after each simulated day; a progress display listens. */
    @FunctionalInterface
    interface DayListener {
        /**
         * One more day is done.
         *
         * @param daysDone days simulated so far, 1 to the run's days
         * @param ordersPlaced orders placed so far
         */
        void dayDone(int daysDone, int ordersPlaced);
    }

    private final Random random;
    private final int days;
    private final int buyers;
    private final SimulationClock clock = new SimulationClock(START);
    private final SandboxPaymentProvider sandbox =
            SandboxPaymentProvider.create(SandboxSettings.of(clock, "simulation-signing-secret", Set.of(CNY)));
    private final RevenueSchedule schedule = ScheduleJson.example(PRESET).revenue();
    private final Commerce commerce;

    /** Orders in the order they were placed, with the payment that pays them. */
    private final Map<OrderId, String> paymentOf = new LinkedHashMap<>();
    /** When each order was shipped. */
    private final Map<OrderId, Instant> shippedAt = new LinkedHashMap<>();
    private int visits;
    private int checkouts;
    private int declines;
    private int shipments;
    private int deliveries;
    private int receipts;

    MallSimulation(long seed, int days, int buyers) {
        this(seed, days, buyers, java.util.Optional.empty());
    }

    /**
     * A simulation on a storage of its own: in memory, or an empty PostgreSQL database (with its
     * journal), so the same seed gives the same figures either way.
     */
    MallSimulation(long seed, int days, int buyers, java.util.Optional<dev.mercato.storage.postgres.PostgresStorage> storage) {
        this.random = new Random(seed);
        this.days = days;
        this.buyers = buyers;
        Commerce.Builder builder = Commerce.builder();
        storage.ifPresent(pg -> builder.storage(pg).journal(pg.journal()));
        this.commerce = builder.clock(clock).catalog(catalog()).inventory(inventory())
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(PROMOTIONS)),
                        buyer -> BuyerContext.anonymous()))
                .paymentProvider(sandbox)
                .sandboxes()   // the sandbox carrier; the payment sandbox is the one above
                .guaranteedTransactions(schedule).sellerTypes(SHOPS::get).paymentMethod("alipay")
                .build();
    }

    /**
     * Runs the days and reports.
     *
     * @return the report
     * @throws IllegalStateException if the facade refuses a step the scenario expects to succeed
     */
    Report run() {
        return run((daysDone, ordersPlaced) -> { });
    }

    /**
     * Runs the days, telling a listener after each, and reports.
     *
     * @param listener told after each day; it cannot change the run
     * @return the report
     * @throws IllegalStateException if the facade refuses a step the scenario expects to succeed
     */
    Report run(DayListener listener) {
        for (int day = 0; day < days; day++) {
            Instant morning = START.plus(Duration.ofDays(day));
            clock.set(morning.plus(Duration.ofHours(9)));
            commerce.runDueTimers(SYSTEM);
            for (int b = 1; b <= buyers; b++) {
                if (random.nextInt(100) < 40) {
                    visit("buyer-" + b, day);
                }
            }
            clock.set(morning.plus(Duration.ofHours(15)));
            commerce.runDueTimers(SYSTEM);
            shipYesterdaysOrders(morning);
            confirmDeliveries(morning);
            clock.set(morning.plus(Duration.ofHours(23)));
            commerce.runDueTimers(SYSTEM);
            listener.dayDone(day + 1, paymentOf.size());
        }
        return report();
    }

    private void visit(String buyerId, int day) {
        visits++;
        Actor.Buyer buyer = new Actor.Buyer(buyerId);
        CartId cart = CartId.of(buyerId);
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            String sku = SKUS.get(random.nextInt(SKUS.size()))[0];
            if (!(commerce.addToCart(buyer, cart, SkuId.of(sku), 1 + random.nextInt(2)) instanceof CartResult.Updated)) {
                return;   // a full cart: the buyer leaves it as it is
            }
        }
        if (random.nextInt(100) >= 70) {
            return;   // the cart is abandoned for today
        }
        CheckoutResult result = commerce.checkout(buyer, cart, buyerId + "-day-" + day + "-visit-" + visits, Optional.empty());
        if (!(result instanceof CheckoutResult.Placed placed)) {
            return;
        }
        checkouts++;
        placed.orders().forEach(order -> paymentOf.put(order.id(), placed.payment().paymentId()));
        if (random.nextInt(100) < 8) {
            return;   // never paid: the unpaid-close timer closes the orders
        }
        if (random.nextInt(100) < 10) {
            sandbox.declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
            if (!(commerce.pay(buyer, placed.payment().paymentId(), new PaymentSource("tok_card")) instanceof PaymentResult.Paid)) {
                declines++;
            }
        }
        PaymentResult paid = commerce.pay(buyer, placed.payment().paymentId(), new PaymentSource("tok_alipay"));
        if (!(paid instanceof PaymentResult.Paid)) {
            throw new IllegalStateException("payment refused: " + paid);
        }
        if (random.nextInt(100) < 6) {
            Order.AwaitingPayment first = placed.orders().get(0);
            require(commerce.refundBeforeShipment(buyer, first.id()), "refund before shipment");
        }
    }

    /** Shops ship, each in full, the orders paid before today that are still unshipped. */
    private void shipYesterdaysOrders(Instant today) {
        for (OrderId id : paymentOf.keySet()) {
            Order order = commerce.order(SYSTEM, id).orElseThrow();
            boolean ready = order instanceof Order.Paid || order instanceof Order.StockAllocated;
            if (!ready || !order.facts().placedAt().isBefore(today)) {
                continue;
            }
            List<Shipment.Item> items = new ArrayList<>();
            for (OrderLine line : order.facts().snapshot().lines()) {
                items.add(new Shipment.Item(line.lineNo(), line.quantity()));
            }
            shipments++;
            require(commerce.ship(new Actor.Seller(order.facts().sellerId()), id, String.format("SIM%07d", shipments),
                    items), "ship");
            shippedAt.put(id, clock.instant());
        }
    }

    /**
     * Parcels arrive two days after shipment; most buyers then confirm receipt at once (the money
     * goes to the seller), the others leave it to the ten-day auto-confirm.
     */
    private void confirmDeliveries(Instant today) {
        for (Map.Entry<OrderId, Instant> shipped : shippedAt.entrySet()) {
            Order order = commerce.order(SYSTEM, shipped.getKey()).orElseThrow();
            if (order instanceof Order.Shipped && !shipped.getValue().plus(Duration.ofDays(2)).isAfter(clock.instant())) {
                Actor.Buyer buyer = new Actor.Buyer(order.facts().buyerId());
                require(commerce.confirmDelivery(buyer, order.id()), "confirm delivery");
                deliveries++;
                if (random.nextInt(100) < 70) {
                    require(commerce.confirmReceipt(buyer, order.id()), "confirm receipt");
                    receipts++;
                }
            }
        }
    }

    private Report report() {
        int paid = 0;
        int closed = 0;
        int awaiting = 0;
        int refunded = 0;
        int completed = 0;
        long gmv = 0;
        long refunds = 0;
        long captured = 0;
        Map<String, Boolean> paymentsSeen = new LinkedHashMap<>();
        List<SaleLine> settled = new ArrayList<>();
        DayTally[] tally = new DayTally[days];
        for (int day = 0; day < days; day++) {
            tally[day] = new DayTally();
        }
        for (Map.Entry<OrderId, String> entry : paymentOf.entrySet()) {
            Order order = commerce.order(SYSTEM, entry.getKey()).orElseThrow();
            long payable = MinorUnits.toMinor(order.facts().snapshot().payable(), CNY);
            DayTally placedOn = tally[dayOf(order.facts().placedAt())];
            placedOn.orders++;
            if (order instanceof Order.AwaitingPayment) {
                awaiting++;
            } else if (order instanceof Order.Closed) {
                closed++;
            } else if (!(order instanceof Order.Cancelled)) {
                paid++;
                gmv = Math.addExact(gmv, payable);
                placedOn.paid++;
                placedOn.gmv = Math.addExact(placedOn.gmv, payable);
                if (paymentsSeen.putIfAbsent(entry.getValue(), true) == null) {
                    captured = Math.addExact(captured, MinorUnits.toMinor(
                            commerce.payment(SYSTEM, entry.getValue()).orElseThrow().total(), CNY));
                }
            }
            if (order instanceof Order.RefundedBeforeShipment r) {
                refunded++;
                long refund = MinorUnits.toMinor(r.refund().total(), CNY);
                refunds = Math.addExact(refunds, refund);
                DayTally refundedOn = tally[dayOf(r.refund().refundedAt())];
                refundedOn.refunded++;
                refundedOn.refunds = Math.addExact(refundedOn.refunds, refund);
            }
            if (order instanceof Order.Completed) {
                completed++;
                settled.addAll(saleLines(order));
            }
        }
        List<Day> daily = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            DayTally t = tally[day];
            daily.add(new Day(LocalDate.ofInstant(START, ZoneOffset.UTC).plusDays(day), t.orders, t.paid, t.gmv,
                    t.refunded, t.refunds));
        }
        return new Report(days, buyers, visits, checkouts, paymentOf.size(), paid, closed, awaiting, refunded, shipments,
                deliveries, receipts, completed, declines, gmv, refunds, captured,
                settled.isEmpty() ? Optional.empty() : Optional.of(schedule.settle(settled)), ledger(), daily);
    }

    /** The simulated day an instant of the run falls on, 0 for the first. */
    private int dayOf(Instant at) {
        long day = Duration.between(START, at).toDays();
        if (day < 0 || day >= days) {
            throw new IllegalStateException(at + " is outside the simulated days");
        }
        return (int) day;
    }

    /** One day's running counts while the report is made. */
    private static final class DayTally {
        private int orders;
        private int paid;
        private long gmv;
        private int refunded;
        private long refunds;
    }

    /** What the facade's ledger says, summed by kind of account. */
    private Ledger ledger() {
        long sum = 0;
        long buyersIn = 0;
        long payables = 0;
        long platform = 0;
        long held = 0;
        long refunds = 0;
        Map<RevenueStream, Long> byStream = new EnumMap<>(RevenueStream.class);
        for (Map.Entry<Account, Map<CurrencyUnit, javax.money.MonetaryAmount>> balance
                : commerce.journal().orElseThrow().balances().entrySet()) {
            long minor = MinorUnits.toMinor(balance.getValue().getOrDefault(CNY, MinorUnits.toAmount(0, CNY)), CNY);
            sum = Math.addExact(sum, minor);
            Account account = balance.getKey();
            if (account instanceof Account.BuyerFundsIn) {
                buyersIn = Math.subtractExact(buyersIn, minor);
            } else if (account instanceof Account.SellerPayable) {
                payables = Math.addExact(payables, minor);
            } else if (account instanceof Account.PlatformRevenue revenue) {
                platform = Math.addExact(platform, minor);
                byStream.merge(revenue.stream(), minor, Math::addExact);
            } else if (account instanceof Account.EscrowHeld) {
                held = Math.addExact(held, minor);
            } else if (account.equals(Account.refunds())) {
                refunds = Math.addExact(refunds, minor);
            }
        }
        return new Ledger(sum, buyersIn, held, payables, platform, refunds, byStream);
    }

    /**
     * The ledger's balances, in fen.
     *
     * @param sumOfAllBalances every balance summed: zero in a balanced ledger
     * @param buyerFundsIn what buyers paid in
     * @param held still held in escrows
     * @param sellerPayables credited to sellers
     * @param platformRevenue commission and fees
     * @param refunds paid back to buyers
     * @param revenueByStream the platform revenue account of each stream that has one, in the
     *     streams' order; its values sum to {@code platformRevenue}
     */
    record Ledger(long sumOfAllBalances, long buyerFundsIn, long held, long sellerPayables, long platformRevenue,
            long refunds, Map<RevenueStream, Long> revenueByStream) {
        /** Copies the streams, keeping their order. */
        Ledger {
            EnumMap<RevenueStream, Long> copy = new EnumMap<>(RevenueStream.class);
            copy.putAll(revenueByStream);
            revenueByStream = Collections.unmodifiableMap(copy);
        }
    }

    /** A completed order's lines as the facade settled them: from the order's own snapshot. */
    private static List<SaleLine> saleLines(Order order) {
        return SaleLines.of(order.facts(), "alipay");
    }

    private static void require(OrderResult result, String step) {
        if (result instanceof OrderResult.Refused refused) {
            throw new IllegalStateException(step + " refused: " + refused.reason() + ": " + refused.message());
        }
    }

    private static InMemoryCatalog catalog() {
        InMemoryCatalog catalog = Catalog.inMemory();
        for (String[] sku : SKUS) {
            catalog.put(Sku.of(sku[0], sku[1], sku[0], Money.of(new BigDecimal(sku[3]), CNY))
                    .withCategoryPath(List.of(sku[2].split("/"))));
        }
        return catalog;
    }

    private static Inventory inventory() {
        WarehouseId east = new WarehouseId("east");
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"));
        for (String[] sku : SKUS) {
            inventory.setStock(east, SkuId.of(sku[0]), 100_000, 0);
        }
        return inventory;
    }

    /** A clock the simulation moves. */
    private static final class SimulationClock extends Clock {
        private Instant now;

        SimulationClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
