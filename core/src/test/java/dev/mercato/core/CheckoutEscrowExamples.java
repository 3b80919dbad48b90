package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaidHook;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.CheckoutCapture;
import dev.mercato.core.escrow.Deductions;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.escrow.EscrowTerms;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.escrow.RefusalReason;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.escrow.Shipped;
import dev.mercato.core.escrow.Transition;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * The checkout's one payment opens each order's escrow as held ({@code Commerce.Builder#onPaid}
 * with {@link EscrowService#paymentHook}): two shops, one sale, two escrows.
 */
class CheckoutEscrowExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId ANN_CART = CartId.of("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.Seller CUP_SHOP = new Actor.Seller("cup-shop");
    static final Actor.System SYSTEM = new Actor.System("ops");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final SkuId TEA = SkuId.of("tea");
    static final SkuId CUP = SkuId.of("cup");
    static final WarehouseId EAST = new WarehouseId("east");

    /** One facade, its escrows and ledger, on one clock; the provider offers the given refunds. */
    static final class World {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final Storage storage = InMemoryStorage.create();
        final Journal journal = Journal.inMemory();
        final SandboxPaymentProvider payments;
        final EscrowService escrows;
        final DueTaskRunner escrowTimers;
        final Commerce commerce;

        World(Set<Capabilities.Feature> features) {
            payments = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-checkout-escrow", Set.of(CNY))
                    .withFeatures(features));
            escrows = EscrowService.create(storage, journal, payments, clock);
            escrowTimers = escrows.registerTimers(DueTaskRunner.create(storage, clock));
            InMemoryCatalog catalog = Catalog.inMemory()
                    .put(Sku.of("tea", "tea-shop", "Green tea", Money.of(25.35, "CNY")))
                    .put(Sku.of("cup", "cup-shop", "Tea cup", Money.of(12.5, "CNY")));
            InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best())
                    .addWarehouse(Warehouse.of("east", "shanghai")).setStock(EAST, TEA, 50, 0).setStock(EAST, CUP, 50, 0);
            commerce = Commerce.builder().sandboxes().clock(clock).storage(storage).catalog(catalog).inventory(inventory)
                    .paymentProvider(payments)
                    .onPaid(escrows.paymentHook(CheckoutEscrowExamples::termsOf))
                    .onDelivery(escrows.deliveryHook(id -> Optional.of(id.value())))
                    .build();
        }

        World() {
            this(EnumSet.allOf(Capabilities.Feature.class));
        }

        /** Ann checks out 2 teas and 3 cups (two shops) and pays once. */
        CheckoutResult.Placed checkoutAndPay() {
            commerce.addToCart(ANN, ANN_CART, TEA, 2);
            commerce.addToCart(ANN, ANN_CART, CUP, 3);
            CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                    commerce.checkout(ANN, ANN_CART, "k1", Optional.empty()));
            assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), CARD));
            return placed;
        }

        Escrow escrow(Order order) {
            return escrows.find(order.id().value()).orElseThrow();
        }

        MonetaryAmount balance(Account account) {
            return journal.balance(account, CNY);
        }
    }

    /** Each order's escrow: its payable, its buyer and seller, a 10% commission. */
    static Optional<EscrowTerms> termsOf(Order order) {
        MonetaryAmount payable = order.facts().snapshot().payable();
        long commission = MinorUnits.toMinor(payable) / 10;
        return Optional.of(EscrowTerms.of(order.id().value(), order.facts().buyerId(), order.facts().sellerId(), payable)
                .withDeductions(Deductions.commission(MinorUnits.toAmount(commission, CNY))));
    }

    static MonetaryAmount cny(String value) {
        return Money.of(new java.math.BigDecimal(value), "CNY");
    }

    @Test
    void onePaymentForTwoShopsHoldsEachOrdersPayableInItsOwnEscrow() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order tea = placed.orders().get(0);
        Order cups = placed.orders().get(1);
        BuyerPayment payment = w.commerce.payment(ANN, placed.payment().paymentId()).orElseThrow();

        assertInstanceOf(Order.StockAllocated.class, w.commerce.order(ANN, tea.id()).orElseThrow());
        assertInstanceOf(Order.StockAllocated.class, w.commerce.order(ANN, cups.id()).orElseThrow());
        Held teaEscrow = assertInstanceOf(Held.class, w.escrow(tea));
        Held cupEscrow = assertInstanceOf(Held.class, w.escrow(cups));
        assertTrue(cny("50.70").isEqualTo(teaEscrow.funds().held()));
        assertTrue(cny("37.50").isEqualTo(cupEscrow.funds().held()));
        assertTrue(payment.total().isEqualTo(teaEscrow.funds().held().add(cupEscrow.funds().held())));
        // One sale through the provider, recorded as both escrows' payment.
        TransactionId sale = new TransactionId(payment.lastAttempt().orElseThrow());
        for (Order o : List.of(tea, cups)) {
            List<ProviderOperation> ops = w.escrows.operations(o.id().value());
            assertEquals(1, ops.size());
            assertEquals(sale, ops.get(0).transactionId());
            assertEquals(ProviderOperation.Kind.PAYMENT, ops.get(0).kind());
        }
        // The ledger: the buyer's money in, held per order.
        assertTrue(cny("-88.20").isEqualTo(w.balance(Account.buyerFundsIn("ann"))));
        assertTrue(cny("50.70").isEqualTo(w.balance(Account.escrowHeld(tea.id().value()))));
        assertTrue(cny("37.50").isEqualTo(w.balance(Account.escrowHeld(cups.id().value()))));
        assertEquals(2, w.journal.entries().size());
    }

    @Test
    void theEntryIsTheOneAnEscrowPaidThroughItsOwnSalePosts() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order tea = placed.orders().get(0);
        EscrowTerms terms = termsOf(tea).orElseThrow().withDeductions(Deductions.none(CNY));
        // The same terms under another id, paid the escrow's own way.
        EscrowTerms own = new EscrowTerms("own-" + tea.id().value().substring(4, 20), terms.buyerId(),
                terms.sellerId(), terms.amount(), terms.deductions(), terms.payWithin(), terms.autoConfirmAfter(),
                terms.extension(), terms.groupDeadline(), terms.platformSubsidy());
        w.escrows.open(own);
        w.escrows.pay(own.escrowId(), ANN, CARD);
        var viaCheckout = w.journal.entries().stream().filter(e -> e.key().contains(tea.id().value())).findFirst()
                .orElseThrow();
        var viaOwnSale = w.journal.entries().stream().filter(e -> e.key().contains(own.escrowId())).findFirst()
                .orElseThrow();
        assertEquals(viaOwnSale.key().replace(own.escrowId(), tea.id().value()), viaCheckout.key());
        assertEquals(viaOwnSale.postings().size(), viaCheckout.postings().size());
    }

    @Test
    void aReplayedPaymentOpensNothingTwice() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        String paymentId = placed.payment().paymentId();
        List<Escrow> before = placed.orders().stream().map(w::escrow).toList();
        int entries = w.journal.entries().size();

        // The same confirmation again (a webhook after the reply), and the hook called once more.
        assertInstanceOf(PaymentResult.Paid.class, w.commerce.confirmPayment(SYSTEM, paymentId, "again"));
        assertInstanceOf(PaymentResult.Paid.class, w.commerce.pay(ANN, paymentId, CARD));
        PaidHook hook = w.escrows.paymentHook(CheckoutEscrowExamples::termsOf);
        BuyerPayment payment = w.commerce.payment(ANN, paymentId).orElseThrow();
        List<Order> orders = placed.orders().stream().map(o -> w.commerce.order(ANN, o.id()).orElseThrow()).toList();
        hook.paid(payment, orders);

        assertEquals(before, placed.orders().stream().map(w::escrow).toList());
        assertEquals(entries, w.journal.entries().size());
        assertEquals(1, w.escrows.operations(placed.orders().get(0).id().value()).size());
    }

    @Test
    void aRefundOfOneOrderRefundsOnlyItsShareOfTheOneSale() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order tea = placed.orders().get(0);
        Order cups = placed.orders().get(1);
        Escrow cupsBefore = w.escrow(cups);

        Transition part = w.escrows.refund(tea.id().value(), TEA_SHOP, cny("20.00"));
        Held teaAfter = assertInstanceOf(Held.class, assertInstanceOf(Transition.Accepted.class, part).state());
        assertTrue(cny("30.70").isEqualTo(teaAfter.funds().held()));
        Transition rest = w.escrows.refund(tea.id().value(), TEA_SHOP, cny("30.70"));
        assertInstanceOf(Transition.Accepted.class, rest);

        // Both refunds went to the provider against the checkout's sale, each for its amount.
        List<ProviderOperation> refunds = w.escrows.operations(tea.id().value()).stream()
                .filter(op -> op.kind() == ProviderOperation.Kind.REFUND).toList();
        assertEquals(2, refunds.size());
        PaymentOutcome.Succeeded first = assertInstanceOf(PaymentOutcome.Succeeded.class,
                w.payments.status(refunds.get(0).transactionId()).orElseThrow());
        assertTrue(cny("20.00").isEqualTo(first.amount()));
        PaymentOutcome.Succeeded second = assertInstanceOf(PaymentOutcome.Succeeded.class,
                w.payments.status(refunds.get(1).transactionId()).orElseThrow());
        assertTrue(cny("30.70").isEqualTo(second.amount()));
        // The other order's escrow and money did not move.
        assertEquals(cupsBefore, w.escrow(cups));
        assertTrue(cny("37.50").isEqualTo(w.balance(Account.escrowHeld(cups.id().value()))));
        assertTrue(cny("50.70").isEqualTo(w.balance(Account.refunds())));
        // The sale has exactly the other order's share left to refund.
        Transition tooMuch = w.escrows.refund(cups.id().value(), CUP_SHOP, cny("37.51"));
        assertEquals(RefusalReason.AMOUNT_EXCEEDS_AVAILABLE, assertInstanceOf(Transition.Refused.class, tooMuch).reason());
        assertInstanceOf(Transition.Accepted.class, w.escrows.refund(cups.id().value(), CUP_SHOP, cny("37.50")));
        PaymentOutcome.Succeeded last = assertInstanceOf(PaymentOutcome.Succeeded.class, w.payments.status(
                w.escrows.operations(cups.id().value()).get(1).transactionId()).orElseThrow());
        assertTrue(cny("37.50").isEqualTo(last.amount()));
    }

    @Test
    void aProviderWithoutPartialRefundsRefusesARefundOfOneOrdersShareAndNothingChanges() {
        World w = new World(EnumSet.complementOf(EnumSet.of(Capabilities.Feature.PARTIAL_REFUND)));
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order tea = placed.orders().get(0);
        Escrow before = w.escrow(tea);
        int entries = w.journal.entries().size();

        Transition t = w.escrows.refund(tea.id().value(), TEA_SHOP, cny("50.70"));

        Transition.Refused refused = assertInstanceOf(Transition.Refused.class, t);
        assertEquals(RefusalReason.PROVIDER_CANNOT_REFUND, refused.reason());
        assertTrue(refused.detail().contains("part of"), refused.detail());
        assertEquals(before, w.escrow(tea));
        assertEquals(entries, w.journal.entries().size());
        assertEquals(1, w.escrows.operations(tea.id().value()).size());
    }

    @Test
    void aProviderWithoutMultipleRefundsRefusesARefundOfASharedSale() {
        World w = new World(EnumSet.complementOf(EnumSet.of(Capabilities.Feature.MULTIPLE_REFUNDS)));
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order cups = placed.orders().get(1);
        Escrow before = w.escrow(cups);

        Transition t = w.escrows.refund(cups.id().value(), CUP_SHOP, cny("37.50"));

        assertEquals(RefusalReason.PROVIDER_CANNOT_REFUND, assertInstanceOf(Transition.Refused.class, t).reason());
        assertEquals(before, w.escrow(cups));
    }

    @Test
    void deliveryShipsTheEscrowAndReleaseCreditsTheSellerNetOfCommission() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        Order tea = placed.orders().get(0);
        assertInstanceOf(OrderResult.Done.class,
                w.commerce.ship(TEA_SHOP, tea.id(), "SF1", List.of(new Shipment.Item(1, 2))));
        w.clock.advance(Duration.ofDays(2));
        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmDelivery(ANN, tea.id()));
        Shipped shipped = assertInstanceOf(Shipped.class, w.escrow(tea));
        assertEquals(w.clock.instant().plus(EscrowTerms.DEFAULT_AUTO_CONFIRM_AFTER), shipped.shipment().autoConfirmAt());

        w.clock.advance(EscrowTerms.DEFAULT_AUTO_CONFIRM_AFTER);
        w.escrowTimers.runDue();

        assertInstanceOf(Released.class, w.escrow(tea));
        assertTrue(cny("45.63").isEqualTo(w.balance(Account.sellerPayable("tea-shop"))));
        assertTrue(w.balance(Account.escrowHeld(tea.id().value())).isZero());
    }

    @Test
    void termsThatDoNotMatchTheOrderOpenNothing() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay();
        BuyerPayment payment = w.commerce.payment(ANN, placed.payment().paymentId()).orElseThrow();
        Order tea = w.commerce.order(ANN, placed.orders().get(0).id()).orElseThrow();
        PaidHook wrongAmount = w.escrows.paymentHook(o -> Optional.of(EscrowTerms.of("other-" + o.facts().sellerId(),
                "ann", o.facts().sellerId(), cny("1.00"))));
        assertThrows(InvalidInputException.class, () -> wrongAmount.paid(payment, List.of(tea)));
        assertTrue(w.escrows.find("other-tea-shop").isEmpty());

        CheckoutCapture sale = new CheckoutCapture(new TransactionId(payment.lastAttempt().orElseThrow()),
                cny("10.00"), 2, w.clock.instant());
        assertThrows(InvalidInputException.class,
                () -> w.escrows.openPaid(EscrowTerms.of("too-big", "ann", "tea-shop", cny("10.01")), sale));
        assertTrue(w.escrows.find("too-big").isEmpty());
    }
}
