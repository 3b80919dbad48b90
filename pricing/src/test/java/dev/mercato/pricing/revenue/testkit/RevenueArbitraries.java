package dev.mercato.pricing.revenue.testkit;

import dev.mercato.pricing.commission.CategoryPath;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
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
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.RevenueSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Reusable jqwik generators for the revenue calculators, shipped in the pricing test-jar so that
 * settlement and escrow tests can property-test with realistic sold lines and schedules.
 *
 * <p>Lines are in CNY, spread over two orders and three sellers (one of them sometimes
 * self-operated), with discounts, subsidies, shipping, three payment methods and attribution
 * chains of up to three parties; amounts include zero and tiny values.
 */
public final class RevenueArbitraries {
    /** The currency of every generated amount. */
    public static final CurrencyUnit CNY = Monetary.getCurrency("CNY");

    private RevenueArbitraries() {}

    /**
     * Lists of sold lines with distinct (order, line) ids.
     *
     * @param maxLines the most lines in a list, at least 1
     * @return the arbitrary
     */
    public static Arbitrary<List<SaleLine>> saleLines(int maxLines) {
        Arbitrary<Long> small = Arbitraries.longs().between(0, 2_000);
        Arbitrary<Long> paid = Arbitraries.oneOf(Arbitraries.longs().between(0, 50), Arbitraries.longs().between(0, 2_000_000));
        Arbitrary<String> methods = Arbitraries.of("alipay", "wechat", "card");
        Arbitrary<List<String>> chains = Arbitraries.of("k1", "k2", "k3").list().ofMaxSize(3);
        Arbitrary<SaleLine.Builder> builders = Combinators.combine(paid, small, small, small, Arbitraries.integers().between(0, 5),
                methods, chains, Arbitraries.of("apparel/women", "digital", "books/kids", "garden"))
                .as((p, discount, subsidy, shipping, who, method, chain, category) -> SaleLine.builder()
                        .ids("o-" + (who % 2), "x").sku("sku-" + who)
                        .seller("s-" + (who % 3), who == 5 ? SellerType.SELF_OPERATED : SellerType.ENTERPRISE)
                        .category(category).paid(MinorUnits.toAmount(p, CNY)).sellerDiscount(MinorUnits.toAmount(discount, CNY))
                        .platformSubsidy(MinorUnits.toAmount(subsidy, CNY)).shipping(MinorUnits.toAmount(shipping, CNY))
                        .orderedAt(Instant.parse("2026-06-01T00:00:00Z")).paymentMethod(method).attribution(chain));
        return builders.list().ofMinSize(1).ofMaxSize(maxLines).map(bs -> {
            List<SaleLine> result = new ArrayList<>();
            for (int i = 0; i < bs.size(); i++) {
                result.add(bs.get(i).ids(bs.get(i).build().orderId(), "l-" + i).build());
            }
            return result;
        });
    }

    /**
     * Revenue schedules with a default, a capped category, a marginal-tier category, a service
     * fee, payment fees borne by either party and a two-level revenue share, over every base.
     *
     * @return the arbitrary
     */
    public static Arbitrary<RevenueSchedule> revenueSchedules() {
        return Combinators.combine(Arbitraries.of(ChargeBase.values()), Arbitraries.of(Bearer.values()),
                Arbitraries.longs().between(0, 500), Arbitraries.longs().between(0, 300))
                .as(RevenueArbitraries::schedule);
    }

    /**
     * One schedule of the family {@link #revenueSchedules()} draws from.
     *
     * @param base the commission base
     * @param bearer who bears payment fees
     * @param fixedFee the service fee's fixed part in minor units
     * @param minimumCommission the default rule's minimum in minor units
     * @return the schedule
     */
    public static RevenueSchedule schedule(ChargeBase base, Bearer bearer, long fixedFee, long minimumCommission) {
        CommissionSchedule commission = CommissionSchedule.of("generated", CNY, base, RoundingPolicy.HALF_UP, List.of(
                CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(5))
                        .withMinimum(MinorUnits.toAmount(minimumCommission, CNY)),
                CommissionRule.flat("apparel", new RuleScope.Category(CategoryPath.of("apparel")), Rate.percent("12.5"))
                        .withMaximum(MinorUnits.toAmount(5_000, CNY)),
                CommissionRule.tiered("digital", new RuleScope.Category(CategoryPath.of("digital")), TierMode.MARGINAL, List.of(
                        new Tier(MinorUnits.toAmount(0, CNY), Rate.percent(8)),
                        new Tier(MinorUnits.toAmount(500_000, CNY), Rate.percent(3))))));
        FeeSchedule fees = FeeSchedule.none("generated", CNY, RoundingPolicy.HALF_UP)
                .withTransactionFee(new TransactionFee("service", FeeFormula.of(Rate.percent(1), MinorUnits.toAmount(fixedFee, CNY))
                        .withMaximum(MinorUnits.toAmount(2_000, CNY)), ChargeBase.PAID_PLUS_SUBSIDY))
                .withPaymentFees(new PaymentFees(Map.of("alipay", Rate.percent("0.6"), "card", Rate.percent("1.2")),
                        Rate.percent(1), bearer))
                .withRevenueShare(RevenueSharePolicy.of(ChargeBase.PAID, Rate.percent(6), Rate.percent("1.5")));
        return new RevenueSchedule("generated", commission, fees);
    }
}
