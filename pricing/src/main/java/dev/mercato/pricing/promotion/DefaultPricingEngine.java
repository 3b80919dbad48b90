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
        Run greedy = new Run(this, cart, null).execute();
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
        Lane resume = firstLane;
        if (contested.isEmpty()) {
            return ResultBuilder.build(this, greedy, new SearchSummary(0, 1, true));
        }
        long combinations = 1;
        for (int[][] c : contested) {
            combinations = Math.min((long) Integer.MAX_VALUE, combinations * c.length);
        }
        int[] choice = new int[contested.size()];
        Run best;
        int runs = 1;
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
                Run run = new Run(greedy, disabledFor(contested, contestedGroups, choice), resume).execute();
                runs++;
                long payable = run.payable();
                // "best == null": a cart may cost exactly Long.MAX_VALUE minor units.
                if (best == null || payable < bestPayable) {
                    best = run;
                    bestPayable = payable;
                }
            }
        } else {
            best = new Run(greedy, disabledFor(contested, contestedGroups, choice), resume).execute();
            runs++;
            long bestPayable = best.payable();
            for (int j = 0; j < contested.size(); j++) {
                int keep = choice[j];
                for (int o = 1; o < contested.get(j).length; o++) {
                    choice[j] = o;
                    Run run = new Run(greedy, disabledFor(contested, contestedGroups, choice), resume).execute();
                    runs++;
                    long payable = run.payable();
                    if (payable < bestPayable) {
                        best = run;
                        bestPayable = payable;
                        keep = o;
                    }
                }
                choice[j] = keep;
            }
            if (greedy.payable() < bestPayable) {
                best = greedy;
            }
        }
        return ResultBuilder.build(this, best, new SearchSummary(contested.size(), runs, exhaustive));
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
