package dev.mercato.pricing.tax;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;

/** The table-driven reference {@link TaxCalculator}. Immutable and thread-safe. */
final class TableTaxCalculator implements TaxCalculator {
    private final Map<String, TaxRegion> regions = new HashMap<>();
    private final Map<String, List<TaxRate>> rates = new HashMap<>();

    TableTaxCalculator(List<TaxRegion> regionList, List<TaxRate> rateList) {
        InvalidInputException.requireNonNull(regionList, "regions");
        InvalidInputException.requireNonNull(rateList, "rates");
        for (TaxRegion region : regionList) {
            InvalidInputException.requireNonNull(region, "regions[]");
            if (regions.put(region.region(), region) != null) {
                throw new InvalidInputException("regions", region.region(), "is listed more than once");
            }
        }
        for (TaxRate rate : rateList) {
            InvalidInputException.requireNonNull(rate, "rates[]");
            List<TaxRate> rows = rates.computeIfAbsent(key(rate.region(), rate.category()), k -> new ArrayList<>());
            for (TaxRate other : rows) {
                if (other.overlaps(rate)) {
                    throw new InvalidInputException("rates", rate, "overlaps " + other + " for the same region and category");
                }
            }
            rows.add(rate);
        }
    }

    private static String key(String region, String category) {
        return region + "\u0000" + category;
    }

    private Rate rateOf(String region, String category, Instant at) {
        for (TaxRate row : rates.getOrDefault(key(region, category), List.of())) {
            if (row.appliesAt(at)) {
                return row.rate();
            }
        }
        throw new NoTaxRateException(region, category, at);
    }

    @Override
    public TaxResult calculate(TaxRequest request) {
        InvalidInputException.requireNonNull(request, "request");
        TaxRegion region = regions.get(request.region());
        if (region == null) {
            throw new NoTaxRateException(request.region(), "", request.at());
        }
        CurrencyUnit currency = request.currency();
        int lineCount = request.lines().size();
        List<TaxLine> all = new ArrayList<>(request.lines());
        all.addAll(request.shipping());
        int n = all.size();
        Rate[] rate = new Rate[n];
        String[] category = new String[n];
        long[] base = new long[n];
        long[] tax = new long[n];
        for (int i = 0; i < n; i++) {
            TaxLine line = all.get(i);
            boolean isShipping = i >= lineCount;
            if (isShipping) {
                category[i] = region.shippingCategory().orElse(line.category());
                rate[i] = region.shippingCategory().isPresent() ? rateOf(region.region(), category[i], request.at())
                        : Rate.ZERO;
            } else {
                category[i] = line.category();
                rate[i] = rateOf(region.region(), category[i], request.at());
            }
            base[i] = MinorUnits.toMinor(line.amount());
            if (region.discountBase() == DiscountBase.SELLER_FUNDED_ONLY) {
                base[i] = Exact.add(base[i], MinorUnits.toMinor(line.platformFunded()));
            }
        }
        if (region.rounding() == TaxRounding.PER_LINE) {
            for (int i = 0; i < n; i++) {
                tax[i] = taxOf(region, rate[i], base[i]);
            }
        } else {
            Map<BigDecimal, List<Integer>> byRate = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                byRate.computeIfAbsent(rate[i].fraction().stripTrailingZeros(), k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> group : byRate.values()) {
                long sum = 0;
                long[] weights = new long[group.size()];
                for (int k = 0; k < weights.length; k++) {
                    weights[k] = base[group.get(k)];
                    sum = Exact.add(sum, weights[k]);
                }
                if (sum == 0) {
                    continue;
                }
                long groupTax = taxOf(region, rate[group.get(0)], sum);
                long[] parts = Allocation.allocate(groupTax, weights);
                for (int k = 0; k < parts.length; k++) {
                    tax[group.get(k)] = parts[k];
                }
            }
        }
        List<LineTax> lines = new ArrayList<>(lineCount);
        List<LineTax> shipping = new ArrayList<>(n - lineCount);
        long net = 0;
        long taxTotal = 0;
        long gross = 0;
        for (int i = 0; i < n; i++) {
            long lineNet = region.mode() == TaxMode.INCLUSIVE ? base[i] - tax[i] : base[i];
            long lineGross = region.mode() == TaxMode.INCLUSIVE ? base[i] : Exact.add(base[i], tax[i]);
            LineTax result = new LineTax(all.get(i).id(), category[i], rate[i], region.mode(),
                    MinorUnits.toAmount(lineNet, currency), MinorUnits.toAmount(tax[i], currency),
                    MinorUnits.toAmount(lineGross, currency));
            (i < lineCount ? lines : shipping).add(result);
            net = Exact.add(net, lineNet);
            taxTotal = Exact.add(taxTotal, tax[i]);
            gross = Exact.add(gross, lineGross);
        }
        return new TaxResult(currency, region.region(), region.mode(), lines, shipping, MinorUnits.toAmount(net, currency),
                MinorUnits.toAmount(taxTotal, currency), MinorUnits.toAmount(gross, currency),
                MinorUnits.toAmount(region.mode() == TaxMode.EXCLUSIVE ? taxTotal : 0, currency));
    }

    /** The tax of a base in minor units, rounded once: {@code base * r} or {@code base * r / (1 + r)}. */
    private static long taxOf(TaxRegion region, Rate rate, long base) {
        BigDecimal exact = BigDecimal.valueOf(base).multiply(rate.fraction());
        if (region.mode() == TaxMode.INCLUSIVE) {
            return exact.divide(BigDecimal.ONE.add(rate.fraction()), 0, region.policy().mode()).longValueExact();
        }
        return exact.setScale(0, region.policy().mode()).longValueExact();
    }
}
