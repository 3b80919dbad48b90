package dev.mercato.examples.cli;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.escrow.AwaitingBalance;
import dev.mercato.core.escrow.BalanceResult;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.StagedPayment;
import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.LateDelivery;
import dev.mercato.core.fulfilment.TrackingResult;
import dev.mercato.core.groupbuy.GroupChoice;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.membership.Active;
import dev.mercato.core.membership.Subscription;
import dev.mercato.core.membership.SubscriptionResult;
import dev.mercato.core.membership.Trial;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.logistics.sandbox.SandboxFault;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.storage.postgres.PostgresStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/**
 * Runs one {@link Scenario} for some days and reports: the shared half of every preset. It builds
 * the facade (the simulation clock, the sandbox payment provider and carrier, the event publisher
 * that feeds the report, the storage; the scenario adds the rest), runs each day (the scenario's
 * {@link Scenario#day}, then the due timers at 23:00), and makes the {@link SimulationReport}
 * from the domain events it received, the facade's payments and orders, its sellers' settlement
 * statements ({@code Commerce.statement}) and its ledger.
 *
 * <p>To a scenario it is the run's context: {@link #commerce()}, {@link #random()},
 * {@link #at(int)} to move the clock, {@link #addToCart} and {@link #checkout} (counted in the
 * funnel), {@link #happened} for reported mechanisms, and the common logistics steps
 * {@link #shipPaidOrders} and {@link #deliverShipped}, or {@link #dispatchCourier} and
 * {@link #deliverByCarrier} for the carrier's on-demand couriers ({@link #at(LocalTime)} moves the
 * clock to the minute). Amounts are in CNY. Not thread-safe.
 */
final class Simulation {
    /** The first simulated day starts here. */
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    /** The actor the simulation runs timers and reads with. */
    static final Actor.System SYSTEM = new Actor.System("simulation");
    /** The currency every scenario prices in. */
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");

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

    private final Scenario scenario;
    private final Random random;
    private final int days;
    private final int buyers;
    private final SimulationClock clock = new SimulationClock(START);
    private final SandboxPaymentProvider sandbox =
            SandboxPaymentProvider.create(SandboxSettings.of(clock, "simulation-signing-secret", Set.of(CNY)));
    /** The sandbox carrier, with its defaults and an on-demand courier promising delivery within 30 minutes. */
    private final SandboxCarrier carrier = SandboxCarrier.create(SandboxConfig.defaults("simulation-carrier-secret")
            .withOnDemand(Duration.ofMinutes(30), 500, 100), clock);
    private final Commerce commerce;

    private final Map<String, Integer> mechanisms = new LinkedHashMap<>();
    /** Every order placed, in placing order, with what its events said. */
    private final Map<OrderId, Track> orders = new LinkedHashMap<>();
    /** Each buyer's distinct payment instants. */
    private final Map<String, Set<Instant>> payments = new HashMap<>();
    private final Set<CartId> openCarts = new HashSet<>();
    private int cartsStarted;
    /** Balances of payments in stages captured through {@link #payBalance}. */
    private long balancesCaptured;
    /** Buyers subscribed to a paid plan through {@link #subscribe}. */
    private final Set<String> members = new java.util.TreeSet<>();
    private int checkouts;
    private int parcels;
    private int today;

    /**
     * A run in memory.
     *
     * @param scenario a new scenario instance
     * @param seed the random seed
     * @param days days to run, at least 1
     * @param buyers buyers in the population, at least 1
     */
    Simulation(Scenario scenario, long seed, int days, int buyers) {
        this(scenario, seed, days, buyers, Optional.empty());
    }

    /**
     * A run on a storage of its own: in memory, or an empty PostgreSQL database (with its
     * journal), so the same seed gives the same figures either way.
     */
    Simulation(Scenario scenario, long seed, int days, int buyers, Optional<PostgresStorage> storage) {
        this.scenario = scenario;
        this.random = new Random(seed);
        this.days = days;
        this.buyers = buyers;
        for (Scenario.Mechanism m : scenario.mechanisms()) {
            if (mechanisms.put(m.name(), 0) != null) {
                throw new IllegalArgumentException("mechanism named twice: " + m.name());
            }
        }
        Commerce.Builder builder = Commerce.builder();
        storage.ifPresent(pg -> builder.storage(pg).journal(pg.journal()));
        builder.clock(clock).paymentProvider(sandbox).carrier(carrier)
                .paymentMethod(scenario.paymentMethod()).events(this::record);
        scenario.configure(builder, this);
        this.commerce = builder.build();
    }

    /**
     * Runs the days and reports.
     *
     * @return the report
     * @throws IllegalStateException if the facade refuses a step the scenario expects to succeed
     */
    SimulationReport run() {
        return run((daysDone, ordersPlaced) -> { });
    }

    /**
     * Runs the days, telling a listener after each, and reports.
     *
     * @param listener told after each day; it cannot change the run
     * @return the report
     * @throws IllegalStateException if the facade refuses a step the scenario expects to succeed
     */
    SimulationReport run(DayListener listener) {
        for (int day = 0; day < days; day++) {
            today = day;
            clock.set(START.plus(Duration.ofDays(day)));
            scenario.day(this, day);
            at(23);
            listener.dayDone(day + 1, orders.size());
        }
        return report();
    }

    // ---- the context a scenario runs in --------------------------------------------------------

    /** The facade. */
    Commerce commerce() {
        return commerce;
    }

    /** The run's only source of randomness. */
    Random random() {
        return random;
    }

    /** Buyers in the population: a scenario's buyers are {@code buyer-1} to {@code buyer-N}. */
    int buyers() {
        return buyers;
    }

    /** Days the run simulates. */
    int days() {
        return days;
    }

    /** The simulation clock (the facade's). */
    Clock clock() {
        return clock;
    }

    /** Now, by the simulation clock. */
    Instant now() {
        return clock.instant();
    }

    /** Midnight (UTC) of the day being simulated. */
    Instant midnight() {
        return START.plus(Duration.ofDays(today));
    }

    /** The date being simulated. */
    LocalDate today() {
        return LocalDate.ofInstant(midnight(), ZoneOffset.UTC);
    }

    /** The sandbox payment provider: {@code declineNext} and the like inject faults. */
    SandboxPaymentProvider sandbox() {
        return sandbox;
    }

    /**
     * The sandbox carrier the facade ships with: the defaults plus an on-demand courier
     * ({@code ServiceLevel.ON_DEMAND}, within 30 minutes, CNY 5.00 for the first kilogram and 1.00
     * per started additional one); {@code script} injects faults.
     */
    SandboxCarrier carrier() {
        return carrier;
    }

    /**
     * Moves the clock to an hour of today and runs the facade's due timers.
     *
     * @param hour 0 to 23, not before the clock
     * @throws IllegalArgumentException if that would move the clock back
     */
    void at(int hour) {
        at(LocalTime.of(hour, 0));
    }

    /**
     * Moves the clock to a time of today, to the minute or finer, and runs the facade's due timers.
     *
     * @param time the time of day (UTC), not before the clock
     * @throws IllegalArgumentException if that would move the clock back
     */
    void at(LocalTime time) {
        Instant to = midnight().plus(Duration.ofNanos(time.toNanoOfDay()));
        if (to.isBefore(clock.instant())) {
            throw new IllegalArgumentException("the clock cannot go back to " + to + " from " + clock.instant());
        }
        clock.set(to);
        commerce.runDueTimers(SYSTEM);
    }

    /**
     * One occurrence of a reported mechanism.
     *
     * @param mechanism its name, one of the scenario's {@link Scenario#mechanisms()}
     * @throws IllegalArgumentException if the scenario declares no mechanism of that name
     */
    void happened(String mechanism) {
        if (mechanisms.computeIfPresent(mechanism, (name, n) -> n + 1) == null) {
            throw new IllegalArgumentException("not one of the scenario's mechanisms: " + mechanism);
        }
    }

    /**
     * Adds to a cart through the facade; the first item of a cart (since its last checkout)
     * counts a cart started.
     */
    CartResult addToCart(Actor.Buyer buyer, CartId cart, SkuId sku, long quantity) {
        CartResult result = commerce.addToCart(buyer, cart, sku, quantity);
        if (result instanceof CartResult.Updated && openCarts.add(cart)) {
            cartsStarted++;
        }
        return result;
    }

    /** Checks a cart out through the facade; a placed checkout counts a cart checked out. */
    CheckoutResult checkout(Actor.Buyer buyer, CartId cart, String key) {
        return counted(cart, commerce.checkout(buyer, cart, key, Optional.empty()));
    }

    /** Checks a cart out as a group-buy member; a placed checkout counts a cart checked out. */
    CheckoutResult checkout(Actor.Buyer buyer, CartId cart, String key, GroupChoice group) {
        return counted(cart, commerce.checkout(buyer, cart, key, Optional.empty(), group));
    }

    /**
     * Checks a cart out to a destination (quoted shipping, delivery promises); a placed checkout
     * counts a cart checked out.
     */
    CheckoutResult checkout(Actor.Buyer buyer, CartId cart, String key, Destination destination) {
        return counted(cart, commerce.checkout(buyer, cart, key, destination));
    }

    /**
     * Checks a cart out with its money in stages (a pre-sale deposit, an advance); a placed
     * checkout counts a cart checked out. Its orders count in GMV with what was captured for them
     * (the whole payable once the balance is paid, the first stage otherwise).
     */
    CheckoutResult checkout(Actor.Buyer buyer, CartId cart, String key, Destination destination, StagedPayment stages) {
        return counted(cart, commerce.checkout(buyer, cart, key, destination, stages));
    }

    /**
     * Pays an order's balance through the facade; a paid balance counts in the payments captured
     * and as one of the buyer's payments.
     */
    BalanceResult payBalance(Actor.Buyer buyer, OrderId order, PaymentSource source) {
        long due = commerce.escrow(SYSTEM, order).filter(AwaitingBalance.class::isInstance)
                .map(e -> MinorUnits.toMinor(((AwaitingBalance) e).balanceDue(), CNY)).orElse(0L);
        BalanceResult result = commerce.payBalance(buyer, order, source);
        if (result instanceof BalanceResult.Paid) {
            balancesCaptured = Math.addExact(balancesCaptured, due);
            payments.computeIfAbsent(buyer.buyerId(), b -> new HashSet<>()).add(clock.instant());
        }
        return result;
    }

    /**
     * Subscribes a buyer to a paid plan through the facade ({@code Builder.memberships}); the plan
     * fees the subscription pays count as money buyers paid in besides the orders' payments.
     */
    SubscriptionResult subscribe(Actor.Buyer buyer, String plan, PaymentSource source, String key) {
        SubscriptionResult result = commerce.memberships().subscribe(buyer, buyer.buyerId(), plan, source, key);
        if (result instanceof SubscriptionResult.Done) {
            members.add(buyer.buyerId());
        }
        return result;
    }

    private CheckoutResult counted(CartId cart, CheckoutResult result) {
        if (result instanceof CheckoutResult.Placed && openCarts.remove(cart)) {
            checkouts++;
        }
        return result;
    }

    /**
     * The orders whose latest state is one of these, in placing order (from the events).
     *
     * @param states e.g. {@code OrderEvent.Shipped.class}
     * @return the orders
     */
    @SafeVarargs
    final List<OrderId> ordersIn(Class<? extends OrderEvent.StateChanged>... states) {
        List<OrderId> found = new ArrayList<>();
        for (Map.Entry<OrderId, Track> order : orders.entrySet()) {
            for (Class<? extends OrderEvent.StateChanged> state : states) {
                if (state.isInstance(order.getValue().latest)) {
                    found.add(order.getKey());
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Sellers ship, each order in full, the paid orders placed before an instant. A group-buy
     * order whose group has not formed yet, and an order whose balance is not paid yet, are left
     * for later.
     *
     * @param placedBefore e.g. today's midnight: the orders paid before today
     * @return how many orders were shipped
     */
    int shipPaidOrders(Instant placedBefore) {
        int shipped = 0;
        for (OrderId id : ordersIn(OrderEvent.Paid.class, OrderEvent.StockAllocated.class)) {
            if (!orders.get(id).placedAt.isBefore(placedBefore)) {
                continue;
            }
            Order order = commerce.order(SYSTEM, id).orElseThrow();
            List<Shipment.Item> items = new ArrayList<>();
            for (OrderLine line : order.facts().snapshot().lines()) {
                items.add(new Shipment.Item(line.lineNo(), line.quantity()));
            }
            OrderResult result = commerce.ship(new Actor.Seller(order.facts().sellerId()), id,
                    String.format("SIM%07d", parcels + 1), items);
            if (result instanceof OrderResult.Refused refused && (refused.reason() == OrderResult.Reason.GROUP_NOT_FORMED
                    || refused.reason() == OrderResult.Reason.BALANCE_NOT_PAID)) {
                continue;
            }
            require(result, "ship");
            parcels++;
            shipped++;
        }
        return shipped;
    }

    /**
     * Parcels shipped at least {@code transit} ago arrive: the buyer confirms delivery.
     *
     * @param transit how long a parcel travels
     * @return the orders delivered now, in placing order
     */
    List<OrderId> deliverShipped(Duration transit) {
        List<OrderId> delivered = new ArrayList<>();
        for (OrderId id : ordersIn(OrderEvent.Shipped.class)) {
            Track track = orders.get(id);
            if (!track.shippedAt.plus(transit).isAfter(clock.instant())) {
                require(commerce.confirmDelivery(new Actor.Buyer(track.buyerId), id), "confirm delivery");
                delivered.add(id);
            }
        }
        return delivered;
    }

    /**
     * The seller hands a paid order, in full, to the carrier's on-demand courier now
     * ({@code Commerce.shipWithCarrier} with {@code ServiceLevel.ON_DEMAND}); a positive delay
     * makes the courier that much late ({@code SandboxFault.delay}, scripted for the carrier's
     * next shipment with {@code SandboxCarrier.scriptNext}). The courier delivers when {@link
     * #deliverByCarrier} hands the carrier's notifications to the facade.
     *
     * @param order a paid order of the run, its stock in one warehouse
     * @param key the dispatch's idempotency key
     * @param delay how late the courier is, zero for on time
     * @throws IllegalStateException if the facade or the carrier refuses the dispatch
     */
    void dispatchCourier(OrderId order, String key, Duration delay) {
        if (!delay.isZero()) {
            carrier.scriptNext(SandboxFault.delay(delay));
        }
        Actor.Seller seller = new Actor.Seller(commerce.order(SYSTEM, order).orElseThrow().facts().sellerId());
        DispatchResult result = commerce.shipWithCarrier(seller, order, CarrierDispatch.everything(key, ServiceLevel.ON_DEMAND));
        if (!(result instanceof DispatchResult.Dispatched)) {
            throw new IllegalStateException("courier dispatch refused: " + result);
        }
        parcels++;
    }

    /**
     * The carrier's tracking notifications since the last call (what its webhook would push) go
     * to the facade ({@code Commerce.onTrackingNotification}): parcels the clock has seen
     * delivered deliver their orders, at the carrier's delivery instant, and a late one is
     * compensated under the facade's late-delivery rule.
     *
     * @return the orders delivered now, in the carrier's order
     * @throws IllegalStateException if the facade rejects a notification
     */
    List<OrderId> deliverByCarrier() {
        List<OrderId> delivered = new ArrayList<>();
        for (TrackingNotification notification : carrier.drainNotifications()) {
            TrackingResult result = commerce.onTrackingNotification(SYSTEM, notification);
            if (!(result instanceof TrackingResult.Applied applied)) {
                throw new IllegalStateException("tracking notification rejected: " + result);
            }
            delivered.addAll(applied.delivered());
        }
        return delivered;
    }

    /** The buyer of an order the run placed. */
    String buyerOf(OrderId order) {
        return orders.get(order).buyerId;
    }

    /**
     * Throws if the facade refused a step the scenario expects to succeed.
     *
     * @param result the facade's answer
     * @param step the step, for the message
     */
    static void require(OrderResult result, String step) {
        if (result instanceof OrderResult.Refused refused) {
            throw new IllegalStateException(step + " refused: " + refused.reason() + ": " + refused.message());
        }
    }

    // ---- the events ----------------------------------------------------------------------------

    /** What one order's events said. */
    private static final class Track {
        private OrderEvent.StateChanged latest;
        private String buyerId;
        private Instant placedAt;
        private Instant shippedAt;
        private long payable;
        private boolean paid;
        private boolean shipped;
        private boolean delivered;
        private Instant refundedAt;
        /** Refunds after shipment (after-sale cases): when each was due, and its amount in fen. */
        private final List<Map.Entry<Instant, Long>> laterRefunds = new ArrayList<>();
        /** A late delivery's compensation paid as a refund ({@code LateDelivery} of form REFUND), in fen. */
        private Map.Entry<Instant, Long> lateRefund;
        private Instant closedAt;
    }

    /** The event publisher: counts mechanisms and follows every order. */
    private void record(DomainEvent event) {
        for (Scenario.Mechanism m : scenario.mechanisms()) {
            if (m.matches().test(event)) {
                mechanisms.merge(m.name(), 1, Integer::sum);
            }
        }
        if (event instanceof OrderEvent.RefundDue due && orders.containsKey(due.orderId())
                && orders.get(due.orderId()).shipped) {
            // A refund after shipment (an after-sale case); one before shipment is its order's state.
            orders.get(due.orderId()).laterRefunds.add(Map.entry(due.occurredAt(), MinorUnits.toMinor(due.refund().total(), CNY)));
        }
        if (event instanceof LateDelivery late && late.form() == LateDelivery.Form.REFUND
                && orders.containsKey(late.orderId())) {
            orders.get(late.orderId()).lateRefund = Map.entry(late.occurredAt(),
                    MinorUnits.toMinor(late.compensation(), CNY));
        }
        if (!(event instanceof OrderEvent.StateChanged state)) {
            return;
        }
        Track track = orders.computeIfAbsent(state.orderId(), id -> new Track());
        track.latest = state;
        if (state instanceof OrderEvent.Placed) {
            track.buyerId = state.buyerId();
            track.placedAt = state.occurredAt();
            track.payable = MinorUnits.toMinor(state.payable(), CNY);
        } else if (state instanceof OrderEvent.Paid) {
            track.paid = true;
            payments.computeIfAbsent(state.buyerId(), b -> new HashSet<>()).add(state.occurredAt());
        } else if (state instanceof OrderEvent.Shipped) {
            track.shipped = true;
            track.shippedAt = state.occurredAt();
        } else if (state instanceof OrderEvent.Delivered) {
            track.delivered = true;
        } else if (state instanceof OrderEvent.RefundedBeforeShipment) {
            track.refundedAt = state.occurredAt();
        } else if (state instanceof OrderEvent.Closed) {
            track.closedAt = state.occurredAt();
        }
    }

    // ---- the report ----------------------------------------------------------------------------

    private SimulationReport report() {
        int paid = 0;
        int closed = 0;
        int awaiting = 0;
        int cancelled = 0;
        int refunded = 0;
        int shipped = 0;
        int delivered = 0;
        int completed = 0;
        long gmv = 0;
        long refunds = 0;
        Set<String> paymentIds = new java.util.LinkedHashSet<>();
        Set<String> sellers = new java.util.TreeSet<>();
        long[][] tally = new long[days][5];   // orders, paid, gmv, refunded, refunds
        for (Map.Entry<OrderId, Track> entry : orders.entrySet()) {
            Track t = entry.getValue();
            long[] placedOn = tally[dayOf(t.placedAt)];
            placedOn[0]++;
            if (t.latest instanceof OrderEvent.Placed) {
                awaiting++;
            } else if (t.latest instanceof OrderEvent.Closed && !t.paid) {
                closed++;
            } else if (t.latest instanceof OrderEvent.Cancelled && !t.paid) {
                cancelled++;
            }
            List<Map.Entry<Instant, Long>> laterRefunds = new ArrayList<>(t.laterRefunds);
            if (t.lateRefund != null) {
                // A late-delivery compensation paid as a refund is a refund after shipment, at the
                // delivery, before any after-sale one (a coupon is not a refund).
                laterRefunds.add(0, t.lateRefund);
            }
            long refundedStage = 0;
            if (t.paid) {
                long value = t.payable;
                // Paid in stages: a balance not (yet) paid counts what was captured, and a forfeited
                // deposit returned to the buyer is a refund.
                Optional<Escrow> staged = commerce.escrow(SYSTEM, entry.getKey())
                        .filter(e -> e instanceof AwaitingBalance || t.latest instanceof OrderEvent.Closed);
                if (staged.isPresent()) {
                    value = MinorUnits.toMinor(staged.get().funds().captured(), CNY);
                    refundedStage = MinorUnits.toMinor(staged.get().funds().refunded(), CNY);
                }
                paid++;
                gmv = Math.addExact(gmv, value);
                placedOn[1]++;
                placedOn[2] = Math.addExact(placedOn[2], value);
                dev.mercato.core.order.OrderFacts facts = commerce.order(SYSTEM, entry.getKey()).orElseThrow().facts();
                paymentIds.add(facts.paymentId());
                sellers.add(facts.sellerId());
            }
            if (refundedStage > 0) {
                refunded++;
                refunds = Math.addExact(refunds, refundedStage);
                long[] refundedOn = tally[dayOf(t.closedAt)];
                refundedOn[3]++;
                refundedOn[4] = Math.addExact(refundedOn[4], refundedStage);
            }
            shipped += t.shipped ? 1 : 0;
            delivered += t.delivered ? 1 : 0;
            if (t.refundedAt != null) {
                refunded++;
                refunds = Math.addExact(refunds, t.payable);
                long[] refundedOn = tally[dayOf(t.refundedAt)];
                refundedOn[3]++;
                refundedOn[4] = Math.addExact(refundedOn[4], t.payable);
            } else if (!laterRefunds.isEmpty()) {
                refunded++;
                tally[dayOf(laterRefunds.get(0).getKey())][3]++;
            }
            for (Map.Entry<Instant, Long> later : laterRefunds) {
                refunds = Math.addExact(refunds, later.getValue());
                long[] refundedOn = tally[dayOf(later.getKey())];
                refundedOn[4] = Math.addExact(refundedOn[4], later.getValue());
            }
            if (t.latest instanceof OrderEvent.Completed) {
                completed++;
            }
        }
        long captured = balancesCaptured;
        for (String payment : paymentIds) {
            captured = Math.addExact(captured, MinorUnits.toMinor(commerce.payment(SYSTEM, payment).orElseThrow().total(), CNY));
        }
        int repeat = (int) payments.values().stream().filter(instants -> instants.size() >= 2).count();
        List<SimulationReport.Day> daily = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            long[] t = tally[day];
            daily.add(new SimulationReport.Day(LocalDate.ofInstant(START, ZoneOffset.UTC).plusDays(day), (int) t[0],
                    (int) t[1], t[2], (int) t[3], t[4]));
        }
        return new SimulationReport(scenario.name(), days, buyers, cartsStarted, checkouts, orders.size(), paid, closed,
                cancelled, awaiting, refunded, shipped, delivered, completed, payments.size(), repeat, gmv, refunds,
                captured, planFees(), statements(sellers), ledger(), daily, mechanisms);
    }

    /** The end of the run's period: the start of the day after the last simulated one. */
    private Instant end() {
        return START.plus(Duration.ofDays(days));
    }

    /**
     * Each seller's settlement statement for the run's period, read from the ledger by the facade,
     * with the number of its orders released in the period (its escrows' release entries).
     */
    private List<SimulationReport.SellerStatement> statements(Set<String> sellers) {
        Map<String, Set<String>> released = new HashMap<>();
        for (JournalEntry entry : commerce.journal().orElseThrow().entries()) {
            Optional<EntryReference> ref = entry.reference().filter(r -> r.kind() == EntryReference.Kind.ESCROW
                    && EntryReference.RELEASE_EVENTS.contains(r.event()));
            if (ref.isEmpty() || entry.at().isBefore(START) || !entry.at().isBefore(end())) {
                continue;
            }
            // The escrow's id is its order's: the order names the seller, whether the release paid
            // a payable or, for the platform's own store, its sales revenue.
            commerce.order(SYSTEM, new OrderId(ref.get().aggregateId())).ifPresent(order -> released
                    .computeIfAbsent(order.facts().sellerId(), s -> new HashSet<>()).add(ref.get().aggregateId()));
        }
        List<SimulationReport.SellerStatement> statements = new ArrayList<>();
        for (String seller : sellers) {
            statements.add(new SimulationReport.SellerStatement(commerce.statement(SYSTEM, seller, CNY, START, end()),
                    released.getOrDefault(seller, Set.of()).size()));
        }
        return statements;
    }

    /**
     * What the escrows' journal entries moved into the sellers' payable and deposit accounts, net,
     * in fen: releases, refunds after release, compensation (not payouts, fees or deposits lodged).
     */
    private long escrowsToSellers() {
        long moved = 0;
        for (JournalEntry entry : commerce.journal().orElseThrow().entries()) {
            boolean escrow = entry.reference().map(r -> r.kind() == EntryReference.Kind.ESCROW)
                    .orElse(entry.key().startsWith("escrow:"));
            if (!escrow) {
                continue;
            }
            for (Posting posting : entry.postings()) {
                if (posting.currency().equals(CNY) && (posting.account() instanceof Account.SellerPayable
                        || posting.account() instanceof Account.SellerDeposit)) {
                    moved = Math.addExact(moved, MinorUnits.toMinor(posting.amount()));
                }
            }
        }
        return moved;
    }

    /**
     * What the plan subscriptions charged, in fen: each paid period of an active subscription at
     * its price (a trial charged nothing yet).
     */
    private long planFees() {
        long fees = 0;
        for (String member : members) {
            Subscription subscription = commerce.memberships().subscription(SYSTEM, member).orElseThrow();
            if (subscription instanceof Active active) {
                fees = Math.addExact(fees, Math.multiplyExact(active.periodNumber(),
                        MinorUnits.toMinor(active.terms().plan().price(), CNY)));
            } else if (!(subscription instanceof Trial)) {
                throw new IllegalStateException("plan fees of a subscription in " + subscription.getClass().getSimpleName()
                        + " are not accounted for");
            }
        }
        return fees;
    }

    /** The simulated day an instant of the run falls on, 0 for the first. */
    private int dayOf(Instant at) {
        long day = Duration.between(START, at).toDays();
        if (day < 0 || day >= days) {
            throw new IllegalStateException(at + " is outside the simulated days");
        }
        return (int) day;
    }

    /** What the facade's ledger says, summed by kind of account. */
    private SimulationReport.Ledger ledger() {
        long sum = 0;
        long buyersIn = 0;
        long payables = 0;
        long platform = 0;
        long held = 0;
        long refunds = 0;
        long subsidies = 0;
        long other = 0;
        Map<RevenueStream, Long> byStream = new EnumMap<>(RevenueStream.class);
        for (Map.Entry<Account, Map<CurrencyUnit, MonetaryAmount>> balance
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
            } else if (account instanceof Account.Refunds) {
                refunds = Math.addExact(refunds, minor);
            } else if (account instanceof Account.PlatformClearing) {
                subsidies = Math.subtractExact(subsidies, minor);
            } else {
                other = Math.addExact(other, minor);
            }
        }
        return new SimulationReport.Ledger(sum, buyersIn, held, payables, platform, refunds, subsidies, other,
                escrowsToSellers(), byStream);
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
