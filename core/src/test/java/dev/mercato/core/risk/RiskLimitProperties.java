package dev.mercato.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mercato.core.escrow.MovableClock;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The buyer limit and buyer velocity, against sums and counts computed by hand over random
 * purchases at random times: a purchase is allowed exactly when the window's spend (or order count)
 * including it stays within the limit.
 */
class RiskLimitProperties {

    @Property(tries = 100)
    void theBuyerLimitAllowsExactlyWhatFitsInTheWindow(@ForAll @Size(max = 12) List<@LongRange(min = 1, max = 50_000) Long> cents,
            @ForAll @Size(max = 12) List<@LongRange(min = 0, max = 7_200_000) Long> gapsMs,
            @ForAll @LongRange(min = 1, max = 200_000) long limitCents, @ForAll @LongRange(min = 1, max = 50_000) long nextCents) {
        MovableClock clock = new MovableClock(RiskRuleExamples.T0);
        Duration window = Duration.ofHours(2);
        RiskService risk = RiskService.create(InMemoryStorage.create(), clock, List.of(
                RiskRules.buyerLimit(MinorUnits.toAmount(limitCents, RiskRuleExamples.CNY), window, RiskRules.Outcome.DENY),
                RiskRules.buyerVelocity(4, window, RiskRules.Outcome.REVIEW)));
        List<long[]> placed = new java.util.ArrayList<>();
        for (int i = 0; i < cents.size(); i++) {
            clock.advance(Duration.ofMillis(i < gapsMs.size() ? gapsMs.get(i) : 0));
            RiskCheck check = RiskCheck.of("o-" + i, RiskStage.AFTER_CHECKOUT, "b-1",
                    MinorUnits.toAmount(cents.get(i), RiskRuleExamples.CNY), List.of("s-1"));
            risk.check(check);
            placed.add(new long[] {clock.instant().toEpochMilli(), cents.get(i)});
        }
        long since = clock.instant().minus(window).toEpochMilli();
        long spent = nextCents;
        int count = 1;
        for (long[] p : placed) {
            if (p[0] > since) {
                spent += p[1];
                count++;
            }
        }
        RiskDecision decision = risk.check(RiskCheck.of("next", RiskStage.BEFORE_CHECKOUT, "b-1",
                MinorUnits.toAmount(nextCents, RiskRuleExamples.CNY), List.of("s-1")));
        Class<?> expected = spent > limitCents ? RiskDecision.Deny.class
                : count > 4 ? RiskDecision.Review.class : RiskDecision.Allow.class;
        assertEquals(expected, decision.getClass(), "spent " + spent + " of " + limitCents + ", orders " + count);
    }
}
