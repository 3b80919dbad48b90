package dev.mercato.pricing.revenue;

import static dev.mercato.pricing.revenue.SettlementExamples.assertAmount;
import static dev.mercato.pricing.revenue.SettlementExamples.cny;
import static dev.mercato.pricing.revenue.SettlementExamples.line;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.tax.TaxMode;
import java.util.List;
import javax.money.Monetary;
import org.junit.jupiter.api.Test;

/** A line's tax is reversed by its refunds like a charge: in proportion, exactly on the last refund. */
class LineTaxRefundExamples {
    final RevenueSchedule fivePercent = new RevenueSchedule("example",
            CommissionSchedule.of("example", Monetary.getCurrency("CNY"), ChargeBase.PAID_PLUS_SUBSIDY,
                    RoundingPolicy.HALF_UP, List.of(CommissionRule.flat("default", new RuleScope.Everything(),
                            Rate.percent(5)))),
            FeeSchedule.none("example", Monetary.getCurrency("CNY"), RoundingPolicy.HALF_UP));

    @Test
    void inclusiveTaxIsInsideWhatTheBuyerPaidAndComesOutOfTheSellersNet() {
        LineSettlement sale = fivePercent.settle(List.of(line("o-1", "l-1", "s-1", "113.00").build())).lines().get(0)
                .withTax(TaxMode.INCLUSIVE, cny("13.00"), cny("0"));
        assertAmount("113.00", sale.buyerPaid());
        assertAmount("5.65", sale.commission().amount()); // 5% of 113.00: the base is the price as sold
        assertAmount("94.35", sale.sellerNet()); // 113.00 - 5.65 - 13.00
        assertAmount("13.00", sale.tax());

        RefundProgress.Step first = sale.refunds().refund(cny("50.00"));
        assertAmount("5.75", first.reversal().tax()); // 13.00 x 50 / 113 = 5.752
        assertAmount("41.75", first.reversal().sellerNet()); // 50.00 - 2.50 commission - 5.75 tax
        RefundProgress.Step rest = ((RefundProgress.Open) first.next()).refundRemainder();
        assertAmount("7.25", rest.reversal().tax()); // exactly what was left: 13.00 in all
    }

    @Test
    void exclusiveTaxIsAddedToWhatTheBuyerPaysAndLeavesTheSellersNetAlone() {
        LineSettlement plain = fivePercent.settle(List.of(line("o-1", "l-1", "s-1", "100.00").shipping(cny("10.00"))
                .build())).lines().get(0);
        LineSettlement sale = plain.withTax(TaxMode.EXCLUSIVE, cny("7.25"), cny("0.73"));
        assertAmount("117.98", sale.buyerPaid()); // 100.00 + 7.25 + 10.00 + 0.73
        assertAmount("5.00", sale.commission().amount()); // 5% of the goods 100.00, before tax
        assertAmount(plain.sellerNet().getNumber().toString(), sale.sellerNet());
        assertAmount("7.98", sale.tax());

        RefundProgress.Step all = sale.refunds().refund(cny("117.98"));
        assertAmount("7.98", all.reversal().tax());
    }

    @Test
    void taxIsRecordedOnce() {
        LineSettlement sale = fivePercent.settle(List.of(line("o-1", "l-1", "s-1", "10.00").build())).lines().get(0)
                .withTax(TaxMode.INCLUSIVE, cny("1.00"), cny("0"));
        assertThrows(InvalidInputException.class, () -> sale.withTax(TaxMode.INCLUSIVE, cny("1.00"), cny("0")));
    }
}
