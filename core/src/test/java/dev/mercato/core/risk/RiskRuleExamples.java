package dev.mercato.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.escrow.MovableClock;
import dev.mercato.core.storage.memory.InMemoryStorage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

class RiskRuleExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    final MovableClock clock = new MovableClock(T0);
    final AtomicInteger orders = new AtomicInteger();

    static MonetaryAmount cny(String value) {
        return Monetary.getDefaultAmountFactory().setCurrency(CNY).setNumber(new BigDecimal(value)).create();
    }

    RiskService service(RiskRule... rules) {
        return RiskService.create(InMemoryStorage.create(), clock, List.of(rules));
    }

    /** Places one purchase: checked before checkout, then recorded after checkout. */
    RiskDecision place(RiskService risk, RiskCheck check) {
        RiskDecision before = risk.check(check);
        if (before instanceof RiskDecision.Allow) {
            risk.check(check.at(RiskStage.AFTER_CHECKOUT));
        }
        return before;
    }

    RiskCheck purchase(String buyer, String amount) {
        return RiskCheck.of("ord-" + orders.incrementAndGet(), RiskStage.BEFORE_CHECKOUT, buyer, cny(amount), List.of("s-1"));
    }

    @Test
    void aBuyerMaySpendExactlyItsDailyLimitAndNotOneCentMore() {
        RiskService risk = service(RiskRules.buyerLimit(cny("1000.00"), Duration.ofDays(1), RiskRules.Outcome.DENY));
        place(risk, purchase("b-1", "600.00"));

        assertInstanceOf(RiskDecision.Deny.class, risk.check(purchase("b-1", "400.01")));
        assertInstanceOf(RiskDecision.Allow.class, place(risk, purchase("b-1", "400.00")));
        RiskDecision.Deny deny = assertInstanceOf(RiskDecision.Deny.class, risk.check(purchase("b-1", "0.01")));
        assertEquals(RiskReason.Code.BUYER_LIMIT, deny.reasons().get(0).code());
        assertInstanceOf(RiskDecision.Allow.class, risk.check(purchase("b-2", "1000.00")));
    }

    @Test
    void theBuyerLimitForgetsAPurchaseExactlyOneWindowLater() {
        RiskService risk = service(RiskRules.buyerLimit(cny("1000.00"), Duration.ofDays(1), RiskRules.Outcome.DENY));
        place(risk, purchase("b-1", "1000.00"));

        clock.advance(Duration.ofDays(1).minusMillis(1));
        assertInstanceOf(RiskDecision.Deny.class, risk.check(purchase("b-1", "0.01")));
        clock.advance(Duration.ofMillis(1));
        assertInstanceOf(RiskDecision.Allow.class, risk.check(purchase("b-1", "1000.00")));
    }

    @Test
    void aCardMayBeChargedExactlyItsLimitAcrossBuyers() {
        RiskService risk = service(RiskRules.cardLimit(cny("500.00"), Duration.ofDays(1), RiskRules.Outcome.REVIEW));
        risk.check(purchase("b-1", "300.00").withCard("card-x").at(RiskStage.AFTER_PAYMENT));

        assertInstanceOf(RiskDecision.Allow.class,
                risk.check(purchase("b-2", "200.00").withCard("card-x").at(RiskStage.BEFORE_PAYMENT)));
        RiskDecision.Review review = assertInstanceOf(RiskDecision.Review.class,
                risk.check(purchase("b-2", "200.01").withCard("card-x").at(RiskStage.BEFORE_PAYMENT)));
        assertEquals(RiskReason.Code.CARD_LIMIT, review.reasons().get(0).code());
    }

    @Test
    void aBuyerMayPlaceThreeOrdersAnHourAndTheFourthIsDeniedUntilTheFirstIsAnHourOld() {
        RiskService risk = service(RiskRules.buyerVelocity(3, Duration.ofHours(1), RiskRules.Outcome.DENY));
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(RiskDecision.Allow.class, place(risk, purchase("b-1", "10.00")));
            clock.advance(Duration.ofMinutes(10));
        }
        assertInstanceOf(RiskDecision.Deny.class, risk.check(purchase("b-1", "10.00")));

        clock.set(T0.plus(Duration.ofHours(1)).minusMillis(1));
        assertInstanceOf(RiskDecision.Deny.class, risk.check(purchase("b-1", "10.00")));
        clock.set(T0.plus(Duration.ofHours(1)));
        assertInstanceOf(RiskDecision.Allow.class, risk.check(purchase("b-1", "10.00")));
    }

    @Test
    void oneDeviceMayPlaceTwoOrdersAnHourWhoeverTheBuyer() {
        RiskService risk = service(RiskRules.deviceVelocity(2, Duration.ofHours(1), RiskRules.Outcome.REVIEW));
        place(risk, purchase("b-1", "10.00").withDevice("dev-9"));
        assertInstanceOf(RiskDecision.Allow.class, place(risk, purchase("b-2", "10.00").withDevice("dev-9")));

        RiskDecision.Review review = assertInstanceOf(RiskDecision.Review.class,
                risk.check(purchase("b-3", "10.00").withDevice("dev-9")));
        assertEquals(RiskReason.Code.DEVICE_VELOCITY, review.reasons().get(0).code());
        assertInstanceOf(RiskDecision.Allow.class, risk.check(purchase("b-3", "10.00").withDevice("dev-1")));
    }

    @Test
    void aNewAccountsOrderMayBeExactlyTheFirstOrderLimit() {
        RiskService risk = service(RiskRules.firstOrderLimit(cny("200.00"), Duration.ofDays(30), RiskRules.Outcome.REVIEW));
        Instant opened = T0.minus(Duration.ofDays(30)).plusMillis(1);

        assertInstanceOf(RiskDecision.Allow.class, place(risk, purchase("b-1", "200.00").withAccountOpenedAt(opened)));
        assertInstanceOf(RiskDecision.Review.class, risk.check(purchase("b-1", "200.01").withAccountOpenedAt(opened)));
        // Exactly 30 days old and with an earlier order: no longer new.
        assertInstanceOf(RiskDecision.Allow.class,
                risk.check(purchase("b-1", "200.01").withAccountOpenedAt(opened.minusMillis(1))));
        // A first order is limited whatever the account's age.
        assertInstanceOf(RiskDecision.Review.class,
                risk.check(purchase("b-2", "200.01").withAccountOpenedAt(T0.minus(Duration.ofDays(400)))));
    }

    @Test
    void aScoreBelowTheReviewThresholdPassesFromItAnOperatorDecidesAndFromTheDenyThresholdItIsRefused() {
        AtomicInteger score = new AtomicInteger();
        RiskService risk = service(RiskRules.scoreThreshold((check, history) -> score.get(), 60, 90));

        score.set(59);
        assertInstanceOf(RiskDecision.Allow.class, risk.check(purchase("b-1", "1.00")));
        score.set(60);
        assertInstanceOf(RiskDecision.Review.class, risk.check(purchase("b-1", "1.00")));
        score.set(89);
        assertInstanceOf(RiskDecision.Review.class, risk.check(purchase("b-1", "1.00")));
        score.set(90);
        assertInstanceOf(RiskDecision.Deny.class, risk.check(purchase("b-1", "1.00")));
    }

    @Test
    void onlyActiveSellersSkusCanBeBought() {
        Set<String> active = Set.of("s-1");
        RiskService risk = service(RiskRules.activeSellersOnly(active::contains));

        assertInstanceOf(RiskDecision.Allow.class, risk.check(purchase("b-1", "1.00")));
        RiskDecision.Deny deny = assertInstanceOf(RiskDecision.Deny.class, risk.check(RiskCheck.of("ord-x",
                RiskStage.BEFORE_CHECKOUT, "b-1", cny("1.00"), List.of("s-1", "s-2"))));
        assertEquals(RiskReason.Code.SELLER_NOT_ACTIVE, deny.reasons().get(0).code());
        // After checkout the seller's open orders still go on.
        assertInstanceOf(RiskDecision.Allow.class, risk.check(RiskCheck.of("ord-x", RiskStage.AFTER_CHECKOUT, "b-1",
                cny("1.00"), List.of("s-2"))));
    }

    @Test
    void aHostRuleJoinsThroughTheSameInterfaceAndADenyOutweighsAReview() {
        RiskRule blockList = new RiskRule() {
            @Override
            public String name() {
                return "host-block-list";
            }

            @Override
            public RiskDecision assess(RiskCheck check, RiskHistory history, Instant now) {
                return check.buyerId().equals("b-bad") ? new RiskDecision.Deny(List.of(new RiskReason(name(),
                        RiskReason.Code.HOST_RULE, "on the block list"))) : RiskDecision.allow();
            }
        };
        RiskService risk = service(RiskRules.scoreThreshold((c, h) -> 70, 60, 90), blockList);

        RiskDecision.Deny deny = assertInstanceOf(RiskDecision.Deny.class, risk.check(purchase("b-bad", "1.00")));
        assertEquals(List.of("host-block-list"), deny.reasons().stream().map(RiskReason::rule).toList());
        assertInstanceOf(RiskDecision.Review.class, risk.check(purchase("b-1", "1.00")));
    }

    @Test
    void aHeldPurchaseWaitsForAnOperatorAndThenGetsTheOperatorsDecision() {
        RiskService risk = service(RiskRules.scoreThreshold((c, h) -> 75, 60, 90));
        RiskCheck check = purchase("b-1", "1.00");
        assertInstanceOf(RiskDecision.Review.class, risk.check(check));
        assertEquals(1, risk.pendingReviews().size());

        ReviewResult.Refused byBuyer = assertInstanceOf(ReviewResult.Refused.class,
                risk.clear(check.reference(), RiskStage.BEFORE_CHECKOUT, new Actor.Buyer("b-1"), "me"));
        assertEquals(ReviewResult.Reason.ACTOR_NOT_ALLOWED, byBuyer.reason());
        assertInstanceOf(RiskDecision.Review.class, risk.check(check));

        assertInstanceOf(ReviewResult.Accepted.class,
                risk.clear(check.reference(), RiskStage.BEFORE_CHECKOUT, new Actor.PlatformOperator("op-1"), "known buyer"));
        assertInstanceOf(RiskDecision.Allow.class, risk.check(check));
        assertEquals(0, risk.pendingReviews().size());
        assertEquals(ReviewResult.Reason.ALREADY_DECIDED, assertInstanceOf(ReviewResult.Refused.class,
                risk.refuse(check.reference(), RiskStage.BEFORE_CHECKOUT, new Actor.PlatformOperator("op-1"), "x"))
                .reason());
        assertThrows(UnknownReviewException.class,
                () -> risk.clear("nothing", RiskStage.BEFORE_CHECKOUT, new Actor.PlatformOperator("op-1"), ""));
    }

    @Test
    void aPurchaseRefusedOnReviewIsDeniedWithTheOperatorsReason() {
        RiskService risk = service(RiskRules.scoreThreshold((c, h) -> 75, 60, 90));
        RiskCheck check = purchase("b-1", "1.00");
        risk.check(check);

        risk.refuse(check.reference(), RiskStage.BEFORE_CHECKOUT, new Actor.PlatformOperator("op-1"), "stolen card");

        RiskDecision.Deny deny = assertInstanceOf(RiskDecision.Deny.class, risk.check(check));
        assertEquals(RiskReason.Code.OPERATOR_REFUSED, deny.reasons().get(0).code());
    }
}
