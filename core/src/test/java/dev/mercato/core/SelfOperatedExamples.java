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
import dev.mercato.core.escrow.LineCost;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.settlement.MarginStatement;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.RevenueSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * Self-operated goods through the facade (docs/escrow-and-ledger.md, "Self-operated goods"), by
 * hand: the platform's own store {@code own} sells kettles at 99.00 (cost 60.00 each) beside the
 * third-party {@code shop} selling cups at 12.50 under a 5% commission; one cart, one checkout,
 * one payment, one order per seller.
 */
class SelfOperatedExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller OWN = new Actor.Seller("own");
    static final Actor.Seller SHOP = new Actor.Seller("shop");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final WarehouseId EAST = new WarehouseId("east");
    static final SkuId KETTLE = SkuId.of("kettle");
    static final SkuId CUP = SkuId.of("cup");
    static final SkuId MUG = SkuId.of("mug");
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    static final class World {
        final TestClock clock = new TestClock(T0);
        final Commerce commerce;

        World() {
            RevenueSchedule fivePercent = new RevenueSchedule("self-operated-example",
                    CommissionSchedule.of("self-operated-example", CNY, ChargeBase.PAID_PLUS_SUBSIDY,
                            RoundingPolicy.HALF_UP,
                            List.of(CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(5)))),
                    FeeSchedule.none("self-operated-example", CNY, RoundingPolicy.HALF_UP));
            commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                    .catalog(Catalog.inMemory().put(Sku.of("kettle", "own", "Kettle", cny("99.00")))
                            .put(Sku.of("mug", "own", "Mug", cny("15.00")))
                            .put(Sku.of("cup", "shop", "Tea cup", cny("12.50"))))
                    .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "east"))
                            .setStock(EAST, KETTLE, 10, 0).setStock(EAST, CUP, 10, 0).setStock(EAST, MUG, 10, 0))
                    .paymentProvider(SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-own", Set.of(CNY))))
                    .guaranteedTransactions(fivePercent)
                    .sellerTypes(seller -> seller.equals("own") ? SellerType.SELF_OPERATED : SellerType.ENTERPRISE)
                    .costsOfGoods(sku -> sku.equals(KETTLE) ? Optional.of(cny("60.00")) : Optional.empty())
                    .build();
        }

        /** Ann buys two kettles (and {@code mugs} mugs) of the platform and three cups of the shop, paying once. */
        CheckoutResult.Placed checkoutAndPay(int mugs) {
            CartId cart = CartId.of("ann");
            commerce.addToCart(ANN, cart, KETTLE, 2);
            if (mugs > 0) {
                commerce.addToCart(ANN, cart, MUG, mugs);
            }
            commerce.addToCart(ANN, cart, CUP, 3);
            CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                    commerce.checkout(ANN, cart, "checkout-1", Optional.empty()));
            assertInstanceOf(PaymentResult.Paid.class,
                    commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
            return placed;
        }

        Order of(CheckoutResult.Placed placed, String seller) {
            return placed.orders().stream().filter(o -> o.facts().sellerId().equals(seller)).findFirst().orElseThrow();
        }

        void release(Order order, Actor.Seller seller) {
            List<Shipment.Item> all = order.facts().snapshot().lines().stream()
                    .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
            assertInstanceOf(OrderResult.Done.class, commerce.ship(seller, order.id(), "SF-" + seller.sellerId(), all));
            clock.advance(Duration.ofDays(2));
            assertInstanceOf(OrderResult.Done.class, commerce.confirmDelivery(ANN, order.id()));
            assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, order.id()));
            assertInstanceOf(Released.class, escrow(order));
        }

        void refundOneUnit(Order order, Actor.Seller seller, String caseId) {
            assertInstanceOf(OrderResult.Done.class, commerce.requestAfterSale(ANN, order.id(), caseId,
                    AfterSaleCase.Kind.REFUND_ONLY, List.of(AfterSaleCase.Item.units(1, 1)), Optional.empty()));
            assertInstanceOf(OrderResult.Done.class, commerce.approveAfterSale(seller, order.id(), caseId));
            assertInstanceOf(OrderResult.Done.class, commerce.refundAfterSale(seller, order.id(), caseId));
        }

        Escrow escrow(Order order) {
            return commerce.escrow(SCHEDULER, order.id()).orElseThrow();
        }

        MonetaryAmount balance(Account account) {
            return commerce.journal().orElseThrow().balance(account, CNY);
        }

        MarginStatement margin() {
            return commerce.marginStatement(SCHEDULER, CNY, Instant.EPOCH, clock.instant().plusSeconds(1));
        }

        /** The postings of the last entry of an escrow's event, by account code. */
        Map<String, Long> postings(String event) {
            List<JournalEntry> entries = commerce.journal().orElseThrow().entries().stream()
                    .filter(e -> e.key().endsWith(":" + event)).toList();
            return entries.get(entries.size() - 1).postings().stream()
                    .collect(Collectors.toMap(p -> p.account().code(), p -> MinorUnits.toMinor(p.amount()), Long::sum));
        }

        long sumOfAllBalances() {
            long sum = 0;
            for (Map<CurrencyUnit, MonetaryAmount> byCurrency : commerce.journal().orElseThrow().balances().values()) {
                MonetaryAmount b = byCurrency.get(CNY);
                sum += b == null ? 0 : MinorUnits.toMinor(b);
            }
            return sum;
        }
    }

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    static void assertMoney(String expected, MonetaryAmount actual) {
        assertTrue(cny(expected).isEqualTo(actual), "expected CNY " + expected + ", was " + actual);
    }

    @Test
    void aMixedCartPaysOnceAndEachOrderSettlesByItsOwnSellersType() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay(0);
        assertEquals(2, placed.orders().size());
        Order kettles = w.of(placed, "own");
        Order cups = w.of(placed, "shop");
        assertMoney("235.50", placed.payment().total()); // 2 x 99.00 + 3 x 12.50, one payment
        Held held = assertInstanceOf(Held.class, w.escrow(kettles));
        assertTrue(held.terms().selfOperated());
        assertEquals(List.of(new LineCost("line-1", cny("120.00"))), held.terms().costsOfGoods()); // 2 x 60.00
        assertTrue(!w.escrow(cups).terms().selfOperated());
        // Before release nothing is earned or expensed.
        assertMoney("0.00", w.balance(Account.revenue(RevenueStream.SALES)));
        assertMoney("0.00", w.balance(Account.costOfGoods()));

        w.release(kettles, OWN);
        // The platform's own sale: 198.00 to sales, 120.00 of stock to cost of goods; no
        // commission and nothing payable to the store.
        assertEquals(Map.of("escrow-held:" + kettles.id().value(), -19_800L, "platform-revenue:sales", 19_800L,
                "cost-of-goods", 12_000L, "inventory", -12_000L), w.postings("confirm-receipt"));
        assertMoney("0.00", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        assertMoney("0.00", w.balance(Account.sellerPayable("own")));

        w.release(cups, SHOP);
        // The shop's sale as always: 5% of 37.50 = 1.875 -> 1.88 commission, 35.62 payable.
        assertMoney("1.88", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        assertMoney("35.62", w.balance(Account.sellerPayable("shop")));
        assertMoney("198.00", w.balance(Account.revenue(RevenueStream.SALES)));

        MarginStatement margin = w.margin();
        assertMoney("198.00", margin.sales());
        assertMoney("120.00", margin.costOfGoods());
        assertMoney("78.00", margin.margin());
        // The store's settlement statement has nothing payable: its money is the platform's.
        assertMoney("0.00", w.commerce.statement(OWN, "own", CNY, Instant.EPOCH, w.clock.instant().plusSeconds(1))
                .net());
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void refundsAfterReleaseReverseSalesAndCostOfGoodsInProportion() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay(0);
        Order kettles = w.of(placed, "own");
        w.release(kettles, OWN);

        w.refundOneUnit(kettles, OWN, "return-1");
        // Half the line: 99.00 of sales and 60.00 of cost come back; the margin halves to 39.00.
        assertEquals(Map.of("refunds", 9_900L, "platform-revenue:sales", -9_900L, "cost-of-goods", -6_000L,
                "inventory", 6_000L), w.postings("line-refund-after-release"));
        assertMoney("39.00", w.margin().margin());

        w.refundOneUnit(kettles, OWN, "return-2");
        assertMoney("0.00", w.balance(Account.revenue(RevenueStream.SALES)));
        assertMoney("0.00", w.balance(Account.costOfGoods()));
        assertMoney("0.00", w.balance(Account.inventory()));
        assertMoney("198.00", w.balance(Account.refunds()));
        assertMoney("0.00", w.balance(Account.sellerPayable("own")));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void aRefundBeforeReleasePostsNoSalesAndTheReleaseCostsOnlyWhatIsLeft() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay(1);
        Order own = w.of(placed, "own");
        // Lines: 2 kettles (198.00, cost 120.00), 1 mug (15.00, no cost known).
        List<Shipment.Item> all = own.facts().snapshot().lines().stream()
                .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
        assertInstanceOf(OrderResult.Done.class, w.commerce.ship(OWN, own.id(), "SF-own", all));
        w.clock.advance(Duration.ofDays(2));
        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmDelivery(ANN, own.id()));
        w.refundOneUnit(own, OWN, "return-1"); // one kettle back while the money is held
        assertMoney("0.00", w.balance(Account.revenue(RevenueStream.SALES)));
        assertMoney("0.00", w.balance(Account.costOfGoods()));

        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmReceipt(ANN, own.id()));
        assertInstanceOf(Released.class, w.escrow(own));
        // Released: 99.00 + 15.00 of sales; the cost of the one kettle kept, 60.00; the mug has none.
        assertMoney("114.00", w.balance(Account.revenue(RevenueStream.SALES)));
        assertMoney("60.00", w.balance(Account.costOfGoods()));
        assertMoney("54.00", w.margin().margin());
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void onlyThePlatformReadsTheMarginAndCostsBelongToSelfOperatedLines() {
        World w = new World();
        assertThrows(NotPermittedException.class,
                () -> w.commerce.marginStatement(OWN, CNY, Instant.EPOCH, T0));
        CheckoutResult.Placed placed = w.checkoutAndPay(0);
        Escrow cups = w.escrow(w.of(placed, "shop"));
        assertThrows(InvalidInputException.class,
                () -> cups.terms().withCostsOfGoods(List.of(new LineCost("line-1", cny("1.00")))));
        Escrow kettles = w.escrow(w.of(placed, "own"));
        assertThrows(InvalidInputException.class,
                () -> kettles.terms().withCostsOfGoods(List.of(new LineCost("line-9", cny("1.00")))));
        assertThrows(InvalidInputException.class, () -> new LineCost("line-1", cny("-0.01")));
    }
}
