package dev.mercato.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.Commerce;
import dev.mercato.core.TestClock;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.groupbuy.GroupBuy;
import dev.mercato.core.groupbuy.GroupCampaign;
import dev.mercato.core.groupbuy.GroupChoice;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two {@code Commerce} instances (two pools, one database, one stock service, one payment
 * provider) racing on one group-buy group of three (docs/group-buying.md, "Several
 * instances"): more buyers than places join at once and the group takes exactly its size; the
 * members pay at once from both instances and the group forms once; an unfilled group's deadline
 * fired by both instances at once refunds every member once.
 */
class TwoInstancesGroupBuyRaceExamples {
    static final int JOINERS = 10;
    static final SkuId PEACH = SkuId.of("peach");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    private static TestDatabase database;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    static Commerce instance(PostgresStorage storage, TestClock clock, Inventory stock, SandboxPaymentProvider payments) {
        return Commerce.builder().sandboxes().clock(clock).storage(storage).journal(storage.journal())
                .catalog(Catalog.inMemory().put(Sku.of("peach", "orchard", "Peaches, 5 kg", cny("59.90"))
                        .withCategoryPath(List.of("food"))))
                .inventory(stock).paymentProvider(payments)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .groupBuys(List.of(new GroupCampaign("peach-3", Set.of(PEACH), 3, Duration.ofHours(24), cny("39.90"))))
                .build();
    }

    static Money cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    /** The two instances and what they share. */
    private record World(TestClock clock, Inventory stock, SandboxPaymentProvider payments, Commerce first,
            Commerce second) {
        Commerce on(int i) {
            return i % 2 == 0 ? first : second;
        }

        CheckoutResult checkout(int i, String buyer, GroupChoice group) {
            Actor.Buyer actor = new Actor.Buyer(buyer);
            on(i).addToCart(actor, CartId.of(buyer), PEACH, 1);
            return on(i).checkout(actor, CartId.of(buyer), "checkout", Optional.empty(), group);
        }

        void pay(int i, CheckoutResult.Placed placed) {
            on(i).pay(new Actor.Buyer(placed.payment().buyerId()), placed.payment().paymentId(), new PaymentSource("tok_visa"));
        }

        long refunded() {
            Journal journal = first.journal().orElseThrow();
            return MinorUnits.toMinor(journal.balance(Account.refunds(), Monetary.getCurrency("CNY")));
        }
    }

    private static World world() {
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        Inventory stock = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                .setStock(new WarehouseId("east"), PEACH, 100, 0);
        SandboxPaymentProvider payments = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-group-race",
                Set.of(Monetary.getCurrency("CNY"))));
        return new World(clock, stock, payments,
                instance(PostgresStorage.create(database.newDataSource(4)), clock, stock, payments),
                instance(PostgresStorage.create(database.newDataSource(4)), clock, stock, payments));
    }

    @Test
    void moreBuyersThanPlacesJoinAtOnceAndTheGroupTakesExactlyItsSizeAndFormsOnce() throws Exception {
        World w = world();
        CheckoutResult.Placed ann = (CheckoutResult.Placed) w.checkout(0, "ann", GroupChoice.open("peach-3"));
        String group = w.first().groupOf(SCHEDULER, ann.orders().get(0).id()).orElseThrow().id();
        List<Callable<CheckoutResult>> joins = new ArrayList<>();
        for (int i = 0; i < JOINERS; i++) {
            int n = i;
            joins.add(() -> w.checkout(n, "b-" + n, GroupChoice.join(group)));
        }

        List<CheckoutResult> results = Race.run(8, joins);

        List<CheckoutResult.Placed> members = new ArrayList<>(List.of(ann));
        for (CheckoutResult result : results) {
            if (result instanceof CheckoutResult.Placed placed) {
                members.add(placed);
            } else {
                CheckoutResult.Refused refused = (CheckoutResult.Refused) result;
                assertTrue(refused.reason() == CheckoutResult.Reason.GROUP_FULL
                        || refused.reason() == CheckoutResult.Reason.CONTENDED, refused::toString);
            }
        }
        assertEquals(3, members.size(), "exactly the group's places were taken: " + results);
        assertEquals(3, w.first().groupBuy(SCHEDULER, group).orElseThrow().members().size());
        assertEquals(100 - 3, w.stock().available(PEACH), "the refused checkouts gave their stock back");

        List<Callable<Void>> payments = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            int n = i;
            payments.add(() -> {
                w.pay(n, members.get(n));
                return null;
            });
        }
        Race.run(payments);

        GroupBuy formed = assertInstanceOf(GroupBuy.Formed.class, w.second().groupBuy(SCHEDULER, group).orElseThrow());
        assertEquals(3, formed.members().size());
        for (CheckoutResult.Placed member : members) {
            Held held = assertInstanceOf(Held.class, w.first().escrow(SCHEDULER, member.orders().get(0).id()).orElseThrow());
            assertEquals(3990, MinorUnits.toMinor(held.funds().held()));
        }
    }

    @Test
    void bothInstancesFiringTheDeadlineAtOnceRefundEveryMemberOnce() throws Exception {
        World w = world();
        CheckoutResult.Placed ann = (CheckoutResult.Placed) w.checkout(0, "ann", GroupChoice.open("peach-3"));
        String group = w.first().groupOf(SCHEDULER, ann.orders().get(0).id()).orElseThrow().id();
        CheckoutResult.Placed bob = (CheckoutResult.Placed) w.checkout(1, "bob", GroupChoice.join(group));
        w.pay(0, ann);
        w.pay(1, bob);
        w.clock().advance(Duration.ofHours(24));

        Race.run(List.<Callable<Integer>>of(() -> w.first().runDueTimers(SCHEDULER),
                () -> w.second().runDueTimers(SCHEDULER)));
        w.first().runDueTimers(SCHEDULER);
        w.second().runDueTimers(SCHEDULER);

        assertInstanceOf(GroupBuy.Failed.class, w.first().groupBuy(SCHEDULER, group).orElseThrow());
        for (CheckoutResult.Placed member : List.of(ann, bob)) {
            Refunded refunded = assertInstanceOf(Refunded.class,
                    w.second().escrow(SCHEDULER, member.orders().get(0).id()).orElseThrow());
            assertEquals(3990, MinorUnits.toMinor(refunded.funds().refunded()));
        }
        assertEquals(2 * 3990, w.refunded(), "each member refunded once");
        assertEquals(100, w.stock().available(PEACH));
    }
}
