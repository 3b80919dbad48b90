package dev.mercato.core;

import static dev.mercato.core.GroupBuyWorld.SCHEDULER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.groupbuy.GroupBuy;
import dev.mercato.core.groupbuy.GroupChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two facade instances over one in-memory storage racing for the places of one group of three:
 * the group takes exactly its size, the refused buyers get their stock back, and the members
 * paying at once form the group once (the PostgreSQL twin is storage-postgres'
 * {@code TwoInstancesGroupBuyRaceExamples}).
 */
class GroupBuyRaceExamples {
    static final int JOINERS = 8;

    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(3)
    void moreBuyersThanPlacesJoinAtOnceAndTheGroupTakesExactlyItsSizeAndFormsOnce() throws Exception {
        GroupBuyWorld w = new GroupBuyWorld();
        Commerce other = GroupBuyWorld.builder(w.commerce.storage(), w.inventory, 3, w.clock, w.payments)
                .events(w.events::add).build();
        CheckoutResult.Placed ann = w.placed("ann", "k1", GroupChoice.open(GroupBuyWorld.CAMPAIGN));
        String group = w.groupOf(ann);
        List<Callable<CheckoutResult>> joins = new ArrayList<>();
        for (int i = 0; i < JOINERS; i++) {
            Commerce on = i % 2 == 0 ? w.commerce : other;
            Actor.Buyer buyer = new Actor.Buyer("b-" + i);
            on.addToCart(buyer, CartId.of(buyer.buyerId()), GroupBuyWorld.PEACH, 1);
            joins.add(() -> on.checkout(buyer, CartId.of(buyer.buyerId()), "k1", Optional.empty(), GroupChoice.join(group)));
        }

        List<CheckoutResult.Placed> members = new ArrayList<>(List.of(ann));
        for (CheckoutResult result : race(joins)) {
            if (result instanceof CheckoutResult.Placed placed) {
                members.add(placed);
            } else {
                CheckoutResult.Reason reason = ((CheckoutResult.Refused) result).reason();
                assertTrue(reason == CheckoutResult.Reason.GROUP_FULL || reason == CheckoutResult.Reason.CONTENDED,
                        result::toString);
            }
        }
        assertEquals(3, members.size(), "exactly the group's places were taken");
        assertEquals(GroupBuyWorld.STOCK - 3, w.available());

        List<Callable<Object>> payments = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            CheckoutResult.Placed member = members.get(i);
            Commerce on = i % 2 == 0 ? w.commerce : other;
            payments.add(() -> on.pay(new Actor.Buyer(member.payment().buyerId()), member.payment().paymentId(),
                    new dev.mercato.payments.PaymentSource("tok_visa")));
        }
        race(payments);
        assertInstanceOf(GroupBuy.Formed.class, other.groupBuy(SCHEDULER, group).orElseThrow());
        for (CheckoutResult.Placed member : members) {
            assertInstanceOf(Held.class, w.commerce.escrow(SCHEDULER, member.orders().get(0).id()).orElseThrow());
        }
        assertEquals(1, w.events.stream().filter(dev.mercato.core.groupbuy.GroupBuyEvent.Formed.class::isInstance).count(),
                "formed once, by one of the two instances");
    }
}
