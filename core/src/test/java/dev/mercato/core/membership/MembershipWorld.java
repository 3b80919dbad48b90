package dev.mercato.core.membership;

import dev.mercato.core.ledger.Journal;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.membership.BillingPeriod;
import dev.mercato.pricing.membership.BonusEvent;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanBenefits;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.RefundPolicy;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.Rate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/** A membership programme wired to in-memory storage, a journal, the payment sandbox and a movable clock. */
final class MembershipWorld {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final PaymentSource CARD = new PaymentSource("tok-card");

    /** JD PLUS-like: 198 a year after a 30-day trial, 5 shipping coupons a month, 10x points, no refund. */
    static final PlanTerms PLUS = PlanTerms.of("PLUS", cny("198.00"), BillingPeriod.YEAR)
            .withTrial(Duration.ofDays(30)).withRenewalAttempts(3, Duration.ofDays(1))
            .withBenefits(PlanBenefits.none().withShippingCouponsPerMonth(5, cny("6.00")).withPointsAcceleration(900)
                    .withPriorityDelivery().withExtraReturnWindow(Duration.ofDays(8)));

    /** 88VIP-like: 88 a year, 95% on items, free shipping, refunded pro rata on cancellation. */
    static final PlanTerms VIP88 = PlanTerms.of("88VIP", cny("88.00"), BillingPeriod.YEAR)
            .withRefundPolicy(RefundPolicy.PRO_RATA)
            .withBenefits(PlanBenefits.none().withPercentOff(Rate.percent(5)).withFreeShippingFrom(cny("0"))
                    .withOther("video", "music"));

    /** A monthly plan with a week's trial and three attempts two days apart, for lifecycle tests. */
    static final PlanTerms MONTHLY = PlanTerms.of("MONTHLY", cny("15.00"), BillingPeriod.MONTH)
            .withTrial(Duration.ofDays(7)).withRenewalAttempts(3, Duration.ofDays(2))
            .withRefundPolicy(RefundPolicy.PRO_RATA);

    static final TierPolicy SPEND_LADDER = new TierPolicy(List.of(TierLevel.of("MEMBER", 0),
            TierLevel.of("SILVER", 100_000, "birthday-gift"), TierLevel.of("GOLD", 500_000, "birthday-gift",
                    "no-reason-returns-15d")), QualificationBasis.SPEND, Duration.ofDays(365), Duration.ofDays(30));

    static final EarnRules EARN = EarnRules.perUnit(1).withTierMultiplier("GOLD", 150).withPerOrderCap(50_000)
            .withBonus(new BonusEvent("review", 20, 3)).withBonus(new BonusEvent("sign-in", 5, 1));

    final MovableClock clock = new MovableClock(T0);
    final Storage storage = InMemoryStorage.create();
    final Journal journal = Journal.inMemory();
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-test", Set.of(CNY)).withFeatures(EnumSet.allOf(Capabilities.Feature.class)));
    final CountingPayments payments = new CountingPayments(sandbox);
    final MembershipSettings settings;
    final MembershipService service;
    final DueTaskRunner runner;

    MembershipWorld() {
        this(ClawbackPolicy.ALLOW_NEGATIVE, SPEND_LADDER);
    }

    MembershipWorld(ClawbackPolicy clawback, TierPolicy tiers) {
        settings = new MembershipSettings(CNY, EARN, Duration.ofDays(365),
                new RedemptionPolicy(100, Rate.percent(50), 100), clawback, tiers,
                Map.of("PLUS", PLUS, "88VIP", VIP88, "MONTHLY", MONTHLY));
        service = MembershipService.create(settings, storage, journal, payments, clock);
        runner = service.registerTimers(DueTaskRunner.create(storage, clock));
    }

    static MonetaryAmount cny(String value) {
        return Monetary.getDefaultAmountFactory().setCurrency(CNY).setNumber(new BigDecimal(value)).create();
    }

    /** Moves the clock and fires timers until nothing more is due. */
    void advance(Duration by) {
        clock.advance(by);
        for (int i = 0; i < 100 && runner.runDue() > 0; i++) {
            // Each run fires what was due when it started; a renewal may make the next one due at once.
        }
    }

    void declineNextCharge() {
        sandbox.declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
    }

    /** A clock tests move by hand. Thread-safe. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(i -> i.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
