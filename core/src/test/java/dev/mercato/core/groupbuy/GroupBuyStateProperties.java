package dev.mercato.core.groupbuy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.order.OrderId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.javamoney.moneta.Money;

/**
 * A state model of one group (docs/group-buying.md, "States"): joins, payments, members leaving
 * and time passing, in any order, against a plain model of who holds a place and who paid. After
 * every step: the group holds at most its size, one place per buyer; it formed exactly when the
 * last free place was paid at or before the deadline; it failed only when failing was asked for
 * at or after the deadline; a terminal state never changes again.
 */
class GroupBuyStateProperties {
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    static final GroupCampaign CAMPAIGN = new GroupCampaign("peach-3", Set.of(SkuId.of("peach")), 3,
            Duration.ofHours(24), Money.of(new BigDecimal("39.90"), "CNY"));

    /** The group and the plain model it must agree with. */
    static final class Model {
        GroupBuy group = GroupBuy.open("g-1", CAMPAIGN, member(0), T0);
        Instant now = T0;
        /** Buyer index to paid, in join order. */
        final Map<Integer, Boolean> places = new LinkedHashMap<>(Map.of(0, false));
        String expected = "Open";

        @Override
        public String toString() {
            return group.getClass().getSimpleName() + " " + places + " at " + now;
        }
    }

    static GroupMember member(int buyer) {
        return new GroupMember("b" + buyer, "pay-" + buyer, List.of(new OrderId("ord-" + buyer)), false);
    }

    @Property
    void aGroupNeverOverfillsFormsOnlyWhenFullAndPaidInTimeAndFailsOnlyAfterItsDeadline(
            @ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("group agrees with the model", GroupBuyStateProperties::agrees).run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(4, step("join", (m, b) -> {
                    if (m.group instanceof GroupBuy.Open open) {
                        GroupTransition t = open.join(member(b), m.now);
                        boolean ok = m.now.isBefore(open.deadline()) && !m.places.containsKey(b)
                                && m.places.size() < CAMPAIGN.groupSize();
                        assertEquals(ok, t instanceof GroupTransition.Moved, () -> "join " + b + ": " + t);
                        if (ok) {
                            m.places.put(b, false);
                        }
                        apply(m, t);
                    }
                }))
                .withAction(4, step("pay", (m, b) -> {
                    if (m.group instanceof GroupBuy.Open open) {
                        GroupTransition t = open.paid("pay-" + b, m.now);
                        assertEquals(m.places.containsKey(b), t instanceof GroupTransition.Moved, () -> "pay " + b + ": " + t);
                        if (m.places.containsKey(b)) {
                            m.places.put(b, true);
                            boolean full = m.places.size() == CAMPAIGN.groupSize() && !m.places.containsValue(false);
                            if (full && !m.now.isAfter(open.deadline())) {
                                m.expected = "Formed";
                            }
                        }
                        apply(m, t);
                    }
                }))
                .withAction(2, step("leave", (m, b) -> {
                    if (m.group instanceof GroupBuy.Open open) {
                        GroupTransition t = open.leave("pay-" + b, m.now);
                        assertEquals(m.places.containsKey(b), t instanceof GroupTransition.Moved);
                        m.places.remove(b);
                        apply(m, t);
                    }
                }))
                .withAction(2, step("fail", (m, b) -> {
                    if (m.group instanceof GroupBuy.Open open) {
                        GroupTransition t = open.fail(m.now);
                        boolean due = !m.now.isBefore(open.deadline());
                        assertEquals(due, t instanceof GroupTransition.Moved);
                        if (due) {
                            m.expected = "Failed";
                        } else {
                            assertEquals(GroupRefusal.TOO_EARLY, ((GroupTransition.Refused) t).reason());
                        }
                        apply(m, t);
                    }
                }))
                .withAction(2, clock())
                .withMaxTransformations(40);
    }

    static Action.Independent<Model> clock() {
        return () -> Arbitraries.integers().between(1, 16).map(hours -> Transformer.<Model>mutate(
                "+" + hours + "h", m -> m.now = m.now.plus(Duration.ofHours(hours))));
    }

    interface Step {
        void run(Model m, int buyer);
    }

    static Action.Independent<Model> step(String name, Step step) {
        return () -> Arbitraries.integers().between(0, 5).map(b -> Transformer.mutate(name + " b" + b, m -> step.run(m, b)));
    }

    static void apply(Model m, GroupTransition t) {
        if (t instanceof GroupTransition.Moved moved) {
            m.group = moved.state();
        }
    }

    static void agrees(Model m) {
        GroupBuy g = m.group;
        assertEquals(m.expected, g.getClass().getSimpleName());
        assertTrue(g.members().size() <= g.groupSize(), "never more members than places");
        assertEquals(g.members().size(), g.members().stream().map(GroupMember::buyerId).distinct().count());
        if (g instanceof GroupBuy.Open) {
            assertEquals(m.places.keySet().stream().map(b -> "b" + b).toList(),
                    g.members().stream().map(GroupMember::buyerId).toList(), "members in join order");
            for (GroupMember member : g.members()) {
                assertEquals(m.places.get(Integer.parseInt(member.buyerId().substring(1))), member.paid());
            }
        }
        if (g instanceof GroupBuy.Formed formed) {
            assertEquals(g.groupSize(), formed.members().size());
            assertTrue(formed.members().stream().allMatch(GroupMember::paid));
            assertFalse(formed.formedAt().isAfter(formed.deadline()));
        }
        if (g instanceof GroupBuy.Failed failed) {
            assertFalse(failed.failedAt().isBefore(failed.deadline()));
        }
    }

    @Example
    void theLastPaidPlaceFormsTheGroupAndAFourthBuyerFindsItFull() {
        GroupBuy.Open open = GroupBuy.open("g-1", CAMPAIGN, member(0), T0);
        open = (GroupBuy.Open) ((GroupTransition.Moved) open.join(member(1), T0)).state();
        open = (GroupBuy.Open) ((GroupTransition.Moved) open.join(member(2), T0)).state();
        assertEquals(GroupRefusal.FULL, ((GroupTransition.Refused) open.join(member(3), T0)).reason());
        open = (GroupBuy.Open) ((GroupTransition.Moved) open.paid("pay-0", T0)).state();
        open = (GroupBuy.Open) ((GroupTransition.Moved) open.paid("pay-1", T0)).state();
        Instant lastMinute = T0.plus(Duration.ofHours(24));
        assertInstanceOf(GroupBuy.Formed.class, ((GroupTransition.Moved) open.paid("pay-2", lastMinute)).state());
        assertInstanceOf(GroupBuy.Open.class, ((GroupTransition.Moved) open.paid("pay-2", lastMinute.plusNanos(1))).state(),
                "paid after the deadline: the deadline decides");
    }
}
