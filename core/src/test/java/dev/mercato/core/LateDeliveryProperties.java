package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.fulfilment.LateDeliveryRule;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.OrderId;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Late-delivery compensation never exceeds the rule's cap, what the buyer paid or what the escrow
 * holds; it is paid once per order however the carrier's notifications repeat, arrive out of
 * order or are applied again after a restart; the ledger balances throughout.
 */
class LateDeliveryProperties {

    @Property(tries = 300)
    void theCompensationNeverExceedsTheCapThePaymentOrTheHeldMoney(
            @ForAll @LongRange(min = 0, max = 10_000_000) long paid,
            @ForAll @LongRange(min = 0, max = 10_000_000) long held,
            @ForAll @IntRange(min = 0, max = 100) int percent,
            @ForAll @LongRange(min = 1, max = 1_000_000) long cap) {
        LateDeliveryRule rule = LateDeliveryRule.percentCapped(LateDeliveryRule.Deadline.carrierBooking(), Duration.ZERO,
                Rate.percent(percent), MinorUnits.toAmount(cap, LateDeliveryExamples.cny("1").getCurrency()),
                LateDeliveryRule.Funder.SELLER);
        long due = rule.compensationMinor(paid, held);
        assertTrue(due >= 0 && due <= cap && due <= paid && due <= held, () -> "due " + due);
    }

    @Property(tries = 25)
    void aLateOrderIsCompensatedOnceWithinItsBoundsAndTheLedgerBalances(
            @ForAll @IntRange(min = 0, max = 90) int delayMinutes,
            @ForAll @IntRange(min = 0, max = 2) int funderIndex,
            @ForAll @LongRange(min = 1, max = 40_000) long fixedMinor,
            @ForAll @IntRange(min = 1, max = 4) int replays,
            @ForAll long seed) {
        LateDeliveryExamples world = new LateDeliveryExamples();
        LateDeliveryRule.Funder funder = LateDeliveryRule.Funder.values()[funderIndex];
        LateDeliveryRule rule = LateDeliveryRule.fixed(LateDeliveryExamples.THIRTY_MINUTES_OF_PAYMENT, Duration.ZERO,
                MinorUnits.toAmount(fixedMinor, LateDeliveryExamples.cny("1").getCurrency()), funder);
        Commerce commerce = world.commerce(rule);
        OrderId id = world.dispatchedOrder(commerce, Duration.ofMinutes(delayMinutes));
        Random random = new Random(seed);
        List<TrackingNotification> all = new ArrayList<>();
        for (int minute = 0; minute < 30 + delayMinutes + 5; minute += 1 + random.nextInt(10)) {
            world.clock.advance(Duration.ofMinutes(1));
            all.addAll(world.drained());
        }
        world.clock.advance(Duration.ofMinutes(30 + delayMinutes + 5));
        all.addAll(world.drained());
        for (int r = 0; r < replays; r++) {
            List<TrackingNotification> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            Commerce target = r % 2 == 0 ? commerce : world.commerce(rule);
            LateDeliveryExamples.apply(target, shuffled);
        }
        commerce.runDueTimers(LateDeliveryExamples.SCHEDULER);

        boolean late = 29 + delayMinutes > 30;
        long expected = late ? Math.min(fixedMinor, 26_800) : 0;
        long refunded = MinorUnits.toMinor(LateDeliveryExamples.balance(commerce, Account.refunds()));
        assertEquals(expected, refunded, () -> "delay " + delayMinutes + " min");
        assertTrue(refunded <= 26_800 && refunded <= fixedMinor);
        assertEquals(late && expected > 0 ? 1 : 0, commerce.escrowService().orElseThrow().operations(id.value()).stream()
                .filter(op -> op.kind() == ProviderOperation.Kind.REFUND).count());
        assertEquals(late, commerce.lateDeliveryCompensation(LateDeliveryExamples.SCHEDULER, id).isPresent());
        long funded = funder == LateDeliveryRule.Funder.PLATFORM
                ? -MinorUnits.toMinor(LateDeliveryExamples.balance(commerce, Account.platformClearing()))
                : funder == LateDeliveryRule.Funder.CARRIER
                        ? -MinorUnits.toMinor(LateDeliveryExamples.balance(commerce, Account.carrierClaims("sandbox")))
                        : 0;
        assertEquals(funder == LateDeliveryRule.Funder.SELLER ? 0 : expected, funded);
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }
}
