package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.money.CashRounding;
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
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * Cash rounding through the facade (docs/pricing.md, "Cash rounding in the facade"), by hand: the
 * buyer pays the rounded total, the difference is the platform's cash-rounding account's and no
 * line's, seller or commission sees it, and a full refund returns exactly what the buyer paid.
 */
class CashRoundingExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller SHOP = new Actor.Seller("shop");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final WarehouseId EAST = new WarehouseId("east");

    static final class World {
        final CurrencyUnit currency;
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final SandboxPaymentProvider sandbox;
        final Commerce commerce;

        World(String code, String unitPrice, String increment) {
            currency = Monetary.getCurrency(code);
            sandbox = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-cash", Set.of(currency)));
            RevenueSchedule fivePercent = new RevenueSchedule("cash", CommissionSchedule.of("cash", currency,
                    ChargeBase.PAID_PLUS_SUBSIDY, RoundingPolicy.HALF_UP,
                    List.of(CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(5)))),
                    FeeSchedule.none("cash", currency, RoundingPolicy.HALF_UP));
            commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                    .catalog(Catalog.inMemory().put(Sku.of("soap", "shop", "Soap", money(unitPrice))))
                    .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "east"))
                            .setStock(EAST, SkuId.of("soap"), 10, 0))
                    .paymentProvider(sandbox)
                    .guaranteedTransactions(fivePercent)
                    .cashRounding(CashRounding.to(money(increment)))
                    .build();
        }

        MonetaryAmount money(String value) {
            return Money.of(new BigDecimal(value), currency);
        }

        void assertMoney(String expected, MonetaryAmount actual) {
            assertTrue(money(expected).isEqualTo(actual), "expected " + currency + " " + expected + ", was " + actual);
        }

        Order paidOrder(long units) {
            commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("soap"), units);
            CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                    commerce.checkout(ANN, CartId.of("ann"), "checkout-1", Optional.empty()));
            assertInstanceOf(PaymentResult.Paid.class,
                    commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
            return placed.orders().get(0);
        }

        MonetaryAmount balance(Account account) {
            return commerce.journal().orElseThrow().balance(account, currency);
        }

        /** What the provider refunded for the order. */
        MonetaryAmount providerRefunds(Order order) {
            long sum = 0;
            for (ProviderOperation op : commerce.escrowService().orElseThrow().operations(order.id().value())) {
                if (op.kind() == ProviderOperation.Kind.REFUND
                        && sandbox.status(op.transactionId()).orElse(null) instanceof PaymentOutcome.Succeeded s) {
                    sum += MinorUnits.toMinor(s.amount());
                }
            }
            return MinorUnits.toAmount(sum, currency);
        }

        void refundOneUnit(Order order, String caseId) {
            assertInstanceOf(OrderResult.Done.class, commerce.requestAfterSale(ANN, order.id(), caseId,
                    AfterSaleCase.Kind.REFUND_ONLY, List.of(AfterSaleCase.Item.units(1, 1)), Optional.empty()));
            assertInstanceOf(OrderResult.Done.class, commerce.approveAfterSale(SHOP, order.id(), caseId));
            assertInstanceOf(OrderResult.Done.class, commerce.refundAfterSale(SHOP, order.id(), caseId));
        }

        long sumOfAllBalances() {
            long sum = 0;
            for (Map<CurrencyUnit, MonetaryAmount> byCurrency : commerce.journal().orElseThrow().balances().values()) {
                MonetaryAmount b = byCurrency.get(currency);
                sum += b == null ? 0 : MinorUnits.toMinor(b);
            }
            return sum;
        }
    }

    @Test
    void fiveRappenRoundingDownIsBorneByThePlatformAndAFullRefundReturnsWhatTheBuyerPaid() {
        World w = new World("CHF", "4.31", "0.05");
        Order order = w.paidOrder(2);
        // 8.62 to the nearest 0.05: 8.60, 0.02 down.
        w.assertMoney("8.62", order.facts().snapshot().payable());
        w.assertMoney("8.60", order.facts().snapshot().payableInCash());
        w.assertMoney("-0.02", order.facts().snapshot().cash().orElseThrow().adjustment());
        w.assertMoney("8.60", w.commerce.payment(ANN, order.facts().paymentId()).orElseThrow().total());
        w.assertMoney("-8.60", w.balance(Account.buyerFundsIn("ann")));
        w.assertMoney("-0.02", w.balance(Account.cashRounding())); // the platform bears it
        w.assertMoney("8.62", w.balance(Account.escrowHeld(order.id().value()))); // the lines' exact money

        assertInstanceOf(OrderResult.Done.class, w.commerce.ship(SHOP, order.id(), "SF1", List.of(new Shipment.Item(1, 2))));
        w.clock.advance(Duration.ofDays(2));
        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmDelivery(ANN, order.id()));
        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmReceipt(ANN, order.id()));
        // The seller and the commission see the exact 8.62: 5% = 0.43, the seller 8.19.
        w.assertMoney("0.43", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        w.assertMoney("8.19", w.balance(Account.sellerPayable("shop")));

        w.refundOneUnit(order, "return-1");
        w.assertMoney("4.31", w.providerRefunds(order)); // a partial refund is exact
        w.assertMoney("-0.02", w.balance(Account.cashRounding()));

        w.refundOneUnit(order, "return-2");
        // The last refund returns what is left of the 8.60 paid: 4.29, not 4.31.
        w.assertMoney("8.60", w.providerRefunds(order));
        w.assertMoney("8.60", w.balance(Account.refunds()));
        w.assertMoney("0.00", w.balance(Account.cashRounding()));
        w.assertMoney("0.00", w.balance(Account.sellerPayable("shop")));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void roundingUpToTheJiaoIsThePlatformsUntilTheOrderIsRefundedInFull() {
        World w = new World("CNY", "3.15", "0.10");
        Order order = w.paidOrder(3);
        // 9.45 to the nearest 0.10, halves up: 9.50, 0.05 up.
        w.assertMoney("9.50", w.commerce.payment(ANN, order.facts().paymentId()).orElseThrow().total());
        w.assertMoney("0.05", w.balance(Account.cashRounding())); // the platform gains it

        assertInstanceOf(OrderResult.Done.class, w.commerce.refundBeforeShipment(ANN, order.id()));
        w.assertMoney("9.50", w.providerRefunds(order)); // everything the buyer paid
        w.assertMoney("9.50", w.balance(Account.refunds()));
        w.assertMoney("0.00", w.balance(Account.cashRounding()));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void aTotalAlreadyOnTheIncrementIsNotAdjusted() {
        World w = new World("CHF", "4.30", "0.05");
        Order order = w.paidOrder(2);
        w.assertMoney("0.00", order.facts().snapshot().cash().orElseThrow().adjustment());
        w.assertMoney("8.60", order.facts().snapshot().payableInCash());
        w.assertMoney("0.00", w.balance(Account.cashRounding()));
    }
}
