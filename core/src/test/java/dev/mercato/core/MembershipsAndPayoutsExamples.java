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
import dev.mercato.core.escrow.Released;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.membership.Active;
import dev.mercato.core.membership.ClawbackPolicy;
import dev.mercato.core.membership.MembershipSettings;
import dev.mercato.core.membership.PointsChange;
import dev.mercato.core.membership.SubscriptionResult;
import dev.mercato.core.membership.Trial;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.settlement.Payee;
import dev.mercato.core.settlement.Payout;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.membership.BillingPeriod;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanBenefits;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.revenue.json.ScheduleJson;
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
 * Memberships and payouts as facade commands (docs/core.md, "Memberships and payouts on the
 * facade"): configured on the builder, run on the facade's storage, ledger and scheduler, points
 * earned and clawed back with no listener of the host's, and every command behind an actor check
 * that changes nothing when it refuses.
 */
class MembershipsAndPayoutsExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Buyer BOB = new Actor.Buyer("bob");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.Seller STUDIO = new Actor.Seller("studio");
    static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("cs-7");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final WarehouseId EAST = new WarehouseId("east");

    /** 10x points (acceleration 900%), 198 a year after a 30-day trial. */
    static final PlanTerms PLUS = PlanTerms.of("PLUS", cny("198.00"), BillingPeriod.YEAR)
            .withTrial(Duration.ofDays(30)).withBenefits(PlanBenefits.none().withPointsAcceleration(900));

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    final Storage storage = InMemoryStorage.create();
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-members", Set.of(CNY)));
    final Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(storage)
            .catalog(Catalog.inMemory().put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00"))))
            .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                    .setStock(EAST, SkuId.of("longjing"), 10, 0))
            .paymentProvider(sandbox)
            .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
            .memberships(new MembershipSettings(CNY, EarnRules.perUnit(1), Duration.ofDays(365),
                    new RedemptionPolicy(100, Rate.percent(50), 100), ClawbackPolicy.ALLOW_NEGATIVE,
                    new TierPolicy(List.of(TierLevel.of("MEMBER", 0)), QualificationBasis.SPEND, Duration.ofDays(365),
                            Duration.ofDays(30)),
                    Map.of("PLUS", PLUS)))
            .payouts(sandbox, Duration.ofDays(7), seller -> Optional.of(new PayeeAccount("bank-" + seller)))
            .build();

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    long points(String member) {
        return commerce.memberships().account(OPERATOR, member).map(a -> a.balance()).orElse(0L);
    }

    Order buyTea(String key) {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("longjing"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), key, Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), CARD));
        return placed.orders().get(0);
    }

    @Test
    void aMemberSubscribesForThemselfOnlyAndPaidOrdersEarnTheirPointsWithNoListener() {
        assertThrows(NotPermittedException.class,
                () -> commerce.memberships().subscribe(BOB, "ann", "PLUS", CARD, "join-1"), "bob for ann");
        assertThrows(NotPermittedException.class,
                () -> commerce.memberships().subscribe(TEA_SHOP, "ann", "PLUS", CARD, "join-1"), "a seller");
        assertTrue(commerce.memberships().subscription(OPERATOR, "ann").isEmpty(), "the refusals changed nothing");

        SubscriptionResult.Done joined = assertInstanceOf(SubscriptionResult.Done.class,
                commerce.memberships().subscribe(ANN, "ann", "PLUS", CARD, "join-1"));
        assertInstanceOf(Trial.class, joined.subscription());

        Order tea = buyTea("checkout-1");
        // 268.00 x 1 point per unit x (100% + 900% PLUS acceleration) = 2,680 points.
        assertEquals(2_680, points("ann"));
        assertEquals(2_680, commerce.memberships().standing(ANN, "ann").pointsAvailable());
        assertThrows(NotPermittedException.class, () -> commerce.memberships().account(BOB, "ann"));
        assertThrows(NotPermittedException.class, () -> commerce.memberships().standing(STUDIO, "ann"));

        // A refund before shipment claws every earned point back, again with no listener.
        assertInstanceOf(OrderResult.Done.class, commerce.refundBeforeShipment(ANN, tea.id()));
        assertEquals(0, points("ann"));
    }

    @Test
    void onlyThePlatformGrantsBonusesAndCancellingSomeoneElsesPlanIsRefused() {
        commerce.memberships().subscribe(ANN, "ann", "PLUS", CARD, "join-1");
        assertThrows(NotPermittedException.class,
                () -> commerce.memberships().grantBonus(ANN, "ann", "review", "bonus-1"), "no self-awarded points");
        assertThrows(NotPermittedException.class, () -> commerce.memberships().addScore(ANN, "ann", 500, "score-1"));
        assertThrows(NotPermittedException.class,
                () -> commerce.memberships().useShippingCoupon(OPERATOR, "ann", "order-1"), "the system records uses");
        assertThrows(NotPermittedException.class, () -> commerce.memberships().cancel(BOB, "ann", "cancel-1"));
        assertInstanceOf(Trial.class, commerce.memberships().subscription(ANN, "ann").orElseThrow(),
                "the refused cancellation changed nothing");
        assertThrows(NotPermittedException.class, () -> commerce.memberships().redeem(BOB, "ann", "o", 100, "r-1"));

        // Customer service may cancel a member's plan.
        SubscriptionResult.Done cancelled = assertInstanceOf(SubscriptionResult.Done.class,
                commerce.memberships().cancel(OPERATOR, "ann", "cancel-1"));
        assertEquals("Cancelled", cancelled.subscription().getClass().getSimpleName());
    }

    @Test
    void trialsTurnIntoPaidPlansOnTheFacadesOwnScheduler() {
        commerce.memberships().subscribe(ANN, "ann", "PLUS", CARD, "join-1");
        clock.advance(Duration.ofDays(31));
        assertTrue(commerce.runDueTimers(SCHEDULER) >= 1);
        assertInstanceOf(Active.class, commerce.memberships().subscription(ANN, "ann").orElseThrow());
        Journal ledger = commerce.journal().orElseThrow();
        assertEquals(cny("198.00"), ledger.balance(Account.revenue(RevenueStream.MEMBERSHIP), CNY).abs(),
                "the first fee is membership revenue in the facade's one ledger");
    }

    @Test
    void thePlatformPaysSellersOutAndEachSellerReadsOnlyItsOwnPayouts() {
        Order tea = buyTea("checkout-1");
        Order.StockAllocated allocated = assertInstanceOf(Order.StockAllocated.class,
                commerce.order(SCHEDULER, tea.id()).orElseThrow());
        List<Shipment.Item> all = allocated.facts().snapshot().lines().stream()
                .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
        assertInstanceOf(OrderResult.Done.class, commerce.ship(TEA_SHOP, tea.id(), "SF1", all));
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, tea.id()));
        assertInstanceOf(Released.class, commerce.escrow(SCHEDULER, tea.id()).orElseThrow());
        Journal ledger = commerce.journal().orElseThrow();
        MonetaryAmount due = ledger.balance(Account.sellerPayable("tea-shop"), CNY).abs();
        assertTrue(due.isPositive(), "the release left the seller's net payable: " + due);

        clock.advance(Duration.ofDays(8));
        Payee teaShop = new Payee.Seller("tea-shop");
        assertThrows(NotPermittedException.class, () -> commerce.payouts().payOut(TEA_SHOP, teaShop, CNY),
                "a seller cannot pay itself out");
        assertThrows(NotPermittedException.class, () -> commerce.payouts().payOut(ANN, teaShop, CNY));
        assertTrue(commerce.payouts().payouts(OPERATOR, teaShop).isEmpty(), "the refusals changed nothing");

        Payout payout = commerce.payouts().payOut(OPERATOR, teaShop, CNY).orElseThrow();
        assertEquals(MinorUnits.toMinor(due), MinorUnits.toMinor(payout.amount()), "all that was due, once");
        assertEquals(0, MinorUnits.toMinor(ledger.balance(Account.sellerPayable("tea-shop"), CNY)));
        assertEquals(List.of(payout), commerce.payouts().payouts(TEA_SHOP, teaShop));
        assertThrows(NotPermittedException.class, () -> commerce.payouts().payouts(STUDIO, teaShop),
                "another seller's payouts");
        assertThrows(NotPermittedException.class, () -> commerce.payouts().payouts(ANN, teaShop));
    }

    @Test
    void unconfiguredMembershipsAndPayoutsSayHowToConfigureThem() {
        Commerce bare = Commerce.builder().sandboxes().build();
        var noMembers = assertThrows(dev.mercato.pricing.error.InvalidInputException.class, bare::memberships);
        assertTrue(noMembers.getMessage().contains("memberships(settings)"), noMembers.getMessage());
        var noPayouts = assertThrows(dev.mercato.pricing.error.InvalidInputException.class, bare::payouts);
        assertTrue(noPayouts.getMessage().contains("payouts("), noPayouts.getMessage());
        assertTrue(bare.journal().isEmpty());
    }
}
