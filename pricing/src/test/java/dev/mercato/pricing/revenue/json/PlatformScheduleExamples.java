package dev.mercato.pricing.revenue.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.commission.CategoryPath;
import dev.mercato.pricing.commission.MatchKind;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.Bid;
import dev.mercato.pricing.fee.FeeKind;
import dev.mercato.pricing.fee.Placement;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.LineSettlement;
import dev.mercato.pricing.revenue.PlatformSchedules;
import dev.mercato.pricing.revenue.RefundProgress;
import dev.mercato.pricing.revenue.Settlement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlatformScheduleExamples {
    static final Instant JUNE = Instant.parse("2026-06-18T12:00:00Z");

    @Nested
    class C2cMarketplace {
        final PlatformSchedules c2c = ScheduleJson.example("c2c-marketplace");

        @Test
        void anIndividualSellerPaysNoCommissionButTheServiceFeeAndTheAlipayFee() {
            LineSettlement l = settle(c2c, line("o-1", "l-1", "alice", SellerType.INDIVIDUAL, "books", "200.00")).lines().get(0);
            assertAmount("0.00", l.commission().amount());
            assertEquals("free-store", l.commission().ruleId().orElseThrow());
            assertAmount("2.00", fee(l, FeeKind.TRANSACTION));
            assertAmount("1.20", fee(l, FeeKind.PAYMENT_CHANNEL));
            assertAmount("196.80", l.sellerNet());
        }

        @Test
        void aFiveYuanOrderPaysTheTenFenMinimumServiceFee() {
            LineSettlement l = settle(c2c, line("o-1", "l-1", "alice", SellerType.INDIVIDUAL, "books", "5.00")).lines().get(0);
            assertAmount("0.10", fee(l, FeeKind.TRANSACTION));
        }

        @Test
        void theCreatorWhoBroughtTheBuyerGetsFivePercentAndTheirReferrerOnePercentUntilTheRefund() {
            LineSettlement l = settle(c2c, line("o-1", "l-1", "alice", SellerType.INDIVIDUAL, "toys", "80.00")
                    .attribution(List.of("creator-kim", "referrer-lee", "someone-else"))).lines().get(0);
            assertEquals(2, l.shares().size());
            assertAmount("4.00", l.shares().get(0).amount());
            assertAmount("0.80", l.shares().get(1).amount());
            RefundProgress.Step refund = l.refunds().refund(cny("80.00"));
            assertAmount("4.00", refund.reversal().shares().get(0).amount());
            assertAmount("0.80", refund.reversal().shares().get(1).amount());
            assertInstanceOf(RefundProgress.Closed.class, refund.next());
        }

        @Test
        void aCounterfeitSoldForNinetyNineCostsTheSellerNineHundredNinetyForTheBuyer() {
            assertAmount("990.00", c2c.penalties().orElseThrow().counterfeit(cny("99.00")).buyerCompensation());
        }

        @Test
        void sponsoredListingsGoToTheBestQualityTimesBidAtSecondPrice() {
            List<Placement> slots = c2c.advertising().orElseThrow().run(List.of(
                    new Bid("shop-a", cny("1.00"), new BigDecimal("0.9")),
                    new Bid("shop-b", cny("1.20"), new BigDecimal("0.6")),
                    new Bid("shop-c", cny("0.04"), new BigDecimal("1.0"))));
            assertEquals(2, slots.size()); // shop-c bids below the 0.05 reserve
            assertEquals("shop-a", slots.get(0).bid().campaignId());
            assertAmount("0.80", slots.get(0).price()); // 72 / 0.9
            assertAmount("0.05", slots.get(1).price());
        }
    }

    @Nested
    class B2cMall {
        final PlatformSchedules mall = ScheduleJson.example("b2c-mall");

        @Test
        void aDigitalOrderPlacedJustBeforeJulyPaysTwoPercentAndOneAtMidnightTwoAndAHalf() {
            Settlement s = settle(mall,
                    line("o-1", "l-1", "phone-store", SellerType.BRAND_FLAGSHIP, "digital/phones", "3000.00")
                            .orderedAt(Instant.parse("2026-06-30T23:59:59Z")),
                    line("o-2", "l-1", "phone-store", SellerType.BRAND_FLAGSHIP, "digital/phones", "3000.00")
                            .orderedAt(Instant.parse("2026-07-01T00:00:00Z")));
            assertAmount("60.00", s.lines().get(0).commission().amount());
            assertEquals("digital-h1", s.lines().get(0).commission().ruleId().orElseThrow());
            assertAmount("75.00", s.lines().get(1).commission().amount());
            assertEquals("digital-h2", s.lines().get(1).commission().ruleId().orElseThrow());
        }

        @Test
        void aPlatformCouponDoesNotReduceTheMallsCommissionBaseButAShopCouponDoes() {
            LineSettlement l = settle(mall, line("o-1", "l-1", "fashion", SellerType.BRAND_FLAGSHIP, "apparel/men", "90.00")
                    .platformSubsidy(cny("10.00")).sellerDiscount(cny("20.00"))).lines().get(0);
            assertAmount("100.00", l.commissionBase());
            assertAmount("5.00", l.commission().amount());
            assertAmount("100.00", l.sellerGross());
        }

        @Test
        void womensDressesKeepTheirOwnRateWhileWomensTopsInheritTheApparelRate() {
            Settlement s = settle(mall,
                    line("o-1", "l-1", "fashion", SellerType.BRAND_FLAGSHIP, "apparel/women/dresses", "100.00"),
                    line("o-1", "l-2", "fashion", SellerType.BRAND_FLAGSHIP, "apparel/women/tops", "100.00"));
            assertAmount("8.00", s.lines().get(0).commission().amount());
            assertEquals(MatchKind.CATEGORY, s.lines().get(0).commission().match());
            assertAmount("5.00", s.lines().get(1).commission().amount());
            assertEquals(MatchKind.INHERITED_CATEGORY, s.lines().get(1).commission().match());
        }

        @Test
        void theAcmeBrandProgrammeBeatsTheCategoryRate() {
            LineSettlement l = settle(mall, line("o-1", "l-1", "acme-store", SellerType.BRAND_FLAGSHIP, "apparel/women/dresses",
                    "100.00").brand("acme")).lines().get(0);
            assertAmount("3.00", l.commission().amount());
            assertEquals(MatchKind.BRAND_OVERRIDE, l.commission().match());
        }

        @Test
        void aFlagshipStoreWithTwoMillionOfYearlySalesGetsHalfItsAnnualFeeBack() {
            assertAmount("30000.00", mall.annualFee().orElseThrow().assess(cny("2000000.00"), RoundingPolicy.HALF_UP).net());
            assertAmount("0.00", mall.annualFee().orElseThrow().assess(cny("3000000.00"), RoundingPolicy.HALF_UP).net());
        }

        @Test
        void aSellerOfJewelleryMustHoldTheJewelleryDeposit() {
            assertAmount("150000.00", mall.deposits().orElseThrow().requiredFor(SellerType.BRAND_FLAGSHIP,
                    List.of(CategoryPath.of("apparel"), CategoryPath.of("jewellery/rings"))).amount());
            assertAmount("50000.00", mall.deposits().orElseThrow().requiredFor(SellerType.BRAND_FLAGSHIP,
                    List.of(CategoryPath.of("apparel"))).amount());
        }
    }

    @Nested
    class HybridSelfOperatedAndThirdParty {
        final PlatformSchedules hybrid = ScheduleJson.example("hybrid-self-operated");

        @Test
        void theSelfOperatedStorePaysNoCommissionWhileAThirdPartySellerOfTheSamePhonePaysTwoPercent() {
            Settlement s = settle(hybrid,
                    line("o-1", "l-1", "self", SellerType.SELF_OPERATED, "digital/phones", "4000.00"),
                    line("o-2", "l-1", "phone-shop", SellerType.ENTERPRISE, "digital/phones", "4000.00"));
            assertAmount("0.00", s.lines().get(0).commission().amount());
            assertEquals(MatchKind.SELF_OPERATED, s.lines().get(0).commission().match());
            assertAmount("80.00", s.lines().get(1).commission().amount());
        }

        @Test
        void aLineEndingExactlyOnTheOneMillionEdgeIsChargedWhollyAtSixPercent() {
            Settlement s = hybrid.revenue().settle(List.of(
                    line("o-1", "l-1", "big-appliance-co", SellerType.ENTERPRISE, "appliances", "10000.00").build()),
                    Map.of("big-appliance-co", cny("990000.00")));
            assertAmount("600.00", s.lines().get(0).commission().amount());
        }

        @Test
        void aLineCrossingTheOneMillionEdgePaysSixPercentBelowAndFourPercentAbove() {
            Settlement s = hybrid.revenue().settle(List.of(
                    line("o-1", "l-1", "big-appliance-co", SellerType.ENTERPRISE, "appliances", "20000.00").build()),
                    Map.of("big-appliance-co", cny("990000.00")));
            assertAmount("1000.00", s.lines().get(0).commission().amount()); // 10,000 at 6% + 10,000 at 4%
        }

        @Test
        void thePlatformAbsorbsThePaymentFeeSoTheSellerNetIgnoresIt() {
            LineSettlement l = settle(hybrid, line("o-1", "l-1", "shop", SellerType.ENTERPRISE, "home", "100.00")
                    .paymentMethod("jdpay")).lines().get(0);
            assertAmount("0.50", l.platformFees());
            assertEquals(Bearer.PLATFORM, l.fees().get(0).bearer());
            assertAmount("92.00", l.sellerNet());
        }
    }

    @Nested
    class O2oServices {
        final PlatformSchedules o2o = ScheduleJson.example("o2o-services");

        @Test
        void aMerchantWhoseOrderLandsExactlyOnFiftyThousandGetsSevenPercentOnTheWholeOrder() {
            Settlement s = o2o.revenue().settle(List.of(
                    line("o-1", "l-1", "noodle-bar", SellerType.ENTERPRISE, "catering", "100.00").build()),
                    Map.of("noodle-bar", cny("49900.00")));
            assertAmount("7.00", s.lines().get(0).commission().amount());
            assertTrue(s.lines().get(0).commission().explanation().contains("reaches the 7% band"));
        }

        @Test
        void oneFenShortOfTheEdgeTheMerchantStillPaysEightPercent() {
            Settlement s = o2o.revenue().settle(List.of(
                    line("o-1", "l-1", "noodle-bar", SellerType.ENTERPRISE, "catering", "99.99").build()),
                    Map.of("noodle-bar", cny("49900.00")));
            assertAmount("8.00", s.lines().get(0).commission().amount());
        }

        @Test
        void aSmallOrderPaysTheMinimumCommissionAndTheMinimumServiceFee() {
            LineSettlement l = settle(o2o, line("o-1", "l-1", "tea-shop", SellerType.ENTERPRISE, "catering", "12.00"))
                    .lines().get(0);
            assertAmount("2.00", l.commission().amount());
            assertAmount("0.50", fee(l, FeeKind.TRANSACTION));
        }

        @Test
        void aLargeOrderPaysTheCappedServiceFeeOfTwentyYuan() {
            LineSettlement l = settle(o2o, line("o-1", "l-1", "banquet-hall", SellerType.ENTERPRISE, "catering", "5000.00"))
                    .lines().get(0);
            assertAmount("20.00", fee(l, FeeKind.TRANSACTION));
        }

        @Test
        void aLateDeliveryEarnsTheBuyerTwentyPercentUpToFiftyYuan() {
            assertAmount("12.00", o2o.penalties().orElseThrow().lateShipment(cny("60.00"), RoundingPolicy.HALF_UP)
                    .buyerCompensation());
            assertAmount("50.00", o2o.penalties().orElseThrow().lateShipment(cny("600.00"), RoundingPolicy.HALF_UP)
                    .buyerCompensation());
        }
    }

    static Settlement settle(PlatformSchedules schedules, SaleLine.Builder... lines) {
        return schedules.revenue().settle(java.util.Arrays.stream(lines).map(SaleLine.Builder::build).toList());
    }

    static MonetaryAmount fee(LineSettlement l, FeeKind kind) {
        return l.fees().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow().amount();
    }

    static SaleLine.Builder line(String order, String line, String seller, SellerType type, String category, String paid) {
        return SaleLine.builder().ids(order, line).sku("sku-" + order + line).seller(seller, type).category(category)
                .paid(cny(paid)).orderedAt(JUNE).paymentMethod("alipay");
    }

    static MonetaryAmount cny(String amount) {
        return Money.of(new BigDecimal(amount), "CNY");
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(actual.isEqualTo(cny(expected)), "expected CNY " + expected + " but was " + actual);
    }
}
