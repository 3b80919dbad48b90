package dev.mercato.pricing.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.commission.CategoryPath;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class FeeExamples {
    static final RoundingPolicy R = RoundingPolicy.HALF_UP;

    final FeeSchedule o2o = FeeSchedule.none("o2o", Monetary.getCurrency("CNY"), R)
            .withTransactionFee(new TransactionFee("service-fee", FeeFormula.of(Rate.percent(2), cny("1.00"))
                    .withMinimum(cny("2.00")).withMaximum(cny("30.00")), ChargeBase.PAID))
            .withPaymentFees(new PaymentFees(Map.of("wechat", Rate.percent("0.6")), Rate.percent(1), Bearer.PLATFORM))
            .withRevenueShare(RevenueSharePolicy.of(ChargeBase.PAID, Rate.percent(5), Rate.percent(1)));

    @Test
    void aServiceFeeIsChargedOncePerOrderAndSplitAcrossItsLinesExactly() {
        List<OrderFee> fees = o2o.orderFees(List.of(line("l-1", "33.33", "wechat"), line("l-2", "66.67", "wechat")));
        OrderFee service = fees.get(0);
        assertEquals(FeeKind.TRANSACTION, service.kind());
        assertAmount("3.00", service.total()); // 2% of 100.00 + 1.00
        assertAmount("1.00", service.perLine().get(0));
        assertAmount("2.00", service.perLine().get(1));
        assertEquals(Bearer.SELLER, service.bearer());
    }

    @Test
    void aSmallOrderPaysTheMinimumServiceFeeAndALargeOneTheMaximum() {
        assertAmount("2.00", o2o.orderFees(List.of(line("l-1", "10.00", "wechat"))).get(0).total());
        assertAmount("30.00", o2o.orderFees(List.of(line("l-1", "5000.00", "wechat"))).get(0).total());
    }

    @Test
    void thePaymentChannelFeeFollowsTheMethodAndIsBorneAsConfigured() {
        List<OrderFee> fees = o2o.orderFees(List.of(line("l-1", "100.00", "wechat"), line("l-2", "50.00", "card")));
        OrderFee wechat = fees.get(1);
        OrderFee card = fees.get(2);
        assertAmount("0.60", wechat.total());
        assertAmount("0.00", wechat.perLine().get(1));
        assertAmount("0.50", card.total());
        assertEquals(Bearer.PLATFORM, card.bearer());
    }

    @Test
    void theCreatorAndTheReferrerShareTheLineButAThirdLevelGetsNothing() {
        List<ShareCharge> shares = o2o.sharesFor(SaleLine.builder().ids("o", "l").sku("x").seller("s", SellerType.INDIVIDUAL)
                .paid(cny("200.00")).orderedAt(Instant.EPOCH).attribution(List.of("creator", "referrer", "grand")).build());
        assertEquals(2, shares.size());
        assertEquals("creator", shares.get(0).partyId());
        assertAmount("10.00", shares.get(0).amount());
        assertAmount("2.00", shares.get(1).amount());
    }

    @Test
    void aRevenueSharePolicyWithMoreLevelsThanAllowedIsRejected() {
        assertThrows(InvalidInputException.class,
                () -> RevenueSharePolicy.of(ChargeBase.PAID, Rate.percent(3), Rate.percent(2), Rate.percent(1)));
        assertEquals(3, new RevenueSharePolicy(List.of(Rate.percent(3), Rate.percent(2), Rate.percent(1)), ChargeBase.PAID, 3)
                .levelRates().size());
    }

    @Test
    void theAnnualFeeIsHalfRefundedAtOnePointFiveMillionAndFullyAtThreeMillion() {
        AnnualFee fee = new AnnualFee(cny("60000.00"), List.of(
                new AnnualFee.Rebate(cny("1500000.00"), Rate.percent(50)),
                new AnnualFee.Rebate(cny("3000000.00"), Rate.percent(100))));
        assertAmount("60000.00", fee.assess(cny("1499999.99"), R).net());
        assertAmount("30000.00", fee.assess(cny("1500000.00"), R).rebate());
        assertAmount("0.00", fee.assess(cny("3200000.00"), R).net());
        assertTrue(fee.assess(cny("1.00"), R).threshold().isEmpty());
    }

    @Test
    void aBrandStoreInJewelleryHoldsTheLargestDepositItsCategoriesRequire() {
        DepositSchedule deposits = new DepositSchedule(Monetary.getCurrency("CNY"), List.of(
                new DepositSchedule.Rule(Optional.empty(), Optional.empty(), cny("1000.00")),
                new DepositSchedule.Rule(Optional.of(SellerType.BRAND_FLAGSHIP), Optional.empty(), cny("50000.00")),
                new DepositSchedule.Rule(Optional.empty(), Optional.of(CategoryPath.of("jewellery")), cny("20000.00")),
                new DepositSchedule.Rule(Optional.of(SellerType.BRAND_FLAGSHIP), Optional.of(CategoryPath.of("jewellery")),
                        cny("100000.00"))));
        assertAmount("1000.00", deposits.requiredFor(SellerType.INDIVIDUAL, List.of(CategoryPath.of("books"))).amount());
        assertAmount("20000.00", deposits.requiredFor(SellerType.INDIVIDUAL,
                List.of(CategoryPath.of("books"), CategoryPath.of("jewellery/rings"))).amount());
        DepositSchedule.Requirement brand = deposits.requiredFor(SellerType.BRAND_FLAGSHIP,
                List.of(CategoryPath.of("books"), CategoryPath.of("jewellery/rings")));
        assertAmount("100000.00", brand.amount());
        assertTrue(brand.explanation().contains("jewellery/rings"), brand.explanation());
    }

    @Test
    void aCounterfeitCostsTheSellerTenTimesThePriceForTheBuyer() {
        PenaltySchedule penalties = new PenaltySchedule(Monetary.getCurrency("CNY"), PenaltySchedule.DEFAULT_COUNTERFEIT_MULTIPLE,
                FeeFormula.of(Rate.percent(30), cny("0")).withMaximum(cny("500.00")), cny("1000.00"));
        assertAmount("2990.00", penalties.counterfeit(cny("299.00")).buyerCompensation());
        assertAmount("30.00", penalties.lateShipment(cny("100.00"), R).buyerCompensation());
        assertAmount("500.00", penalties.lateShipment(cny("9000.00"), R).buyerCompensation());
        assertAmount("3000.00", penalties.fakeOrders(3).platformPenalty());
    }

    @Test
    void theTopBidderPaysJustEnoughToStayAheadOfTheNext() {
        AdAuction auction = new AdAuction(Monetary.getCurrency("CNY"), 2, cny("0.10"));
        List<Placement> placements = auction.run(List.of(
                new Bid("a", cny("2.00"), new BigDecimal("0.5")), // score 100
                new Bid("b", cny("1.00"), new BigDecimal("0.8")), // score 80
                new Bid("c", cny("1.50"), new BigDecimal("0.3")), // score 45
                new Bid("d", cny("0.05"), new BigDecimal("9")))); // below the reserve
        assertEquals("a", placements.get(0).bid().campaignId());
        assertAmount("1.60", placements.get(0).price()); // 80 / 0.5 = 160 fen; a wins ties against b
        assertEquals("b", placements.get(1).bid().campaignId());
        assertAmount("0.57", placements.get(1).price()); // 45 / 0.8 = 56.25 -> 57 fen
    }

    @Test
    void onEqualScoresTheSmallerCampaignIdRanksFirstAndTheOtherPaysItsFullBid() {
        AdAuction auction = new AdAuction(Monetary.getCurrency("CNY"), 2, cny("0"));
        List<Placement> placements = auction.run(List.of(
                new Bid("zeta", cny("1.00"), BigDecimal.ONE), new Bid("alpha", cny("1.00"), BigDecimal.ONE)));
        assertEquals("alpha", placements.get(0).bid().campaignId());
        assertAmount("1.00", placements.get(0).price());
        assertAmount("0.00", placements.get(1).price());
    }

    @Test
    void aCpmCampaignStopsBeingBilledWhenTheNextBatchWouldPassItsDailyBudget() {
        CampaignDay day = CampaignDay.start("brand-week", BillingModel.CPM, LocalDate.of(2026, 6, 1), cny("10.00"));
        CampaignDay.Billing first = day.bill(cny("20.00"), 400, R); // 8.00
        assertAmount("8.00", first.charged());
        CampaignDay.Billing second = first.next().bill(cny("20.00"), 150, R); // 3.00 > 2.00 left
        assertFalse(second.accepted());
        assertAmount("2.00", second.next().remaining());
        assertAmount("2.00", second.next().bill(cny("20.00"), 100, R).charged());
    }

    static SaleLine line(String id, String paid, String method) {
        return SaleLine.builder().ids("o-1", id).sku("sku-" + id).seller("s-1", SellerType.ENTERPRISE).paid(cny(paid))
                .orderedAt(Instant.parse("2026-06-01T00:00:00Z")).paymentMethod(method).build();
    }

    static MonetaryAmount cny(String amount) {
        return Money.of(new BigDecimal(amount), "CNY");
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(actual.isEqualTo(cny(expected)), "expected CNY " + expected + " but was " + actual);
    }
}
