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
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.CouponResult;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.LateDelivery;
import dev.mercato.core.fulfilment.LateDeliveryCoupon;
import dev.mercato.core.fulfilment.LateDeliveryRule;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.logistics.sandbox.SandboxFault;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * Late-delivery compensation paid as a coupon (docs/fees.md, "Late-delivery coupons"): Longjing
 * tea at CNY 268.00 promised within 30 minutes of payment and delivered at minute 41; the buyer gets
 * a CNY 5.00 coupon valid 30 days instead of a refund.
 */
class LateDeliveryCouponExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Buyer BEN = new Actor.Buyer("ben");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final WarehouseId WEST_LAKE = new WarehouseId("west-lake");
    static final Address SHOP = new Address("CN", "Zhejiang", "Hangzhou", "310000", "1 Hefang Street");
    static final Address BUYER = new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road");
    static final Instant NINE = Instant.parse("2026-06-01T01:00:00Z");

    final TestClock clock = new TestClock(NINE);
    final SandboxCarrier carrier = SandboxCarrier.create(SandboxConfig.defaults("carrier-secret-coupons")
            .withOnDemand(Duration.ofMinutes(30), 1500, 300), clock);
    final Storage storage = InMemoryStorage.create();
    final List<Object> events = new ArrayList<>();

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    static LateDeliveryRule fiveYuanCoupon(LateDeliveryRule.Funder funder) {
        return LateDeliveryRule.fixed(LateDeliveryRule.Deadline.withinOfPayment(Duration.ofMinutes(30)), Duration.ZERO,
                cny("5.00"), funder).asCoupon(Duration.ofDays(30));
    }

    Commerce commerce(LateDeliveryRule rule) {
        return Commerce.builder().sandboxes().clock(clock).storage(storage)
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Longjing tea", Money.of(268, "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("west-lake", "hangzhou"))
                        .setStock(WEST_LAKE, SkuId.of("tea"), 10, 0))
                .carrier(carrier).warehouseAddress(WEST_LAKE, SHOP)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .lateDelivery(rule).events(events::add).build();
    }

    static OrderId paidOrder(Commerce commerce, Actor.Buyer buyer, String key) {
        commerce.addToCart(buyer, CartId.of(buyer.buyerId()), SkuId.of("tea"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(buyer, CartId.of(buyer.buyerId()), key, Destination.of(BUYER)));
        assertInstanceOf(PaymentResult.Paid.class,
                commerce.pay(buyer, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        return placed.orders().get(0).id();
    }

    /** Ann's order, handed to the courier at 09:00 and delivered 41 minutes later. */
    OrderId deliveredLate(Commerce commerce) {
        OrderId id = paidOrder(commerce, ANN, "k");
        carrier.script(ParcelBooking.requestId(id, "courier", "w-west-lake"), SandboxFault.delay(Duration.ofMinutes(12)));
        assertInstanceOf(DispatchResult.Dispatched.class,
                commerce.shipWithCarrier(TEA_SHOP, id, CarrierDispatch.everything("courier", ServiceLevel.ON_DEMAND)));
        clock.advance(Duration.ofMinutes(41));
        List<TrackingNotification> notifications = carrier.drainNotifications();
        notifications.forEach(n -> commerce.onTrackingNotification(SCHEDULER, n));
        notifications.forEach(n -> commerce.onTrackingNotification(SCHEDULER, n));
        return id;
    }

    static MonetaryAmount balance(Commerce commerce, Account account) {
        return commerce.journal().orElseThrow().balance(account, Monetary.getCurrency("CNY"));
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(cny(expected).isEqualTo(actual), () -> "expected CNY " + expected + " but was " + actual);
    }

    @Test
    void aLateDeliveryIssuesACouponFundedByTheSellerInsteadOfARefundAndANewOrderSpendsIt() {
        Commerce commerce = commerce(fiveYuanCoupon(LateDeliveryRule.Funder.SELLER));
        OrderId late = deliveredLate(commerce);
        LateDeliveryCoupon.Issued coupon = assertInstanceOf(LateDeliveryCoupon.Issued.class,
                commerce.lateDeliveryCoupon(ANN, late).orElseThrow());
        assertAmount("5.00", coupon.amount());
        assertEquals(NINE.plus(Duration.ofMinutes(41)).plus(Duration.ofDays(30)), coupon.expiresAt());
        assertEquals(List.of(Posting.credit(Account.sellerPayable("tea-shop"), cny("5.00")),
                Posting.debit(Account.buyerCredit("ann"), cny("5.00"))),
                commerce.journal().orElseThrow().entry("late-delivery:" + late.value() + ":coupon-issued").orElseThrow()
                        .postings());
        // No refund: the held money stays whole; the liability to Ann is 5.00; one event.
        assertEquals(Optional.empty(), commerce.lateDeliveryCompensation(ANN, late));
        assertAmount("0.00", balance(commerce, Account.refunds()));
        assertAmount("268.00", balance(commerce, Account.escrowHeld(late.value())));
        assertAmount("5.00", balance(commerce, Account.buyerCredit("ann")));
        assertEquals(1, events.stream().filter(LateDelivery.class::isInstance).count());
        assertEquals(List.of(LateDelivery.Form.COUPON), events.stream().filter(LateDelivery.class::isInstance)
                .map(e -> ((LateDelivery) e).form()).toList());

        // Ann's next order (the host's checkout gave it 5.00 of platform-funded discount).
        OrderId next = paidOrder(commerce, ANN, "k2");
        CouponResult.Redeemed redeemed = assertInstanceOf(CouponResult.Redeemed.class,
                commerce.redeemLateDeliveryCoupon(SCHEDULER, late, next));
        assertEquals(next, redeemed.coupon().redeemedOn());
        assertEquals(List.of(Posting.credit(Account.buyerCredit("ann"), cny("5.00")),
                Posting.debit(Account.platformClearing(), cny("5.00"))),
                commerce.journal().orElseThrow().entry(redeemed.entryKey()).orElseThrow().postings());
        assertAmount("0.00", balance(commerce, Account.buyerCredit("ann")));
        assertAmount("5.00", balance(commerce, Account.platformClearing()));
        assertEquals(redeemed, commerce.redeemLateDeliveryCoupon(SCHEDULER, late, next));
        assertEquals(CouponResult.Reason.ALREADY_REDEEMED, assertInstanceOf(CouponResult.Refused.class,
                commerce.redeemLateDeliveryCoupon(SCHEDULER, late, late)).reason());
        assertAmount("5.00", balance(commerce, Account.platformClearing()));
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }

    @Test
    void anUnusedCouponExpiresBackToItsFunder() {
        Commerce commerce = commerce(fiveYuanCoupon(LateDeliveryRule.Funder.PLATFORM));
        OrderId late = deliveredLate(commerce);
        assertAmount("-5.00", balance(commerce, Account.platformClearing()));
        assertAmount("0.00", balance(commerce, Account.sellerPayable("tea-shop")));
        clock.advance(Duration.ofDays(30));
        commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(LateDeliveryCoupon.Expired.class, commerce.lateDeliveryCoupon(ANN, late).orElseThrow());
        assertAmount("0.00", balance(commerce, Account.buyerCredit("ann")));
        assertAmount("0.00", balance(commerce, Account.platformClearing()));
        OrderId next = paidOrder(commerce, ANN, "k2");
        assertEquals(CouponResult.Reason.EXPIRED, assertInstanceOf(CouponResult.Refused.class,
                commerce.redeemLateDeliveryCoupon(SCHEDULER, late, next)).reason());
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }

    @Test
    void refusedRedemptionsChangeNothing() {
        Commerce commerce = commerce(fiveYuanCoupon(LateDeliveryRule.Funder.CARRIER));
        OrderId late = deliveredLate(commerce);
        assertAmount("-5.00", balance(commerce, Account.carrierClaims("sandbox")));
        OrderId bens = paidOrder(commerce, BEN, "kb");
        assertEquals(CouponResult.Reason.NOT_THE_BUYERS_ORDER, assertInstanceOf(CouponResult.Refused.class,
                commerce.redeemLateDeliveryCoupon(SCHEDULER, late, bens)).reason());
        assertEquals(CouponResult.Reason.NO_COUPON, assertInstanceOf(CouponResult.Refused.class,
                commerce.redeemLateDeliveryCoupon(SCHEDULER, bens, late)).reason());
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea"), 1);
        OrderId unpaid = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), "k3", Destination.of(BUYER))).orders().get(0).id();
        assertEquals(CouponResult.Reason.ORDER_NOT_PAID, assertInstanceOf(CouponResult.Refused.class,
                commerce.redeemLateDeliveryCoupon(SCHEDULER, late, unpaid)).reason());
        assertThrows(NotPermittedException.class, () -> commerce.redeemLateDeliveryCoupon(ANN, late, unpaid));
        assertInstanceOf(LateDeliveryCoupon.Issued.class, commerce.lateDeliveryCoupon(ANN, late).orElseThrow());
        assertAmount("5.00", balance(commerce, Account.buyerCredit("ann")));
    }
}
