package dev.mercato.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.membership.BonusEvent;
import dev.mercato.pricing.membership.TierStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A refund's clawback takes the points the refunded order earned first, and only what they no
 * longer cover from the other lots, earliest expiry first (docs/membership.md, "Which points a
 * clawback takes").
 */
class ClawbackOrderExamples {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration YEAR = Duration.ofDays(365);

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    static MemberAccount applied(PointsChange change) {
        return ((PointsChange.Applied) change).account();
    }

    static Map<String, Long> lotsByOrder(MemberAccount account) {
        return account.lots().stream().collect(Collectors.toMap(l -> l.orderId().orElse("-"), PointsLot::remaining,
                Long::sum));
    }

    /**
     * Day 0: o-1 earns 100 (expires day 365). Day 10: a 50-point bonus (expires day 40). Day 20:
     * o-2 earns 200 (expires day 385). Day 21: 120 points spent, earliest expiry first: the bonus's
     * 50, then 70 of o-1's lot, leaving o-1 30 and o-2 200.
     */
    static MemberAccount afterSpending() {
        MemberAccount account = MemberAccount.open("ann", new TierStanding(0, day(365), Optional.empty()));
        account = applied(account.earnForOrder("k1", day(0), "o-1", 10_000, 100, day(0).plus(YEAR)));
        account = applied(account.grantBonus("k2", day(10), new BonusEvent("review", 50, 1), day(40)));
        account = applied(account.earnForOrder("k3", day(20), "o-2", 20_000, 200, day(20).plus(YEAR)));
        account = applied(account.spend("k4", day(21), 120, "o-9"));
        assertEquals(Map.of("o-1", 30L, "o-2", 200L), lotsByOrder(account));
        return account;
    }

    @Test
    void aFullRefundTakesTheOrdersOwnPointsAndLeavesTheEarlierExpiringLotAlone() {
        MemberAccount account = applied(afterSpending().clawBack("r1", day(22), "o-2", 20_000,
                ClawbackPolicy.ALLOW_NEGATIVE, day(22).plus(YEAR)));
        // Due: all 200 o-2 earned; its own lot holds 200. Drawing from the front would have taken
        // o-1's 30 (expiring day 365) and left 30 of o-2's (day 385).
        assertEquals(Map.of("o-1", 30L), lotsByOrder(account));
        assertEquals(30, account.balance());
        PointsEntry entry = account.entries().get(account.entries().size() - 1);
        assertEquals(-200, entry.delta());
        assertTrue(entry.memo().contains("200 from its own lots, 0 from other lots"), entry.memo());
    }

    @Test
    void whatTheOrdersOwnLotsNoLongerHoldOverflowsToTheOtherLotsEarliestExpiryFirst() {
        MemberAccount account = afterSpending();
        // Day 30: o-3 earns 50 (expires day 395). Day 31: half of o-1 refunded: due
        // allocate(100, {5000, 5000})[0] = 50; o-1's lot holds 30, so 20 overflow, taken from
        // o-2's lot (expires day 385, before o-3's day 395).
        account = applied(account.earnForOrder("k5", day(30), "o-3", 5_000, 50, day(30).plus(YEAR)));
        account = applied(account.clawBack("r2", day(31), "o-1", 5_000, ClawbackPolicy.STOP_AT_ZERO,
                day(31).plus(YEAR)));
        assertEquals(Map.of("o-2", 180L, "o-3", 50L), lotsByOrder(account));
        assertEquals(230, account.balance(), "30 + 200 + 50 - 50");
        assertEquals(50, account.orders().get("o-1").clawed());
    }

    @Test
    void anAccountStoredBeforeLotsNamedTheirOrderReadsWithLotsOfNoOrder() {
        MemberAccount account = afterSpending();
        dev.mercato.core.storage.StoredDocument now = DefaultMembershipService.ACCOUNTS.codec().encode(account);
        assertEquals(2, now.schemaVersion());
        String v1 = now.json().replace(",\"orderId\":\"o-1\"", "").replace(",\"orderId\":\"o-2\"", "");
        assertTrue(!v1.substring(0, v1.indexOf("\"debt\"")).contains("orderId"), v1);
        MemberAccount old = DefaultMembershipService.ACCOUNTS.codec()
                .decode(new dev.mercato.core.storage.StoredDocument(1, v1));
        assertEquals(Map.of("-", 230L), lotsByOrder(old));
        // With no lot named, o-2's refund falls back to the other lots' rule: o-1's lot (day 365) first.
        MemberAccount refunded = applied(old.clawBack("r1", day(22), "o-2", 20_000, ClawbackPolicy.ALLOW_NEGATIVE,
                day(22).plus(YEAR)));
        assertEquals(30, refunded.balance());
        assertEquals(java.util.List.of(30L), refunded.lots().stream().map(PointsLot::remaining).toList());
        assertEquals(day(20).plus(YEAR), refunded.lots().get(0).expiresAt());
    }

    @Test
    void anOverflowNoLotCoversIsDebtOrForgivenByThePolicy() {
        // o-2 refunded in full first (its own 200), then all of o-1: due 100, own lot 30, 70
        // overflow and no other lot left.
        MemberAccount base = applied(afterSpending().clawBack("r1", day(22), "o-2", 20_000,
                ClawbackPolicy.ALLOW_NEGATIVE, day(22).plus(YEAR)));
        MemberAccount negative = applied(base.clawBack("r3", day(23), "o-1", 10_000, ClawbackPolicy.ALLOW_NEGATIVE,
                day(23).plus(YEAR)));
        assertEquals(-70, negative.balance());
        assertEquals(70, negative.debt());
        MemberAccount zero = applied(base.clawBack("r3", day(23), "o-1", 10_000, ClawbackPolicy.STOP_AT_ZERO,
                day(23).plus(YEAR)));
        assertEquals(0, zero.balance());
        assertTrue(zero.entries().get(zero.entries().size() - 1).memo().contains("70 forgiven"));
    }
}
