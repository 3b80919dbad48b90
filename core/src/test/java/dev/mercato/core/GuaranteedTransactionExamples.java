package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.escrow.Shipped;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.VoidRequest;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * The facade runs the guaranteed transaction end to end (docs/core.md, "Guaranteed
 * transactions"): with {@code Builder.guaranteedTransactions(schedule)} and nothing else from the
 * host, paying holds each order's money in its escrow, settled from the order's own snapshot;
 * shipping, delivery, confirmation, auto-confirm and refunds move order and escrow together.
 */
class GuaranteedTransactionExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId CART = CartId.of("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.Seller STUDIO = new Actor.Seller("studio");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final WarehouseId EAST = new WarehouseId("east");

    /** A facade with guaranteed transactions on the b2c-mall schedule, nothing else wired. */
    static final class World {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final Storage storage = InMemoryStorage.create();
        final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "whsec-guaranteed", Set.of(CNY)));
        final Commerce commerce;

        World() {
            this(p -> p);
        }

        World(UnaryOperator<PaymentProvider> provider) {
            commerce = Commerce.builder().sandboxes().clock(clock).storage(storage)
                    .catalog(Catalog.inMemory()
                            .put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00"))
                                    .withCategoryPath(List.of("food", "tea")))
                            .put(Sku.of("tea-set", "studio", "Celadon tea set", cny("329.00"))
                                    .withCategoryPath(List.of("home", "porcelain"))))
                    .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                            .setStock(EAST, SkuId.of("longjing"), 10, 0).setStock(EAST, SkuId.of("tea-set"), 10, 0))
                    .paymentProvider(provider.apply(sandbox))
                    .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                    .sellerTypes(seller -> seller.equals("tea-shop") ? SellerType.BRAND_FLAGSHIP : SellerType.ENTERPRISE)
                    .paymentMethod("alipay")
                    .build();
        }

        CheckoutResult.Placed checkout() {
            commerce.addToCart(ANN, CART, SkuId.of("longjing"), 1);
            commerce.addToCart(ANN, CART, SkuId.of("tea-set"), 1);
            return assertInstanceOf(CheckoutResult.Placed.class,
                    commerce.checkout(ANN, CART, "checkout-1", Optional.empty()));
        }

        CheckoutResult.Placed checkoutAndPay() {
            CheckoutResult.Placed placed = checkout();
            assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), CARD));
            return placed;
        }

        Journal journal() {
            return commerce.journal().orElseThrow();
        }

        MonetaryAmount balance(Account account) {
            return journal().balance(account, CNY);
        }

        Escrow escrow(Order order) {
            return commerce.escrow(SCHEDULER, order.id()).orElseThrow();
        }

        Order order(Order order) {
            return commerce.order(SCHEDULER, order.id()).orElseThrow();
        }

        Order of(CheckoutResult.Placed placed, String seller) {
            return placed.orders().stream().filter(o -> o.facts().sellerId().equals(seller)).findFirst().orElseThrow();
        }

        void ship(Order order, Actor seller) {
            Order.StockAllocated allocated = assertInstanceOf(Order.StockAllocated.class, order(order));
            List<Shipment.Item> all = allocated.facts().snapshot().lines().stream()
                    .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
            assertInstanceOf(OrderResult.Done.class, commerce.ship(seller, order.id(), "SF" + order.id().value().hashCode(),
                    all));
        }

        long sumOfAllBalances() {
            long sum = 0;
            for (Map<CurrencyUnit, MonetaryAmount> byCurrency : journal().balances().values()) {
                sum += MinorUnits.toMinor(byCurrency.getOrDefault(CNY, cny("0")));
            }
            return sum;
        }
    }

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(cny(expected).isEqualTo(actual), "expected CNY " + expected + ", was " + actual);
    }

    @Test
    void payingHoldsEachOrdersMoneyInItsEscrowWithTermsSettledFromTheOrderItself() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order tea = w.of(placed, "tea-shop");
        Order set = w.of(placed, "studio");

        assertInstanceOf(Order.StockAllocated.class, w.order(tea));
        Held teaEscrow = assertInstanceOf(Held.class, w.escrow(tea));
        Held setEscrow = assertInstanceOf(Held.class, w.escrow(set));
        assertAmount("268.00", teaEscrow.funds().held());
        assertAmount("329.00", setEscrow.funds().held());
        // b2c-mall: food 0.5% (at least 0.50) = 1.34; the default 5% = 16.45; alipay 0.6% each.
        assertAmount("1.34", teaEscrow.terms().deductions().commission());
        assertAmount("16.45", setEscrow.terms().deductions().commission());
        assertAmount("1.61", teaEscrow.terms().deductions().paymentFee());
        assertAmount("1.97", setEscrow.terms().deductions().paymentFee());
        // The ledger: what Ann paid, held per order; every balance sums to zero.
        assertAmount("-597.00", w.balance(Account.buyerFundsIn("ann")));
        assertAmount("268.00", w.balance(Account.escrowHeld(tea.id().value())));
        assertAmount("329.00", w.balance(Account.escrowHeld(set.id().value())));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void theSnapshotRecordsWhatSettlementNeeds() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkout();
        var snapshot = w.of(placed, "tea-shop").facts().snapshot();
        assertEquals(SellerType.BRAND_FLAGSHIP, snapshot.sellerType());
        assertEquals(List.of("food", "tea"), snapshot.lines().get(0).categoryPath());
        assertAmount("268.00", snapshot.lines().get(0).priceLevelAmount());
        assertEquals(SellerType.ENTERPRISE, w.of(placed, "studio").facts().snapshot().sellerType());
    }

    @Test
    void shipDeliveryAndTheBuyersConfirmationReleaseTheMoneyAndTheOrderCompletesAfterItsWindow() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order tea = w.of(placed, "tea-shop");

        w.ship(tea, TEA_SHOP);
        assertInstanceOf(Shipped.class, w.escrow(tea));
        w.clock.advance(Duration.ofDays(2));
        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmDelivery(ANN, tea.id()));
        assertInstanceOf(Order.Delivered.class, w.order(tea));
        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmReceipt(ANN, tea.id()));

        assertInstanceOf(Released.class, w.escrow(tea));
        // 268.00 - commission 1.34 - payment fee 1.61.
        assertAmount("265.05", w.balance(Account.sellerPayable("tea-shop")));
        assertAmount("0.00", w.balance(Account.escrowHeld(tea.id().value())));
        assertInstanceOf(Order.Delivered.class, w.order(tea));
        w.clock.advance(Duration.ofDays(8));
        w.commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Order.Completed.class, w.order(tea));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void onlyTheBuyerConfirmsReceiptAndOnlyAnOperatorResolvesADisputeAndARefusedActorChangesNothing() {
        World w = new World();
        Order tea = w.of(w.checkoutAndPay(), "tea-shop");
        w.ship(tea, TEA_SHOP);
        Escrow before = w.escrow(tea);

        assertThrows(NotPermittedException.class, () -> w.commerce.confirmReceipt(TEA_SHOP, tea.id()));
        assertThrows(NotPermittedException.class, () -> w.commerce.confirmReceipt(new Actor.Buyer("bob"), tea.id()));
        assertThrows(NotPermittedException.class, () -> w.commerce.resolveDispute(ANN, tea.id(), cny("1.00")));
        assertThrows(NotPermittedException.class, () -> w.commerce.openDispute(STUDIO, tea.id()));
        assertEquals(before, w.escrow(tea));
        assertInstanceOf(Order.Shipped.class, w.order(tea));
    }

    @Test
    void autoConfirmTenDaysAfterShipmentReleasesTheMoneyDeliversAndThenCompletesTheOrder() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order set = w.of(placed, "studio");
        w.ship(set, STUDIO);

        w.clock.advance(Duration.ofDays(10).minusSeconds(1));
        w.commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Shipped.class, w.escrow(set));
        assertInstanceOf(Order.Shipped.class, w.order(set));

        w.clock.advance(Duration.ofSeconds(1));
        w.commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Released.class, w.escrow(set));
        assertInstanceOf(Order.Delivered.class, w.order(set), "receipt confirmed counts as delivered");
        // 329.00 - commission 16.45 - payment fee 1.97.
        assertAmount("310.58", w.balance(Account.sellerPayable("studio")));

        w.clock.advance(Duration.ofDays(7));
        w.commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Order.Completed.class, w.order(set));
    }

    @Test
    void anOrderWhoseWindowEndsBeforeItsEscrowIsReleasedCompletesAtTheRelease() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order tea = w.of(placed, "tea-shop");
        w.ship(tea, TEA_SHOP);
        w.clock.advance(Duration.ofDays(1));
        w.commerce.confirmDelivery(ANN, tea.id());   // the 10 days now count from delivery

        w.clock.advance(Duration.ofDays(8));         // the 7-day window has passed; the money is held
        w.commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Order.Delivered.class, w.order(tea));
        w.clock.advance(Duration.ofDays(2));         // delivery + 10 days
        w.commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Released.class, w.escrow(tea));
        assertInstanceOf(Order.Completed.class, w.order(tea));
    }

    @Test
    void sellersAndReviewsReadTheFacadesOrders() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order set = w.of(placed, "studio");
        dev.mercato.core.review.ReviewService reviews = dev.mercato.core.review.ReviewService.create(w.storage, w.clock,
                new dev.mercato.core.review.ReviewSettings(Duration.ofDays(15), Duration.ofDays(30),
                        new dev.mercato.core.review.RatingPolicy(Duration.ofDays(180), Duration.ofDays(30), 2,
                                new BigDecimal("4.0"), 5)),
                w.commerce.completedOrders(), (buyer, reviewId) -> { });
        assertEquals(dev.mercato.core.review.ReviewRefusal.ORDER_NOT_COMPLETED, assertInstanceOf(
                dev.mercato.core.review.ReviewOutcome.Refused.class, reviews.submit(ANN, set.id().value(), 1, 5, "")).reason());
        assertTrue(w.commerce.openObligations().anyOpen("studio"));

        w.ship(set, STUDIO);
        w.clock.advance(Duration.ofDays(10));
        w.commerce.runDueTimers(SCHEDULER);   // auto-confirm: released, delivered
        w.clock.advance(Duration.ofDays(7));
        w.commerce.runDueTimers(SCHEDULER);   // the return window passed: completed
        assertInstanceOf(Order.Completed.class, w.order(set));

        assertInstanceOf(dev.mercato.core.review.ReviewOutcome.Accepted.class,
                reviews.submit(ANN, set.id().value(), 1, 5, "lovely glaze"));
        assertEquals(dev.mercato.core.review.ReviewRefusal.NOT_YOUR_ORDER, assertInstanceOf(
                dev.mercato.core.review.ReviewOutcome.Refused.class,
                reviews.submit(new Actor.Buyer("bob"), set.id().value(), 1, 1, "")).reason());
        assertTrue(!w.commerce.openObligations().anyOpen("studio"), "the studio's only order is finished");
        assertTrue(w.commerce.openObligations().anyOpen("tea-shop"), "the tea is still to ship");
    }

    @Test
    void aCheckoutWhoseCommitFailsReleasesItsStockAndARetryReservesItOnce() {
        Storage real = InMemoryStorage.create();
        boolean[] failNext = {false};
        Storage failing = new Storage() {
            @Override
            public <R> R inTransaction(java.util.function.Function<? super dev.mercato.core.storage.UnitOfWork, ? extends R> work,
                    dev.mercato.core.event.EventPublisher afterCommit) {
                return real.inTransaction(uow -> {
                    R result = work.apply(uow);
                    if (failNext[0] && result instanceof CheckoutResult.Placed) {
                        failNext[0] = false;
                        throw new IllegalStateException("storage went away during the commit");
                    }
                    return result;
                }, afterCommit);
            }
        };
        var inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                .setStock(EAST, SkuId.of("longjing"), 10, 0);
        Commerce commerce = Commerce.builder().sandboxes().storage(failing)
                .catalog(Catalog.inMemory().put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00"))))
                .inventory(inventory).build();
        commerce.addToCart(ANN, CART, SkuId.of("longjing"), 4);

        failNext[0] = true;
        assertThrows(IllegalStateException.class, () -> commerce.checkout(ANN, CART, "k", Optional.empty()));
        assertEquals(10, inventory.available(SkuId.of("longjing")), "the failed attempt's 4 units went back");

        assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ANN, CART, "k", Optional.empty()));
        assertEquals(6, inventory.available(SkuId.of("longjing")), "the retry reserved 4 units, once");
    }

    @Test
    void aRefundBeforeShipmentReturnsTheHeldMoneyThroughTheProvider() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order tea = w.of(placed, "tea-shop");

        assertInstanceOf(OrderResult.Done.class, w.commerce.refundBeforeShipment(ANN, tea.id()));

        assertInstanceOf(Order.RefundedBeforeShipment.class, w.order(tea));
        assertInstanceOf(Refunded.class, w.escrow(tea));
        assertAmount("268.00", w.balance(Account.refunds()));
        assertAmount("0.00", w.balance(Account.escrowHeld(tea.id().value())));
        TransactionId sale = new TransactionId(w.commerce.payment(ANN, placed.payment().paymentId()).orElseThrow()
                .lastAttempt().orElseThrow());
        assertTrue(w.sandbox.status(sale).isPresent());
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void aCaptureThatSucceedsAfterTheBuyerCancelledIsBookedAndRefunded() {
        World[] world = new World[1];
        OrderId[] cancelled = new OrderId[1];
        world[0] = new World(sandbox -> new ForwardingPaymentProvider(sandbox) {
            @Override
            public PaymentOutcome sale(PaymentRequest request) {
                // The buyer cancels one order while the provider is taking the money.
                world[0].commerce.cancelOrder(ANN, cancelled[0]);
                return super.sale(request);
            }
        });
        World w = world[0];
        CheckoutResult.Placed placed = w.checkout();
        Order tea = w.of(placed, "tea-shop");
        Order set = w.of(placed, "studio");
        cancelled[0] = tea.id();

        w.commerce.pay(ANN, placed.payment().paymentId(), CARD);

        assertInstanceOf(Order.Cancelled.class, w.order(tea));
        assertInstanceOf(Order.StockAllocated.class, w.order(set));
        // Every captured unit is in the ledger: the whole 597.00 came in, the cancelled order's
        // 268.00 went back out through the provider.
        assertAmount("-597.00", w.balance(Account.buyerFundsIn("ann")));
        assertAmount("268.00", w.balance(Account.refunds()));
        assertAmount("329.00", w.balance(Account.escrowHeld(set.id().value())));
        assertInstanceOf(Refunded.class, w.escrow(tea));
        assertTrue(w.commerce.escrow(SCHEDULER, tea.id()).isPresent());
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void aSucceededAnswerForAnotherAmountIsRefusedAndChangesNothing() {
        World w = new World(sandbox -> new ForwardingPaymentProvider(sandbox) {
            @Override
            public PaymentOutcome sale(PaymentRequest request) {
                super.sale(request);
                return new PaymentOutcome.Succeeded(request.transactionId(), cny("0.01"), "forged");
            }
        });
        CheckoutResult.Placed placed = w.checkout();

        PaymentResult.Refused refused = assertInstanceOf(PaymentResult.Refused.class,
                w.commerce.pay(ANN, placed.payment().paymentId(), CARD));

        assertEquals(PaymentResult.Reason.ANSWER_MISMATCH, refused.reason());
        assertTrue(refused.message().contains("CNY 0.01"), refused.message());
        for (Order order : placed.orders()) {
            assertInstanceOf(Order.AwaitingPayment.class, w.order(order));
            assertTrue(w.commerce.escrow(SCHEDULER, order.id()).isEmpty());
        }
        assertTrue(w.journal().entries().isEmpty());
        assertTrue(w.commerce.payment(ANN, placed.payment().paymentId()).orElseThrow().paid().isEmpty());
    }

    @Test
    void aHundredDueTimersOfOtherKindsDoNotStopAnUnpaidClose() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkout();
        w.storage.inTransaction(uow -> {
            for (int i = 0; i < 150; i++) {
                uow.timers().schedule(new TimerKey("another-service.kind", "t-" + i), w.clock.instant());
            }
            return null;
        });

        w.clock.advance(Duration.ofDays(1).plusMinutes(1));
        w.commerce.runDueTimers(SCHEDULER);

        for (Order order : placed.orders()) {
            assertInstanceOf(Order.Closed.class, w.order(order));
        }
    }

    @Test
    void aFailingTimerIsIsolatedAndRetriedWithBackoff() {
        int[] calls = new int[1];
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        Storage storage = InMemoryStorage.create();
        Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(storage)
                .timers(runner -> runner.on("flaky", (timer, now) -> {
                    calls[0]++;
                    throw new IllegalStateException("down");
                }).on("steady", (timer, now) -> storage.inTransaction(uow -> {
                    uow.timers().cancel(timer.key());
                    return null;
                })))
                .build();
        storage.inTransaction(uow -> {
            uow.timers().schedule(new TimerKey("flaky", "a"), clock.instant());
            uow.timers().schedule(new TimerKey("steady", "b"), clock.instant());
            return null;
        });

        assertEquals(1, commerce.runDueTimers(SCHEDULER), "the steady timer fired despite the flaky one");
        assertEquals(1, calls[0]);
        assertEquals(0, commerce.runDueTimers(SCHEDULER), "the failed timer waits for its backoff");
        assertEquals(1, calls[0]);
        clock.advance(Duration.ofSeconds(30));
        commerce.runDueTimers(SCHEDULER);
        assertEquals(2, calls[0]);
        clock.advance(Duration.ofSeconds(30));
        commerce.runDueTimers(SCHEDULER);
        assertEquals(2, calls[0], "the second wait is 60 s");
    }

    @Test
    void escrowCommandsWithoutGuaranteedTransactionsAreATypedError() {
        Commerce plain = Commerce.builder().sandboxes().build();
        assertThrows(dev.mercato.pricing.error.InvalidInputException.class,
                () -> plain.confirmReceipt(ANN, new OrderId("ord-1")));
        assertTrue(plain.journal().isEmpty());
    }

    @Test
    void aBuilderWithoutPaymentProviderOrCarrierFailsAndSaysWhatToSet() {
        var noProvider = assertThrows(dev.mercato.pricing.error.InvalidInputException.class,
                () -> Commerce.builder().build());
        assertTrue(noProvider.getMessage().contains("paymentProvider") && noProvider.getMessage().contains("sandboxes()"),
                noProvider.getMessage());
        SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(SandboxSettings.of(
                new TestClock(Instant.parse("2026-06-01T10:00:00Z")), "whsec-defaults", Set.of(CNY)));
        var noCarrier = assertThrows(dev.mercato.pricing.error.InvalidInputException.class,
                () -> Commerce.builder().paymentProvider(sandbox).build());
        assertTrue(noCarrier.getMessage().contains("carrier"), noCarrier.getMessage());
        assertTrue(Commerce.builder().sandboxes().build().paymentProvider() instanceof SandboxPaymentProvider);
        assertTrue(Commerce.builder().sandboxes().paymentProvider(sandbox).build().paymentProvider() == sandbox,
                "an explicit provider wins over the sandbox");
    }

    /** A provider that forwards everything; tests override what they script. */
    static class ForwardingPaymentProvider implements PaymentProvider {
        private final PaymentProvider delegate;

        ForwardingPaymentProvider(PaymentProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public Capabilities capabilities() {
            return delegate.capabilities();
        }

        @Override
        public PaymentOutcome authorize(PaymentRequest request) {
            return delegate.authorize(request);
        }

        @Override
        public PaymentOutcome capture(CaptureRequest request) {
            return delegate.capture(request);
        }

        @Override
        public PaymentOutcome sale(PaymentRequest request) {
            return delegate.sale(request);
        }

        @Override
        public PaymentOutcome voidAuthorization(VoidRequest request) {
            return delegate.voidAuthorization(request);
        }

        @Override
        public PaymentOutcome refund(RefundRequest request) {
            return delegate.refund(request);
        }

        @Override
        public Optional<PaymentOutcome> status(TransactionId transactionId) {
            return delegate.status(transactionId);
        }

        @Override
        public NotificationResult parseNotification(Notification notification) {
            return delegate.parseNotification(notification);
        }
    }
}
