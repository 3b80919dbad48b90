package dev.mercato.pricing.promotion;

import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.money.MonetaryAmount;

/**
 * A request converted once to minor units, with its lines in canonical order (seller, SKU, line
 * id) and its sellers in id order. Shared, read-only, by every run of a search.
 *
 * <p>Building it checks that the cart's list total (shipping included) and its total units each
 * fit a {@code long}, else it throws {@link dev.mercato.pricing.money.MoneyOverflowException}:
 * so a rule's sum over any of its lines' amounts or quantities stays in range.
 */
final class CanonicalCart {
    private static final Comparator<PricingLine> CANONICAL = Comparator.comparing(PricingLine::seller)
            .thenComparing(PricingLine::sku).thenComparing(PricingLine::lineId);

    final PricingRequest request;
    final PricingLine[] lines;
    final int n;
    final long[] quantity;
    final long[] listUnit;
    final long[] list;
    final String[] sellers;
    final int[] sellerOf;
    final long[] shipping;
    /** Per line, the minor unit prices of its own price levels ({@code null} when it has none). */
    final long[][] levelPrices;
    /** Decimals of the request's currency. */
    final int scale;

    CanonicalCart(PricingRequest request) {
        this.request = request;
        this.lines = request.lines().toArray(new PricingLine[0]);
        Arrays.sort(lines, CANONICAL);
        this.n = lines.length;
        quantity = new long[n];
        listUnit = new long[n];
        list = new long[n];
        levelPrices = new long[n][];
        scale = MinorUnits.scale(request.currency());
        TreeSet<String> sellerSet = new TreeSet<>();
        // Totals computed only to refuse, up front, a cart whose sums would overflow (see above).
        long listTotal = 0;
        long unitTotal = 0;
        for (int i = 0; i < n; i++) {
            PricingLine line = lines[i];
            quantity[i] = line.quantity();
            listUnit[i] = FastMinor.toMinor(line.listUnitPrice(), request.currency(), scale);
            list[i] = Exact.multiply(listUnit[i], quantity[i]);
            listTotal = Exact.add(listTotal, list[i]);
            unitTotal = Exact.add(unitTotal, quantity[i]);
            List<PriceLevel> levels = line.priceLevels();
            if (!levels.isEmpty()) {
                long[] prices = new long[levels.size()];
                for (int k = 0; k < prices.length; k++) {
                    prices[k] = FastMinor.toMinor(levels.get(k).unitPrice(), request.currency(), scale);
                }
                levelPrices[i] = prices;
            }
            sellerSet.add(line.seller());
        }
        sellers = sellerSet.toArray(new String[0]);
        sellerOf = new int[n];
        for (int i = 0; i < n; i++) {
            sellerOf[i] = Arrays.binarySearch(sellers, lines[i].seller());
        }
        shipping = new long[sellers.length];
        for (Map.Entry<String, MonetaryAmount> e : request.shipping().entrySet()) {
            shipping[Arrays.binarySearch(sellers, e.getKey())] = FastMinor.toMinor(e.getValue(), request.currency(), scale);
            listTotal = Exact.add(listTotal, shipping[Arrays.binarySearch(sellers, e.getKey())]);
        }
    }

    private final IdentityHashMap<Scope, boolean[]> scopeCache = new IdentityHashMap<>();
    private final IdentityHashMap<MonetaryAmount, Long> minorCache = new IdentityHashMap<>();
    private Map<String, int[]> bySku;
    private Map<String, int[]> bySeller;
    private Map<String, int[]> byCategory;

    /** The lines in a scope (shared: callers must not modify), found through indexes by SKU, seller and category. */
    boolean[] linesIn(Scope scope) {
        boolean[] cached = scopeCache.get(scope);
        if (cached == null) {
            cached = match(scope);
            scopeCache.put(scope, cached);
        }
        return cached;
    }

    /** Minor units of an amount of the request's currency, converted once per amount instance. */
    long minor(MonetaryAmount amount) {
        Long cached = minorCache.get(amount);
        if (cached == null) {
            cached = FastMinor.toMinor(amount, request.currency(), scale);
            minorCache.put(amount, cached);
        }
        return cached;
    }

    private boolean[] match(Scope scope) {
        boolean[] in = new boolean[n];
        if (scope.isAll()) {
            Arrays.fill(in, true);
            return in;
        }
        // Start from the most selective non-empty restriction, then check the others line by line.
        Map<String, int[]> first;
        Set<String> keys;
        if (!scope.skus().isEmpty()) {
            if (bySku == null) {
                bySku = index(l -> List.of(l.sku()));
            }
            first = bySku;
            keys = scope.skus();
        } else if (!scope.sellers().isEmpty()) {
            if (bySeller == null) {
                bySeller = index(l -> List.of(l.seller()));
            }
            first = bySeller;
            keys = scope.sellers();
        } else {
            if (byCategory == null) {
                byCategory = index(PricingLine::categoryPath);
            }
            first = byCategory;
            keys = scope.categories();
        }
        for (String key : keys) {
            int[] hits = first.get(key);
            if (hits == null) {
                continue;
            }
            for (int h = 1; h <= hits[0]; h++) {
                int i = hits[h];
                if (!in[i] && scope.matches(lines[i])) {
                    in[i] = true;
                }
            }
        }
        return in;
    }

    /**
     * Line indexes by key: for each key an array whose element 0 is the count of lines and
     * elements 1..count the lines, ascending, each once.
     */
    private Map<String, int[]> index(java.util.function.Function<PricingLine, List<String>> keysOf) {
        Map<String, int[]> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> keys = keysOf.apply(lines[i]);
            for (int k = 0, size = keys.size(); k < size; k++) {
                String key = keys.get(k);
                int[] at = out.get(key);
                if (at == null) {
                    at = new int[5];
                    out.put(key, at);
                }
                int count = at[0];
                if (count > 0 && at[count] == i) {
                    continue;
                }
                if (count + 1 == at.length) {
                    at = Arrays.copyOf(at, at.length * 2);
                    out.put(key, at);
                }
                at[count + 1] = i;
                at[0] = count + 1;
            }
        }
        return out;
    }

    int sellerIndex(String sellerId) {
        int idx = Arrays.binarySearch(sellers, sellerId);
        return idx < 0 ? -1 : idx;
    }
}
