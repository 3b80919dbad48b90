package dev.mercato.pricing.fee;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A generalized second-price (GSP) auction for ad slots, as paid placement (直通车) uses.
 *
 * <p><b>Ranking.</b> Bids at or above the reserve price enter; each scores {@code quality x bid}
 * (bid in minor units, exact). Higher scores rank higher. <b>Tie rule:</b> equal scores rank by
 * campaign id, in ascending {@link String#compareTo} order, so the outcome does not depend on
 * the order bids arrive in. The top {@code slots} bids win.
 *
 * <p><b>Price.</b> Each winner pays the smallest amount, in whole minor units, at which its
 * score would still rank above the next bid (winner or not) under the same tie rule: with next
 * score {@code s} and own quality {@code q}, that is {@code ceil(s / q)} if the winner's id
 * sorts first (it would win the tie) and {@code floor(s / q) + 1} otherwise. A winner with no
 * bid below it pays the reserve. The price is then raised to the reserve and is never above the
 * winner's own bid, nor negative.
 *
 * @param currency the currency of bids and prices
 * @param slots how many slots are sold, at least 1
 * @param reservePrice the least price per event, not negative
 */
public record AdAuction(CurrencyUnit currency, int slots, MonetaryAmount reservePrice) {

    private static final Comparator<Ranked> RANKING = Comparator.comparing(Ranked::score).reversed()
            .thenComparing(r -> r.bid.campaignId());

    /** Validates the auction. */
    public AdAuction {
        InvalidInputException.requireNonNull(currency, "currency");
        if (slots < 1) {
            throw new InvalidInputException("slots", slots, "must be at least 1");
        }
        MinorUnits.requireCurrency(reservePrice, currency);
        if (reservePrice.isNegative()) {
            throw new InvalidInputException("reservePrice", reservePrice, "must not be negative");
        }
    }

    /**
     * Ranks the bids and prices the winners.
     *
     * @param bids the bids, in any order, with distinct campaign ids
     * @return the placements, top slot first; fewer than {@code slots} if too few bids qualify
     * @throws InvalidInputException if a campaign bids twice
     */
    public List<Placement> run(List<Bid> bids) {
        InvalidInputException.requireNonNull(bids, "bids");
        long reserve = MinorUnits.toMinor(reservePrice);
        Set<String> seen = new HashSet<>();
        List<Ranked> ranked = new ArrayList<>(bids.size());
        for (Bid bid : bids) {
            if (!seen.add(bid.campaignId())) {
                throw new InvalidInputException("bids", bid.campaignId(), "has two bids for one campaign");
            }
            long amount = MinorUnits.toMinor(bid.maxBid(), currency);
            if (amount >= reserve && amount > 0) {
                ranked.add(new Ranked(bid, amount, bid.quality().multiply(BigDecimal.valueOf(amount))));
            }
        }
        ranked.sort(RANKING);
        int winners = Math.min(slots, ranked.size());
        List<Placement> placements = new ArrayList<>(winners);
        for (int i = 0; i < winners; i++) {
            Ranked winner = ranked.get(i);
            long price;
            String why;
            if (i + 1 < ranked.size()) {
                Ranked next = ranked.get(i + 1);
                boolean winsTie = winner.bid.campaignId().compareTo(next.bid.campaignId()) < 0;
                BigDecimal needed = winsTie
                        ? next.score.divide(winner.bid.quality(), 0, RoundingMode.CEILING)
                        : next.score.divide(winner.bid.quality(), 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
                price = needed.longValueExact();
                why = "next score " + next.score.toPlainString() + " (" + next.bid.campaignId() + ") / quality "
                        + winner.bid.quality().toPlainString() + (winsTie ? ", rounded up (wins ties)" : ", plus one unit (loses ties)");
            } else {
                price = reserve;
                why = "no bid below: the reserve";
            }
            if (price < reserve) {
                price = reserve;
                why += "; raised to the reserve";
            }
            if (price > winner.amount) {
                price = winner.amount;
                why += "; capped at the bid";
            }
            placements.add(new Placement(i + 1, winner.bid, winner.score, MinorUnits.toAmount(price, currency),
                    "slot " + (i + 1) + ": score " + winner.score.toPlainString() + "; pays "
                            + Amounts.show(price, currency) + " = " + why));
        }
        return List.copyOf(placements);
    }

    private record Ranked(Bid bid, long amount, BigDecimal score) {}
}
