package dev.mercato.core;

import static dev.mercato.core.GuaranteedTransactionExamples.assertAmount;
import static dev.mercato.core.GuaranteedTransactionExamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.LineAmount;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.settlement.SettlementStatement;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

/**
 * Refunds by line through the facade (docs/escrow-and-ledger.md, "Refunds by line"): one order
 * with a 5% line and a 0.5% line; refunding a line gives back exactly that line's commission and
 * fees, before or after release, never a proration over the whole order.
 */
class LineRefundExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller GROCER = new Actor.Seller("grocer");
    static final Actor.PlatformOperator OPS = new Actor.PlatformOperator("ops");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final WarehouseId EAST = new WarehouseId("east");

    /** One seller selling a tea (food, 0.5% on b2c-mall) and a tea set (the default 5%). */
    static final class World {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                .catalog(Catalog.inMemory()
                        .put(Sku.of("longjing", "grocer", "Longjing tea", cny("268.00"))
                                .withCategoryPath(List.of("food", "tea")))
                        .put(Sku.of("tea-set", "grocer", "Celadon tea set", cny("329.00"))
                                .withCategoryPath(List.of("home", "porcelain"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                        .setStock(EAST, SkuId.of("longjing"), 10, 0).setStock(EAST, SkuId.of("tea-set"), 10, 0))
                .paymentProvider(SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-lines", Set.of(CNY))))
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .sellerTypes(seller -> SellerType.ENTERPRISE)
                .paymentMethod("alipay")
                .build();

        Order paidOrder() {
            CartId cart = CartId.of("ann");
            commerce.addToCart(ANN, cart, SkuId.of("longjing"), 1);
            commerce.addToCart(ANN, cart, SkuId.of("tea-set"), 1);
            CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                    commerce.checkout(ANN, cart, "checkout-1", Optional.empty()));
            assertInstanceOf(PaymentResult.Paid.class,
                    commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
            assertEquals(1, placed.orders().size());
            return placed.orders().get(0);
        }

        int lineOf(Order order, String sku) {
            return order.facts().snapshot().lines().stream().filter(l -> l.sku().value().equals(sku)).findFirst()
                    .orElseThrow().lineNo();
        }

        void shipAndDeliver(Order order) {
            List<Shipment.Item> all = order.facts().snapshot().lines().stream()
                    .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
            assertInstanceOf(OrderResult.Done.class, commerce.ship(GROCER, order.id(), "SF1", all));
            clock.advance(Duration.ofDays(2));
            assertInstanceOf(OrderResult.Done.class, commerce.confirmDelivery(ANN, order.id()));
        }

        void refundLine(Order order, String caseId, int lineNo) {
            assertInstanceOf(OrderResult.Done.class, commerce.requestAfterSale(ANN, order.id(), caseId,
                    AfterSaleCase.Kind.REFUND_ONLY, List.of(AfterSaleCase.Item.units(lineNo, 1)), Optional.empty()));
            assertInstanceOf(OrderResult.Done.class, commerce.approveAfterSale(GROCER, order.id(), caseId));
            assertInstanceOf(OrderResult.Done.class, commerce.refundAfterSale(GROCER, order.id(), caseId));
        }

        Escrow escrow(Order order) {
            return commerce.escrow(SCHEDULER, order.id()).orElseThrow();
        }

        Journal journal() {
            return commerce.journal().orElseThrow();
        }

        MonetaryAmount balance(Account account) {
            return journal().balance(account, CNY);
        }

        long sumOfAllBalances() {
            long sum = 0;
            for (Map<CurrencyUnit, MonetaryAmount> byCurrency : journal().balances().values()) {
                sum += MinorUnits.toMinor(byCurrency.getOrDefault(CNY, cny("0")));
            }
            return sum;
        }
    }

    @Test
    void refundingTheFivePercentLineAfterReleaseReturnsExactlyThatLinesCommissionAndFee() {
        World w = new World();
        Order order = w.paidOrder();
        w.shipAndDeliver(order);
        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmReceipt(ANN, order.id()));
        assertInstanceOf(Released.class, w.escrow(order));
        // Tea 268.00 at 0.5% (at least 0.50) = 1.34; the set 329.00 at the default 5% = 16.45;
        // alipay 0.6% on each line: 1.61 and 1.97.
        assertAmount("17.79", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        assertAmount("3.58", w.balance(Account.revenue(RevenueStream.PAYMENT_FEE)));
        assertAmount("575.63", w.balance(Account.sellerPayable("grocer")));

        w.refundLine(order, "return-set", w.lineOf(order, "tea-set"));

        // Exactly the set's 16.45 and 1.97 come back; a proration over the order would have
        // returned 17.79 * 329 / 597 = 9.80 of commission.
        assertAmount("1.34", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        assertAmount("1.61", w.balance(Account.revenue(RevenueStream.PAYMENT_FEE)));
        // The seller gives back the set's net: 329.00 - 16.45 - 1.97 = 310.58.
        assertAmount("265.05", w.balance(Account.sellerPayable("grocer")));
        assertAmount("329.00", w.balance(Account.refunds()));
        assertEquals(0, w.sumOfAllBalances());

        // The seller's statement reads the entries' typed references: the line refund is there.
        SettlementStatement statement = w.commerce.statement(GROCER, "grocer", CNY, Instant.EPOCH,
                w.clock.instant().plusSeconds(1));
        assertAmount("597.00", statement.gross());
        assertAmount("1.34", statement.commission());
        assertAmount("329.00", statement.refunds());
        assertAmount("265.05", statement.net());
        JournalEntry refund = w.journal().entries().get(w.journal().entries().size() - 1);
        assertEquals(new EntryReference(EntryReference.Kind.ESCROW, order.id().value(), w.escrow(order).step(),
                "line-refund-after-release"),
                refund.reference().orElseThrow());
    }

    @Test
    void refundingTheHalfPercentLineBeforeReleaseLeavesTheOtherLinesCommissionWhole() {
        World w = new World();
        Order order = w.paidOrder();
        w.shipAndDeliver(order);
        w.refundLine(order, "return-tea", w.lineOf(order, "longjing"));
        assertAmount("268.00", w.balance(Account.refunds()));

        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmReceipt(ANN, order.id()));

        // The release carries exactly the set's charges: nothing of the tea's 1.34 and 1.61.
        assertAmount("16.45", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        assertAmount("1.97", w.balance(Account.revenue(RevenueStream.PAYMENT_FEE)));
        assertAmount("310.58", w.balance(Account.sellerPayable("grocer")));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void anOperatorsDisputeSplitNamesTheLineRefundedAndReleasesTheRestWithItsOwnCharges() {
        World w = new World();
        Order order = w.paidOrder();
        w.shipAndDeliver(order);
        assertInstanceOf(OrderResult.Done.class, w.commerce.openDispute(ANN, order.id()));

        OrderResult split = w.commerce.resolveDispute(OPS, order.id(),
                List.of(new LineAmount("line-" + w.lineOf(order, "tea-set"), cny("329.00"))), cny("0.00"));

        assertInstanceOf(OrderResult.Done.class, split);
        assertInstanceOf(Released.class, w.escrow(order));
        assertAmount("1.34", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        assertAmount("265.05", w.balance(Account.sellerPayable("grocer")));
        assertAmount("329.00", w.balance(Account.refunds()));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void aRefundBeforeShipmentRefundsEveryLineAndItsShipping() {
        World w = new World();
        Order order = w.paidOrder();
        assertInstanceOf(OrderResult.Done.class, w.commerce.refundBeforeShipment(ANN, order.id()));
        Refunded refunded = assertInstanceOf(Refunded.class, w.escrow(order));
        assertAmount("597.00", refunded.funds().refunded());
        assertAmount("0.00", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void aSplitNamingAnUnknownLineOrMoreThanALineIsLeftIsRefusedAndChangesNothing() {
        World w = new World();
        Order order = w.paidOrder();
        w.shipAndDeliver(order);
        assertInstanceOf(OrderResult.Done.class, w.commerce.openDispute(ANN, order.id()));
        Escrow before = w.escrow(order);

        OrderResult unknown = w.commerce.resolveDispute(OPS, order.id(),
                List.of(new LineAmount("line-9", cny("1.00"))), cny("0.00"));
        OrderResult tooMuch = w.commerce.resolveDispute(OPS, order.id(),
                List.of(new LineAmount("line-" + w.lineOf(order, "longjing"), cny("268.01"))), cny("0.00"));

        assertEquals(OrderResult.Reason.ESCROW_REFUSED, assertInstanceOf(OrderResult.Refused.class, unknown).reason());
        assertEquals(OrderResult.Reason.ESCROW_REFUSED, assertInstanceOf(OrderResult.Refused.class, tooMuch).reason());
        assertEquals(before, w.escrow(order));
        assertThrows(InvalidInputException.class, () -> new LineAmount("line-1", cny("-1.00")));
        assertThrows(InvalidInputException.class, () -> w.commerce.resolveDispute(OPS, order.id(),
                List.of(new LineAmount("line-1", cny("1.00")), new LineAmount("line-1", cny("2.00"))), cny("0.00")));
        assertEquals(before, w.escrow(order));
    }
}
