package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.escrow.Shipped;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.LateDelivery;
import dev.mercato.core.fulfilment.LateDeliveryRule;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.logistics.sandbox.SandboxFault;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * A 30-minute on-demand promise and its automatic late-delivery compensation, on the facade alone:
 * one order of Longjing tea at CNY 268.00 from a Hangzhou shop to a Hangzhou buyer, paid and handed
 * to the courier at 09:00 (01:00 UTC).
 */
class LateDeliveryExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final WarehouseId WEST_LAKE = new WarehouseId("west-lake");
    static final Address SHOP = new Address("CN", "Zhejiang", "Hangzhou", "310000", "1 Hefang Street");
    static final Address BUYER = new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road");
    static final Instant NINE = Instant.parse("2026-06-01T01:00:00Z");
    static final LateDeliveryRule.Deadline THIRTY_MINUTES_OF_PAYMENT =
            LateDeliveryRule.Deadline.withinOfPayment(Duration.ofMinutes(30));

    final TestClock clock = new TestClock(NINE);
    final SandboxCarrier carrier = SandboxCarrier.create(SandboxConfig.defaults("carrier-secret-late-delivery")
            .withOnDemand(Duration.ofMinutes(30), 1500, 300), clock);
    final SandboxPaymentProvider payments = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-late",
            Set.of(Monetary.getCurrency("CNY"))));
    final Storage storage = InMemoryStorage.create();

    static MonetaryAmount cny(String amount) {
        return Money.of(new java.math.BigDecimal(amount), "CNY");
    }

    Commerce commerce(LateDeliveryRule rule) {
        return Commerce.builder().sandboxes().clock(clock).storage(storage)
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Longjing tea", Money.of(268, "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("west-lake", "hangzhou"))
                        .setStock(WEST_LAKE, SkuId.of("tea"), 10, 0))
                .paymentProvider(payments).carrier(carrier).warehouseAddress(WEST_LAKE, SHOP)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .lateDelivery(rule)
                .build();
    }

    static LateDeliveryRule fiveYuan(LateDeliveryRule.Funder funder) {
        return LateDeliveryRule.fixed(THIRTY_MINUTES_OF_PAYMENT, Duration.ZERO, cny("5.00"), funder);
    }

    /** Pays an order at 09:00 and books the courier at once, delayed by {@code delay} when positive. */
    OrderId dispatchedOrder(Commerce commerce, Duration delay) {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), "k", Destination.of(BUYER)));
        assertInstanceOf(PaymentResult.Paid.class,
                commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        OrderId id = placed.orders().get(0).id();
        if (!delay.isZero()) {
            carrier.script(ParcelBooking.requestId(id, "courier", "w-west-lake"), SandboxFault.delay(delay));
        }
        assertInstanceOf(DispatchResult.Dispatched.class,
                commerce.shipWithCarrier(TEA_SHOP, id, CarrierDispatch.everything("courier", ServiceLevel.ON_DEMAND)));
        return id;
    }

    List<TrackingNotification> drained() {
        return carrier.drainNotifications();
    }

    static void apply(Commerce commerce, List<TrackingNotification> notifications) {
        notifications.forEach(n -> commerce.onTrackingNotification(SCHEDULER, n));
    }

    static MonetaryAmount balance(Commerce commerce, Account account) {
        return commerce.journal().orElseThrow().balance(account, Monetary.getCurrency("CNY"));
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(cny(expected).isEqualTo(actual), () -> "expected CNY " + expected + " but was " + actual);
    }

    @Test
    void theDeadlineIsThirtyMinutesAfterPaymentToTheMinute() {
        Commerce commerce = commerce(fiveYuan(LateDeliveryRule.Funder.SELLER));
        OrderId id = dispatchedOrder(commerce, Duration.ZERO);
        assertEquals(Optional.of(NINE.plus(Duration.ofMinutes(30))), commerce.deliveryDeadline(ANN, id));
        assertEquals(NINE.plus(Duration.ofMinutes(30)),
                commerce.parcels(ANN, id).get(0).shipment().promise().deadline(), "the courier's own promise");
    }

    @Test
    void deliveredAtMinute29NothingIsPaid() {
        Commerce commerce = commerce(fiveYuan(LateDeliveryRule.Funder.SELLER));
        OrderId id = dispatchedOrder(commerce, Duration.ZERO);
        clock.advance(Duration.ofMinutes(29));
        apply(commerce, drained());
        Order.Delivered delivered = assertInstanceOf(Order.Delivered.class, commerce.order(ANN, id).orElseThrow());
        assertEquals(NINE.plus(Duration.ofMinutes(29)), delivered.deliveredAt());
        assertEquals(Optional.empty(), commerce.lateDeliveryCompensation(ANN, id));
        assertAmount("0.00", balance(commerce, Account.refunds()));
        assertAmount("268.00", balance(commerce, Account.escrowHeld(id.value())));
    }

    @Test
    void deliveredAtMinute41TheBuyerGetsFiveYuanFromTheSellersHeldMoneyOnce() {
        List<Object> events = new ArrayList<>();
        Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(storage)
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Longjing tea", Money.of(268, "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("west-lake", "hangzhou"))
                        .setStock(WEST_LAKE, SkuId.of("tea"), 10, 0))
                .paymentProvider(payments).carrier(carrier).warehouseAddress(WEST_LAKE, SHOP)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .lateDelivery(fiveYuan(LateDeliveryRule.Funder.SELLER)).events(events::add).build();
        OrderId id = dispatchedOrder(commerce, Duration.ofMinutes(12));
        clock.advance(Duration.ofMinutes(41));
        List<TrackingNotification> notifications = drained();
        apply(commerce, notifications);

        Order.Delivered delivered = assertInstanceOf(Order.Delivered.class, commerce.order(ANN, id).orElseThrow());
        assertEquals(NINE.plus(Duration.ofMinutes(41)), delivered.deliveredAt());
        assertAmount("5.00", commerce.lateDeliveryCompensation(ANN, id).orElseThrow().total());
        // The ledger: CNY 5.00 out of the order's held money to the buyer.
        assertAmount("5.00", balance(commerce, Account.refunds()));
        assertAmount("263.00", balance(commerce, Account.escrowHeld(id.value())));
        assertAmount("0.00", balance(commerce, Account.platformClearing()));
        Escrow escrow = commerce.escrow(SCHEDULER, id).orElseThrow();
        assertInstanceOf(Shipped.class, escrow);
        assertAmount("5.00", escrow.funds().refunded());
        // The provider refunded CNY 5.00 of the sale to the buyer.
        List<ProviderOperation> refunds = commerce.escrowService().orElseThrow().operations(id.value()).stream()
                .filter(op -> op.kind() == ProviderOperation.Kind.REFUND).toList();
        assertEquals(1, refunds.size());
        PaymentOutcome.Succeeded refunded = assertInstanceOf(PaymentOutcome.Succeeded.class,
                payments.status(refunds.get(0).transactionId()).orElseThrow());
        assertAmount("5.00", refunded.amount());
        LateDelivery event = events.stream().filter(LateDelivery.class::isInstance).map(LateDelivery.class::cast)
                .findFirst().orElseThrow();
        assertEquals(Duration.ofMinutes(11), event.lateBy());
        assertEquals(LateDelivery.Form.REFUND, event.form());

        // Every notification again, shuffled, then a poll and a crash-restart over the same storage: still once.
        List<TrackingNotification> again = new ArrayList<>(notifications);
        again.addAll(notifications);
        Collections.shuffle(again, new Random(7));
        apply(commerce, again);
        Commerce restarted = commerce(fiveYuan(LateDeliveryRule.Funder.SELLER));
        apply(restarted, again);
        clock.advance(Duration.ofHours(5));
        restarted.runDueTimers(SCHEDULER);
        assertAmount("5.00", balance(restarted, Account.refunds()));
        assertEquals(1, events.stream().filter(LateDelivery.class::isInstance).count());
        assertEquals(1, restarted.escrowService().orElseThrow().operations(id.value()).stream()
                .filter(op -> op.kind() == ProviderOperation.Kind.REFUND).count());
        LedgerChecks.assertConsistent(restarted.journal().orElseThrow());
    }

    @Test
    void theSellerIsReleasedTheRestAndALaterReturnRefundsWhatIsLeft() {
        Commerce commerce = commerce(fiveYuan(LateDeliveryRule.Funder.SELLER));
        OrderId id = dispatchedOrder(commerce, Duration.ofMinutes(12));
        clock.advance(Duration.ofMinutes(41));
        apply(commerce, drained());
        assertInstanceOf(OrderResult.Done.class, commerce.requestAfterSale(ANN, id, "c1",
                AfterSaleCase.Kind.REFUND_ONLY, List.of(AfterSaleCase.Item.units(1, 1)), Optional.empty()));
        assertInstanceOf(OrderResult.Done.class, commerce.approveAfterSale(TEA_SHOP, id, "c1"));
        assertInstanceOf(OrderResult.Done.class, commerce.refundAfterSale(TEA_SHOP, id, "c1"));
        // 268.00 paid = 5.00 compensation + 263.00 refunded; nothing is held any more.
        assertAmount("268.00", balance(commerce, Account.refunds()));
        assertAmount("0.00", balance(commerce, Account.escrowHeld(id.value())));
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }

    @Test
    void aPlatformFundedCompensationPaysTheSellerBackFromThePlatformsFunds() {
        Commerce commerce = commerce(fiveYuan(LateDeliveryRule.Funder.PLATFORM));
        OrderId id = dispatchedOrder(commerce, Duration.ofMinutes(12));
        clock.advance(Duration.ofMinutes(41));
        apply(commerce, drained());
        assertAmount("5.00", balance(commerce, Account.refunds()));
        assertAmount("-5.00", balance(commerce, Account.platformClearing()));
        assertAmount("5.00", balance(commerce, Account.sellerPayable("tea-shop")));
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }

    @Test
    void aCarrierFundedCompensationIsAClaimOnTheCarrier() {
        Commerce commerce = commerce(fiveYuan(LateDeliveryRule.Funder.CARRIER));
        OrderId id = dispatchedOrder(commerce, Duration.ofMinutes(12));
        clock.advance(Duration.ofMinutes(41));
        apply(commerce, drained());
        assertAmount("-5.00", balance(commerce, Account.carrierClaims("sandbox")));
        assertAmount("5.00", balance(commerce, Account.sellerPayable("tea-shop")));
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }

    @Test
    void aPercentageIsCappedTenPercentOf268IsCappedAtEight() {
        LateDeliveryRule rule = LateDeliveryRule.percentCapped(LateDeliveryRule.Deadline.carrierBooking(),
                Duration.ofMinutes(5), Rate.percent(10), cny("8.00"), LateDeliveryRule.Funder.SELLER);
        Commerce commerce = commerce(rule);
        OrderId id = dispatchedOrder(commerce, Duration.ofMinutes(12));
        clock.advance(Duration.ofMinutes(41));
        apply(commerce, drained());
        assertAmount("8.00", commerce.lateDeliveryCompensation(SCHEDULER, id).orElseThrow().total());
        assertAmount("8.00", balance(commerce, Account.refunds()));
    }

    @Test
    void lateByLessThanTheGraceIsNotCompensated() {
        LateDeliveryRule rule = LateDeliveryRule.fixed(LateDeliveryRule.Deadline.carrierBooking(),
                Duration.ofMinutes(15), cny("5.00"), LateDeliveryRule.Funder.SELLER);
        Commerce commerce = commerce(rule);
        OrderId id = dispatchedOrder(commerce, Duration.ofMinutes(12));
        clock.advance(Duration.ofMinutes(41));
        apply(commerce, drained());
        assertInstanceOf(Order.Delivered.class, commerce.order(ANN, id).orElseThrow());
        assertEquals(Optional.empty(), commerce.lateDeliveryCompensation(ANN, id));
    }

    @Test
    void aRuleNeedsGuaranteedTransactions() {
        assertThrows(InvalidInputException.class, () -> Commerce.builder().sandboxes()
                .lateDelivery(fiveYuan(LateDeliveryRule.Funder.SELLER)).build());
        assertThrows(InvalidInputException.class, () -> LateDeliveryRule.fixed(THIRTY_MINUTES_OF_PAYMENT,
                Duration.ofMinutes(-1), cny("5.00"), LateDeliveryRule.Funder.SELLER));
        assertThrows(InvalidInputException.class, () -> LateDeliveryRule.fixed(THIRTY_MINUTES_OF_PAYMENT,
                Duration.ZERO, cny("0.00"), LateDeliveryRule.Funder.SELLER));
    }

}
