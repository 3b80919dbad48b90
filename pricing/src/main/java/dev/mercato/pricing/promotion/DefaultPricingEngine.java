package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine: sorts promotions into lanes once, then per request runs the pipeline and, where
 * exclusivity groups hold more live candidates than they admit, searches for the combination
 * cheapest for the buyer (exhaustively up to {@link PricingOptions#searchBound()} runs, else one
 * group at a time starting from the priority order).
 */
final class DefaultPricingEngine implements PricingEngine {
    private static final Comparator<Promotion> ORDER = Comparator.comparing(Promotion::lane)
            .thenComparing(Comparator.comparingInt((Promotion p) -> p.terms().priority()).reversed())
            .thenComparing(Promotion::id);

    private final Promotion[] promotions;
    private final List<Promotion> promotionList;
    private final PricingOptions options;
    private final int[] laneFrom;
    private final int[] groupOf;
    private final String[] groupNames;
    private final int[] groupLimits;
    private final int[][] groupMembers;
    /** Per promotion, who funds it: {@link #SELLER_FUNDED}, {@link #PLATFORM_FUNDED} or {@link #CO_FUNDED}. */
    private final byte[] fundedBy;

    /** Tiers named by some promotion's terms. */
    private final Set<String> ruleTiers = new HashSet<>();
    /** Whether some promotion is for new users only. */
    private final boolean anyNewUserRule;

    private static final byte SELLER_FUNDED = 0;
    private static final byte PLATFORM_FUNDED = 1;
    private static final byte CO_FUNDED = 2;

    DefaultPricingEngine(List<? extends Promotion> promotions, PricingOptions options) {
        InvalidInputException.requireNonNull(promotions, "promotions");
        this.options = InvalidInputException.requireNonNull(options, "options");
        Set<String> ids = new HashSet<>();
        for (Promotion p : promotions) {
            InvalidInputException.requireNonNull(p, "promotions[]");
            InvalidInputException.requireNonNull(p.lane(), "lane of " + p.id());
            if (!ids.add(p.id())) {
                throw new InvalidInputException("promotions.id", p.id(), "is used by more than one promotion");
            }
        }
        this.promotions = promotions.toArray(new Promotion[0]);
        Arrays.sort(this.promotions, ORDER);
        this.promotionList = List.of(this.promotions);
        Lane[] lanes = Lane.values();
        laneFrom = new int[lanes.length + 1];
        int p = 0;
        for (Lane lane : lanes) {
            laneFrom[lane.ordinal()] = p;
            while (p < this.promotions.length && this.promotions[p].lane() == lane) {
                p++;
            }
        }
        laneFrom[lanes.length] = p;
        fundedBy = new byte[this.promotions.length];
        for (int i = 0; i < this.promotions.length; i++) {
            Funding funding = this.promotions[i].funding();
            InvalidInputException.requireNonNull(funding, "funding of " + this.promotions[i].id());
            fundedBy[i] = funding.platformShare().isZero() ? SELLER_FUNDED
                    : funding.platformShare().equals(Rate.ONE_HUNDRED_PERCENT) ? PLATFORM_FUNDED : CO_FUNDED;
        }
        groupOf = new int[this.promotions.length];
        Map<String, Integer> groupIndex = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < this.promotions.length; i++) {
            String group = this.promotions[i].exclusivityGroup().orElse(null);
            if (group == null) {
                groupOf[i] = -1;
                continue;
            }
            Integer g = groupIndex.get(group);
            if (g == null) {
                g = names.size();
                groupIndex.put(group, g);
                names.add(group);
                members.add(new ArrayList<>());
            }
            groupOf[i] = g;
            members.get(g).add(i);
        }
        boolean newUsers = false;
        for (Promotion promotion : this.promotions) {
            ruleTiers.addAll(promotion.terms().tiers());
            newUsers |= promotion.terms().newUsersOnly();
        }
        anyNewUserRule = newUsers;
        groupNames = names.toArray(new String[0]);
        groupLimits = new int[groupNames.length];
        groupMembers = new int[groupNames.length][];
        for (int g = 0; g < groupNames.length; g++) {
            groupLimits[g] = options.limitOf(groupNames[g]);
            groupMembers[g] = members.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    @Override
    public List<Promotion> promotions() {
        return promotionList;
    }

    @Override
    public PricingResult price(PricingRequest request) {
        InvalidInputException.requireNonNull(request, "request");
        CanonicalCart cart = new CanonicalCart(request);
        Searched best = null;
        int runs = 0;
        for (Set<String> declined : benefitDeclines(request.buyer(), cart)) {
            Searched searched = search(cart, without(request.buyer(), declined), declined);
            runs += searched.runs();
            if (best == null || searched.run().payable() < best.run().payable()) {
                best = searched;
            }
        }
        return ResultBuilder.build(this, best.run(), new SearchSummary(best.groups(), runs, best.exhaustive(),
                best.declined()));
    }

    /** The outcome of the search for one buyer: the cheapest run and how it was found. */
    record Searched(Run run, int groups, int runs, boolean exhaustive, Set<String> declined) {}

    /**
     * The sets of benefits to price without, the empty set first: every subset of the buyer's
     * benefits that a rule's terms or a line's price level names, when there are at most
     * {@link PricingOptions#BENEFIT_SUBSETS_UP_TO}; past that, none, each one alone, and all.
     */
    List<Set<String>> benefitDeclines(BuyerContext buyer, CanonicalCart cart) {
        if (!options.benefitsNeverCostMore()) {
            return List.of(Set.of());
        }
        java.util.TreeSet<String> relevant = new java.util.TreeSet<>();
        boolean newUserMatters = anyNewUserRule;
        Set<String> levelTiers = new HashSet<>();
        for (PricingLine line : cart.lines) {
            for (PriceLevel level : line.priceLevels()) {
                levelTiers.addAll(level.tiers());
                newUserMatters |= level.newUsersOnly();
            }
        }
        for (String tier : buyer.tiers()) {
            if (ruleTiers.contains(tier) || levelTiers.contains(tier)) {
                relevant.add(RejectionReason.BenefitDeclined.TIER_PREFIX + tier);
            }
        }
        if (buyer.newUser() && newUserMatters) {
            relevant.add(RejectionReason.BenefitDeclined.NEW_USER);
        }
        if (relevant.isEmpty()) {
            return List.of(Set.of());
        }
        String[] codes = relevant.toArray(new String[0]);
        List<Set<String>> out = new ArrayList<>();
        if (codes.length <= PricingOptions.BENEFIT_SUBSETS_UP_TO) {
            List<Integer> masks = new ArrayList<>();
            for (int mask = 0; mask < (1 << codes.length); mask++) {
                masks.add(mask);
            }
            masks.sort(Comparator.comparingInt(Integer::bitCount).thenComparingInt(Integer::intValue));
            for (int mask : masks) {
                Set<String> subset = new java.util.TreeSet<>();
                for (int k = 0; k < codes.length; k++) {
                    if ((mask & (1 << k)) != 0) {
                        subset.add(codes[k]);
                    }
                }
                out.add(Set.copyOf(subset));
            }
        } else {
            out.add(Set.of());
            for (String code : codes) {
                out.add(Set.of(code));
            }
            out.add(Set.copyOf(relevant));
        }
        return out;
    }

    /** The buyer without the benefits named by {@code declined}. */
    static BuyerContext without(BuyerContext buyer, Set<String> declined) {
        if (declined.isEmpty()) {
            return buyer;
        }
        Set<String> tiers = new HashSet<>(buyer.tiers());
        tiers.removeIf(t -> declined.contains(RejectionReason.BenefitDeclined.TIER_PREFIX + t));
        return new BuyerContext(tiers, buyer.benefits(),
                buyer.newUser() && !declined.contains(RejectionReason.BenefitDeclined.NEW_USER), buyer.couponsHeld(),
                buyer.flags());
    }

    private Searched search(CanonicalCart cart, BuyerContext buyer, Set<String> declined) {
        Run greedy = new Run(this, cart, null, buyer, new int[Lane.values().length][]).execute();
        int[] runs = {1};
        List<int[][]> contested = new ArrayList<>();
        List<Integer> contestedGroups = new ArrayList<>();
        Lane firstLane = Lane.SHIPPING;
        for (int g = 0; g < groupNames.length; g++) {
            int[] live = Arrays.stream(groupMembers[g]).filter(m -> !greedy.staticallyRejected[m]).toArray();
            if (live.length > 0) {
                contested.add(choices(live, groupLimits[g]));
                contestedGroups.add(g);
                for (int m : live) {
                    if (promotions[m].lane().compareTo(firstLane) < 0) {
                        firstLane = promotions[m].lane();
                    }
                }
            }
        }
        if (contested.isEmpty()) {
            Run best = improveOrders(greedy, null, Lane.ITEM, null, runs);
            return new Searched(best, 0, runs[0], true, declined);
        }
        Lane resume = firstLane;
        // The lanes before the first contested one are the same for every choice: order them once.
        Run base = improveOrders(greedy, null, Lane.ITEM, resume, runs);
        long combinations = 1;
        for (int[][] c : contested) {
            combinations = Math.min((long) Integer.MAX_VALUE, combinations * c.length);
        }
        int[] choice = new int[contested.size()];
        Run best;
        boolean exhaustive = combinations <= options.searchBound();
        if (exhaustive) {
            best = null;
            long bestPayable = Long.MAX_VALUE;
            for (long k = 0; k < combinations; k++) {
                long rest = k;
                for (int j = contested.size() - 1; j >= 0; j--) {
                    choice[j] = (int) (rest % contested.get(j).length);
                    rest /= contested.get(j).length;
                }
                Run run = combination(base, disabledFor(contested, contestedGroups, choice), resume, runs);
                long payable = run.payable();
                // "best == null": a cart may cost exactly Long.MAX_VALUE minor units.
                if (best == null || payable < bestPayable) {
                    best = run;
                    bestPayable = payable;
                }
            }
        } else {
            best = combination(base, disabledFor(contested, contestedGroups, choice), resume, runs);
            long bestPayable = best.payable();
            for (int j = 0; j < contested.size(); j++) {
                int keep = choice[j];
                for (int o = 1; o < contested.get(j).length; o++) {
                    choice[j] = o;
                    Run run = combination(base, disabledFor(contested, contestedGroups, choice), resume, runs);
                    long payable = run.payable();
                    if (payable < bestPayable) {
                        best = run;
                        bestPayable = payable;
                        keep = o;
                    }
                }
                choice[j] = keep;
            }
            if (base.payable() < bestPayable) {
                best = base;
            }
        }
        return new Searched(best, contested.size(), runs[0], exhaustive, declined);
    }

    /** One combination: resumed from {@code resume} in priority order, then its lanes ordered best for the buyer. */
    private Run combination(Run base, boolean[] disabled, Lane resume, int[] runs) {
        Run run = new Run(base, disabled, resume).execute();
        runs[0]++;
        return improveOrders(run, disabled, resume, null, runs);
    }

    /**
     * Tries other orders within the order-search lanes from {@code from} (inclusive) to
     * {@code to} (exclusive, {@code null} for all): in each block of promotions of equal priority,
     * the promotions that took something (or found nothing left to take) are permuted among their
     * places, every order when there are at most {@link PricingOptions#orderBound()}, else the
     * reverse only; the cheapest run is kept (ties: the earlier order). Blocks and lanes are
     * improved one after the other.
     */
    Run improveOrders(Run run, boolean[] disabled, Lane from, Lane to, int[] runs) {
        for (Lane lane : Lane.values()) {
            if (lane.compareTo(from) < 0 || (to != null && lane.compareTo(to) >= 0)
                    || !options.orderSearchLanes().contains(lane)) {
                continue;
            }
            int lf = laneFrom(lane);
            int lt = laneTo(lane);
            if (lt - lf < 2) {
                continue;
            }
            int l = lane.ordinal();
            int[] current = run.order[l] == null ? java.util.stream.IntStream.range(lf, lt).toArray()
                    : run.order[l].clone();
            int start = 0;
            while (start < current.length) {
                int priority = promotions[current[start]].terms().priority();
                int end = start;
                while (end < current.length && promotions[current[end]].terms().priority() == priority) {
                    end++;
                }
                List<Integer> slots = new ArrayList<>();
                for (int k = start; k < end; k++) {
                    if (touches(run, current[k], disabled)) {
                        slots.add(k);
                    }
                }
                if (slots.size() >= 2) {
                    int[] members = new int[slots.size()];
                    for (int k = 0; k < members.length; k++) {
                        members[k] = current[slots.get(k)];
                    }
                    Run best = run;
                    int[] bestOrder = current;
                    for (int[] perm : permutations(members.length, options.orderBound())) {
                        int[] candidate = current.clone();
                        for (int k = 0; k < perm.length; k++) {
                            candidate[slots.get(k)] = members[perm[k]];
                        }
                        int[][] orders = run.order.clone();
                        orders[l] = candidate;
                        Run tried = new Run(run, disabled, lane, orders).execute();
                        runs[0]++;
                        if (tried.payable() < best.payable()) {
                            best = tried;
                            bestOrder = candidate;
                        }
                    }
                    run = best;
                    current = bestOrder.clone();
                }
                start = end;
            }
        }
        return run;
    }

    /** Whether the order of {@code p} can matter: it took something, or found nothing left to take. */
    private static boolean touches(Run run, int p, boolean[] disabled) {
        if (disabled != null && disabled[p]) {
            return false;
        }
        return run.state[p] == Run.APPLIED
                || (run.state[p] == Run.REJECTED && run.reason[p] instanceof RejectionReason.NothingToDiscount);
    }

    /**
     * The orders of {@code k} items other than the identity: all of them in lexicographic order
     * when {@code k!} is at most {@code bound}, else the reverse only.
     */
    static List<int[]> permutations(int k, int bound) {
        long factorial = 1;
        for (int i = 2; i <= k && factorial <= bound; i++) {
            factorial *= i;
        }
        List<int[]> out = new ArrayList<>();
        int[] perm = java.util.stream.IntStream.range(0, k).toArray();
        if (factorial > bound) {
            int[] reverse = new int[k];
            for (int i = 0; i < k; i++) {
                reverse[i] = k - 1 - i;
            }
            out.add(reverse);
            return out;
        }
        while (nextPermutation(perm)) {
            out.add(perm.clone());
        }
        return out;
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int x = i + 1, y = a.length - 1; x < y; x++, y--) {
            t = a[x];
            a[x] = a[y];
            a[y] = t;
        }
        return true;
    }

    private boolean[] disabledFor(List<int[][]> contested, List<Integer> groups, int[] choice) {
        boolean[] disabled = new boolean[promotions.length];
        for (int j = 0; j < contested.size(); j++) {
            for (int m : groupMembers[groups.get(j)]) {
                disabled[m] = true;
            }
            for (int m : contested.get(j)[choice[j]]) {
                disabled[m] = false;
            }
        }
        return disabled;
    }

    /** The subsets of {@code live} with 1..limit members in priority order, then the empty choice. */
    private static int[][] choices(int[] live, int limit) {
        List<int[]> out = new ArrayList<>();
        for (int size = Math.min(limit, live.length); size >= 1; size--) {
            combine(live, size, 0, new int[size], 0, out);
        }
        out.add(new int[0]);
        return out.toArray(new int[0][]);
    }

    private static void combine(int[] live, int size, int from, int[] acc, int depth, List<int[]> out) {
        if (depth == size) {
            out.add(acc.clone());
            return;
        }
        for (int i = from; i <= live.length - (size - depth); i++) {
            acc[depth] = live[i];
            combine(live, size, i + 1, acc, depth + 1, out);
        }
    }

    /**
     * The platform's part of a discount of promotion {@code p}: {@link Funding#platformPart(long)},
     * without comparing rates on every call.
     */
    long platformPart(int p, long discountMinor) {
        return switch (fundedBy[p]) {
            case SELLER_FUNDED -> 0;
            case PLATFORM_FUNDED -> discountMinor;
            default -> promotions[p].funding().platformPart(discountMinor);
        };
    }

    int size() {
        return promotions.length;
    }

    Promotion promotion(int p) {
        return promotions[p];
    }

    PricingOptions options() {
        return options;
    }

    int laneFrom(Lane lane) {
        return laneFrom[lane.ordinal()];
    }

    int laneTo(Lane lane) {
        return laneFrom[lane.ordinal() + 1];
    }

    int groupOf(int p) {
        return groupOf[p];
    }

    int groupCount() {
        return groupNames.length;
    }

    int groupLimit(int g) {
        return groupLimits[g];
    }

    String groupName(int g) {
        return groupNames[g];
    }
}
