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
import dev.mercato.core.escrow.Released;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.OrderTax;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.settlement.SettlementStatement;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.tax.TaxCalculator;
import dev.mercato.pricing.tax.TaxMode;
import dev.mercato.pricing.tax.TaxRate;
import dev.mercato.pricing.tax.TaxRegion;
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
 * Tax through the facade (docs/pricing.md, "Tax in the facade"), by hand: an order of two units of
 * one SKU, 5% commission on the price as sold; the order records its tax, release posts it to tax
 * payable (never the seller's), and refunds of one unit and then the other reverse it in
 * proportion and then exactly. China 13% VAT (CNY), Japan 10% consumption tax (JPY, no decimals),
 * Bahrain 10% VAT (BHD, three decimals), all inclusive, and California's 7.25% sales tax (USD),
 * exclusive.
 */
class TaxExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller SHOP = new Actor.Seller("shop");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final WarehouseId EAST = new WarehouseId("east");
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    static final TaxCalculator TAX = TaxCalculator.fromTable(
            List.of(TaxRegion.of("CN", TaxMode.INCLUSIVE), TaxRegion.of("JP", TaxMode.INCLUSIVE),
                    TaxRegion.of("CN-SHIPPING", TaxMode.INCLUSIVE).withShippingTaxedAs("shipping"),
                    TaxRegion.of("BH", TaxMode.INCLUSIVE), TaxRegion.of("US-CA", TaxMode.EXCLUSIVE)),
            List.of(TaxRate.from("CN", "standard", Rate.percent(13), Instant.parse("2019-04-01T00:00:00Z")),
                    TaxRate.from("CN-SHIPPING", "standard", Rate.percent(13), Instant.parse("2019-04-01T00:00:00Z")),
                    TaxRate.from("CN-SHIPPING", "shipping", Rate.percent(9), Instant.parse("2019-04-01T00:00:00Z")),
                    TaxRate.from("JP", "standard", Rate.percent(10), Instant.parse("2019-10-01T00:00:00Z")),
                    TaxRate.from("BH", "standard", Rate.percent(10), Instant.parse("2022-01-01T00:00:00Z")),
                    TaxRate.from("US-CA", "standard", Rate.fraction("0.0725"), Instant.parse("2017-01-01T00:00:00Z"))));

    /** One shop selling one SKU in one currency, taxed in the order's destination region. */
    static final class World {
        final CurrencyUnit currency;
        final TestClock clock = new TestClock(T0);
        final Commerce commerce;

        World(String currencyCode, String unitPrice) {
            this(currencyCode, unitPrice, dev.mercato.core.cart.ShippingRates.none());
        }

        World(String currencyCode, String unitPrice, dev.mercato.core.cart.ShippingRates shipping) {
            currency = Monetary.getCurrency(currencyCode);
            RevenueSchedule fivePercent = new RevenueSchedule("tax-example",
                    CommissionSchedule.of("tax-example", currency, ChargeBase.PAID_PLUS_SUBSIDY, RoundingPolicy.HALF_UP,
                            List.of(CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(5)))),
                    FeeSchedule.none("tax-example", currency, RoundingPolicy.HALF_UP));
            commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                    .catalog(Catalog.inMemory().put(Sku.of("kettle", "shop", "Kettle", money(unitPrice))))
                    .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "east"))
                            .setStock(EAST, SkuId.of("kettle"), 10, 0))
                    .paymentProvider(SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-tax", Set.of(currency))))
                    .shippingRates(shipping)
                    .guaranteedTransactions(fivePercent)
                    .tax(TAX, facts -> facts.destinationRegion().orElseThrow(), line -> "standard")
                    .build();
        }

        MonetaryAmount money(String value) {
            return Money.of(new BigDecimal(value), currency);
        }

        void assertMoney(String expected, MonetaryAmount actual) {
            assertTrue(money(expected).isEqualTo(actual), "expected " + currency + " " + expected + ", was " + actual);
        }

        Order paidOrder(String region) {
            CartId cart = CartId.of("ann");
            commerce.addToCart(ANN, cart, SkuId.of("kettle"), 2);
            CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                    commerce.checkout(ANN, cart, "checkout-1", Optional.of(region)));
            assertInstanceOf(PaymentResult.Paid.class,
                    commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
            return placed.orders().get(0);
        }

        void release(Order order) {
            List<Shipment.Item> all = order.facts().snapshot().lines().stream()
                    .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
            assertInstanceOf(OrderResult.Done.class, commerce.ship(SHOP, order.id(), "SF1", all));
            clock.advance(Duration.ofDays(2));
            assertInstanceOf(OrderResult.Done.class, commerce.confirmDelivery(ANN, order.id()));
            assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, order.id()));
            assertInstanceOf(Released.class, escrow(order));
        }

        void refundOneUnit(Order order, String caseId) {
            assertInstanceOf(OrderResult.Done.class, commerce.requestAfterSale(ANN, order.id(), caseId,
                    AfterSaleCase.Kind.REFUND_ONLY, List.of(AfterSaleCase.Item.units(1, 1)), Optional.empty()));
            assertInstanceOf(OrderResult.Done.class, commerce.approveAfterSale(SHOP, order.id(), caseId));
            assertInstanceOf(OrderResult.Done.class, commerce.refundAfterSale(SHOP, order.id(), caseId));
        }

        Escrow escrow(Order order) {
            return commerce.escrow(SCHEDULER, order.id()).orElseThrow();
        }

        MonetaryAmount balance(Account account) {
            return commerce.journal().orElseThrow().balance(account, currency);
        }

        long sumOfAllBalances() {
            long sum = 0;
            for (Map<CurrencyUnit, MonetaryAmount> byCurrency : commerce.journal().orElseThrow().balances().values()) {
                MonetaryAmount b = byCurrency.get(currency);
                sum += b == null ? 0 : MinorUnits.toMinor(b);
            }
            return sum;
        }

        SettlementStatement statement() {
            return commerce.statement(SHOP, "shop", currency, Instant.EPOCH, clock.instant().plusSeconds(1));
        }
    }

    @Test
    void chinaThirteenPercentVatIsRecordedPostedOnReleaseAndReversedByTheRefunds() {
        World w = new World("CNY", "99.00");
        Order order = w.paidOrder("CN");
        // 198.00 with 13% inside: 198.00 x 13 / 113 = 22.7787 -> 22.78; net 175.22.
        OrderTax tax = order.facts().snapshot().tax().orElseThrow();
        w.assertMoney("22.78", tax.lines().get(0).tax());
        w.assertMoney("175.22", tax.lines().get(0).net());
        w.assertMoney("198.00", order.facts().snapshot().payable()); // inclusive: the buyer pays the price
        w.assertMoney("0.00", w.balance(Account.taxPayable())); // nothing owed before the sale is final

        w.release(order);
        w.assertMoney("22.78", w.balance(Account.taxPayable()));
        w.assertMoney("9.90", w.balance(Account.revenue(RevenueStream.COMMISSION))); // 5% of 198.00
        w.assertMoney("165.32", w.balance(Account.sellerPayable("shop"))); // 198.00 - 9.90 - 22.78
        SettlementStatement released = w.statement();
        w.assertMoney("198.00", released.gross());
        w.assertMoney("22.78", released.tax());
        w.assertMoney("165.32", released.net());

        w.refundOneUnit(order, "return-1");
        // Half the line: 22.78 split 99 : 99 = 11.39; commission 4.95; the seller gives back
        // 99.00 - 4.95 - 11.39 = 82.66.
        w.assertMoney("11.39", w.balance(Account.taxPayable()));
        w.assertMoney("82.66", w.balance(Account.sellerPayable("shop")));
        w.assertMoney("11.39", w.statement().tax());
        w.assertMoney("82.66", w.statement().net());

        w.refundOneUnit(order, "return-2");
        w.assertMoney("0.00", w.balance(Account.taxPayable())); // the full refund reverses all 22.78
        w.assertMoney("0.00", w.balance(Account.sellerPayable("shop")));
        w.assertMoney("198.00", w.balance(Account.refunds()));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void taxedShippingIsRecordedApartAndCarriedByTheLineWithItsShipping() {
        World w = new World("CNY", "99.00", dev.mercato.core.cart.ShippingRates.flatPerSeller(Money.of(10, "CNY")));
        Order order = w.paidOrder("CN-SHIPPING");
        // Goods 198.00 at 13%: 22.78; shipping 10.00 at 9%: 10.00 x 9 / 109 = 0.8257 -> 0.83.
        OrderTax tax = order.facts().snapshot().tax().orElseThrow();
        w.assertMoney("0.83", tax.shippingTax());
        w.assertMoney("23.61", tax.total());
        w.assertMoney("208.00", order.facts().snapshot().payable());
        w.assertMoney("23.61", w.escrow(order).terms().tax());

        w.release(order);
        w.assertMoney("23.61", w.balance(Account.taxPayable()));
        w.assertMoney("174.49", w.balance(Account.sellerPayable("shop"))); // 208.00 - 9.90 - 23.61

        w.refundOneUnit(order, "return-1");
        // 99.00 of the line's 208.00 (goods and shipping): 23.61 x 99 / 208 = 11.237 -> 11.24 back,
        // commission 4.71; the seller gives back 99.00 - 4.71 - 11.24 = 83.05.
        w.assertMoney("12.37", w.balance(Account.taxPayable()));
        w.assertMoney("91.44", w.balance(Account.sellerPayable("shop")));

        w.refundOneUnit(order, "return-2");
        // 198.00 of 208.00 refunded: 23.61 splits 22.4746 : 1.1351; the spare cent goes to the larger
        // remainder, so the kept shipping's part of the tax is 1.14.
        w.assertMoney("1.14", w.balance(Account.taxPayable()));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void japanTenPercentInWholeYenRoundsEachLineAndTheTieOfTheFirstRefundGoesToTheEarlierPart() {
        World w = new World("JPY", "1500");
        Order order = w.paidOrder("JP");
        // 3000 with 10% inside: 3000 / 11 = 272.7 -> 273; net 2727.
        OrderTax tax = order.facts().snapshot().tax().orElseThrow();
        w.assertMoney("273", tax.total());
        w.assertMoney("2727", tax.lines().get(0).net());

        w.release(order);
        w.assertMoney("273", w.balance(Account.taxPayable()));
        w.assertMoney("2577", w.balance(Account.sellerPayable("shop"))); // 3000 - 150 - 273

        w.refundOneUnit(order, "return-1");
        // 273 split 1500 : 1500 = 137 + 136 (the tie to the refunded part); commission 75;
        // the seller gives back 1500 - 75 - 137 = 1288.
        w.assertMoney("136", w.balance(Account.taxPayable()));
        w.assertMoney("1289", w.balance(Account.sellerPayable("shop")));

        w.refundOneUnit(order, "return-2");
        w.assertMoney("0", w.balance(Account.taxPayable()));
        w.assertMoney("0", w.balance(Account.sellerPayable("shop")));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void bahrainTenPercentVatInFilsKeepsThreeDecimals() {
        World w = new World("BHD", "12.345");
        Order order = w.paidOrder("BH");
        // 24.690 with 10% inside: 24.690 / 11 = 2.24454 -> 2.245; net 22.445.
        w.assertMoney("2.245", order.facts().snapshot().tax().orElseThrow().total());

        w.release(order);
        // Commission 5% of 24.690 = 1.2345 -> 1.235; the seller 24.690 - 1.235 - 2.245 = 21.210.
        w.assertMoney("2.245", w.balance(Account.taxPayable()));
        w.assertMoney("21.210", w.balance(Account.sellerPayable("shop")));

        w.refundOneUnit(order, "return-1");
        // 2.245 split evenly: 1.123 reversed, 1.122 left; commission 0.618 back; the seller gives
        // back 12.345 - 0.618 - 1.123 = 10.604.
        w.assertMoney("1.122", w.balance(Account.taxPayable()));
        w.assertMoney("10.606", w.balance(Account.sellerPayable("shop")));

        w.refundOneUnit(order, "return-2");
        w.assertMoney("0.000", w.balance(Account.taxPayable()));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void aRefundBeforeReleaseLeavesOnlyTheRestOfTheTaxToPostOnRelease() {
        World w = new World("CNY", "99.00");
        Order order = w.paidOrder("CN");
        List<Shipment.Item> all = List.of(new Shipment.Item(1, 2));
        assertInstanceOf(OrderResult.Done.class, w.commerce.ship(SHOP, order.id(), "SF1", all));
        w.clock.advance(Duration.ofDays(2));
        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmDelivery(ANN, order.id()));
        w.refundOneUnit(order, "return-1");
        w.assertMoney("0.00", w.balance(Account.taxPayable())); // held money went back; no tax was posted

        assertInstanceOf(OrderResult.Done.class, w.commerce.confirmReceipt(ANN, order.id()));
        // The unit kept: 22.78 - 11.39 = 11.39 to tax payable; the seller 99.00 - 4.95 - 11.39.
        w.assertMoney("11.39", w.balance(Account.taxPayable()));
        w.assertMoney("82.66", w.balance(Account.sellerPayable("shop")));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void californiaSalesTaxIsAddedToWhatTheBuyerPaysAndTheOrdersRefundsReturnItWithThem() {
        World w = new World("USD", "20.00");
        Order order = w.paidOrder("US-CA");
        // 40.00 at 7.25% on top: 2.90; the buyer pays 42.90, the order's prices stay 40.00.
        OrderTax tax = order.facts().snapshot().tax().orElseThrow();
        w.assertMoney("2.90", tax.total());
        w.assertMoney("40.00", order.facts().snapshot().payable());
        w.assertMoney("42.90", order.facts().snapshot().payableWithTax());
        w.assertMoney("42.90", w.commerce.payment(ANN, order.facts().paymentId()).orElseThrow().total());

        w.release(order);
        w.assertMoney("2.90", w.balance(Account.taxPayable()));
        w.assertMoney("2.00", w.balance(Account.revenue(RevenueStream.COMMISSION))); // 5% of 40.00, not of 42.90
        w.assertMoney("38.00", w.balance(Account.sellerPayable("shop")));

        w.refundOneUnit(order, "return-1");
        // One unit, 20.00 before tax: with its tax 20.00 + 1.45 = 21.45 goes back; the seller gives
        // back 20.00 - 1.00 commission.
        w.assertMoney("21.45", w.balance(Account.refunds()));
        w.assertMoney("1.45", w.balance(Account.taxPayable()));
        w.assertMoney("19.00", w.balance(Account.sellerPayable("shop")));

        w.refundOneUnit(order, "return-2");
        w.assertMoney("42.90", w.balance(Account.refunds())); // everything the buyer paid
        w.assertMoney("0.00", w.balance(Account.taxPayable()));
        w.assertMoney("0.00", w.balance(Account.sellerPayable("shop")));
        assertEquals(0, w.sumOfAllBalances());
    }

    @Test
    void withoutTaxConfiguredNothingIsTaxed() {
        TestClock clock = new TestClock(T0);
        Commerce plain = Commerce.builder().sandboxes().clock(clock)
                .catalog(Catalog.inMemory().put(Sku.of("kettle", "shop", "Kettle", Money.of(99, "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "east"))
                        .setStock(EAST, SkuId.of("kettle"), 10, 0))
                .guaranteedTransactions(dev.mercato.pricing.revenue.json.ScheduleJson.example("b2c-mall").revenue())
                .build();
        plain.addToCart(ANN, CartId.of("ann"), SkuId.of("kettle"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                plain.checkout(ANN, CartId.of("ann"), "checkout-1", Optional.of("CN")));
        assertTrue(placed.orders().get(0).facts().snapshot().tax().isEmpty());
        assertThrows(InvalidInputException.class, () -> Commerce.builder().sandboxes()
                .tax(TAX, facts -> "CN", line -> "standard").build());
    }
}
