package dev.mercato.pricing.commission;

import com.google.common.collect.ImmutableRangeMap;
import com.google.common.collect.Range;
import com.google.common.collect.RangeMap;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/** The indexed implementation of {@link CommissionSchedule}: rules grouped by scope. */
final class RuleBook implements CommissionSchedule {
    private static final RuleScope EVERYTHING = new RuleScope.Everything();

    private final String name;
    private final CurrencyUnit currency;
    private final ChargeBase base;
    private final RoundingPolicy rounding;
    private final List<CommissionRule> rules;
    private final Map<RuleScope, List<Compiled>> byScope = new HashMap<>();
    /** Whether any rule has a SKU, seller or brand scope: a line need not look up a kind with none. */
    private final boolean anySku;
    private final boolean anySeller;
    private final boolean anyBrand;
    private static final int CHAIN_CACHE_LIMIT = 10_000;
    private final Map<CategoryPath, List<List<Compiled>>> chains = new ConcurrentHashMap<>();

    RuleBook(String name, CurrencyUnit currency, ChargeBase base, RoundingPolicy rounding, List<CommissionRule> rules) {
        this.name = InvalidInputException.requireNonNull(name, "name");
        this.currency = InvalidInputException.requireNonNull(currency, "currency");
        this.base = InvalidInputException.requireNonNull(base, "base");
        this.rounding = InvalidInputException.requireNonNull(rounding, "rounding");
        this.rules = List.copyOf(InvalidInputException.requireNonNull(rules, "rules"));
        MinorUnits.scale(currency);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < this.rules.size(); i++) {
            CommissionRule rule = this.rules.get(i);
            String where = "rules[" + i + "]";
            if (!ids.add(rule.id())) {
                throw new InvalidScheduleException(where + ".id", "rule id '" + rule.id() + "' is used twice");
            }
            Compiled compiled = compile(rule, i, where);
            List<Compiled> sameScope = byScope.computeIfAbsent(rule.scope(), s -> new ArrayList<>());
            for (Compiled other : sameScope) {
                if (other.rule.period().overlaps(rule.period())) {
                    throw new InvalidScheduleException(where + ".period", "rule '" + rule.id() + "' " + rule.period()
                            + " overlaps rule '" + other.rule.id() + "' " + other.rule.period() + " for "
                            + rule.scope().describe() + " (rules[" + other.index + "])");
                }
            }
            sameScope.add(compiled);
        }
        anySku = byScope.keySet().stream().anyMatch(RuleScope.Sku.class::isInstance);
        anySeller = byScope.keySet().stream().anyMatch(RuleScope.Seller.class::isInstance);
        anyBrand = byScope.keySet().stream().anyMatch(RuleScope.Brand.class::isInstance);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CurrencyUnit currency() {
        return currency;
    }

    @Override
    public ChargeBase base() {
        return base;
    }

    @Override
    public RoundingPolicy rounding() {
        return rounding;
    }

    @Override
    public List<CommissionRule> rules() {
        return rules;
    }

    @Override
    public Commission commissionFor(SaleLine line, MonetaryAmount sellerPeriodGmvBefore) {
        InvalidInputException.requireNonNull(line, "line");
        MinorUnits.requireCurrency(line.paid(), currency);
        long gmvBefore = MinorUnits.toMinor(sellerPeriodGmvBefore, currency);
        if (gmvBefore < 0) {
            throw new InvalidInputException("sellerPeriodGmvBefore", sellerPeriodGmvBefore, "must not be negative");
        }
        long baseMinor = base.minorUnitsOf(line);
        MonetaryAmount baseAmount = MinorUnits.toAmount(baseMinor, currency);
        if (!line.sellerType().isThirdParty()) {
            return new Commission(baseAmount, MinorUnits.toAmount(0, currency), Optional.empty(), MatchKind.SELF_OPERATED,
                    "no commission: seller " + line.sellerId() + " is self-operated, the platform earns a margin");
        }
        Instant at = line.orderedAt();
        Compiled found = find(line, at);
        if (found == null) {
            return new Commission(baseAmount, MinorUnits.toAmount(0, currency), Optional.empty(), MatchKind.NO_RULE,
                    "no commission: no rule of schedule '" + name + "' in force at " + at + " matches SKU " + line.sku()
                            + ", seller " + line.sellerId() + ", category " + line.category());
        }
        Match match = new Match(found, kindOf(found, line));
        StringBuilder why = new StringBuilder();
        why.append("rule '").append(match.compiled.rule.id()).append("' (").append(match.reason(line))
                .append(", in force ").append(match.compiled.rule.period()).append("): ");
        long raw = match.compiled.charge(gmvBefore, baseMinor, rounding, why);
        long bounded = bound(match.compiled, raw, baseMinor, why);
        why.append(" = ").append(show(bounded));
        return new Commission(baseAmount, MinorUnits.toAmount(bounded, currency), Optional.of(match.compiled.rule.id()),
                match.kind, why.toString());
    }

    @Override
    public long commissionMinor(SaleLine line, long sellerPeriodGmvBeforeMinor) {
        // The same steps as commissionFor, in the same order (so the same exceptions), without text.
        InvalidInputException.requireNonNull(line, "line");
        MinorUnits.requireCurrency(line.paid(), currency);
        if (sellerPeriodGmvBeforeMinor < 0) {
            throw new InvalidInputException("sellerPeriodGmvBefore", show(sellerPeriodGmvBeforeMinor), "must not be negative");
        }
        long baseMinor = base.minorUnitsOf(line);
        if (!line.sellerType().isThirdParty()) {
            return 0;
        }
        Compiled found = find(line, line.orderedAt());
        if (found == null) {
            return 0;
        }
        long raw = found.charge(sellerPeriodGmvBeforeMinor, baseMinor, rounding, null);
        return bound(found, raw, baseMinor, null);
    }

    /** Applies the rule's minimum and maximum and the base cap; {@code why} may be {@code null}. */
    private long bound(Compiled compiled, long raw, long baseMinor, StringBuilder why) {
        if (baseMinor == 0) {
            return 0;
        }
        long bounded = raw;
        if (bounded < compiled.minimum) {
            bounded = compiled.minimum;
            if (why != null) {
                why.append("; raised to the minimum ").append(show(bounded));
            }
        }
        if (bounded > compiled.maximum) {
            bounded = compiled.maximum;
            if (why != null) {
                why.append("; lowered to the maximum ").append(show(bounded));
            }
        }
        if (bounded > baseMinor) {
            bounded = baseMinor;
            if (why != null) {
                why.append("; lowered to the base");
            }
        }
        return bounded;
    }

    /** The most specific rule in force for the line, or {@code null}. */
    private Compiled find(SaleLine line, Instant at) {
        Compiled c = anySku ? inForce(byScope.get(new RuleScope.Sku(line.sku())), at) : null;
        if (c == null && anySeller) {
            c = inForce(byScope.get(new RuleScope.Seller(line.sellerId())), at);
        }
        if (c == null && anyBrand && line.brand().isPresent()) {
            c = inForce(byScope.get(new RuleScope.Brand(line.brand().get())), at);
        }
        if (c == null) {
            for (List<Compiled> candidates : categoryChain(line.category())) {
                c = inForce(candidates, at);
                if (c != null) {
                    break;
                }
            }
        }
        return c != null ? c : inForce(byScope.get(EVERYTHING), at);
    }

    /** What kind of match a rule found by {@link #find} is for the line, read from the rule's scope. */
    private static MatchKind kindOf(Compiled c, SaleLine line) {
        RuleScope scope = c.rule.scope();
        if (scope instanceof RuleScope.Sku) {
            return MatchKind.SKU_OVERRIDE;
        }
        if (scope instanceof RuleScope.Seller) {
            return MatchKind.SELLER_OVERRIDE;
        }
        if (scope instanceof RuleScope.Brand) {
            return MatchKind.BRAND_OVERRIDE;
        }
        if (scope instanceof RuleScope.Category category) {
            return category.path().equals(line.category()) ? MatchKind.CATEGORY : MatchKind.INHERITED_CATEGORY;
        }
        return MatchKind.DEFAULT;
    }

    /**
     * The rule lists of the category and each ancestor that has category rules, nearest first.
     * Remembered per category (up to {@value #CHAIN_CACHE_LIMIT} categories), since walking the
     * ancestors builds a path per level.
     */
    private List<List<Compiled>> categoryChain(CategoryPath category) {
        List<List<Compiled>> chain = chains.get(category);
        if (chain != null) {
            return chain;
        }
        List<List<Compiled>> levels = new ArrayList<>();
        CategoryPath path = category;
        while (true) {
            List<Compiled> candidates = byScope.get(new RuleScope.Category(path));
            if (candidates != null) {
                levels.add(candidates);
            }
            if (path.depth() == 0) {
                break;
            }
            path = path.parent();
        }
        chain = List.copyOf(levels);
        if (chains.size() < CHAIN_CACHE_LIMIT) {
            chains.putIfAbsent(category, chain);
        }
        return chain;
    }

    private static Compiled inForce(List<Compiled> candidates, Instant at) {
        if (candidates == null) {
            return null;
        }
        for (Compiled c : candidates) {
            if (c.rule.period().contains(at)) {
                return c;
            }
        }
        return null;
    }

    private Compiled compile(CommissionRule rule, int index, String where) {
        long minimum = rule.minimum().map(m -> toMinor(m, where + ".minimum")).orElse(0L);
        long maximum = rule.maximum().map(m -> toMinor(m, where + ".maximum")).orElse(Long.MAX_VALUE);
        RangeMap<Long, Rate> bands = null;
        Rate flat = null;
        TierMode mode = null;
        if (rule.rate() instanceof RateStructure.Flat f) {
            flat = f.rate();
        } else if (rule.rate() instanceof RateStructure.Tiered t) {
            mode = t.mode();
            ImmutableRangeMap.Builder<Long, Rate> builder = ImmutableRangeMap.builder();
            List<Tier> tiers = t.tiers();
            for (int i = 0; i < tiers.size(); i++) {
                long from = toMinor(tiers.get(i).from(), where + ".rate.tiers[" + i + "].from");
                Range<Long> band = i + 1 < tiers.size()
                        ? Range.closedOpen(from, toMinor(tiers.get(i + 1).from(), where + ".rate.tiers[" + (i + 1) + "].from"))
                        : Range.atLeast(from);
                builder.put(band, tiers.get(i).rate());
            }
            bands = builder.build();
        }
        return new Compiled(rule, index, flat, mode, bands, minimum, maximum);
    }

    private long toMinor(MonetaryAmount amount, String where) {
        if (!amount.getCurrency().equals(currency) && !amount.isZero()) {
            throw new InvalidScheduleException(where, "amount " + amount + " is not in the schedule currency "
                    + currency.getCurrencyCode());
        }
        return MinorUnits.toMinor(amount);
    }

    private String show(long minor) {
        return MinorUnits.format(minor, currency);
    }

    /** The rule that matched a line; the words for it are built only when explaining. */
    private record Match(Compiled compiled, MatchKind kind) {
        String reason(SaleLine line) {
            return switch (kind) {
                case SKU_OVERRIDE -> "override for SKU " + line.sku();
                case SELLER_OVERRIDE -> "override for seller " + line.sellerId();
                case BRAND_OVERRIDE -> "override for brand " + line.brand().orElseThrow();
                case CATEGORY -> "category " + line.category();
                case INHERITED_CATEGORY -> "category " + line.category() + " inherits from "
                        + (ruleCategory().depth() == 0 ? "the root category" : ruleCategory().toString());
                default -> "schedule default";
            };
        }

        private CategoryPath ruleCategory() {
            return ((RuleScope.Category) compiled.rule.scope()).path();
        }
    }

    /** A rule with its bounds in minor units and its bands in a range map. */
    private final class Compiled {
        final CommissionRule rule;
        final int index;
        final Rate flat;
        final TierMode mode;
        final RangeMap<Long, Rate> bands;
        final long minimum;
        final long maximum;

        Compiled(CommissionRule rule, int index, Rate flat, TierMode mode, RangeMap<Long, Rate> bands, long minimum,
                long maximum) {
            this.rule = rule;
            this.index = index;
            this.flat = flat;
            this.mode = mode;
            this.bands = bands;
            this.minimum = minimum;
            this.maximum = maximum;
        }

        /** The rate applied to the base, rounded once; the words go to {@code why} unless it is {@code null}. */
        long charge(long gmvBefore, long baseMinor, RoundingPolicy policy, StringBuilder why) {
            if (flat != null) {
                if (why != null) {
                    why.append(flat).append(" of ").append(baseWords(baseMinor));
                }
                return flat.applyToMinor(baseMinor, policy);
            }
            long gmvAfter = Exact.add(gmvBefore, baseMinor);
            if (mode == TierMode.WHOLE_TIER) {
                Rate reached = bands.get(gmvAfter);
                if (why != null) {
                    why.append("whole-tier: period GMV ").append(show(gmvAfter)).append(" including the line reaches the ")
                            .append(reached).append(" band, ").append(reached).append(" of ").append(baseWords(baseMinor));
                }
                return reached.applyToMinor(baseMinor, policy);
            }
            if (why != null) {
                why.append("marginal tiers over period GMV ").append(show(gmvBefore)).append(" to ").append(show(gmvAfter))
                        .append(" (").append(baseWords(baseMinor)).append("):");
            }
            if (baseMinor == 0) {
                if (why != null) {
                    why.append(" nothing to charge");
                }
                return 0;
            }
            BigDecimal exact = BigDecimal.ZERO;
            for (Map.Entry<Range<Long>, Rate> band : bands.subRangeMap(Range.closedOpen(gmvBefore, gmvAfter))
                    .asMapOfRanges().entrySet()) {
                long lower = band.getKey().lowerEndpoint();
                long upper = band.getKey().hasUpperBound() ? band.getKey().upperEndpoint() : gmvAfter;
                long inBand = upper - lower;
                if (why != null) {
                    why.append(' ').append(show(inBand)).append(" at ").append(band.getValue()).append(',');
                }
                exact = exact.add(band.getValue().fraction().multiply(BigDecimal.valueOf(inBand)));
            }
            if (why != null) {
                why.setLength(why.length() - 1);
                why.append(", rounded once");
            }
            return policy.roundToMinor(exact);
        }

        private String baseWords(long baseMinor) {
            return base.describe() + " " + show(baseMinor);
        }
    }
}
