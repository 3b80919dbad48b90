package dev.mercato.core.escrow;

import static dev.mercato.core.escrow.EscrowExamples.CNY;
import static dev.mercato.core.escrow.EscrowExamples.cny;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.settlement.DiscountFunding;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.FeeFormula;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.fee.PaymentFees;
import dev.mercato.pricing.fee.TransactionFee;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.Settlement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeductionsExamples {
    final RevenueSchedule platform = new RevenueSchedule("mall",
            CommissionSchedule.of("mall", CNY, ChargeBase.PAID, RoundingPolicy.HALF_UP,
                    List.of(CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(5)))),
            FeeSchedule.none("mall", CNY, RoundingPolicy.HALF_UP)
                    .withTransactionFee(new TransactionFee("service", FeeFormula.of(Rate.ZERO, cny("1.00")), ChargeBase.PAID))
                    .withPaymentFees(new PaymentFees(Map.of("alipay", Rate.percent("0.6")), Rate.percent(1), Bearer.SELLER)));

    static SaleLine.Builder line(String order, String line, String paid) {
        return SaleLine.builder().ids(order, line).sku("sku-" + line).seller("s-1", SellerType.ENTERPRISE)
                .category("apparel/shoes").quantity(1).paid(cny(paid)).paymentMethod("alipay").orderedAt(EscrowExamples.T0);
    }

    @Test
    void theEscrowDeductsWhatTheRevenueCalculatorsCharged() {
        Settlement settlement = platform.settle(List.of(line("o-1", "l-1", "60.00").build(),
                line("o-1", "l-2", "40.00").build(), line("o-2", "l-3", "10.00").build()));
        Deductions d = Deductions.fromSettlement(settlement, "o-1");
        assertTrue(d.commission().isEqualTo(cny("5.00")));
        assertTrue(d.serviceFee().isEqualTo(cny("1.00")));
        assertTrue(d.paymentFee().isEqualTo(cny("0.60")));
        EscrowTerms terms = EscrowTerms.of("o-1", "b-1", "s-1", cny("100.00")).withDeductions(d);
        assertTrue(terms.deductions().equals(d));
        DiscountFunding funding = DiscountFunding.of(settlement.byOrder().get(0));
        assertTrue(funding.sellerFunded().isZero());
        assertTrue(EscrowTerms.fromSettlement("o-1", "b-1", settlement, "o-1").amount().isEqualTo(cny("100.00")));
    }

    @Test
    void anOrderWithAPlatformSubsidyBecomesTermsWhereThePlatformAddsTheSubsidyOnRelease() {
        Settlement settlement = platform.settle(List.of(line("o-1", "l-1", "90.00").platformSubsidy(cny("10.00"))
                .sellerDiscount(cny("5.00")).build()));
        EscrowTerms terms = EscrowTerms.fromSettlement("o-1", "b-1", settlement, "o-1");
        assertTrue(terms.amount().isEqualTo(cny("90.00")));
        assertTrue(terms.platformSubsidy().isEqualTo(cny("10.00")));
        assertTrue(terms.deductions().commission().isEqualTo(cny("4.50")), terms.toString());
        assertTrue(DiscountFunding.of(settlement.byOrder().get(0)).sellerFunded().isEqualTo(cny("5.00")));
        assertThrows(InvalidInputException.class, () -> Deductions.fromSettlement(settlement, "o-9"));
    }
}
