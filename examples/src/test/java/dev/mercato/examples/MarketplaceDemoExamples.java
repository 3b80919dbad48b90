package dev.mercato.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarketplaceDemoExamples {
    static String story;

    @BeforeAll
    static void runTheDemo() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        MarketplaceDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        story = buffer.toString(StandardCharsets.UTF_8);
    }

    static void assertPrinted(String expected) {
        assertTrue(story.contains(expected), () -> "missing <" + expected + "> in:\n" + story);
    }

    @Test
    void theEnginePricesTheCartWithTheCrossShopReductionTheCouponAndFreeShipping() {
        assertPrinted("total                                                                     676.10");
        assertPrinted("double-11 (repeating-reduction): applied CNY 80.00 - spent CNY 778.10 across shops, saves CNY 80.00");
        assertPrinted("studio-30 (coupon): applied CNY 30.00 - spent CNY 295.17, saves CNY 30.00");
        assertPrinted("silk-10pct (percent-off): applied CNY 5.90 - 10% off CNY 59.00");
        assertPrinted("tea-500-minus-50 (threshold-reduction): not applied - below threshold by CNY 104.00"
                + " (measured CNY 396.00 of CNY 500.00)");
    }

    @Test
    void shippingIsTheSandboxCarriersQuoteToAnnsAddressBeforeFreeShipping() {
        assertPrinted("tea-shop           shipping, by 2026-11-13           10.00      10.00       0.00");
        assertPrinted("silk-shop          shipping, by 2026-11-13            8.00       0.00       8.00");
        assertPrinted("free-over-99 (free-shipping): applied CNY 22.00 - free shipping from CNY 99.00");
        assertPrinted("shipping from porcelain-studio quoted by sandbox STANDARD: CNY 12.00 for 1 parcel (from east, 2600 g,"
                + " chargeable 2917 g: CNY 12.00); delivery between 2026-11-12 and 2026-11-13");
        assertPrinted("The same cart to San Francisco is not priced (no free shipping by accident): ROUTE_NOT_SERVED");
    }

    @Test
    void checkoutSplitsTheCartIntoOneOrderPerShop() {
        assertPrinted("Checkout: one order per shop, one payment of 676.10");
        assertPrinted("tea-shop                2       0.00     355.29  AwaitingPayment");
        assertPrinted("porcelain-studio        1       0.00     265.17  AwaitingPayment");
        assertPrinted("silk-shop               1       8.00      55.64  AwaitingPayment  2026-11-12 to 2026-11-13");
    }

    @Test
    void onePaymentOpensEachOrdersEscrowAsHeldAndTheSharesSumToIt() {
        assertPrinted("3. Guaranteed transaction: one payment, each order's share held in its own escrow");
        assertPrinted("porcelain-studio       265.17      33.83      14.95       1.59       0.00  Held");
        assertPrinted("silk-shop               55.64       5.46       2.66       0.33       0.00  Held");
        assertPrinted("total                  676.10");
        assertPrinted("Ann paid 676.10 once, sandbox sale pay-");
        assertPrinted("orders:  porcelain-studio StockAllocated, silk-shop StockAllocated, tea-shop StockAllocated");
    }

    @Test
    void escrowHoldsEachOrderUntilReceiptOrTheTenDayTimer() {
        assertPrinted("tea-shop               355.29      40.71       1.98       2.13       0.00  Held");
        assertPrinted("escrows: porcelain-studio Shipped, silk-shop Shipped, tea-shop Released");
        assertPrinted("escrows: porcelain-studio Released, silk-shop Released, tea-shop Released");
        assertPrinted("escrows: porcelain-studio Shipped, silk-shop Shipped, tea-shop Shipped (the clock waits for delivery)");
        assertPrinted("orders:  porcelain-studio Completed, silk-shop Completed, tea-shop Completed");
    }

    @Test
    void shopsShipThroughTheSandboxCarrierAndTrackingDeliversTheOrders() {
        assertPrinted("tea-shop           east      SBX0000000003        10.00  2026-11-14  Shipped");
        assertPrinted("tea-shop           SBX0000000003  DELIVERED  at 2026-11-13T04:00:00Z");
        assertPrinted("orders:  porcelain-studio Delivered, silk-shop Delivered, tea-shop Delivered");
        assertPrinted("(delivery + 10 days); the scheduler fired");
    }

    @Test
    void shippedUnitsLeaveTheWarehouse() {
        assertPrinted("porcelain-studio   celadon-tea-set  Celadon tea set              329.00         5");
        assertPrinted("porcelain-studio   celadon-tea-set  Celadon tea set              329.00         4");
    }

    @Test
    void eachSellerIsPaidItsGrossLessCommissionAndFees() {
        // Shop discounts: the studio's coupon (30.00) and the free shipping the shops fund (12.00, 10.00).
        assertPrinted("porcelain-studio       299.00      33.83      42.00      14.95       1.59     282.46");
        assertPrinted("silk-shop               61.10       5.46       5.90       2.66       0.33      58.11");
        assertPrinted("tea-shop               396.00      40.71      10.00       1.98       2.13     391.89");
    }

    @Test
    void theLedgerBalancesAndTheBuyersMoneyIsFullyAccountedFor() {
        assertPrinted("sum of all balances                          0.00");
        assertPrinted("seller nets                                732.46");
        assertPrinted("+ platform commission and fees              23.64");
        assertPrinted("- subsidies the platform paid               80.00");
        assertPrinted("= what Ann paid at checkout                676.10");
        assertPrinted("is fully accounted for, to the cent.");
    }
}
