package dev.mercato.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.membership.BonusEvent;
import dev.mercato.pricing.membership.TierStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * A state model of one member's points: paid orders, bonuses, redemptions, refunds and time
 * passing with expiry, under both clawback policies. After every step the balance equals the
 * sum of the entries, the lots are positive and in spending order, no order has lost more
 * points than it earned, and the balance is negative only when the policy allows it. Spending
 * and expiry are checked to take the lots that expire first, and a refund's clawback to take the
 * refunded order's own lots first and only its overflow from the other lots, earliest expiry
 * first, then as debt or forgiven by the policy.
 */
class PointsAccountProperties {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final BonusEvent SIGN_IN = new BonusEvent("sign-in", 5, 2);

    static final class Model {
        final ClawbackPolicy policy;
        MemberAccount account = MemberAccount.open("m-1", new TierStanding(0, T0.plus(Duration.ofDays(365)),
                Optional.empty()));
        Instant now = T0;
        int commands;

        Model(ClawbackPolicy policy) {
            this.policy = policy;
        }

        String key() {
            return "k-" + (++commands);
        }

        void apply(PointsChange change) {
            if (change instanceof PointsChange.Applied applied) {
                assertEquals(account.entries().size() + 1, applied.account().entries().size(), "one entry per change");
                account = applied.account();
            }
        }

        @Override
        public String toString() {
            return policy + " balance " + account.balance() + " lots " + account.lots() + " debt " + account.debt();
        }
    }

    @Property(tries = 300)
    void everyChangeKeepsThePointsBookConsistent(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("balance is the sum of the entries", m -> assertEquals(
                        m.account.entries().stream().mapToLong(PointsEntry::delta).sum(), m.account.balance()))
                .withInvariant("lots positive and in spending order", m -> {
                    for (int i = 0; i < m.account.lots().size(); i++) {
                        assertTrue(m.account.lots().get(i).remaining() > 0);
                        if (i > 0) {
                            assertTrue(PointsLot.SPENDING_ORDER.compare(m.account.lots().get(i - 1),
                                    m.account.lots().get(i)) <= 0);
                        }
                    }
                })
                .withInvariant("clawback never exceeds what the order earned", m -> m.account.orders().values()
                        .forEach(o -> assertTrue(o.clawed() <= o.earned(), o::toString)))
                .withInvariant("refunds never return more than the order redeemed", m -> m.account.redemptions()
                        .values().forEach(r -> assertTrue(r.returned() <= r.points(), r::toString)))
                .withInvariant("no negative balance unless the policy allows", m -> {
                    if (m.policy == ClawbackPolicy.STOP_AT_ZERO) {
                        assertTrue(m.account.balance() >= 0, m::toString);
                        assertEquals(0, m.account.debt());
                    }
                })
                .run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return Arbitraries.of(ClawbackPolicy.values()).flatMap(policy -> ActionChain.<Model>startWith(() -> new Model(policy))
                .withAction(4, new PayOrder())
                .withAction(1, new Bonus())
                .withAction(3, new Spend())
                .withAction(3, new Refund())
                .withAction(2, new TimePasses())
                .withMaxTransformations(40));
    }

    static final class PayOrder implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            Arbitrary<Long> paid = Arbitraries.longs().between(0, 200_000);
            Arbitrary<Integer> lifeDays = Arbitraries.integers().between(1, 400);
            return Combinators.combine(paid, lifeDays).as((p, days) -> Transformer.mutate("pay " + p + " lives " + days
                    + "d", m -> {
                        String order = "o-" + (m.account.orders().size() + 1);
                        m.apply(m.account.earnForOrder(m.key(), m.now, order, p, p / 100,
                                m.now.plus(Duration.ofDays(days))));
                    }));
        }
    }

    static final class Bonus implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("sign-in bonus", m -> {
                int before = m.account.entries().size();
                PointsChange change = m.account.grantBonus(m.key(), m.now, SIGN_IN, m.now.plus(Duration.ofDays(30)));
                long today = m.account.entries().stream().filter(e -> e.kind() == EntryKind.BONUS
                        && e.at().atOffset(java.time.ZoneOffset.UTC).toLocalDate()
                                .equals(m.now.atOffset(java.time.ZoneOffset.UTC).toLocalDate())).count();
                assertEquals(today < SIGN_IN.perDayLimit(), change instanceof PointsChange.Applied, "daily limit");
                m.apply(change);
                assertTrue(m.account.entries().size() >= before);
            }));
        }
    }

    static final class Spend implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.longs().between(1, 3_000), Arbitraries.integers().between(1, 6))
                    .as((points, order) -> Transformer.mutate("spend " + points + " on o-" + order, m -> {
                List<PointsLot> before = m.account.lots();
                PointsChange change = m.account.spend(m.key(), m.now, points, "o-" + order);
                assertEquals(m.account.spendable() >= points, change instanceof PointsChange.Applied);
                m.apply(change);
                if (change instanceof PointsChange.Applied) {
                    assertEarliestLotsDrawn(before, m.account.lots(), points);
                }
            }));
        }
    }

    static final class Refund implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model state) {
            return !state.account.orders().isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            List<OrderEarning> orders = new ArrayList<>(state.account.orders().values());
            return Combinators.combine(Arbitraries.of(orders), Arbitraries.integers().between(1, 100)).as((o, pct) ->
                    Transformer.mutate("refund " + pct + "% of " + o.orderId(), m -> {
                        OrderEarning now = m.account.orders().get(o.orderId());
                        long amount = Math.max(1, now.paidMinor() * pct / 100);
                        List<PointsLot> before = m.account.lots();
                        long debtBefore = m.account.debt();
                        PointsChange change = m.account.clawBack(m.key(), m.now, o.orderId(), amount, m.policy,
                                m.now.plus(Duration.ofDays(30)));
                        if (now.refundedMinor() + amount > now.paidMinor()) {
                            assertTrue(change instanceof PointsChange.Refused);
                        }
                        m.apply(change);
                        OrderEarning after = m.account.orders().get(o.orderId());
                        if (change instanceof PointsChange.Applied) {
                            assertClawbackOrder(o.orderId(), before, m.account.lots(), after.clawed() - now.clawed(),
                                    debtBefore, m.account.debt(), m.policy);
                        }
                        if (after.refundedMinor() == after.paidMinor() && after.paidMinor() > 0) {
                            assertEquals(after.earned(), after.clawed(), "a full refund settles every earned point");
                        }
                    }));
        }
    }

    static final class TimePasses implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.integers().between(1, 200).map(days -> Transformer.mutate("+" + days + "d and expire", m -> {
                m.now = m.now.plus(Duration.ofDays(days));
                List<PointsLot> before = m.account.lots();
                m.account.expire(m.now).ifPresent(m::apply);
                Map<String, PointsLot> after = new HashMap<>();
                m.account.lots().forEach(l -> after.put(l.lotId(), l));
                for (PointsLot lot : before) {
                    boolean due = !lot.expiresAt().isAfter(m.now);
                    assertEquals(!due, after.containsKey(lot.lotId()), () -> "expiry of " + lot);
                    if (!due) {
                        assertEquals(lot, after.get(lot.lotId()), "lots not yet due are untouched");
                    }
                }
            }));
        }
    }

    /**
     * A refund's clawback of {@code due} points: first from the lots its order earned, as many as
     * they hold ({@code min(due, own)}); the overflow {@code due - fromOwn} from the other lots
     * earliest expiry first, then as new debt (ALLOW_NEGATIVE) or forgiven (STOP_AT_ZERO), never
     * more than the overflow; the other lots are untouched when the order's own lots cover it.
     */
    static void assertClawbackOrder(String order, List<PointsLot> before, List<PointsLot> after, long due,
            long debtBefore, long debtAfter, ClawbackPolicy policy) {
        long ownBefore = before.stream().filter(l -> l.earnedBy(order)).mapToLong(PointsLot::remaining).sum();
        long ownAfter = after.stream().filter(l -> l.earnedBy(order)).mapToLong(PointsLot::remaining).sum();
        long fromOwn = ownBefore - ownAfter;
        assertEquals(Math.min(due, ownBefore), fromOwn, () -> "own lots first: " + before + " -> " + after);
        List<PointsLot> othersBefore = before.stream().filter(l -> !l.earnedBy(order)).toList();
        Map<String, Long> left = new HashMap<>();
        after.forEach(l -> left.put(l.lotId(), l.remaining()));
        long fromOthers = 0;
        boolean untouchedSeen = false;
        for (PointsLot lot : othersBefore) {
            long taken = lot.remaining() - left.getOrDefault(lot.lotId(), 0L);
            assertTrue(taken >= 0, "a clawback never adds to an earlier lot");
            if (taken > 0) {
                assertTrue(!untouchedSeen, () -> "overflow drew from " + lot + " while an earlier-expiring lot was whole");
            }
            if (left.getOrDefault(lot.lotId(), 0L) > 0) {
                untouchedSeen = true;
            }
            fromOthers += taken;
        }
        long overflow = due - fromOwn;
        long drawnFromOthers = fromOthers;
        assertTrue(drawnFromOthers <= overflow, () -> drawnFromOthers + " from other lots, overflow " + overflow);
        if (overflow == 0) {
            assertEquals(0, fromOthers, "other lots untouched while the order's own lots cover the clawback");
        }
        if (policy == ClawbackPolicy.ALLOW_NEGATIVE) {
            assertTrue(debtAfter - debtBefore <= overflow, "new debt is at most the overflow");
        } else {
            assertEquals(0, debtAfter);
        }
    }

    /** The drawn points form a prefix of the lots in spending order: earliest expiry first. */
    static void assertEarliestLotsDrawn(List<PointsLot> before, List<PointsLot> after, long points) {
        Map<String, Long> left = new HashMap<>();
        after.forEach(l -> left.put(l.lotId(), l.remaining()));
        long drawn = 0;
        boolean untouchedSeen = false;
        for (PointsLot lot : before) {
            long remaining = left.getOrDefault(lot.lotId(), 0L);
            long taken = lot.remaining() - remaining;
            if (taken > 0) {
                assertTrue(!untouchedSeen, () -> "drew from " + lot + " while an earlier-expiring lot was left whole");
            }
            if (remaining > 0) {
                untouchedSeen = true;
            }
            drawn += taken;
        }
        assertEquals(points, drawn);
    }
}
