package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.order.OrderId;
import dev.mercato.payments.PaymentSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Eight threads race on the same orders of one checkout under guaranteed transactions: two pay,
 * two cancel one order, two run the scheduler exactly at the pay-by deadline (the unpaid close),
 * two refund the other order before shipment. Whatever wins, afterwards every captured unit is in
 * the ledger, every refund in the ledger went to the provider, each escrow's money is accounted
 * for and order and escrow states agree (the invariants of {@link GuaranteedTransactionProperties}).
 */
class GuaranteedTransactionRaceExamples {

    @RepeatedTest(20)
    void cancelTheUnpaidCloseTimerPayAndRefundRacingLeaveNoMoneyOutsideTheLedger() throws Exception {
        GuaranteedTransactionProperties.Model m = new GuaranteedTransactionProperties.Model();
        m.commerce.addToCart(GuaranteedTransactionProperties.ANN, GuaranteedTransactionProperties.CART,
                SkuId.of("longjing"), 1);
        m.commerce.addToCart(GuaranteedTransactionProperties.ANN, GuaranteedTransactionProperties.CART,
                SkuId.of("tea-set"), 2);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class, m.commerce.checkout(
                GuaranteedTransactionProperties.ANN, GuaranteedTransactionProperties.CART, "race", Optional.empty()));
        m.payments.add(placed.payment().paymentId());
        placed.orders().forEach(o -> m.orders.add(o.id()));
        OrderId first = placed.orders().get(0).id();
        OrderId second = placed.orders().get(1).id();
        // The clock stands at the pay-by deadline: the unpaid-close timer is due while Ann pays.
        m.clock.advance(Duration.ofDays(1));

        Actor.Buyer ann = GuaranteedTransactionProperties.ANN;
        List<Runnable> work = List.of(
                () -> m.commerce.pay(ann, placed.payment().paymentId(), new PaymentSource("tok_visa")),
                () -> m.commerce.pay(ann, placed.payment().paymentId(), new PaymentSource("tok_visa")),
                () -> m.commerce.cancelOrder(ann, first),
                () -> m.commerce.cancelOrder(ann, first),
                () -> m.commerce.runDueTimers(GuaranteedTransactionProperties.SCHEDULER),
                () -> m.commerce.runDueTimers(GuaranteedTransactionProperties.SCHEDULER),
                () -> m.commerce.refundBeforeShipment(ann, second),
                () -> m.commerce.refundBeforeShipment(ann, second));
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (Runnable w : work) {
                running.add(pool.submit(() -> {
                    start.await();
                    w.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);   // no command may fail with a raw exception
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        // Reconciliation finishes whatever was left open.
        m.clock.advance(Duration.ofMinutes(5));
        m.commerce.runDueTimers(GuaranteedTransactionProperties.SCHEDULER);
        GuaranteedTransactionProperties.checkInvariants(m);
    }
}
