package dev.mercato.pricing.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.testkit.RevenueArbitraries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The batch settlement path gives exactly the figures of the explained, per-call path. */
class SettlementBatchProperties {

    @Property
    void everyBatchFigureEqualsTheExplainedSettlement(@ForAll("lines") List<SaleLine> lines,
            @ForAll("schedules") RevenueSchedule schedule, @ForAll("gmv") Map<String, MonetaryAmount> gmvBefore) {
        // The generated orders interleave (the general grouping); sorted by order they run contiguously
        // (the usual layout, with several sellers per order).
        List<SaleLine> contiguous = new ArrayList<>(lines);
        contiguous.sort(Comparator.comparing(SaleLine::orderId));
        for (List<SaleLine> layout : List.of(lines, contiguous)) {
            Settlement expected = schedule.settle(layout, gmvBefore);
            SettlementBatch batch = schedule.settleBatch(layout, gmvBefore);
            assertFiguresEqual(expected, batch);
            assertEquals(expected, batch.explain());
            assertSame(batch.explain(), batch.explain());
        }
    }

    @Property
    void settlingInOneBatchEqualsSettlingOrderByOrderCarryingEachSellersGmv(@ForAll("lines") List<SaleLine> lines,
            @ForAll("schedules") RevenueSchedule schedule) {
        Map<String, List<SaleLine>> byOrder = new LinkedHashMap<>();
        lines.forEach(l -> byOrder.computeIfAbsent(l.orderId(), o -> new ArrayList<>()).add(l));
        List<SaleLine> ordered = new ArrayList<>();
        byOrder.values().forEach(ordered::addAll);
        SettlementBatch batch = schedule.settleBatch(ordered);
        Map<String, Long> gmv = new HashMap<>();
        int i = 0;
        for (List<SaleLine> order : byOrder.values()) {
            Map<String, MonetaryAmount> before = new HashMap<>();
            gmv.forEach((seller, minor) -> before.put(seller, MinorUnits.toAmount(minor, RevenueArbitraries.CNY)));
            for (LineSettlement s : schedule.settle(order, before).lines()) {
                assertLineEquals(s, batch, i++);
                gmv.merge(s.line().sellerId(), m(s.commissionBase()), Long::sum);
            }
        }
    }

    @Property
    void theFastCommissionEqualsTheExplainedOne(@ForAll("lines") List<SaleLine> lines,
            @ForAll("schedules") RevenueSchedule schedule, @ForAll("gmvMinor") long gmvBefore) {
        for (SaleLine line : lines) {
            assertEquals(m(schedule.commission().commissionFor(line, MinorUnits.toAmount(gmvBefore, RevenueArbitraries.CNY))
                    .amount()), schedule.commission().commissionMinor(line, gmvBefore));
        }
    }

    @Example
    void aLineGivenTwiceIsRefusedInEitherLayout() {
        RevenueSchedule schedule = RevenueArbitraries.schedule(dev.mercato.pricing.commission.ChargeBase.PAID,
                dev.mercato.pricing.fee.Bearer.SELLER, 0, 0);
        SaleLine a = line("o-1", "l-1");
        SaleLine b = line("o-2", "l-1");
        for (List<SaleLine> lines : List.of(List.of(a, a), List.of(a, b, a), List.of(b, a, line("o-1", "l-2"), a))) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> schedule.settleBatch(lines));
            assertEquals("appears twice", e.problem());
            assertEquals(true, e.getMessage().contains("o-1/l-1"), e.getMessage());
        }
        assertThrows(InvalidInputException.class, () -> schedule.settleBatch(List.of()));
    }

    private static SaleLine line(String order, String lineId) {
        return SaleLine.builder().ids(order, lineId).sku("sku-1").seller("s-1", dev.mercato.pricing.commission.SellerType.ENTERPRISE)
                .paid(MinorUnits.toAmount(1_000, RevenueArbitraries.CNY)).orderedAt(java.time.Instant.parse("2026-06-01T00:00:00Z"))
                .build();
    }

    private static void assertFiguresEqual(Settlement expected, SettlementBatch batch) {
        assertEquals(expected.lines().size(), batch.size());
        assertEquals(expected.currency(), batch.currency());
        for (int i = 0; i < batch.size(); i++) {
            assertLineEquals(expected.lines().get(i), batch, i);
        }
    }

    private static void assertLineEquals(LineSettlement s, SettlementBatch batch, int i) {
        String where = "line " + i + " " + s.line().orderId() + "/" + s.line().lineId();
        assertSame(s.line(), batch.line(i), where);
        assertEquals(m(s.sellerGross()), batch.sellerGrossMinor(i), where + " seller gross");
        assertEquals(m(s.commissionBase()), batch.commissionBaseMinor(i), where + " commission base");
        assertEquals(m(s.commission().amount()), batch.commissionMinor(i), where + " commission");
        assertEquals(m(s.sellerFees()), batch.sellerFeesMinor(i), where + " seller fees");
        assertEquals(m(s.platformFees()), batch.platformFeesMinor(i), where + " platform fees");
        assertEquals(m(s.sharesTotal()), batch.sharesMinor(i), where + " shares");
        assertEquals(m(s.sellerNet()), batch.sellerNetMinor(i), where + " seller net");
    }

    private static long m(MonetaryAmount amount) {
        return MinorUnits.toMinor(amount);
    }

    @Provide
    Arbitrary<List<SaleLine>> lines() {
        return RevenueArbitraries.saleLines(12);
    }

    @Provide
    Arbitrary<RevenueSchedule> schedules() {
        return RevenueArbitraries.revenueSchedules();
    }

    @Provide
    Arbitrary<Long> gmvMinor() {
        return Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 1_000_000));
    }

    @Provide
    Arbitrary<Map<String, MonetaryAmount>> gmv() {
        return Arbitraries.maps(Arbitraries.of("s-0", "s-1", "s-2"),
                gmvMinor().map(v -> MinorUnits.toAmount(v, RevenueArbitraries.CNY))).ofMaxSize(3);
    }
}
