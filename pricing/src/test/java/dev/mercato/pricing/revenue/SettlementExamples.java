package dev.mercato.pricing.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.MatchKind;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.commission.Tier;
import dev.mercato.pricing.commission.TierMode;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.FeeFormula;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.fee.PaymentFees;
import dev.mercato.pricing.fee.RevenueSharePolicy;
import dev.mercato.pricing.fee.TransactionFee;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class SettlementExamples {
    static final Instant AT = Instant.parse("2026-06-18T12:00:00Z");

    final RevenueSchedule platform = new RevenueSchedule("example",
            CommissionSchedule.of("example", Monetary.getCurrency("CNY"), ChargeBase.PAID_PLUS_SUBSIDY, RoundingPolicy.HALF_UP,
                    List.of(CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(5)),
                            CommissionRule.tiered("volume", new RuleScope.Seller("big"), TierMode.MARGINAL, List.of(
                                    new Tier(cny("0"), Rate.percent(5)), new Tier(cny("1000.00"), Rate.percent(2)))))),
            FeeSchedule.none("example", Monetary.getCurrency("CNY"), RoundingPolicy.HALF_UP)
                    .withTransactionFee(new TransactionFee("service", FeeFormula.of(Rate.ZERO, cny("1.00")), ChargeBase.PAID))
                    .withPaymentFees(new PaymentFees(Map.of("alipay", Rate.percent("0.6")), Rate.percent(1), Bearer.SELLER))
                    .withRevenueShare(RevenueSharePolicy.of(ChargeBase.PAID, Rate.percent(10), Rate.percent(2))));

    @Test
    void aLineBreaksDownIntoGrossChargesAndNetThatAddUp() {
        Settlement s = platform.settle(List.of(line("o-1", "l-1", "s-1", "90.00").platformSubsidy(cny("10.00"))
                .sellerDiscount(cny("20.00")).shipping(cny("6.00")).attribution(List.of("creator", "referrer")).build()));
        LineSettlement l = s.lines().get(0);
        assertAmount("106.00", l.sellerGross());
        assertAmount("20.00", l.sellerDiscount());
        assertAmount("10.00", l.platformSubsidy());
        assertAmount("100.00", l.commissionBase());
        assertAmount("5.00", l.commission().amount());
        assertEquals(MatchKind.DEFAULT, l.commission().match());
        assertAmount("1.00", l.fees().get(0).amount()); // service fee
        assertAmount("0.58", l.fees().get(1).amount()); // 0.6% of 96.00 = 0.576
        assertAmount("9.00", l.shares().get(0).amount());
        assertAmount("1.80", l.shares().get(1).amount());
        assertAmount("88.62", l.sellerNet()); // 106 - 5 - 1 - 0.58 - 9 - 1.80
    }

    @Test
    void theOrderFeeIsSplitAcrossTheOrdersLinesAndTotalsArePerOrderAndPerSeller() {
        Settlement s = platform.settle(List.of(
                line("o-1", "l-1", "s-1", "10.00").build(),
                line("o-1", "l-2", "s-1", "20.00").build(),
                line("o-2", "l-1", "s-1", "30.00").build(),
                line("o-2", "l-2", "s-2", "40.00").build()));
        assertAmount("0.33", s.lines().get(0).fees().get(0).amount());
        assertAmount("0.67", s.lines().get(1).fees().get(0).amount());
        assertAmount("1.00", s.lines().get(2).fees().get(0).amount());
        assertAmount("1.18", s.order("o-1").orElseThrow().sellerFees()); // service 1.00 + alipay 0.6% of 30.00
        assertAmount("60.00", s.seller("s-1").orElseThrow().sellerGross());
        assertEquals(3, s.seller("s-1").orElseThrow().lines());
        assertAmount("5.00", s.total().commission());
    }

    @Test
    void aSellersEarlierLinesInTheSameCallCountTowardItsTierGmv() {
        Settlement s = platform.settle(List.of(
                line("o-1", "l-1", "big", "600.00").build(),
                line("o-1", "l-2", "big", "600.00").build()), Map.of("big", cny("0")));
        assertAmount("30.00", s.lines().get(0).commission().amount()); // 600 at 5%
        assertAmount("24.00", s.lines().get(1).commission().amount()); // 400 at 5% + 200 at 2%
    }

    @Test
    void aHalfRefundReversesHalfOfEveryChargeAndTheSecondHalfReversesTheRestExactly() {
        LineSettlement sale = platform.settle(List.of(line("o-1", "l-1", "s-1", "33.33")
                .attribution(List.of("creator")).build())).lines().get(0);
        assertAmount("1.67", sale.commission().amount());
        RefundProgress.Step first = sale.refunds().refund(cny("16.66"));
        assertAmount("0.83", first.reversal().commission()); // 1.67 * 16.66 / 33.33 = 0.8347
        RefundProgress.Step second = ((RefundProgress.Open) first.next()).refund(cny("16.67"));
        assertAmount("0.84", second.reversal().commission());
        assertInstanceOf(RefundProgress.Closed.class, second.next());
        assertTrue(second.reversal().fullyRefunded());
        assertAmount("3.33", first.reversal().shares().get(0).amount().add(second.reversal().shares().get(0).amount()));
        assertTrue(sale.sellerNet().isEqualTo(first.reversal().sellerNet().add(second.reversal().sellerNet())));
    }

    @Test
    void anOrderRefundedInFullBeforeShipmentReturnsEveryChargeExactly() {
        Settlement s = platform.settle(List.of(
                line("o-1", "l-1", "s-1", "10.00").attribution(List.of("creator")).build(),
                line("o-1", "l-2", "s-1", "20.01").shipping(cny("8.00")).build()));
        List<LineReversal> reversals = s.refundInFull();
        for (int i = 0; i < reversals.size(); i++) {
            LineSettlement sale = s.lines().get(i);
            LineReversal r = reversals.get(i);
            assertTrue(r.fullyRefunded());
            assertTrue(r.commission().isEqualTo(sale.commission().amount()));
            assertTrue(r.sellerNet().isEqualTo(sale.sellerNet()));
            assertTrue(r.refund().isEqualTo(sale.buyerPaid()));
        }
    }

    @Test
    void aRefundLargerThanWhatIsLeftIsRefusedWithATypedError() {
        LineSettlement sale = platform.settle(List.of(line("o-1", "l-1", "s-1", "10.00").build())).lines().get(0);
        RefundProgress.Open open = (RefundProgress.Open) sale.refunds().refund(cny("6.00")).next();
        ExcessiveRefundException e = assertThrows(ExcessiveRefundException.class, () -> open.refund(cny("4.01")));
        assertEquals("o-1/l-1", e.lineId());
        assertTrue(e.getMessage().contains("CNY 4.00"), e.getMessage());
    }

    @Test
    void aFullySubsidisedLineIsFullyReversedByItsRefund() {
        LineSettlement sale = platform.settle(List.of(line("o-1", "l-1", "s-1", "0.00").platformSubsidy(cny("50.00")).build()))
                .lines().get(0);
        assertAmount("2.50", sale.commission().amount());
        RefundProgress.Step step = sale.refunds().refundRemainder();
        assertAmount("50.00", step.reversal().platformSubsidy());
        assertAmount("2.50", step.reversal().commission());
        assertInstanceOf(RefundProgress.Closed.class, step.next());
    }

    static SaleLine.Builder line(String order, String line, String seller, String paid) {
        return SaleLine.builder().ids(order, line).sku("sku-" + line).seller(seller, SellerType.ENTERPRISE).category("misc")
                .paid(cny(paid)).orderedAt(AT).paymentMethod("alipay");
    }

    static MonetaryAmount cny(String amount) {
        return Money.of(new BigDecimal(amount), "CNY");
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(actual.isEqualTo(cny(expected)), "expected CNY " + expected + " but was " + actual);
    }
}
