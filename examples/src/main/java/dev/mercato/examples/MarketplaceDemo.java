package dev.mercato.examples;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPriceResult;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Dimensions;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.CreatorShare;
import dev.mercato.core.escrow.Deductions;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.fulfilment.TrackingResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.PricedDiscount;
import dev.mercato.core.order.PricedSnapshot;
import dev.mercato.core.settlement.SettlementStatement;
import dev.mercato.core.storage.Storage;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.CarrierId;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.Settlement;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import dev.mercato.storage.postgres.PostgresStorage;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * The marketplace demo, end to end: a catalog of three shops, a promotion engine, one buyer's
 * cart across the three shops, checkout into one order per shop under one payment, the
 * guaranteed transaction (escrow) that holds the buyer's money until receipt is confirmed, the
 * release to the sellers net of commission and fees, and a ledger that balances to the cent.
 *
 * <p>Everything runs in memory against a clock the demo moves by hand, so the story prints the
 * same every time. It throws (and the demo exits non-zero) if the money does not balance.
 */
public final class MarketplaceDemo {

    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Instant START = Instant.parse("2026-11-11T02:00:00Z");
    private static final String BUYER_ID = "ann";
    private static final Actor.Buyer BUYER = new Actor.Buyer(BUYER_ID);
    private static final Actor.System SCHEDULER = new Actor.System("scheduler");
    private static final String PAYMENT_METHOD = "alipay";
    private static final Address EAST_WAREHOUSE = new Address("CN", "Shanghai", "Shanghai", "201100", "6 Xinzhuang Road");
    private static final Address ANN_ADDRESS = new Address("CN", "Shanghai", "Shanghai", "200031", "88 Huaihai Road");
    /** Ann's address, with the region code the inventory's warehouses are located by. */
    private static final Destination ANN_DESTINATION = new Destination(ANN_ADDRESS, "shanghai");

    /** The SKUs on sale, in catalog order. */
    private static final List<String> SKUS = List.of("longjing-250g", "puerh-cake", "celadon-tea-set", "silk-eye-mask");

    /** The three shops; the seller type matters to the commission and deposit rules. */
    private static final Map<String, SellerType> SHOPS = shops();

    /**
     * The platform's promotions, as data. Lanes apply in a fixed order (item, shop, platform,
     * shop coupon, platform coupon, shipping), whatever the order here.
     */
    private static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [
              {"kind": "percent-off", "id": "silk-10pct", "scope": {"sellers": ["silk-shop"]}, "percent": 10},
              {"kind": "threshold-reduction", "id": "tea-500-minus-50", "scope": {"sellers": ["tea-shop"]},
               "reach": "per-shop", "tiers": [{"threshold": 500, "off": 50}]},
              {"kind": "repeating-reduction", "id": "double-11", "reach": "across-shops", "every": 300, "off": 40},
              {"kind": "coupon", "id": "studio-30", "shop": "porcelain-studio", "minSpend": 200, "off": 30},
              {"kind": "free-shipping", "id": "free-over-99", "threshold": 99}
            ]}""";

    /** Held so the level sticks: Moneta logs its start-up configuration at INFO. */
    private static final Logger MONETA_LOG = Logger.getLogger("org.javamoney.moneta");

    private final PrintStream out;
    private final DemoClock clock = new DemoClock(START);
    /** Where this run starts: {@code START}, or later when the database holds earlier runs. */
    private final Instant start;
    /** This run's number in its database, from 1. */
    private final int run;
    /** The ledger's balances before this run: its checks read what this run moved. */
    private final Map<Account, Map<CurrencyUnit, MonetaryAmount>> before;
    /** Where the data lives, for the story: "memory", or the JDBC URL without its password. */
    private final String where;
    private final SandboxPaymentProvider sandbox =
            SandboxPaymentProvider.create(SandboxSettings.of(clock, "demo-signing-secret", Set.of(CNY)));
    private final SandboxCarrier carrier;
    private final Commerce commerce;

    private MarketplaceDemo(PrintStream out, Optional<Storage> storage, String where) {
        this.out = out;
        this.where = where;
        // Configuration only: the catalog, the promotions, the platform's revenue schedule, who the
        // sellers are, the sandboxes. The facade runs each order as a guaranteed transaction.
        Commerce.Builder builder = Commerce.builder().clock(clock).catalog(catalog()).inventory(inventory())
                // The buyer holds the porcelain studio's coupon; everyone else is an anonymous buyer.
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(PROMOTIONS)),
                        buyer -> buyer.equals(BUYER_ID) ? BuyerContext.anonymous().withCoupons("studio-30")
                                : BuyerContext.anonymous()))
                .paymentProvider(sandbox)
                .warehouseAddress(new WarehouseId("east"), EAST_WAREHOUSE)
                // Shipping is what the carrier quotes for the parcels fulfilment will book.
                .quotedShipping(ServiceLevel.STANDARD)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .sellerTypes(SHOPS::get)
                .paymentMethod(PAYMENT_METHOD);
        storage.ifPresent(s -> builder.storage(s));
        if (storage.isPresent() && storage.get() instanceof PostgresStorage pg) {
            // The journal in its own append-only tables, posting in the commands' transactions.
            builder.journal(pg.journal());
        }
        // Earlier runs in the same database: this one starts 30 days after the last, under its own
        // checkout key and carrier id, so its statements and tracking numbers are its own.
        Commerce probe = builder.carrier(SandboxCarrier.create(SandboxConfig.defaults("demo-carrier-signing-secret"), clock))
                .build();
        this.run = 1 + probe.ordersOfBuyer(SCHEDULER, BUYER_ID).size() / ORDERS_PER_RUN;
        this.start = START.plus(Duration.ofDays(30L * (run - 1)));
        clock.set(start);
        this.carrier = SandboxCarrier.create(SandboxConfig.defaults("demo-carrier-signing-secret")
                .withCarrierId(new CarrierId(run == 1 ? "sandbox" : "sandbox-run-" + run)), clock);
        this.commerce = builder.carrier(carrier).build();
        this.before = commerce.journal().orElseThrow().balances();
    }

    /** The demo's cart holds goods of three shops: one order each. */
    private static final int ORDERS_PER_RUN = 3;

    /**
     * Runs the demo on standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        MONETA_LOG.setLevel(Level.WARNING);
        run(System.out);
    }

    /**
     * Runs the whole story and prints it.
     *
     * @param out where the story goes
     * @throws IllegalStateException if a step is refused or the money does not balance
     */
    static void run(PrintStream out) {
        new MarketplaceDemo(out, Optional.empty(), "memory").story();
    }

    /**
     * Runs the whole story on a storage of the host's (for example PostgreSQL), which may hold
     * earlier runs: this run starts after them and its checks read what it moved.
     *
     * @param out where the story goes
     * @param storage the storage
     * @param where a description of it for the story, without secrets
     * @throws IllegalStateException if a step is refused or the money does not balance
     */
    static void run(PrintStream out, Storage storage, String where) {
        new MarketplaceDemo(out, Optional.of(storage), where).story();
    }

    private void story() {
        title("Mercato marketplace demo: three shops, one cart, one payment, escrow, settlement");
        if (!where.equals("memory")) {
            out.println("Storage: " + where + "; run " + run + " in this database"
                    + (run == 1 ? "" : ", after " + (run - 1) + " earlier run(s) whose " + ((run - 1) * ORDERS_PER_RUN)
                            + " orders it reads back") + ".");
        }
        showCatalog("0. Catalog and stock in the east warehouse (CNY)");
        fillAndPriceCart();
        CheckoutResult.Placed placed = checkout();
        Map<String, Order> orders = ordersBySeller(placed);
        pay(orders, placed.payment().paymentId());
        shipAndConfirm(orders);
        showCatalog("Stock after shipping (shipped units left the warehouse)");
        Map<String, SettlementStatement> statements = statements(orders);
        checkTheLedger(placed.payment().total(), statements);
    }

    // ---- 0 and 1: catalog, promotions, the priced cart ------------------------------------

    private void showCatalog(String heading) {
        section(heading);
        row("%-18s %-16s %-24s %10s %9s", "shop", "sku", "title", "price", "available");
        for (String sku : SKUS) {
            Sku item = commerce.catalog().find(SkuId.of(sku)).orElseThrow();
            row("%-18s %-16s %-24s %10s %9d", item.sellerId(), sku, item.title(), show(item.listPrice()),
                    commerce.inventory().available(SkuId.of(sku)));
        }
    }

    private void fillAndPriceCart() {
        CartId cart = CartId.of(BUYER_ID);
        require(commerce.addToCart(BUYER, cart, SkuId.of("longjing-250g"), 1));
        require(commerce.addToCart(BUYER, cart, SkuId.of("puerh-cake"), 1));
        require(commerce.addToCart(BUYER, cart, SkuId.of("celadon-tea-set"), 1));
        require(commerce.addToCart(BUYER, cart, SkuId.of("silk-eye-mask"), 1));
        PricedCart priced = commerce.priceCart(BUYER, cart, ANN_DESTINATION).priced().orElseThrow();

        section("1. Ann's cart, priced by the promotion engine at " + clock.instant() + ", shipped to "
                + ANN_ADDRESS.street() + ", " + ANN_ADDRESS.city());
        row("%-18s %-24s %3s %10s %10s %10s", "shop", "item", "qty", "subtotal", "discount", "payable");
        for (PricedCart.Line line : priced.lines()) {
            row("%-18s %-24s %3d %10s %10s %10s", line.sellerId(), line.title(), line.quantity(),
                    show(line.subtotal()), show(line.discount()), show(line.payable()));
        }
        for (Map.Entry<String, MonetaryAmount> shipping : priced.shippingSorted().entrySet()) {
            // The engine saw the carrier's quotes as the sellers' shipping, before its shipping promotions.
            MonetaryAmount discount = sum(priced.shippingDiscountsOf(shipping.getKey()).stream()
                    .map(PricedDiscount::amount).toList());
            String arrives = priced.deliveryOf(shipping.getKey()).map(p -> "shipping, by " + p.latest()).orElse("shipping");
            row("%-18s %-24s %3s %10s %10s %10s", shipping.getKey(), arrives, "", show(shipping.getValue().add(discount)),
                    show(discount), show(shipping.getValue()));
        }
        row("%-18s %-24s %3s %10s %10s %10s", "total", "", "", "", "", show(priced.total()));
        out.println();
        out.println("Why (every promotion, applied or not, and every shipping quote):");
        priced.explanation().forEach(step -> out.println("  - " + step));
        Destination abroad = Destination.of(Address.of("US", "California", "San Francisco"));
        if (commerce.priceCart(BUYER, cart, abroad) instanceof CartPriceResult.Unshippable refused) {
            out.println();
            out.println("The same cart to San Francisco is not priced (no free shipping by accident): "
                    + refused.refusal().reason() + " - " + refused.refusal().detail());
        } else {
            throw new IllegalStateException("a cart to an unserved country must be refused");
        }
    }

    // ---- 2: checkout splits the cart per seller under one payment --------------------------

    private CheckoutResult.Placed checkout() {
        CheckoutResult result = commerce.checkout(BUYER, CartId.of(BUYER_ID), "ann-checkout-" + run, ANN_DESTINATION);
        if (!(result instanceof CheckoutResult.Placed placed)) {
            throw new IllegalStateException("checkout refused: " + result);
        }
        section("2. Checkout: one order per shop, one payment of " + show(placed.payment().total()));
        row("%-18s %6s %10s %10s  %-15s  %s", "shop", "lines", "shipping", "payable", "state", "promised");
        for (Order.AwaitingPayment order : placed.orders()) {
            PricedSnapshot snapshot = order.facts().snapshot();
            row("%-18s %6d %10s %10s  %-15s  %s", order.facts().sellerId(), snapshot.lines().size(),
                    show(snapshot.shipping()), show(snapshot.payable()), order.stateName(),
                    order.facts().deliveryPromise().map(p -> p.earliest() + " to " + p.latest()).orElse("-"));
        }
        return placed;
    }

    private static Map<String, Order> ordersBySeller(CheckoutResult.Placed placed) {
        Map<String, Order> orders = new TreeMap<>();
        placed.orders().forEach(order -> orders.put(order.facts().sellerId(), order));
        return orders;
    }

    // ---- 3: the guaranteed transaction --------------------------------------------------------

    /**
     * Ann pays checkout's one payment through the provider. In the same unit of work that marks
     * the orders paid, the facade opens each order's escrow as held, its share of that one sale,
     * with the commission and fees the b2c-mall schedule computes from the order's own priced
     * snapshot (who funded each discount included), and posts the capture to the ledger.
     */
    private void pay(Map<String, Order> orders, String paymentId) {
        clock.advance(Duration.ofMinutes(5));
        PaymentResult paid = commerce.pay(BUYER, paymentId, new PaymentSource("tok_alipay"));
        if (!(paid instanceof PaymentResult.Paid done)) {
            throw new IllegalStateException("payment refused: " + paid);
        }
        String sale = done.payment().lastAttempt().orElseThrow();
        section("3. Guaranteed transaction: one payment, each order's share held in its own escrow");
        row("%-18s %10s %10s %10s %10s %10s  %s", "shop", "held", "subsidy", "commission", "fees", "shares", "state");
        MonetaryAmount held = MinorUnits.toAmount(0, CNY);
        for (Order order : orders.values()) {
            Escrow escrow = escrowOf(order);
            if (!(escrow instanceof Held)) {
                throw new IllegalStateException("escrow of " + order.id() + " is not held: " + escrow);
            }
            MonetaryAmount inEscrow = journal().balance(Account.escrowHeld(escrow.id()), CNY);
            held = held.add(inEscrow);
            Deductions d = escrow.terms().deductions();
            row("%-18s %10s %10s %10s %10s %10s  %s", order.facts().sellerId(), show(inEscrow),
                    show(escrow.terms().platformSubsidy()), show(d.commission()),
                    show(d.serviceFee().add(d.paymentFee())), show(sum(d.shares().stream().map(CreatorShare::amount)
                            .toList())), stateOf(escrow));
        }
        row("%-18s %10s", "total", show(held));
        if (!held.isEqualTo(done.payment().total())) {
            throw new IllegalStateException("escrows hold " + held + ", Ann paid " + done.payment().total());
        }
        out.println();
        out.println("Ann paid " + show(done.payment().total()) + " once, sandbox sale " + sale + "; each order's");
        out.println("escrow opened with the payment, from that sale (refunds go back against it, per order):");
        out.println("orders:  " + orderStates(orders));
    }

    // ---- 4: shipment through the carrier, tracking, receipt, automatic confirmation ----------

    /**
     * Each shop ships through the sandbox carrier: one parcel per warehouse holding its units,
     * booked under a request id derived from the order, so a retry books nothing twice. The
     * carrier's tracking notifications then deliver the orders, and each delivery starts its
     * escrow's ten-day auto-confirm clock in the same unit of work.
     */
    private void shipAndConfirm(Map<String, Order> orders) {
        clock.advance(Duration.ofDays(1));
        section("4. Shops ship through the sandbox carrier on " + clock.instant() + "; tracking delivers");
        row("%-18s %-9s %-14s %11s  %-10s  %s", "shop", "warehouse", "tracking", "carrier fee", "arrives by", "order");
        for (Order order : orders.values()) {
            String seller = order.facts().sellerId();
            DispatchResult result = commerce.shipWithCarrier(new Actor.Seller(seller), order.id(),
                    CarrierDispatch.everything("ship-1", ServiceLevel.STANDARD));   // to the address of checkout
            if (!(result instanceof DispatchResult.Dispatched dispatched)) {
                throw new IllegalStateException("shipment refused: " + result);
            }
            for (TrackedParcel parcel : dispatched.parcels()) {
                row("%-18s %-9s %-14s %11s  %-10s  %s", seller, parcel.warehouse().value(), parcel.trackingNumber(),
                        show(parcel.shipment().charge()), parcel.shipment().promise().latest(),
                        dispatched.order().stateName());
            }
        }
        out.println("escrows: " + escrowStates(orders) + " (the clock waits for delivery)");

        clock.advance(Duration.ofDays(2));
        int notifications = 0;
        int events = 0;
        for (TrackingNotification notification : carrier.drainNotifications()) {
            TrackingResult result = commerce.onTrackingNotification(SCHEDULER, notification);
            if (!(result instanceof TrackingResult.Applied applied)) {
                throw new IllegalStateException("notification rejected: " + result);
            }
            notifications++;
            events += applied.newEvents();
        }
        Instant lastDelivery = start;
        out.println();
        out.println("Two days later the carrier has pushed " + notifications + " signed notifications (" + events
                + " tracking events); each parcel:");
        for (Order order : orders.values()) {
            for (TrackedParcel parcel : commerce.parcels(SCHEDULER, order.id())) {
                Instant delivered = parcel.tracking().deliveredAt().orElseThrow();
                lastDelivery = delivered.isAfter(lastDelivery) ? delivered : lastDelivery;
                row("  %-18s %-14s %-10s at %s", order.facts().sellerId(), parcel.trackingNumber(), parcel.phase(),
                        delivered);
            }
        }
        out.println("orders:  " + orderStates(orders));
        require(commerce.confirmReceipt(BUYER, orders.get("tea-shop").id()));
        out.println("Ann confirms receipt of the tea; the other escrows count ten days from delivery:");
        out.println("escrows: " + escrowStates(orders));

        // Nobody else confirms: ten days after delivery the facade's scheduler confirms for the buyer,
        // releases the money and completes the orders (their 7-day return windows have passed).
        clock.set(lastDelivery.plus(Duration.ofDays(10)));
        int fired = commerce.runDueTimers(SCHEDULER);
        out.println();
        out.println("Clock moved to " + clock.instant() + " (delivery + 10 days); the scheduler fired " + fired
                + " timers");
        out.println("escrows: " + escrowStates(orders));
        out.println("orders:  " + orderStates(orders));
        for (Order order : orders.values()) {
            if (!(escrowOf(order) instanceof Released)) {
                throw new IllegalStateException("escrow of " + order.id() + " was not released");
            }
            if (!(commerce.order(SCHEDULER, order.id()).orElseThrow() instanceof Order.Completed)) {
                throw new IllegalStateException("order " + order.id() + " did not complete");
            }
        }
    }

    // ---- 5 and 6: settlement statements and the ledger check -------------------------------

    private Map<String, SettlementStatement> statements(Map<String, Order> orders) {
        section("5. Settlement statements, " + start + " to " + clock.instant() + " (b2c-mall schedule)");
        row("%-18s %10s %10s %10s %10s %10s %10s", "shop", "gross", "subsidy", "shop disc.", "commission",
                "fees", "net");
        Map<String, SettlementStatement> statements = new TreeMap<>();
        for (String seller : orders.keySet()) {
            SettlementStatement statement = commerce.statement(SCHEDULER, seller, CNY, start, clock.instant().plusMillis(1));
            statements.put(seller, statement);
            row("%-18s %10s %10s %10s %10s %10s %10s", seller, show(statement.gross()),
                    show(statement.platformSubsidies()), show(statement.sellerFundedDiscounts()),
                    show(statement.commission()), show(statement.fees()), show(statement.net()));
        }
        out.println();
        out.println("gross = what the buyer paid (shipping included) + platform subsidy; the shop's own discounts");
        out.println("were never the seller's money; fees = the 0.6% Alipay channel fee, borne by the seller.");
        out.println("Commission: food 0.5% (at least 0.50), other categories the mall default of 5%, on what the");
        out.println("buyer paid plus the platform's subsidy; each order settled from its own priced snapshot.");
        return statements;
    }

    /**
     * Reads every balance from the journal and checks the two sums that make a marketplace
     * trustworthy: double entry (all balances sum to zero) and conservation (what the buyer paid
     * is exactly what the sellers got plus what the platform kept, net of the subsidies it paid).
     */
    private void checkTheLedger(MonetaryAmount buyerPaid, Map<String, SettlementStatement> statements) {
        section(where.equals("memory") ? "6. Ledger balances" : "6. Ledger balances (every run in this database)");
        long sum = 0;
        for (Map.Entry<String, MonetaryAmount> balance : balances().entrySet()) {
            row("%-36s %12s", balance.getKey(), show(balance.getValue()));
            sum = Math.addExact(sum, MinorUnits.toMinor(balance.getValue(), CNY));
        }
        row("%-36s %12s", "sum of all balances", show(MinorUnits.toAmount(sum, CNY)));

        long sellerNets = 0;
        for (SettlementStatement statement : statements.values()) {
            sellerNets = Math.addExact(sellerNets, MinorUnits.toMinor(statement.net(), CNY));
        }
        long revenue = 0;
        for (Account account : journal().balances().keySet()) {
            if (account instanceof Account.PlatformRevenue) {
                revenue = Math.addExact(revenue, moved(account));
            }
        }
        // The clearing account goes negative by the subsidies the platform paid to sellers.
        long subsidies = -moved(Account.platformClearing());
        long platformRevenue = revenue - subsidies;
        long paid = MinorUnits.toMinor(buyerPaid, CNY);
        long paidIn = -moved(Account.buyerFundsIn(BUYER_ID));
        out.println();
        row("%-36s %12s", "seller nets", show(MinorUnits.toAmount(sellerNets, CNY)));
        row("%-36s %12s", "+ platform commission and fees", show(MinorUnits.toAmount(revenue, CNY)));
        row("%-36s %12s", "- subsidies the platform paid", show(MinorUnits.toAmount(subsidies, CNY)));
        row("%-36s %12s", "= what Ann paid at checkout", show(MinorUnits.toAmount(sellerNets + platformRevenue, CNY)));
        boolean balanced = sum == 0 && paidIn == paid && sellerNets + platformRevenue == paid
                && statementsMatchPayables(statements);
        out.println();
        out.println(balanced ? "Check: the ledger balances and the buyer's " + show(buyerPaid)
                + " is fully accounted for, to the cent."
                : "Check: NOT BALANCED");
        if (!balanced) {
            throw new IllegalStateException("the demo's money does not balance: sum of balances " + sum
                    + ", buyer paid " + paid + " (ledger " + paidIn + "), seller nets " + sellerNets
                    + ", platform " + platformRevenue);
        }
    }

    /** Each statement's net must be exactly what its seller's payable account received. */
    private boolean statementsMatchPayables(Map<String, SettlementStatement> statements) {
        return statements.values().stream().allMatch(statement ->
                moved(Account.sellerPayable(statement.sellerId())) == MinorUnits.toMinor(statement.net(), CNY));
    }

    /** What this run moved on an account: its balance now less its balance before the run. */
    private long moved(Account account) {
        long was = MinorUnits.toMinor(before.getOrDefault(account, Map.of()).getOrDefault(CNY, cny("0")), CNY);
        return Math.subtractExact(MinorUnits.toMinor(journal().balance(account, CNY), CNY), was);
    }

    private Map<String, MonetaryAmount> balances() {
        Map<String, MonetaryAmount> named = new TreeMap<>();
        journal().balances().forEach((account, byCurrency) -> {
            MonetaryAmount amount = byCurrency.get(CNY);
            if (amount != null) {
                named.put(name(account), amount);
            }
        });
        return named;
    }

    private static String name(Account account) {
        if (account instanceof Account.BuyerFundsIn a) {
            return "buyer funds in: " + a.buyerId();
        } else if (account instanceof Account.EscrowHeld a) {
            return "escrow held: " + a.escrowId();
        } else if (account instanceof Account.SellerPayable a) {
            return "seller payable: " + a.sellerId();
        } else if (account instanceof Account.CreatorPayable a) {
            return "creator payable: " + a.partyId();
        } else if (account instanceof Account.SellerDeposit a) {
            return "seller deposit: " + a.sellerId();
        } else if (account instanceof Account.PlatformRevenue a) {
            return "platform revenue: " + a.stream().name().toLowerCase(Locale.ROOT);
        } else if (account instanceof Account.PlatformClearing) {
            return "platform clearing (subsidies)";
        }
        return account.toString();
    }

    // ---- set-up ------------------------------------------------------------------------------

    private static Map<String, SellerType> shops() {
        Map<String, SellerType> shops = new LinkedHashMap<>();
        shops.put("tea-shop", SellerType.BRAND_FLAGSHIP);
        shops.put("porcelain-studio", SellerType.ENTERPRISE);
        shops.put("silk-shop", SellerType.ENTERPRISE);
        return shops;
    }

    private static InMemoryCatalog catalog() {
        return Catalog.inMemory()
                .put(sku("longjing-250g", "tea-shop", "Longjing green tea 250g", "268.00", 320,
                        new Dimensions(200, 100, 80), "food", "tea"))
                .put(sku("puerh-cake", "tea-shop", "Pu-erh tea cake 357g", "128.00", 400,
                        new Dimensions(220, 220, 40), "food", "tea"))
                .put(sku("celadon-tea-set", "porcelain-studio", "Celadon tea set", "329.00", 2_600,
                        new Dimensions(350, 250, 200), "home", "porcelain"))
                .put(sku("silk-eye-mask", "silk-shop", "Mulberry silk eye mask", "59.00", 60,
                        new Dimensions(200, 100, 20), "apparel", "accessories"));
    }

    private static Sku sku(String id, String seller, String title, String price, long grams, Dimensions size,
            String... category) {
        return Sku.of(id, seller, title, cny(price)).withCategoryPath(List.of(category)).withPhysical(grams, size);
    }

    private static Inventory inventory() {
        WarehouseId east = new WarehouseId("east");
        return Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                .setStock(east, SkuId.of("longjing-250g"), 40, 2)
                .setStock(east, SkuId.of("puerh-cake"), 25, 0)
                .setStock(east, SkuId.of("celadon-tea-set"), 6, 1)
                .setStock(east, SkuId.of("silk-eye-mask"), 120, 0);
    }

    // ---- small helpers -----------------------------------------------------------------------

    private String orderStates(Map<String, Order> orders) {
        List<String> states = new ArrayList<>();
        orders.forEach((seller, order) -> states.add(seller + " "
                + commerce.order(SCHEDULER, order.id()).orElseThrow().stateName()));
        return String.join(", ", states);
    }

    private String escrowStates(Map<String, Order> orders) {
        List<String> states = new ArrayList<>();
        orders.forEach((seller, order) -> states.add(seller + " " + stateOf(escrowOf(order))));
        return String.join(", ", states);
    }

    private Escrow escrowOf(Order order) {
        return commerce.escrow(SCHEDULER, order.id()).orElseThrow(() -> new IllegalStateException(
                "order " + order.id() + " has no escrow"));
    }

    private Journal journal() {
        return commerce.journal().orElseThrow();
    }

    private static String stateOf(Escrow escrow) {
        return escrow.getClass().getSimpleName();
    }

    private static void require(Object result) {
        if (result instanceof OrderResult.Refused || result instanceof CartResult.Refused) {
            throw new IllegalStateException("refused: " + result);
        }
    }

    private static MonetaryAmount sum(List<MonetaryAmount> amounts) {
        long total = 0;
        for (MonetaryAmount amount : amounts) {
            total = Math.addExact(total, MinorUnits.toMinor(amount, CNY));
        }
        return MinorUnits.toAmount(total, CNY);
    }

    private void title(String text) {
        out.println(text);
        out.println("=".repeat(text.length()));
    }

    private void section(String text) {
        out.println();
        out.println(text);
        out.println("-".repeat(text.length()));
    }

    private void row(String format, Object... values) {
        out.println(String.format(Locale.ROOT, format, values).stripTrailing());
    }

    private static MonetaryAmount cny(String amount) {
        return Money.of(new BigDecimal(amount), CNY);
    }

    private static String show(MonetaryAmount amount) {
        return amount.getNumber().numberValue(BigDecimal.class).setScale(2).toPlainString();
    }

    /** A clock the demo moves by hand, so timeouts fire on cue and the output never changes. */
    private static final class DemoClock extends Clock {
        private Instant now;

        DemoClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
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
