package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Order;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId CART = CartId.of("ann");
    static final Actor.System TIMERS = new Actor.System("timers");
    static final PaymentSource CARD = new PaymentSource("tok");

    TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    SandboxPaymentProvider provider = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "payment-examples-secret", Set.of(Monetary.getCurrency("CNY"))));
    Commerce commerce;
    CheckoutResult.Placed placed;

    @BeforeEach
    void setUp() {
        commerce = Commerce.builder().sandboxes().clock(clock).paymentProvider(provider)
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Tea", Money.of(25, "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                        .setStock(new WarehouseId("east"), SkuId.of("tea"), 10, 0))
                .build();
        commerce.addToCart(ANN, CART, SkuId.of("tea"), 1);
        placed = (CheckoutResult.Placed) commerce.checkout(ANN, CART, "k1", Optional.empty());
    }

    private Order order() {
        return commerce.order(ANN, placed.orders().get(0).id()).orElseThrow();
    }

    @Test
    void aDeclinedPaymentChangesNothingAndMayBeRetriedUnderANewAttempt() {
        provider.declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
        String paymentId = placed.payment().paymentId();
        assertInstanceOf(PaymentResult.Refused.class, commerce.pay(ANN, paymentId, CARD));
        assertInstanceOf(Order.AwaitingPayment.class, order());
        PaymentResult.Paid paid = assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, paymentId, CARD));
        assertEquals(List.of(paymentId + "-1", paymentId + "-2"), paid.payment().attempts());
        assertInstanceOf(Order.StockAllocated.class, order());
    }

    @Test
    void aPendingPaymentIsPaidByTheReconcileTimerOnceTheProviderSettles() {
        provider.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(3)));
        String paymentId = placed.payment().paymentId();
        assertInstanceOf(PaymentResult.Pending.class, commerce.pay(ANN, paymentId, CARD));
        // Paying again while the charge may still go through starts no second charge.
        assertInstanceOf(PaymentResult.Pending.class, commerce.pay(ANN, paymentId, CARD));
        assertEquals(1, commerce.payment(ANN, paymentId).orElseThrow().attempts().size());
        clock.advance(Duration.ofMinutes(1));
        commerce.runDueTimers(TIMERS);
        assertInstanceOf(Order.AwaitingPayment.class, order());
        clock.advance(Duration.ofMinutes(3));
        commerce.runDueTimers(TIMERS);
        assertInstanceOf(Order.StockAllocated.class, order());
        assertEquals(1, commerce.payment(ANN, paymentId).orElseThrow().attempts().size());
    }

    @Test
    void aPaymentThatTimedOutAfterMovingMoneyIsFoundByReconciliation() {
        provider.scriptNext(ScriptedAnswer.timeOutAfterMoving(ScriptedAnswer.TimeOut.Surface.UNKNOWN_OUTCOME));
        String paymentId = placed.payment().paymentId();
        PaymentResult first = commerce.pay(ANN, paymentId, CARD);
        assertInstanceOf(PaymentResult.Pending.class, first, first.toString());
        clock.advance(Duration.ofMinutes(1));
        commerce.runDueTimers(TIMERS);
        assertInstanceOf(Order.StockAllocated.class, order());
    }

    @Test
    void aProviderExceptionIsPendingNotFailedAndReconciliationFindsTheCharge() {
        provider.scriptNext(ScriptedAnswer.timeOutAfterMoving(ScriptedAnswer.TimeOut.Surface.EXCEPTION));
        String paymentId = placed.payment().paymentId();
        assertInstanceOf(PaymentResult.Pending.class, commerce.pay(ANN, paymentId, CARD));
        assertInstanceOf(Order.AwaitingPayment.class, order());
        clock.advance(Duration.ofMinutes(1));
        commerce.runDueTimers(TIMERS);
        assertInstanceOf(Order.StockAllocated.class, order());
    }

    @org.junit.jupiter.api.RepeatedTest(25)
    void concurrentPayCallsChargeTheBuyerOnce() throws Exception {
        String paymentId = placed.payment().paymentId();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<PaymentResult>> results = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return commerce.pay(ANN, paymentId, CARD);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<PaymentResult> result : results) {
                result.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(paymentId + "-1"), commerce.payment(ANN, paymentId).orElseThrow().attempts());
        assertInstanceOf(Order.StockAllocated.class, order());
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, paymentId, CARD));
    }
}
