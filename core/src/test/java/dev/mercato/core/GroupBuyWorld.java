package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.groupbuy.GroupCampaign;
import dev.mercato.core.groupbuy.GroupChoice;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * A facade selling peaches at 59.90 a box, or at 39.90 to the members of a group of three that
 * fills within a day (campaign {@code peach-3}); 100 boxes in stock, guaranteed transactions.
 */
final class GroupBuyWorld {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final SkuId PEACH = SkuId.of("peach");
    static final SkuId TEA = SkuId.of("tea");
    static final WarehouseId EAST = new WarehouseId("east");
    static final String CAMPAIGN = "peach-3";
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final Actor.Seller ORCHARD = new Actor.Seller("orchard");
    static final long STOCK = 100;

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    final SandboxPaymentProvider payments = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-group-buy", Set.of(CNY)));
    /** One carrier for every instance, as one payment provider: instances share the outside world. */
    final dev.mercato.logistics.sandbox.SandboxCarrier carrier = dev.mercato.logistics.sandbox.SandboxCarrier.create(
            dev.mercato.logistics.sandbox.SandboxConfig.defaults("whsec-group-buy-carrier"), clock);
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final Inventory inventory;
    final Commerce commerce;

    GroupBuyWorld() {
        this(InMemoryStorage.create(), Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                .setStock(EAST, PEACH, STOCK, 0).setStock(EAST, TEA, STOCK, 0), 3);
    }

    GroupBuyWorld(Storage storage, Inventory inventory, int groupSize) {
        this.inventory = inventory;
        this.commerce = builder(storage, inventory, groupSize, clock, payments).carrier(carrier).events(events::add).build();
    }

    static Commerce.Builder builder(Storage storage, Inventory inventory, int groupSize, java.time.Clock clock,
            SandboxPaymentProvider payments) {
        return Commerce.builder().sandboxes().clock(clock).storage(storage)
                .catalog(Catalog.inMemory()
                        .put(Sku.of("peach", "orchard", "Peaches, 5 kg", cny("59.90")).withCategoryPath(List.of("food")))
                        .put(Sku.of("tea", "orchard", "Green tea", cny("20.00")).withCategoryPath(List.of("food"))))
                .inventory(inventory)
                .warehouseAddress(EAST, new dev.mercato.logistics.Address("CN", "Shanghai", "Shanghai", "200000", "2 Dock Street"))
                .paymentProvider(payments)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .groupBuys(List.of(new GroupCampaign(CAMPAIGN, Set.of(PEACH), groupSize, Duration.ofHours(24),
                        cny("39.90"))));
    }

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    /** A buyer puts one box of peaches in their cart and checks out with the group choice. */
    CheckoutResult checkout(String buyer, String key, Optional<GroupChoice> group) {
        Actor.Buyer actor = new Actor.Buyer(buyer);
        commerce.addToCart(actor, CartId.of(buyer), PEACH, 1);
        return group.isPresent() ? commerce.checkout(actor, CartId.of(buyer), key, Optional.empty(), group.get())
                : commerce.checkout(actor, CartId.of(buyer), key, Optional.empty());
    }

    CheckoutResult.Placed placed(String buyer, String key, GroupChoice group) {
        CheckoutResult result = checkout(buyer, key, Optional.of(group));
        if (!(result instanceof CheckoutResult.Placed placed)) {
            throw new AssertionError("not placed: " + result);
        }
        return placed;
    }

    void pay(String buyer, CheckoutResult.Placed placed) {
        commerce.pay(new Actor.Buyer(buyer), placed.payment().paymentId(), new PaymentSource("tok_visa"));
    }

    String groupOf(CheckoutResult.Placed placed) {
        return commerce.groupOf(SCHEDULER, placed.orders().get(0).id()).orElseThrow().id();
    }

    long available() {
        return inventory.available(PEACH);
    }
}
