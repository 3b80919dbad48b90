package dev.mercato.pricing.promotion;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference for the engine's exclusivity search: the same choices, tried in the same order
 * with the same tie-break, but every combination priced by a full run over every lane from
 * scratch (no resuming from the first contested lane, no reuse of another run's rejections), and
 * the winner built at once by {@link EagerResultBuilder}.
 */
final class NaiveSearch {
    private NaiveSearch() {}

    static PricingResult price(PricingEngine pricingEngine, PricingRequest request) {
        DefaultPricingEngine engine = (DefaultPricingEngine) pricingEngine;
        CanonicalCart cart = new CanonicalCart(request);
        Run greedy = new Run(engine, cart, null).execute();
        List<int[][]> contested = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (int g = 0; g < engine.groupCount(); g++) {
            List<Integer> live = new ArrayList<>();
            for (int p = 0; p < engine.size(); p++) {
                if (engine.groupOf(p) == g && !greedy.staticallyRejected[p]) {
                    live.add(p);
                }
            }
            if (!live.isEmpty()) {
                contested.add(choices(live, engine.groupLimit(g)));
                groups.add(g);
            }
        }
        if (contested.isEmpty()) {
            return EagerResultBuilder.build(engine, greedy, new SearchSummary(0, 1, true));
        }
        long combinations = 1;
        for (int[][] c : contested) {
            combinations = Math.min((long) Integer.MAX_VALUE, combinations * c.length);
        }
        int[] choice = new int[contested.size()];
        int runs = 1;
        boolean exhaustive = combinations <= engine.options().searchBound();
        Run best = null;
        if (exhaustive) {
            for (long k = 0; k < combinations; k++) {
                long rest = k;
                for (int j = contested.size() - 1; j >= 0; j--) {
                    choice[j] = (int) (rest % contested.get(j).length);
                    rest /= contested.get(j).length;
                }
                Run run = fullRun(engine, cart, contested, groups, choice);
                runs++;
                if (best == null || run.payable() < best.payable()) {
                    best = run;
                }
            }
        } else {
            best = fullRun(engine, cart, contested, groups, choice);
            runs++;
            for (int j = 0; j < contested.size(); j++) {
                int keep = choice[j];
                for (int o = 1; o < contested.get(j).length; o++) {
                    choice[j] = o;
                    Run run = fullRun(engine, cart, contested, groups, choice);
                    runs++;
                    if (run.payable() < best.payable()) {
                        best = run;
                        keep = o;
                    }
                }
                choice[j] = keep;
            }
            if (greedy.payable() < best.payable()) {
                best = greedy;
            }
        }
        return EagerResultBuilder.build(engine, best, new SearchSummary(contested.size(), runs, exhaustive));
    }

    private static Run fullRun(DefaultPricingEngine engine, CanonicalCart cart, List<int[][]> contested,
            List<Integer> groups, int[] choice) {
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
        return new Run(engine, cart, disabled).execute();
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
