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
import dev.mercato.core.fee.FeeResult;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.ExpenseKind;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * The carrier's charge for a parcel booked once per parcel (docs/fees.md, "Carrier charges"): one
 * order of Longjing tea at CNY 268.00 handed to the sandbox courier, whose on-demand service
 * charges 15.00 for the first kilogram.
 */
class CarrierChargeExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops-1");
    static final WarehouseId WEST_LAKE = new WarehouseId("west-lake");
    static final Address SHOP = new Address("CN", "Zhejiang", "Hangzhou", "310000", "1 Hefang Street");
    static final Address BUYER = new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road");

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T01:00:00Z"));
    final SandboxCarrier carrier = SandboxCarrier.create(SandboxConfig.defaults("carrier-secret-charges")
            .withOnDemand(Duration.ofMinutes(30), 1500, 300), clock);

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    Commerce commerce(FeeSettings settings) {
        return Commerce.builder().sandboxes().clock(clock)
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Longjing tea", Money.of(268, "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("west-lake", "hangzhou"))
                        .setStock(WEST_LAKE, SkuId.of("tea"), 10, 0))
                .carrier(carrier).warehouseAddress(WEST_LAKE, SHOP)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .fees(settings).build();
    }

    static FeeSettings settings() {
        return FeeSettings.of(Set.of("tea-shop")::contains);
    }

    static OrderId paidOrder(Commerce commerce) {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), "k", Destination.of(BUYER)));
        assertInstanceOf(PaymentResult.Paid.class,
                commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        return placed.orders().get(0).id();
    }

    static TrackedParcel dispatched(Commerce commerce, OrderId id) {
        DispatchResult.Dispatched dispatched = assertInstanceOf(DispatchResult.Dispatched.class,
                commerce.shipWithCarrier(TEA_SHOP, id, CarrierDispatch.everything("courier", ServiceLevel.ON_DEMAND)));
        assertEquals(1, dispatched.parcels().size());
        return dispatched.parcels().get(0);
    }

    static MonetaryAmount balance(Commerce commerce, Account account) {
        return commerce.journal().orElseThrow().balance(account, Monetary.getCurrency("CNY"));
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(cny(expected).isEqualTo(actual), () -> "expected CNY " + expected + " but was " + actual);
    }

    @Test
    void aSellerBorneChargeMovesFromTheSellersPayableToTheCarrierOncePerParcel() {
        Commerce commerce = commerce(settings());
        OrderId id = paidOrder(commerce);
        TrackedParcel parcel = dispatched(commerce, id);
        assertAmount("15.00", parcel.shipment().charge());
        Journal ledger = commerce.journal().orElseThrow();
        String entryKey = "fee:carrier-charge:" + parcel.key();
        assertEquals(List.of(Posting.credit(Account.sellerPayable("tea-shop"), cny("15.00")),
                Posting.debit(Account.carrierPayable("sandbox"), cny("15.00"))),
                ledger.entry(entryKey).orElseThrow().postings());
        // Before the release the seller's payable is below zero: the seller owes the charge.
        assertAmount("-15.00", balance(commerce, Account.sellerPayable("tea-shop")));

        // The command is the same booking: once per parcel, however often it runs.
        List<FeeResult> again = commerce.fees().bookCarrierCharges(OPERATOR, id);
        assertEquals(1, again.size());
        FeeResult.Booked booked = assertInstanceOf(FeeResult.Booked.class, again.get(0));
        assertEquals(entryKey, booked.entryKey());
        assertEquals(again, commerce.fees().bookCarrierCharges(OPERATOR, id));
        assertAmount("15.00", balance(commerce, Account.carrierPayable("sandbox")));
        // A retried dispatch under the same key books no second parcel and no second charge.
        dispatched(commerce, id);
        assertAmount("15.00", balance(commerce, Account.carrierPayable("sandbox")));
        LedgerChecks.assertConsistent(ledger);
    }

    @Test
    void aPlatformBorneChargeIsAPlatformExpense() {
        Commerce commerce = commerce(settings().withCarrierChargeBorneBy(Bearer.PLATFORM));
        OrderId id = paidOrder(commerce);
        TrackedParcel parcel = dispatched(commerce, id);
        assertEquals(List.of(Posting.credit(Account.expense(ExpenseKind.CARRIER), cny("15.00")),
                Posting.debit(Account.carrierPayable("sandbox"), cny("15.00"))),
                commerce.journal().orElseThrow().entry("fee:carrier-charge:" + parcel.key()).orElseThrow().postings());
        assertAmount("0.00", balance(commerce, Account.sellerPayable("tea-shop")));
        assertAmount("-15.00", balance(commerce, Account.expense(ExpenseKind.CARRIER)));
    }

    /** The order delivered by the courier's pushed tracking, a return approved and its label booked. */
    TrackedParcel returnLabel(Commerce commerce, OrderId id) {
        dispatched(commerce, id);
        clock.advance(Duration.ofHours(1));
        Actor.System tracker = new Actor.System("tracking");
        for (TrackingNotification n : carrier.drainNotifications()) {
            commerce.onTrackingNotification(tracker, n);
        }
        assertInstanceOf(Order.Delivered.class, commerce.order(OPERATOR, id).orElseThrow());
        assertInstanceOf(OrderResult.Done.class, commerce.requestAfterSale(ANN, id, "r1",
                AfterSaleCase.Kind.RETURN_AND_REFUND, List.of(AfterSaleCase.Item.units(1, 1)), Optional.of("too bitter")));
        assertInstanceOf(OrderResult.Done.class, commerce.approveAfterSale(TEA_SHOP, id, "r1"));
        DispatchResult.Dispatched label = assertInstanceOf(DispatchResult.Dispatched.class,
                commerce.shipReturn(ANN, id, "r1", ServiceLevel.ON_DEMAND));
        return label.parcels().get(0);
    }

    @Test
    void aReturnLabelIsChargedOnceToItsBearerTheSellerByDefault() {
        Commerce commerce = commerce(settings());
        OrderId id = paidOrder(commerce);
        TrackedParcel back = returnLabel(commerce, id);
        assertEquals(Optional.of("r1"), back.returnCase());
        assertAmount("15.00", back.shipment().charge());
        String entryKey = "fee:carrier-charge:" + back.key();
        assertEquals(List.of(Posting.credit(Account.sellerPayable("tea-shop"), cny("15.00")),
                Posting.debit(Account.carrierPayable("sandbox"), cny("15.00"))),
                commerce.journal().orElseThrow().entry(entryKey).orElseThrow().postings());
        // Outbound parcel and return label: 30.00 owed to the carrier, booked once each.
        assertAmount("30.00", balance(commerce, Account.carrierPayable("sandbox")));
        assertEquals(2, commerce.fees().bookCarrierCharges(OPERATOR, id).size());
        commerce.shipReturn(ANN, id, "r1", ServiceLevel.ON_DEMAND);
        assertAmount("30.00", balance(commerce, Account.carrierPayable("sandbox")));
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }

    @Test
    void theSellersStatementShowsTheCarrierChargeAmongItsOtherCharges() {
        Commerce commerce = commerce(settings());
        OrderId id = paidOrder(commerce);
        Instant from = clock.instant();
        dispatched(commerce, id);
        clock.advance(Duration.ofHours(1));
        Actor.System tracker = new Actor.System("tracking");
        for (TrackingNotification n : carrier.drainNotifications()) {
            commerce.onTrackingNotification(tracker, n);
        }
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, id));
        dev.mercato.core.settlement.SettlementStatement statement = commerce.statement(OPERATOR, "tea-shop",
                Monetary.getCurrency("CNY"), from, clock.instant().plusSeconds(1));
        assertAmount("15.00", statement.otherCharges());
        assertAmount("268.00", statement.gross());
        // net - other charges = what the payable moved (nothing paid out yet).
        assertTrue(statement.net().subtract(statement.otherCharges()).isEqualTo(
                balance(commerce, Account.sellerPayable("tea-shop"))), statement::toString);
    }

    @Test
    void freeReturnsPutTheLabelOnThePlatformWhileTheSellerPaysTheOutboundParcel() {
        Commerce commerce = commerce(settings().withReturnLabelsBorneBy(Bearer.PLATFORM));
        OrderId id = paidOrder(commerce);
        TrackedParcel back = returnLabel(commerce, id);
        assertEquals(List.of(Posting.credit(Account.expense(ExpenseKind.CARRIER), cny("15.00")),
                Posting.debit(Account.carrierPayable("sandbox"), cny("15.00"))),
                commerce.journal().orElseThrow().entry("fee:carrier-charge:" + back.key()).orElseThrow().postings());
        assertAmount("-15.00", balance(commerce, Account.sellerPayable("tea-shop")));
        assertAmount("-15.00", balance(commerce, Account.expense(ExpenseKind.CARRIER)));
        assertThrows(InvalidInputException.class, () -> settings().withReturnLabelsBorneBy(null));
    }

    @Test
    void badCommandsChangeNothing() {
        Commerce commerce = commerce(settings());
        OrderId id = paidOrder(commerce);
        // No parcel yet: nothing to book.
        assertEquals(List.of(), commerce.fees().bookCarrierCharges(OPERATOR, id));
        assertThrows(NotPermittedException.class, () -> commerce.fees().bookCarrierCharges(TEA_SHOP, id));
        assertThrows(NotPermittedException.class, () -> commerce.fees().bookCarrierCharges(ANN, id));
        assertThrows(InvalidInputException.class, () -> commerce.fees().bookCarrierCharges(OPERATOR, new OrderId("nope")));
        assertAmount("0.00", balance(commerce, Account.carrierPayable("sandbox")));
        assertAmount("0.00", balance(commerce, Account.sellerPayable("tea-shop")));
    }
}
