package dev.mercato.pricing.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.RoundingPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class AdAuctionProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");

    @Property
    void everyPriceLiesBetweenZeroAndTheWinnersBid(@ForAll("bids") List<Bid> bids, @ForAll @IntRange(min = 1, max = 6) int slots,
            @ForAll @LongRange(min = 0, max = 50) long reserve) {
        for (Placement p : auction(slots, reserve).run(bids)) {
            long price = MinorUnits.toMinor(p.price());
            assertTrue(price >= 0 && price <= MinorUnits.toMinor(p.bid().maxBid()), p.explanation());
            assertTrue(price >= reserve, p.explanation());
        }
    }

    @Property
    void winnersAreRankedByScoreWithTiesToTheSmallerCampaignId(@ForAll("bids") List<Bid> bids,
            @ForAll @IntRange(min = 1, max = 6) int slots) {
        List<Placement> placements = auction(slots, 0).run(bids);
        for (int i = 1; i < placements.size(); i++) {
            Placement above = placements.get(i - 1);
            Placement below = placements.get(i);
            int byScore = above.score().compareTo(below.score());
            assertTrue(byScore > 0 || (byScore == 0 && above.bid().campaignId().compareTo(below.bid().campaignId()) < 0),
                    above + " above " + below);
        }
        long eligible = bids.stream().filter(b -> !b.maxBid().isZero()).count();
        assertEquals(Math.min(slots, eligible), placements.size());
        // No loser outscores a winner.
        if (!placements.isEmpty()) {
            BigDecimal lowestWinning = placements.get(placements.size() - 1).score();
            for (Bid b : bids) {
                boolean won = placements.stream().anyMatch(p -> p.bid().campaignId().equals(b.campaignId()));
                if (!won) {
                    assertTrue(score(b).compareTo(lowestWinning) <= 0, b + " lost with a higher score");
                }
            }
        }
    }

    @Property
    void eachWinnerPaysTheLeastThatKeepsItsRank(@ForAll("bids") List<Bid> bids, @ForAll @IntRange(min = 1, max = 6) int slots) {
        List<Placement> placements = auction(slots, 0).run(bids);
        for (Placement p : placements) {
            long price = MinorUnits.toMinor(p.price());
            assertEquals(p.position(), rankWith(bids, p.bid(), price), "at its price " + p.explanation());
            if (price > 0) {
                assertTrue(rankWith(bids, p.bid(), price - 1) > p.position(), "one unit less keeps the rank: " + p.explanation());
            }
        }
    }

    @Property
    void aDailyBudgetIsNeverExceeded(@ForAll @LongRange(min = 0, max = 100_000) long budget,
            @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 5_000) Long> prices,
            @ForAll @IntRange(min = 0, max = 2) int model) {
        CampaignDay day = CampaignDay.start("c", BillingModel.values()[model], LocalDate.of(2026, 6, 1),
                MinorUnits.toAmount(budget, CNY));
        long charged = 0;
        for (long price : prices) {
            CampaignDay.Billing billing = day.bill(MinorUnits.toAmount(price, CNY), 3, RoundingPolicy.HALF_UP);
            charged += MinorUnits.toMinor(billing.charged());
            day = billing.next();
        }
        assertEquals(charged, MinorUnits.toMinor(day.spent()));
        assertTrue(charged <= budget);
    }

    /** The position (1-based) the bid would take if it bid {@code price} instead, others unchanged. */
    static int rankWith(List<Bid> bids, Bid bid, long price) {
        BigDecimal own = bid.quality().multiply(BigDecimal.valueOf(price));
        int position = 1;
        for (Bid other : bids) {
            if (other.campaignId().equals(bid.campaignId()) || other.maxBid().isZero()) {
                continue;
            }
            int cmp = score(other).compareTo(own);
            if (cmp > 0 || (cmp == 0 && other.campaignId().compareTo(bid.campaignId()) < 0)) {
                position++;
            }
        }
        return position;
    }

    static BigDecimal score(Bid b) {
        return b.quality().multiply(BigDecimal.valueOf(MinorUnits.toMinor(b.maxBid())));
    }

    static AdAuction auction(int slots, long reserve) {
        return new AdAuction(CNY, slots, MinorUnits.toAmount(reserve, CNY));
    }

    @Provide
    Arbitrary<List<Bid>> bids() {
        Arbitrary<Long> amounts = Arbitraries.longs().between(0, 2_000);
        Arbitrary<BigDecimal> qualities = Arbitraries.integers().between(1, 40).map(q -> BigDecimal.valueOf(q, 1));
        return Combinators.combine(amounts, qualities).as((a, q) -> new long[] {a, q.unscaledValue().longValue()})
                .list().ofMaxSize(8)
                .map(raw -> {
                    List<Bid> bids = new ArrayList<>();
                    for (int i = 0; i < raw.size(); i++) {
                        bids.add(new Bid("c" + ((i * 7) % 10) + i, MinorUnits.toAmount(raw.get(i)[0], CNY),
                                BigDecimal.valueOf(raw.get(i)[1], 1)));
                    }
                    return bids;
                });
    }
}
