package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import dev.mercato.core.escrow.Released;
import dev.mercato.core.escrow.Shipped;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
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
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingPhase;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.logistics.sandbox.SandboxFault;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * Guaranteed transactions shipped through the carrier, on the facade alone: the confirmation
 * deadline runs from shipment and restarts at the delivery scan; a parcel the carrier reports lost
 * holds the deadline (the seller is not paid for goods that went astray) until the buyer confirms
 * or the parcel turns up; a return collected by the carrier lets the refund proceed once it is
 * delivered back.
 */
class CarrierEscrowExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final WarehouseId EAST = new WarehouseId("east");
    static final Address SHANGHAI = new Address("CN", "Shanghai", "Shanghai", "200000", "1 Zhongshan Road");
    static final Address HANGZHOU = new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road");

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T01:00:00Z"));
    final SandboxCarrier carrier = SandboxCarrier.create(SandboxConfig.defaults("carrier-secret-escrow-examples"), clock);
    final Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
            .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Longjing tea", Money.of(268, "CNY"))))
            .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                    .setStock(EAST, SkuId.of("tea"), 10, 0))
            .paymentProvider(SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-carrier-escrow",
                    Set.of(Monetary.getCurrency("CNY")))))
            .carrier(carrier).warehouseAddress(EAST, SHANGHAI)
            .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
            .build();

    OrderId paidOrder(long units) {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea"), units);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), "k" + units, Destination.of(HANGZHOU)));
        assertInstanceOf(PaymentResult.Paid.class,
                commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        return placed.orders().get(0).id();
    }

    void tracking() {
        for (TrackingNotification n : carrier.drainNotifications()) {
            commerce.onTrackingNotification(SCHEDULER, n);
        }
    }

    Escrow escrow(OrderId id) {
        return commerce.escrow(SCHEDULER, id).orElseThrow();
    }

    @Test
    void aParcelTheCarrierReportsLostHoldsTheConfirmationDeadlineUntilTheBuyerConfirms() {
        OrderId id = paidOrder(2);
        carrier.script(ParcelBooking.requestId(id, "s", "w-east"), SandboxFault.lostParcel());
        assertInstanceOf(DispatchResult.Dispatched.class,
                commerce.shipWithCarrier(TEA_SHOP, id, CarrierDispatch.everything("s", ServiceLevel.STANDARD)));
        assertInstanceOf(Shipped.class, escrow(id), "the deadline runs from shipment");

        clock.advance(Duration.ofDays(9));
        tracking();
        assertEquals(TrackingPhase.EXCEPTION, commerce.parcels(SCHEDULER, id).get(0).phase());
        clock.advance(Duration.ofDays(30));
        commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Shipped.class, escrow(id), "no automatic confirmation while the parcel is lost");
        assertEquals(0, MinorUnits.toMinor(escrow(id).funds().released()));
        assertInstanceOf(Order.Shipped.class, commerce.order(SCHEDULER, id).orElseThrow());

        // The buyer (who may have it after all) confirms: the money goes to the seller.
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, id));
        assertInstanceOf(Released.class, escrow(id));
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }

    @Test
    void aDeliveredParcelRestartsTheDeadlineAndTheTimerReleasesTheMoney() {
        OrderId id = paidOrder(1);
        commerce.shipWithCarrier(TEA_SHOP, id, CarrierDispatch.everything("s", ServiceLevel.STANDARD));
        clock.advance(Duration.ofDays(6));
        tracking();
        Instant deliveredAt = commerce.parcels(SCHEDULER, id).get(0).tracking().deliveredAt().orElseThrow();
        Shipped shipped = assertInstanceOf(Shipped.class, escrow(id));
        assertEquals(deliveredAt.plus(Duration.ofDays(10)), shipped.shipment().autoConfirmAt());
        clock.advance(Duration.ofDays(10));
        commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Released.class, escrow(id));
        assertInstanceOf(Order.Completed.class, commerce.order(SCHEDULER, id).orElseThrow(),
                "released after the 7-day after-sale window passed");
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }

    @Test
    void aReturnCollectedByTheCarrierIsRefundedFromTheHeldMoneyOnceItIsBack() {
        OrderId id = paidOrder(2);
        commerce.shipWithCarrier(TEA_SHOP, id, CarrierDispatch.everything("s", ServiceLevel.STANDARD));
        clock.advance(Duration.ofDays(6));
        tracking();
        commerce.requestAfterSale(ANN, id, "r1", AfterSaleCase.Kind.RETURN_AND_REFUND,
                List.of(AfterSaleCase.Item.units(1, 1)), Optional.of("too much tea"));
        commerce.approveAfterSale(TEA_SHOP, id, "r1");
        assertInstanceOf(DispatchResult.Dispatched.class, commerce.shipReturn(ANN, id, "r1", ServiceLevel.STANDARD));
        assertInstanceOf(OrderResult.Refused.class, commerce.refundAfterSale(TEA_SHOP, id, "r1"),
                "no refund while the goods travel back");

        clock.advance(Duration.ofDays(6));
        tracking();
        Order.Delivered order = assertInstanceOf(Order.Delivered.class, commerce.order(SCHEDULER, id).orElseThrow());
        assertInstanceOf(AfterSaleCase.GoodsReturned.class, order.findCase("r1").orElseThrow());
        assertInstanceOf(OrderResult.Done.class, commerce.refundAfterSale(TEA_SHOP, id, "r1"));
        Escrow escrow = escrow(id);
        assertEquals(26_800, MinorUnits.toMinor(escrow.funds().refunded()), "one box of tea back to the buyer");
        assertEquals(MinorUnits.toMinor(escrow.funds().captured()),
                MinorUnits.toMinor(escrow.funds().held()) + MinorUnits.toMinor(escrow.funds().refunded()));
        assertTrue(MinorUnits.toMinor(commerce.journal().orElseThrow().balance(Account.refunds(),
                Monetary.getCurrency("CNY"))) >= 26_800);
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }
}
