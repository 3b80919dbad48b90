package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Dimensions;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.escrow.EscrowTerms;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.TrackingResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.Carrier;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.money.Monetary;
import org.javamoney.moneta.Money;

/**
 * A tea shop whose tea sits in a Shanghai warehouse and whose teapots sit in a Hangzhou one, a
 * sandbox carrier and payment provider, an escrow service connected to the facade, all on one
 * clock the test moves.
 */
final class FulfilmentWorld {
    static final Instant T0 = Instant.parse("2026-06-01T01:00:00Z");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.System TRACKER = new Actor.System("tracking");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final SkuId TEA = SkuId.of("tea");
    static final SkuId POT = SkuId.of("pot");
    static final WarehouseId EAST = new WarehouseId("east");
    static final WarehouseId WEST = new WarehouseId("west");
    static final Address EAST_ADDRESS = new Address("CN", "Shanghai", "Shanghai", "200000", "1 Zhongshan Road");
    static final Address WEST_ADDRESS = new Address("CN", "Zhejiang", "Hangzhou", "310000", "8 Wenyi Road");
    static final Address ANN_ADDRESS = new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road");
    static final long TEA_STOCK = 10;
    static final long POT_STOCK = 10;

    final TestClock clock = new TestClock(T0);
    final Storage storage = InMemoryStorage.create();
    final Journal journal = Journal.inMemory();
    final SandboxPaymentProvider payments = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-fulfilment-test", Set.of(Monetary.getCurrency("CNY"))));
    final EscrowService escrows = EscrowService.create(storage, journal, payments, clock);
    final DueTaskRunner escrowTimers = escrows.registerTimers(DueTaskRunner.create(storage, clock));
    final SandboxCarrier sandbox = SandboxCarrier.create(SandboxConfig.defaults("carrier-secret-for-tests"), clock);
    final InMemoryCatalog catalog = Catalog.inMemory()
            .put(Sku.of("tea", "tea-shop", "Longjing tea", Money.of(25, "CNY")).withPhysical(300, Dimensions.NONE))
            .put(Sku.of("pot", "tea-shop", "Teapot", Money.of(80, "CNY")).withPhysical(900, new Dimensions(200, 200, 150)));
    final InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best())
            .addWarehouse(Warehouse.of("east", "shanghai")).addWarehouse(Warehouse.of("west", "hangzhou"))
            .setStock(EAST, TEA, TEA_STOCK, 0).setStock(WEST, POT, POT_STOCK, 0);
    final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());
    final Map<OrderId, String> escrowOf = new ConcurrentHashMap<>();
    final Carrier carrier;
    final Commerce commerce;

    FulfilmentWorld() {
        this(c -> c);
    }

    /**
     * A world whose facade talks to the sandbox through a wrapper (a flaky or counting carrier).
     *
     * @param wrap wraps the sandbox
     */
    FulfilmentWorld(UnaryOperator<Carrier> wrap) {
        this.carrier = wrap.apply(sandbox);
        this.commerce = Commerce.builder().sandboxes().clock(clock).storage(storage).catalog(catalog).inventory(inventory)
                .paymentProvider(payments).carrier(carrier)
                .warehouseAddress(EAST, EAST_ADDRESS).warehouseAddress(WEST, WEST_ADDRESS)
                .onDelivery(escrows.deliveryHook(id -> Optional.ofNullable(escrowOf.get(id))))
                .events(events::add).build();
    }

    /** Ann buys tea and teapots to her Hangzhou address, pays, and her money is held in the order's escrow. */
    Order.StockAllocated paidOrder(String checkoutKey, long tea, long pots) {
        CartId cart = CartId.of("ann");
        if (tea > 0) {
            commerce.addToCart(ANN, cart, TEA, tea);
        }
        if (pots > 0) {
            commerce.addToCart(ANN, cart, POT, pots);
        }
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, cart, checkoutKey, Destination.of(ANN_ADDRESS)));
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), CARD));
        Order.AwaitingPayment placedOrder = placed.orders().get(0);
        String escrowId = placedOrder.id().value();
        escrows.open(EscrowTerms.of(escrowId, "ann", "tea-shop", placedOrder.facts().snapshot().payable()));
        assertInstanceOf(Held.class, escrows.pay(escrowId, ANN, CARD).escrow());
        escrowOf.put(placedOrder.id(), escrowId);
        return assertInstanceOf(Order.StockAllocated.class, order(placedOrder.id()));
    }

    Order order(OrderId id) {
        return commerce.order(TRACKER, id).orElseThrow();
    }

    static CarrierDispatch everything(String key) {
        return CarrierDispatch.everything(key, ServiceLevel.STANDARD);
    }

    /** Everything the carrier pushed since the last drain. */
    List<TrackingNotification> drain() {
        return sandbox.drainNotifications();
    }

    /** Applies notifications in the order given. */
    List<TrackingResult> apply(List<TrackingNotification> notifications) {
        List<TrackingResult> results = new ArrayList<>();
        for (TrackingNotification n : notifications) {
            results.add(commerce.onTrackingNotification(TRACKER, n));
        }
        return results;
    }

    /** Drains and applies what the carrier pushed. */
    List<TrackingResult> pushed() {
        return apply(drain());
    }

    <E extends DomainEvent> List<E> events(Class<E> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
