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
import dev.mercato.core.fee.AnnualFeeYear;
import dev.mercato.core.fee.Enrolment;
import dev.mercato.core.fee.FeeRefusal;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.fee.UnknownSellerException;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.AnnualFee;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * The annual technical-service fee on the facade (docs/fees.md): charged from the payable at the
 * start of each fee year by the facade's scheduler, the rebate of the year's GMV booked back at its
 * end, each once per seller and year, across a restart.
 */
class AnnualFeeExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.Seller STUDIO = new Actor.Seller("studio");
    static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops-1");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final WarehouseId EAST = new WarehouseId("east");
    static final Instant YEAR_ONE = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant YEAR_TWO = Instant.parse("2027-01-01T00:00:00Z");
    static final Instant YEAR_THREE = Instant.parse("2028-01-01T00:00:00Z");

    /** 100.00 a year; half back from 200.00 of GMV, all of it from 1,000.00. */
    static final AnnualFee TERMS = new AnnualFee(cny("100.00"), List.of(
            new AnnualFee.Rebate(cny("200.00"), Rate.percent(50)),
            new AnnualFee.Rebate(cny("1000.00"), Rate.percent(100))));

    final TestClock clock = new TestClock(YEAR_ONE);
    final Storage storage = InMemoryStorage.create();
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-fees", Set.of(CNY)));
    final Commerce commerce = facade();

    Commerce facade() {
        return Commerce.builder().sandboxes().clock(clock).storage(storage)
                .catalog(Catalog.inMemory().put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                        .setStock(EAST, SkuId.of("longjing"), 10, 0))
                .paymentProvider(sandbox)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .fees(FeeSettings.of(Set.of("tea-shop", "studio")::contains))
                .build();
    }

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    Journal ledger() {
        return commerce.journal().orElseThrow();
    }

    MonetaryAmount payable() {
        return ledger().balance(Account.sellerPayable("tea-shop"), CNY);
    }

    MonetaryAmount annualRevenue() {
        return ledger().balance(Account.revenue(RevenueStream.ANNUAL_FEE), CNY);
    }

    /** Buys, ships and confirms one tea: released to the seller, so it counts in its GMV. */
    void sellTea(String key) {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("longjing"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), key, Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), CARD));
        Order order = placed.orders().get(0);
        Order.StockAllocated allocated = assertInstanceOf(Order.StockAllocated.class,
                commerce.order(SCHEDULER, order.id()).orElseThrow());
        List<Shipment.Item> all = allocated.facts().snapshot().lines().stream()
                .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
        assertInstanceOf(OrderResult.Done.class, commerce.ship(TEA_SHOP, order.id(), "SF-" + key, all));
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, order.id()));
    }

    @Test
    void theFeeIsChargedAtTheYearsStartAndItsRebateBookedBackAtItsEndOncePerYear() {
        assertInstanceOf(Enrolment.Enrolled.class, commerce.fees().enrolAnnualFee(OPERATOR, "tea-shop", TERMS, YEAR_ONE));

        // Year 1 starts now: the whole fee from a payable holding nothing, so all of it is owed.
        assertEquals(1, commerce.runDueTimers(SCHEDULER));
        JournalEntry charge = ledger().entry("fee:annual:tea-shop:1:charge").orElseThrow();
        assertEquals(List.of(Posting.credit(Account.sellerPayable("tea-shop"), cny("100.00")),
                Posting.debit(Account.revenue(RevenueStream.ANNUAL_FEE), cny("100.00"))), charge.postings());
        assertEquals(cny("-100.00"), payable(), "the seller owes the fee: its payable is below zero");
        AnnualFeeYear.Charged year1 = assertInstanceOf(AnnualFeeYear.Charged.class,
                commerce.fees().annualFeeYears(TEA_SHOP, "tea-shop").get(0));
        assertEquals(cny("100.00"), year1.owed());
        assertEquals(YEAR_TWO, year1.end());
        assertEquals(0, commerce.runDueTimers(SCHEDULER), "nothing more is due this year");

        // One tea of 268.00 is released in year 1: its GMV reaches the 200.00 threshold.
        sellTea("checkout-1");
        MonetaryAmount afterSale = payable();
        clock.advance(Duration.between(YEAR_ONE, YEAR_TWO));
        assertTrue(commerce.runDueTimers(SCHEDULER) >= 2, "year 1's rebate and year 2's charge (and the order's own timers)");
        JournalEntry rebate = ledger().entry("fee:annual:tea-shop:1:rebate").orElseThrow();
        // 50% of 100.00 = 50.00 back to the payable, out of the annual-fee revenue.
        assertEquals(List.of(Posting.credit(Account.revenue(RevenueStream.ANNUAL_FEE), cny("50.00")),
                Posting.debit(Account.sellerPayable("tea-shop"), cny("50.00"))), rebate.postings());
        AnnualFeeYear.Settled settled = assertInstanceOf(AnnualFeeYear.Settled.class,
                commerce.fees().annualFeeYears(OPERATOR, "tea-shop").get(0));
        assertEquals(cny("268.00"), settled.gmv());
        assertEquals(cny("50.00"), settled.rebate());
        assertEquals(afterSale.add(cny("50.00")).subtract(cny("100.00")), payable(), "rebate in, year 2's fee out");
        assertEquals(cny("150.00"), annualRevenue(), "100.00 + 100.00 - 50.00");

        // Year 2 sells nothing: no rebate at its end; year 3 is charged.
        clock.advance(Duration.between(YEAR_TWO, YEAR_THREE));
        assertEquals(2, commerce.runDueTimers(SCHEDULER), "year 2's rebate (of nothing) and year 3's charge");
        assertTrue(ledger().entry("fee:annual:tea-shop:2:rebate").isEmpty(), "no threshold reached");
        List<AnnualFeeYear> years = commerce.fees().annualFeeYears(OPERATOR, "tea-shop");
        assertEquals(3, years.size());
        assertEquals(cny("0.00"), assertInstanceOf(AnnualFeeYear.Settled.class, years.get(1)).rebate());
        assertEquals(cny("250.00"), annualRevenue());
        assertEquals(0, commerce.runDueTimers(SCHEDULER));
    }

    @Test
    void aRestartedFacadeOverTheSameStorageChargesEachYearOnce() {
        commerce.fees().enrolAnnualFee(OPERATOR, "tea-shop", TERMS, YEAR_ONE.plus(Duration.ofDays(10)));
        assertEquals(0, commerce.runDueTimers(SCHEDULER), "the fee year has not started");
        clock.advance(Duration.ofDays(10));

        Commerce restarted = facade();
        assertEquals(1, restarted.runDueTimers(SCHEDULER), "the stored timer fires on the new instance");
        assertEquals(0, commerce.runDueTimers(SCHEDULER), "and not again on the old one");
        assertEquals(0, restarted.runDueTimers(SCHEDULER));
        assertEquals(cny("100.00"), annualRevenue(), "charged once");

        // A year late (the scheduler was down): the rebate of year 1 and the charge of year 2 fire once.
        clock.advance(Duration.ofDays(400));
        Commerce again = facade();
        assertEquals(2, again.runDueTimers(SCHEDULER));
        assertEquals(0, restarted.runDueTimers(SCHEDULER));
        assertEquals(cny("200.00"), annualRevenue());
        assertEquals(2, again.fees().annualFeeYears(OPERATOR, "tea-shop").size());
    }

    @Test
    void refusedEnrolmentsChangeNothing() {
        assertThrows(NotPermittedException.class,
                () -> commerce.fees().enrolAnnualFee(TEA_SHOP, "tea-shop", TERMS, YEAR_ONE), "a seller");
        assertThrows(NotPermittedException.class, () -> commerce.fees().enrolAnnualFee(ANN, "tea-shop", TERMS, YEAR_ONE));
        assertThrows(UnknownSellerException.class,
                () -> commerce.fees().enrolAnnualFee(OPERATOR, "nobody", TERMS, YEAR_ONE));
        assertThrows(InvalidInputException.class, () -> commerce.fees().enrolAnnualFee(OPERATOR, "tea-shop",
                new AnnualFee(cny("0.00"), List.of()), YEAR_ONE), "a fee of nothing");
        assertTrue(commerce.fees().annualFeePlan(OPERATOR, "tea-shop").isEmpty());
        assertEquals(0, commerce.runDueTimers(SCHEDULER), "no timer was scheduled");

        commerce.fees().enrolAnnualFee(SCHEDULER, "tea-shop", TERMS, YEAR_ONE);
        assertInstanceOf(Enrolment.Enrolled.class, commerce.fees().enrolAnnualFee(OPERATOR, "tea-shop", TERMS, YEAR_ONE),
                "the same terms again: the stored plan");
        Enrolment.Refused other = assertInstanceOf(Enrolment.Refused.class, commerce.fees().enrolAnnualFee(OPERATOR,
                "tea-shop", new AnnualFee(cny("300.00"), List.of()), YEAR_ONE));
        assertEquals(FeeRefusal.ALREADY_ENROLLED, other.reason());
        assertEquals(cny("100.00"), commerce.fees().annualFeePlan(TEA_SHOP, "tea-shop").orElseThrow().fee());

        assertThrows(NotPermittedException.class, () -> commerce.fees().annualFeeYears(STUDIO, "tea-shop"),
                "another seller's fee years");
        assertThrows(NotPermittedException.class, () -> commerce.fees().annualFeePlan(ANN, "tea-shop"));
    }

    @Test
    void feesNeedGuaranteedTransactionsAndSayHowToConfigureThem() {
        var bare = assertThrows(InvalidInputException.class, () -> Commerce.builder().sandboxes().build().fees());
        assertTrue(bare.getMessage().contains("fees(FeeSettings"), bare.getMessage());
        var noLedger = assertThrows(InvalidInputException.class,
                () -> Commerce.builder().sandboxes().fees(FeeSettings.of(id -> true)).build());
        assertTrue(noLedger.getMessage().contains("guaranteedTransactions"), noLedger.getMessage());
    }
}
