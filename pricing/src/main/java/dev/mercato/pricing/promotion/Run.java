package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.RoundingPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * One pass of the pipeline over all lanes for one choice among exclusive promotions. Holds the
 * running amounts in minor units and, per promotion, what it did. Also the
 * {@link PromotionContext} promotions see. Not thread-safe; used by one {@code price} call.
 */
final class Run implements PromotionContext {
    static final int UNDECIDED = 0;
    static final int APPLIED = 1;
    static final int REJECTED = 2;
    static final int EXCLUDED = 3;

    private final DefaultPricingEngine engine;
    final CanonicalCart cart;
    private final boolean[] disabled;
    private final int n;

    final long[] cur;
    private final long[] laneStart;
    final long[] start;
    final boolean[] levelReverted;
    final long[] shipLeft;
    /** Per line, its price-level segments, or {@code null} when all units are at list price. */
    final Segments[] segments;

    // Per promotion, in the engine's sorted order.
    final int[] state;
    final RejectionReason[] reason;
    /** Per applied promotion, its outcome: the explanation note is rendered from it only when read. */
    private final Outcome.Applied[] outcome;
    /** Per price-level offer that applied, the units priced at its offer and the units it offered, else {@code null}. */
    private long[][] offerTaken;
    final long[] amount;
    final long[][] lineDiscounts;
    final long[][] shippingDiscounts;
    final List<List<long[]>> pools;
    final List<List<Effect.Gift>> gifts;
    final long[][] deposits;
    final boolean[] staticallyRejected;
    private long[][] offerPrices;
    private long[][] offerUnits;
    /** Per offer with a shared unit limit, the limit; -1 for none ({@code null} when no offer has one). */
    private long[] offerShared;
    /** Per offer with a shared limit, the units it offered before they were given to lines. */
    private long[] sharedOffered;

    private boolean listView;
    /** Scratch for {@link #applyPools}: the lines of the pool being split. */
    private final int[] poolLines;
    private final Prorate prorate = new Prorate();

    /** Running amounts at the start of each lane, kept by the first run so later runs can resume from a lane. */
    private final long[][] curAtLane;
    private final boolean[][] revertedAtLane;
    private final long[][] shipAtLane;

    /** Units of a line at each level: {@code source} is a promotion index, {@code -2-k} for the line's level k. */
    record Segments(int[] source, long[] units, long[] unitPrice) {}

    /** The buyer this run prices for: the request's buyer, possibly without some of its benefits. */
    private final BuyerContext buyer;
    /** Per lane, the order its promotions are considered in (engine indexes), or {@code null} for priority order. */
    final int[][] order;

    Run(DefaultPricingEngine engine, CanonicalCart cart, boolean[] disabled) {
        this(engine, cart, disabled, cart.request.buyer(), new int[Lane.values().length][]);
    }

    Run(DefaultPricingEngine engine, CanonicalCart cart, boolean[] disabled, BuyerContext buyer, int[][] order) {
        this.engine = engine;
        this.cart = cart;
        this.disabled = disabled;
        this.buyer = buyer;
        this.order = order;
        this.n = cart.n;
        int p = engine.size();
        cur = cart.list.clone();
        laneStart = new long[n];
        start = new long[n];
        levelReverted = new boolean[n];
        shipLeft = cart.shipping.clone();
        segments = new Segments[n];
        poolLines = new int[n];
        state = new int[p];
        reason = new RejectionReason[p];
        outcome = new Outcome.Applied[p];
        amount = new long[p];
        lineDiscounts = new long[p][];
        shippingDiscounts = new long[p][];
        pools = new ArrayList<>(java.util.Collections.nCopies(p, null));
        gifts = new ArrayList<>(java.util.Collections.nCopies(p, null));
        deposits = new long[p][];
        staticallyRejected = new boolean[p];
        int lanes = Lane.values().length;
        curAtLane = new long[lanes][];
        revertedAtLane = new boolean[lanes][];
        shipAtLane = new long[lanes][];
    }

    /**
     * A run that shares everything {@code base} computed before lane {@code from}: the lanes
     * before it hold no promotion whose choice differs, so their outcome is the same.
     */
    Run(Run base, boolean[] disabled, Lane from) {
        this(base, disabled, from, base.order);
    }

    /** As {@link #Run(Run, boolean[], Lane)}, considering the lanes from {@code from} on in {@code order}. */
    Run(Run base, boolean[] disabled, Lane from, int[][] order) {
        this(base.engine, base.cart, disabled, base.buyer, order);
        int l = from.ordinal();
        for (int k = 0; k <= l; k++) {
            curAtLane[k] = base.curAtLane[k];
            revertedAtLane[k] = base.revertedAtLane[k];
            shipAtLane[k] = base.shipAtLane[k];
        }
        System.arraycopy(base.curAtLane[l], 0, cur, 0, n);
        System.arraycopy(base.revertedAtLane[l], 0, levelReverted, 0, n);
        System.arraycopy(base.shipAtLane[l], 0, shipLeft, 0, shipLeft.length);
        if (from != Lane.PRICE_LEVEL) {
            System.arraycopy(base.start, 0, start, 0, n);
            System.arraycopy(base.segments, 0, segments, 0, n);
        }
        int upTo = engine.laneFrom(from);
        System.arraycopy(base.state, 0, state, 0, upTo);
        System.arraycopy(base.reason, 0, reason, 0, upTo);
        System.arraycopy(base.outcome, 0, outcome, 0, upTo);
        if (base.offerTaken != null && upTo > 0) {
            offerTaken = base.offerTaken.clone();
        }
        System.arraycopy(base.amount, 0, amount, 0, upTo);
        System.arraycopy(base.lineDiscounts, 0, lineDiscounts, 0, upTo);
        System.arraycopy(base.shippingDiscounts, 0, shippingDiscounts, 0, upTo);
        System.arraycopy(base.deposits, 0, deposits, 0, upTo);
        System.arraycopy(base.staticallyRejected, 0, staticallyRejected, 0, upTo);
        for (int p = 0; p < upTo; p++) {
            pools.set(p, base.pools.get(p));
            gifts.set(p, base.gifts.get(p));
        }
        resumeFrom = from;
        this.base = base;
    }

    private Lane resumeFrom = Lane.PRICE_LEVEL;
    /** The run this one resumes, whose static rejections it reuses; {@code null} for a full run. */
    private Run base;

    /** Runs every lane in order. */
    Run execute() {
        int[] groupCount = new int[engine.groupCount()];
        Lane[] lanes = Lane.values();
        for (int l = resumeFrom.ordinal(); l < lanes.length; l++) {
            Lane lane = lanes[l];
            curAtLane[l] = cur.clone();
            revertedAtLane[l] = levelReverted.clone();
            shipAtLane[l] = shipLeft.clone();
            System.arraycopy(cur, 0, laneStart, 0, n);
            int from = engine.laneFrom(lane);
            int[] laneOrder = order[l];
            for (int k = from, to = engine.laneTo(lane); k < to; k++) {
                consider(laneOrder == null ? k : laneOrder[k - from], groupCount);
            }
            if (lane == Lane.PRICE_LEVEL) {
                resolvePriceLevels();
                System.arraycopy(cur, 0, start, 0, n);
            }
        }
        base = null; // a result keeps its run; it need not keep the run this one resumed
        return this;
    }

    /**
     * The explanation note of an applied promotion, rendered now: the rule's note and, for a
     * price-level offer, how many units got its price.
     */
    String detail(int p) {
        String note = outcome[p] == null ? "" : outcome[p].detail();
        if (offerTaken == null || offerTaken[p] == null) {
            return note;
        }
        String units = offerTaken[p][0] + " of " + offerTaken[p][1] + " units at this price";
        return note.isEmpty() ? units : note + "; " + units;
    }

    /** What the buyer pays: line finals plus shipping left. */
    long payable() {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total = Exact.add(total, cur[i]);
        }
        for (long s : shipLeft) {
            total = Exact.add(total, s);
        }
        return total;
    }

    private void consider(int p, int[] groupCount) {
        if (base != null && base.staticallyRejected[p]) {
            // The base run was asked the same question on the same request: the answer does not
            // depend on the other promotions, so it is not asked again.
            reject(p, base.reason[p]);
            return;
        }
        Promotion promotion = engine.promotion(p);
        PromotionTerms terms = promotion.terms();
        Instant at = cart.request.at();
        if (!terms.window().contains(at)) {
            reject(p, new RejectionReason.OutsideWindow(terms.window(), at));
            return;
        }
        BuyerContext held = cart.request.buyer();
        if (!terms.tiers().isEmpty() && !buyer.hasAnyTier(terms.tiers())) {
            reject(p, held.hasAnyTier(terms.tiers()) ? new RejectionReason.BenefitDeclined(declinedTiers(terms))
                    : new RejectionReason.TierNotEligible(terms.tiers(), held.tiers()));
            return;
        }
        if (terms.newUsersOnly() && !buyer.newUser()) {
            reject(p, held.newUser() ? new RejectionReason.BenefitDeclined(RejectionReason.BenefitDeclined.NEW_USER)
                    : new RejectionReason.NotNewUser());
            return;
        }
        int group = engine.groupOf(p);
        boolean admitted = group < 0 || (disabled == null ? groupCount[group] < engine.groupLimit(group) : !disabled[p]);
        listView = terms.exclusiveWithPriceLevels() && promotion.lane() != Lane.PRICE_LEVEL;
        Outcome result;
        try {
            result = promotion.evaluate(this);
        } finally {
            listView = false;
        }
        if (result instanceof Outcome.Rejected rejected) {
            reject(p, rejected.reason());
            return;
        }
        if (!admitted) {
            state[p] = EXCLUDED;
            return;
        }
        Outcome.Applied applied = (Outcome.Applied) result;
        outcome[p] = applied;
        boolean took = apply(p, promotion, applied.effect());
        if (took && group >= 0) {
            groupCount[group]++;
        }
    }

    /** The tiers of {@code terms} the buyer holds but this run prices without, as benefit codes. */
    private String declinedTiers(PromotionTerms terms) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (String t : terms.tiers()) {
            if (cart.request.buyer().tiers().contains(t) && !buyer.tiers().contains(t)) {
                out.add(RejectionReason.BenefitDeclined.TIER_PREFIX + t);
            }
        }
        return String.join(", ", out);
    }

    private void reject(int p, RejectionReason why) {
        state[p] = REJECTED;
        reason[p] = why;
        staticallyRejected[p] = isStatic(why);
    }

    /** Reasons that no choice among other promotions can change. */
    private static boolean isStatic(RejectionReason why) {
        return why instanceof RejectionReason.OutsideWindow || why instanceof RejectionReason.TierNotEligible
                || why instanceof RejectionReason.NotNewUser || why instanceof RejectionReason.CouponNotHeld
                || why instanceof RejectionReason.FlagMissing || why instanceof RejectionReason.NoMatchingLines
                || why instanceof RejectionReason.CapReached || why instanceof RejectionReason.BenefitDeclined;
    }

    private boolean apply(int p, Promotion promotion, Effect effect) {
        boolean exclusive = promotion.terms().exclusiveWithPriceLevels() && promotion.lane() != Lane.PRICE_LEVEL;
        if (effect instanceof Effect.LineDiscounts d) {
            return applyLineDiscounts(p, promotion, requireLength(d.amounts(), n, promotion), exclusive);
        } else if (effect instanceof Effect.Pooled pooled) {
            return applyPools(p, promotion, pooled.pools(), exclusive);
        } else if (effect instanceof Effect.PriceOffers offers) {
            return recordOffers(p, promotion, offers);
        } else if (effect instanceof Effect.ShippingDiscounts s) {
            return applyShipping(p, promotion, requireLength(s.perSeller(), cart.sellers.length, promotion));
        } else if (effect instanceof Effect.Gifts g) {
            return applyGifts(p, promotion, g.gifts());
        } else {
            Effect.Deposits d = (Effect.Deposits) effect;
            requireLength(d.deposits(), n, promotion);
            boolean took = applyLineDiscounts(p, promotion, requireLength(d.bonus(), n, promotion), exclusive);
            long[] dep = d.deposits().clone();
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (dep[i] < 0) {
                    throw badEffect(promotion, "deposit " + dep[i] + " is negative");
                }
                any |= dep[i] > 0;
            }
            if (any) {
                deposits[p] = dep;
                if (!took) {
                    state[p] = APPLIED;
                    reason[p] = null;
                }
                return true;
            }
            return took;
        }
    }

    private boolean applyLineDiscounts(int p, Promotion promotion, long[] raw, boolean exclusive) {
        long[] taken = new long[n];
        long total = 0;
        boolean levelWon = false;
        for (int i = 0; i < n; i++) {
            long a = raw[i];
            if (a < 0) {
                throw badEffect(promotion, "line discount " + a + " is negative");
            }
            if (a == 0) {
                continue;
            }
            long d = take(i, a, exclusive);
            if (d == 0 && exclusive && cur[i] > 0) {
                levelWon = true;
            }
            taken[i] = d;
            total += d;
        }
        return settle(p, taken, total, levelWon);
    }

    private boolean applyPools(int p, Promotion promotion, List<Effect.Pool> poolList, boolean exclusive) {
        long[] taken = null;
        long total = 0;
        boolean levelWon = false;
        List<long[]> used = null;
        for (Effect.Pool pool : poolList) {
            long[] weights = requireLength(pool.weights(), n, promotion);
            long available = 0;
            long weightSum = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                long w = weights[i];
                if (w > 0) {
                    available = Exact.add(available, visibleCurrent(i, exclusive));
                    weightSum = Exact.add(weightSum, w);
                    poolLines[count++] = i;
                } else if (w < 0) {
                    throw badEffect(promotion, "weight " + w + " is negative");
                }
            }
            long poolAmount = Math.min(pool.amount(), available);
            if (poolAmount == 0 || weightSum == 0) {
                continue;
            }
            long[] parts = new long[n];
            prorate.split(poolAmount, weights, poolLines, count, weightSum, parts);
            if (taken == null) {
                taken = new long[n];
            }
            for (int k = 0; k < count; k++) {
                int i = poolLines[k];
                if (parts[i] == 0) {
                    continue;
                }
                long d = take(i, parts[i], exclusive);
                if (d == 0 && exclusive && cur[i] > 0) {
                    levelWon = true;
                }
                parts[i] = d;
                taken[i] += d;
                total += d;
            }
            if (used == null) {
                used = new ArrayList<>(poolList.size() * 2);
            }
            used.add(weights);
            used.add(parts);
        }
        if (used != null && total > 0) {
            pools.set(p, used);
        }
        return settle(p, taken, total, levelWon);
    }

    /** Takes up to {@code a} from line {@code i}, keeping it at zero or above; reverts its price level if exclusive wins. */
    private long take(int i, long a, boolean exclusive) {
        if (exclusive && !levelReverted[i] && start[i] < cart.list[i]) {
            long saving = cart.list[i] - start[i];
            long viewCur = cur[i] + saving;
            long d = Math.min(a, viewCur);
            if (viewCur - d < cur[i]) {
                levelReverted[i] = true;
                cur[i] = viewCur - d;
                return d;
            }
            return 0;
        }
        long d = Math.min(a, cur[i]);
        cur[i] -= d;
        return d;
    }

    private long visibleCurrent(int i, boolean exclusive) {
        return exclusive && !levelReverted[i] ? cur[i] + (cart.list[i] - start[i]) : cur[i];
    }

    private boolean settle(int p, long[] taken, long total, boolean levelWon) {
        if (total == 0) {
            reject(p, levelWon ? new RejectionReason.PriceLevelIsLower("the line's price level is cheaper than "
                    + "this promotion on the list price") : new RejectionReason.NothingToDiscount());
            return false;
        }
        state[p] = APPLIED;
        amount[p] = total;
        lineDiscounts[p] = taken;
        return true;
    }

    private boolean applyShipping(int p, Promotion promotion, long[] perSeller) {
        long[] taken = new long[perSeller.length];
        long total = 0;
        for (int s = 0; s < perSeller.length; s++) {
            if (perSeller[s] < 0) {
                throw badEffect(promotion, "shipping discount " + perSeller[s] + " is negative");
            }
            long d = Math.min(perSeller[s], shipLeft[s]);
            shipLeft[s] -= d;
            taken[s] = d;
            total += d;
        }
        if (total == 0) {
            reject(p, new RejectionReason.NothingToDiscount());
            return false;
        }
        state[p] = APPLIED;
        amount[p] = total;
        shippingDiscounts[p] = taken;
        return true;
    }

    private boolean applyGifts(int p, Promotion promotion, List<Effect.Gift> list) {
        if (list.isEmpty()) {
            reject(p, new RejectionReason.NothingToDiscount());
            return false;
        }
        long total = 0;
        for (Effect.Gift g : list) {
            total = Exact.add(total, Exact.multiply(minor(g.unitValue()), g.quantity()));
        }
        state[p] = APPLIED;
        amount[p] = total;
        gifts.set(p, list);
        return true;
    }

    private boolean recordOffers(int p, Promotion promotion, Effect.PriceOffers offers) {
        requireLength(offers.unitPrices(), n, promotion);
        if (offerPrices == null) {
            offerPrices = new long[engine.size()][];
            offerUnits = new long[engine.size()][];
        }
        offerPrices[p] = offers.unitPrices().clone();
        offerUnits[p] = offers.maxUnits().clone();
        if (offers.sharedUnits() != Long.MAX_VALUE) {
            if (offerShared == null) {
                offerShared = new long[engine.size()];
                java.util.Arrays.fill(offerShared, -1);
            }
            offerShared[p] = offers.sharedUnits();
        }
        state[p] = UNDECIDED;
        return true;
    }

    /** Starts each line at its cheapest applicable levels, filling capped offers first where cheaper. */
    private void resolvePriceLevels() {
        int from = engine.laneFrom(Lane.PRICE_LEVEL);
        int to = engine.laneTo(Lane.PRICE_LEVEL);
        long[] units = null;
        if (offerPrices != null) {
            units = new long[to];
        }
        if (offerShared != null) {
            giveSharedUnits(from, to);
        }
        for (int i = 0; i < n; i++) {
            int candidates = 0;
            long[] levels = cart.levelPrices[i];
            List<PriceLevel> lineLevels = cart.lines[i].priceLevels();
            if (levels != null) {
                for (int k = 0; k < levels.length; k++) {
                    if (lineLevels.get(k).appliesTo(buyer, cart.quantity[i])) {
                        candidates++;
                    }
                }
            }
            if (offerPrices != null) {
                for (int p = from; p < to; p++) {
                    if (offerPrices[p] != null && offerPrices[p][i] >= 0 && offerUnits[p][i] > 0) {
                        candidates++;
                    }
                }
            }
            if (candidates == 0) {
                continue;
            }
            int[] source = new int[candidates + 1];
            long[] price = new long[candidates + 1];
            long[] max = new long[candidates + 1];
            int c = 0;
            if (offerPrices != null) {
                for (int p = from; p < to; p++) {
                    if (offerPrices[p] != null && offerPrices[p][i] >= 0 && offerUnits[p][i] > 0) {
                        source[c] = p;
                        price[c] = offerPrices[p][i];
                        max[c++] = offerUnits[p][i];
                    }
                }
            }
            if (levels != null) {
                for (int k = 0; k < levels.length; k++) {
                    if (lineLevels.get(k).appliesTo(buyer, cart.quantity[i])) {
                        source[c] = -2 - k;
                        price[c] = levels[k];
                        max[c++] = Long.MAX_VALUE;
                    }
                }
            }
            source[c] = -1;
            price[c] = cart.listUnit[i];
            max[c] = Long.MAX_VALUE;
            sortByPrice(source, price, max);
            long remaining = cart.quantity[i];
            long amountAtLevels = 0;
            int used = 0;
            for (int k = 0; k < source.length && remaining > 0; k++) {
                long take = Math.min(remaining, max[k]);
                remaining -= take;
                amountAtLevels = Exact.add(amountAtLevels, Exact.multiply(take, price[k]));
                max[k] = take;
                used = k + 1;
                if (source[k] >= 0) {
                    units[source[k]] += take;
                    amount[source[k]] = Exact.add(amount[source[k]], Exact.multiply(take, cart.listUnit[i] - price[k]));
                }
            }
            cur[i] = amountAtLevels;
            if (!(used == 1 && source[0] == -1)) {
                segments[i] = new Segments(java.util.Arrays.copyOf(source, used), java.util.Arrays.copyOf(max, used),
                        java.util.Arrays.copyOf(price, used));
            }
        }
        if (offerPrices == null) {
            return;
        }
        for (int p = from; p < to; p++) {
            if (offerPrices[p] == null || state[p] != UNDECIDED) {
                continue;
            }
            if (units[p] > 0) {
                state[p] = APPLIED;
                long offered = 0;
                if (sharedOffered != null && sharedOffered[p] >= 0) {
                    offered = sharedOffered[p];
                } else {
                    for (int i = 0; i < n; i++) {
                        if (offerPrices[p][i] >= 0) {
                            offered = saturatedAdd(offered, Math.min(offerUnits[p][i], cart.quantity[i]));
                        }
                    }
                }
                if (offerTaken == null) {
                    offerTaken = new long[engine.size()][];
                }
                offerTaken[p] = new long[] {units[p], offered};
            } else {
                amount[p] = 0;
                reject(p, new RejectionReason.PriceLevelIsLower("every line in scope has a lower price level"));
            }
        }
    }

    /**
     * Turns each shared unit limit into per-line limits, offer by offer in priority order: the
     * units go where they save the most over the unit prices each line would pay without this
     * offer (and without the shared offers not yet given out). A line's fill is cheapest first,
     * so an offer's units displace its dearest units: the saving of each further unit on a line
     * never grows, and taking the largest savings first is optimal for one offer.
     */
    private void giveSharedUnits(int from, int to) {
        sharedOffered = new long[engine.size()];
        java.util.Arrays.fill(sharedOffered, -1);
        boolean[] pending = new boolean[engine.size()];
        for (int p = from; p < to; p++) {
            pending[p] = offerPrices[p] != null && offerShared[p] >= 0;
        }
        for (int p = from; p < to; p++) {
            if (!pending[p]) {
                continue;
            }
            List<long[]> chunks = new ArrayList<>(); // {saving per unit, line, units}
            long available = 0;
            for (int i = 0; i < n; i++) {
                long q = offerPrices[p][i];
                long most = Math.min(offerUnits[p][i], cart.quantity[i]);
                if (q < 0 || most <= 0) {
                    continue;
                }
                available = saturatedAdd(available, most);
                long[][] fill = fill(i, pending);
                for (int k = fill[0].length - 1; k >= 0 && most > 0; k--) {
                    if (fill[0][k] <= q) {
                        break;
                    }
                    long take = Math.min(most, fill[1][k]);
                    most -= take;
                    chunks.add(new long[] {fill[0][k] - q, i, take});
                }
            }
            chunks.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
            long left = offerShared[p];
            sharedOffered[p] = Math.min(left, available);
            long[] given = new long[n];
            for (long[] c : chunks) {
                if (left == 0) {
                    break;
                }
                long take = Math.min(left, c[2]);
                given[(int) c[1]] += take;
                left -= take;
            }
            offerUnits[p] = given;
            pending[p] = false;
        }
    }

    /**
     * A line's units by unit price, cheapest first, from its levels, the list price and the
     * offers not {@code skipped}: {@code {prices, units}} of the segments it would use.
     */
    private long[][] fill(int i, boolean[] skipped) {
        List<PriceLevel> lineLevels = cart.lines[i].priceLevels();
        long[] levels = cart.levelPrices[i];
        int size = 1 + (levels == null ? 0 : levels.length) + engine.size();
        int[] source = new int[size];
        long[] price = new long[size];
        long[] max = new long[size];
        int c = 0;
        int from = engine.laneFrom(Lane.PRICE_LEVEL);
        int to = engine.laneTo(Lane.PRICE_LEVEL);
        for (int p = from; p < to; p++) {
            if (!skipped[p] && offerPrices[p] != null && offerPrices[p][i] >= 0 && offerUnits[p][i] > 0) {
                source[c] = p;
                price[c] = offerPrices[p][i];
                max[c++] = offerUnits[p][i];
            }
        }
        if (levels != null) {
            for (int k = 0; k < levels.length; k++) {
                if (lineLevels.get(k).appliesTo(buyer, cart.quantity[i])) {
                    source[c] = -2 - k;
                    price[c] = levels[k];
                    max[c++] = Long.MAX_VALUE;
                }
            }
        }
        source[c] = -1;
        price[c] = cart.listUnit[i];
        max[c++] = Long.MAX_VALUE;
        int[] s = java.util.Arrays.copyOf(source, c);
        long[] pr = java.util.Arrays.copyOf(price, c);
        long[] m = java.util.Arrays.copyOf(max, c);
        sortByPrice(s, pr, m);
        long remaining = cart.quantity[i];
        int used = 0;
        for (int k = 0; k < c && remaining > 0; k++) {
            m[k] = Math.min(remaining, m[k]);
            remaining -= m[k];
            used = k + 1;
        }
        return new long[][] {java.util.Arrays.copyOf(pr, used), java.util.Arrays.copyOf(m, used)};
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /** Insertion sort by price; stable, so offers (in promotion order) precede line levels, and the list price comes last among equals. */
    private static void sortByPrice(int[] source, long[] price, long[] max) {
        for (int a = 1; a < source.length; a++) {
            int s = source[a];
            long pr = price[a];
            long m = max[a];
            int b = a - 1;
            while (b >= 0 && price[b] > pr) {
                source[b + 1] = source[b];
                price[b + 1] = price[b];
                max[b + 1] = max[b];
                b--;
            }
            source[b + 1] = s;
            price[b + 1] = pr;
            max[b + 1] = m;
        }
    }

    private static long[] requireLength(long[] values, int expected, Promotion promotion) {
        if (values.length != expected) {
            throw badEffect(promotion, "an array has " + values.length + " entries, expected " + expected);
        }
        return values;
    }

    private static InvalidInputException badEffect(Promotion promotion, String problem) {
        return new InvalidInputException("effect of promotion " + promotion.id(), promotion.kind(), problem);
    }

    // PromotionContext

    @Override
    public CurrencyUnit currency() {
        return cart.request.currency();
    }

    @Override
    public RoundingPolicy rounding() {
        return engine.options().rounding();
    }

    @Override
    public Instant at() {
        return cart.request.at();
    }

    @Override
    public BuyerContext buyer() {
        return buyer;
    }

    @Override
    public RemainingCaps caps() {
        return cart.request.caps();
    }

    @Override
    public int lineCount() {
        return n;
    }

    @Override
    public PricingLine line(int line) {
        return cart.lines[line];
    }

    @Override
    public long listUnitPrice(int line) {
        return cart.listUnit[line];
    }

    @Override
    public long listAmount(int line) {
        return cart.list[line];
    }

    @Override
    public long laneStartAmount(int line) {
        return listView && !levelReverted[line] ? laneStart[line] + (cart.list[line] - start[line]) : laneStart[line];
    }

    @Override
    public long currentAmount(int line) {
        return visibleCurrent(line, listView);
    }

    @Override
    public int sellerOf(int line) {
        return cart.sellerOf[line];
    }

    @Override
    public int sellerCount() {
        return cart.sellers.length;
    }

    @Override
    public String seller(int seller) {
        return cart.sellers[seller];
    }

    @Override
    public int sellerIndex(String sellerId) {
        return cart.sellerIndex(sellerId);
    }

    @Override
    public long shippingCharge(int seller) {
        return cart.shipping[seller];
    }

    @Override
    public long shippingLeft(int seller) {
        return shipLeft[seller];
    }

    @Override
    public long minor(MonetaryAmount value) {
        return cart.minor(value);
    }

    @Override
    public boolean[] linesIn(Scope scope) {
        return cart.linesIn(scope).clone();
    }

    @Override
    public String format(long minorUnits) {
        return cart.request.currency().getCurrencyCode() + " "
                + java.math.BigDecimal.valueOf(minorUnits, MinorUnits.scale(cart.request.currency())).toPlainString();
    }

    @Override
    public MonetaryAmount amount(long minorUnits) {
        return MinorUnits.toAmount(minorUnits, cart.request.currency());
    }
}
