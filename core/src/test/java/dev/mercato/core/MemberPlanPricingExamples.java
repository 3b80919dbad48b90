package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.PriceLevel;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.membership.ClawbackPolicy;
import dev.mercato.core.membership.Lapsed;
import dev.mercato.core.membership.MembershipSettings;
import dev.mercato.core.membership.SubscriptionResult;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.membership.BillingPeriod;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanBenefits;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
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
 * A paid plan's or a tier's holders pay the catalog's member price through the facade with no
 * buyer flag of the host's (docs/membership.md, "Member prices from plans and tiers"):
 * {@code Builder.memberPricing(engine)} offers it to the codes the programme names, every plan and
 * every tier level with the {@code member-price} benefit; a lapsed plan stops it.
 */
class MemberPlanPricingExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final PaymentSource CARD = new PaymentSource("tok_visa");

    /** 30 days of trial, then 198 a year; one failed charge lapses the plan. */
    static final PlanTerms PLUS = PlanTerms.of("PLUS", cny("198.00"), BillingPeriod.YEAR)
            .withTrial(Duration.ofDays(30)).withRenewalAttempts(1, Duration.ofDays(1));
    /** GOLD from 50.00 spent in a year, with the member price; MEMBER (from 0) without it. */
    static final TierPolicy TIERS = new TierPolicy(List.of(TierLevel.of("MEMBER", 0),
            TierLevel.of("GOLD", 5_000, PlanBenefits.MEMBER_PRICE)), QualificationBasis.SPEND, Duration.ofDays(365),
            Duration.ofDays(30));
    static final MembershipSettings SETTINGS = new MembershipSettings(CNY, EarnRules.perUnit(1), Duration.ofDays(365),
            new RedemptionPolicy(100, Rate.percent(50), 100), ClawbackPolicy.ALLOW_NEGATIVE, TIERS,
            Map.of("PLUS", PLUS));

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-member-prices", Set.of(CNY)));
    final Commerce commerce = Commerce.builder().sandboxes().clock(clock).paymentProvider(sandbox)
            .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Green tea", cny("30.00"))
                    .withPriceLevel(PriceLevel.MEMBER, cny("27.00"))))
            .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                    .setStock(new WarehouseId("east"), SkuId.of("tea"), 100, 0))
            .memberships(SETTINGS)
            .memberPricing(engine())
            .build();

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    static PricingEngine engine() {
        return PricingEngine.of(PromotionJson.standard().read("{\"currency\": \"CNY\", \"promotions\": []}"));
    }

    MonetaryAmount cartPrice(String buyer) {
        Actor.Buyer actor = new Actor.Buyer(buyer);
        commerce.addToCart(actor, CartId.of(buyer), SkuId.of("tea"), 1);
        return commerce.priceCart(actor, CartId.of(buyer)).priced().orElseThrow().lines().get(0).payable();
    }

    /** Checks the cart out and pays; returns what the buyer was charged. */
    MonetaryAmount checkOut(String buyer, String key) {
        Actor.Buyer actor = new Actor.Buyer(buyer);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(actor, CartId.of(buyer), key, Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(actor, placed.payment().paymentId(), CARD));
        return placed.payment().total();
    }

    @Test
    void theProgrammeNamesEveryPlanAndEveryTierWithTheMemberPriceBenefit() {
        assertEquals(Set.of("PLUS", "GOLD"), SETTINGS.memberPriceTiers());
    }

    @Test
    void aPlusSubscriberPaysTheMemberPriceAtCartAndCheckoutAndALapsedPlanStopsIt() {
        assertTrue(cny("30.00").isEqualTo(cartPrice("ann")), "no plan yet: list price");
        assertInstanceOf(SubscriptionResult.Done.class,
                commerce.memberships().subscribe(new Actor.Buyer("ann"), "ann", "PLUS", CARD, "join-1"));
        assertTrue(cny("27.00").isEqualTo(commerce.priceCart(new Actor.Buyer("ann"), CartId.of("ann")).priced()
                .orElseThrow().lines().get(0).payable()), "in the trial: member price 27.00");
        assertTrue(cny("27.00").isEqualTo(checkOut("ann", "checkout-1")), "charged 27.00, not 30.00");

        // The trial ends, the first fee is declined, the one attempt is used: the plan lapses.
        sandbox.declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
        clock.advance(Duration.ofDays(31));
        commerce.runDueTimers(new Actor.System("scheduler"));
        assertInstanceOf(Lapsed.class, commerce.memberships().subscription(new Actor.Buyer("ann"), "ann").orElseThrow());
        assertTrue(cny("30.00").isEqualTo(cartPrice("ann")), "lapsed: list price again");
        assertTrue(cny("30.00").isEqualTo(checkOut("ann", "checkout-2")));
    }

    @Test
    void aBuyerWhoseSpendReachesGoldPaysTheMemberPriceFromTheNextOrderOn() {
        // 30.00 + 30.00 = 60.00 spent >= 50.00: GOLD after the second paid order.
        assertTrue(cny("30.00").isEqualTo(cartPrice("carl")));
        checkOut("carl", "c-1");
        assertTrue(cny("30.00").isEqualTo(cartPrice("carl")), "30.00 spent: still MEMBER");
        checkOut("carl", "c-2");
        assertEquals(Set.of("GOLD"), commerce.memberships().standing(new Actor.Buyer("carl"), "carl").tiers());
        assertTrue(cny("27.00").isEqualTo(cartPrice("carl")), "GOLD: member price");
        assertTrue(cny("27.00").isEqualTo(checkOut("carl", "c-3")));
    }

    @Test
    void aProgrammeWithoutAnyMemberPriceCodeIsRefusedAtBuild() {
        MembershipSettings bare = new MembershipSettings(CNY, EarnRules.perUnit(1), Duration.ofDays(365),
                new RedemptionPolicy(100, Rate.percent(50), 100), ClawbackPolicy.ALLOW_NEGATIVE,
                new TierPolicy(List.of(TierLevel.of("MEMBER", 0)), QualificationBasis.SPEND, Duration.ofDays(365),
                        Duration.ofDays(30)), Map.of());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Commerce.builder().sandboxes().memberships(bare).memberPricing(engine()).build());
        assertTrue(refused.getMessage().contains("member-price"), refused.getMessage());
    }
}
