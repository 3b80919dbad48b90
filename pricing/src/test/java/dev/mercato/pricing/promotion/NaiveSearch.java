package dev.mercato.pricing.promotion;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reference for the engine's search: the same choices (benefits declined, exclusive
 * combinations, orders within a lane), tried in the same order with the same tie-break, but every
 * candidate priced by a full run over every lane from scratch (no resuming from a lane, no reuse
 * of another run's rejections), and the winner built at once by {@link EagerResultBuilder}.
 */
final class NaiveSearch {
    private NaiveSearch() {}

    static PricingResult price(PricingEngine pricingEngine, PricingRequest request) {
        DefaultPricingEngine engine = (DefaultPricingEngine) pricingEngine;
        CanonicalCart cart = new CanonicalCart(request);
        Run best = null;
        SearchSummary bestSummary = null;
        int runs = 0;
        for (Set<String> declined : engine.benefitDeclines(request.buyer(), cart)) {
            BuyerContext buyer = DefaultPricingEngine.without(request.buyer(), declined);
            int[] count = {0};
            Object[] found = search(engine, cart, buyer, count);
            runs += count[0];
            Run run = (Run) found[0];
            if (best == null || run.payable() < best.payable()) {
                best = run;
                bestSummary = new SearchSummary((Integer) found[1], 0, (Boolean) found[2], declined);
            }
        }
        return EagerResultBuilder.build(engine, best, new SearchSummary(bestSummary.contestedGroups(), runs,
                bestSummary.exhaustive(), bestSummary.benefitsDeclined()));
    }

    private static Object[] search(DefaultPricingEngine engine, CanonicalCart cart, BuyerContext buyer, int[] count) {
        Run greedy = fullRun(engine, cart, null, buyer, emptyOrders(), count);
        List<int[][]> contested = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        Lane firstLane = Lane.SHIPPING;
        for (int g = 0; g < engine.groupCount(); g++) {
            List<Integer> live = new ArrayList<>();
            for (int p = 0; p < engine.size(); p++) {
                if (engine.groupOf(p) == g && !greedy.staticallyRejected[p]) {
                    live.add(p);
                    if (engine.promotion(p).lane().compareTo(firstLane) < 0) {
                        firstLane = engine.promotion(p).lane();
                    }
                }
            }
            if (!live.isEmpty()) {
                contested.add(choices(live, engine.groupLimit(g)));
                groups.add(g);
            }
        }
        if (contested.isEmpty()) {
            return new Object[] {orders(engine, cart, greedy, null, buyer, Lane.ITEM, null, count), 0, true};
        }
        Run base = orders(engine, cart, greedy, null, buyer, Lane.ITEM, firstLane, count);
        long combinations = 1;
        for (int[][] c : contested) {
            combinations = Math.min((long) Integer.MAX_VALUE, combinations * c.length);
        }
        int[] choice = new int[contested.size()];
        boolean exhaustive = combinations <= engine.options().searchBound();
        Run best = null;
        if (exhaustive) {
            for (long k = 0; k < combinations; k++) {
                long rest = k;
                for (int j = contested.size() - 1; j >= 0; j--) {
                    choice[j] = (int) (rest % contested.get(j).length);
                    rest /= contested.get(j).length;
                }
                Run run = combination(engine, cart, base, contested, groups, choice, buyer, firstLane, count);
                if (best == null || run.payable() < best.payable()) {
                    best = run;
                }
            }
        } else {
            best = combination(engine, cart, base, contested, groups, choice, buyer, firstLane, count);
            for (int j = 0; j < contested.size(); j++) {
                int keep = choice[j];
                for (int o = 1; o < contested.get(j).length; o++) {
                    choice[j] = o;
                    Run run = combination(engine, cart, base, contested, groups, choice, buyer, firstLane, count);
                    if (run.payable() < best.payable()) {
                        best = run;
                        keep = o;
                    }
                }
                choice[j] = keep;
            }
            if (base.payable() < best.payable()) {
                best = base;
            }
        }
        return new Object[] {best, contested.size(), exhaustive};
    }

    private static int[][] emptyOrders() {
        return new int[Lane.values().length][];
    }

    private static Run combination(DefaultPricingEngine engine, CanonicalCart cart, Run base, List<int[][]> contested,
            List<Integer> groups, int[] choice, BuyerContext buyer, Lane firstLane, int[] count) {
        boolean[] disabled = new boolean[engine.size()];
        for (int j = 0; j < contested.size(); j++) {
            for (int p = 0; p < engine.size(); p++) {
                if (engine.groupOf(p) == groups.get(j)) {
                    disabled[p] = true;
                }
            }
            for (int p : contested.get(j)[choice[j]]) {
                disabled[p] = false;
            }
        }
        Run run = fullRun(engine, cart, disabled, buyer, base.order.clone(), count);
        return orders(engine, cart, run, disabled, buyer, firstLane, null, count);
    }

    /** The engine's order improvement, every candidate order priced from scratch. */
    private static Run orders(DefaultPricingEngine engine, CanonicalCart cart, Run run, boolean[] disabled,
            BuyerContext buyer, Lane from, Lane to, int[] count) {
        for (Lane lane : Lane.values()) {
            if (lane.compareTo(from) < 0 || (to != null && lane.compareTo(to) >= 0)
                    || !engine.options().orderSearchLanes().contains(lane)) {
                continue;
            }
            int lf = engine.laneFrom(lane);
            int lt = engine.laneTo(lane);
            int l = lane.ordinal();
            int[] current = new int[lt - lf];
            for (int k = 0; k < current.length; k++) {
                current[k] = run.order[l] == null ? lf + k : run.order[l][k];
            }
            int start = 0;
            while (start < current.length) {
                int end = start;
                while (end < current.length && engine.promotion(current[end]).terms().priority()
                        == engine.promotion(current[start]).terms().priority()) {
                    end++;
                }
                List<Integer> slots = new ArrayList<>();
                for (int k = start; k < end; k++) {
                    int p = current[k];
                    boolean off = disabled != null && disabled[p];
                    if (!off && (run.state[p] == Run.APPLIED || (run.state[p] == Run.REJECTED
                            && run.reason[p] instanceof RejectionReason.NothingToDiscount))) {
                        slots.add(k);
                    }
                }
                if (slots.size() >= 2) {
                    Run best = run;
                    int[] bestOrder = current;
                    for (int[] perm : DefaultPricingEngine.permutations(slots.size(), engine.options().orderBound())) {
                        int[] candidate = current.clone();
                        for (int k = 0; k < perm.length; k++) {
                            candidate[slots.get(k)] = current[slots.get(perm[k])];
                        }
                        int[][] orders = run.order.clone();
                        orders[l] = candidate;
                        Run tried = fullRun(engine, cart, disabled, buyer, orders, count);
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

    private static Run fullRun(DefaultPricingEngine engine, CanonicalCart cart, boolean[] disabled, BuyerContext buyer,
            int[][] orders, int[] count) {
        count[0]++;
        return new Run(engine, cart, disabled, buyer, orders).execute();
    }

    /** Subsets of the live members with 1..limit members, larger first, in priority order, then none. */
    private static int[][] choices(List<Integer> live, int limit) {
        List<int[]> out = new ArrayList<>();
        for (int size = Math.min(limit, live.size()); size >= 1; size--) {
            subsets(live, size, 0, new ArrayList<>(), out);
        }
        out.add(new int[0]);
        return out.toArray(new int[0][]);
    }

    private static void subsets(List<Integer> live, int size, int from, List<Integer> acc, List<int[]> out) {
        if (acc.size() == size) {
            out.add(acc.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        for (int i = from; i < live.size(); i++) {
            acc.add(live.get(i));
            subsets(live, size, i + 1, acc, out);
            acc.remove(acc.size() - 1);
        }
    }
}
