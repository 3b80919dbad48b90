package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Kind 7, bundle price: a set of SKUs (with a count each) sells for {@code price} in total.
 * The cart holds {@code n} complete bundles where {@code n} is the smallest
 * {@code units of SKU / count} over the bundle; the saving is {@code n * (value of one bundle -
 * price)} when positive, where a unit's value is its line's current amount / quantity (rounded
 * to the minor unit). Units of a SKU are taken from its lines in canonical order; the saving is
 * prorated over those units' values. Item lane.
 *
 * @param terms the common terms
 * @param items SKU to units per bundle, at least one entry, each count at least 1
 * @param price the bundle's total price, not negative
 */
public record BundlePrice(PromotionTerms terms, Map<String, Long> items, MonetaryAmount price) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "bundle-price";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or a count is below 1
     */
    public BundlePrice {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(items, "items");
        if (items.isEmpty()) {
            throw new InvalidInputException("items", items, "must name at least one SKU");
        }
        items.forEach((sku, count) -> Rules.requireAtLeast(count, 1, "items." + sku));
        items = new TreeMap<>(items);
        items = java.util.Collections.unmodifiableMap(items);
        Rules.requireNonNegative(price, "price");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return Lane.ITEM;
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        int n = context.lineCount();
        long bundles = Long.MAX_VALUE;
        long shortUnits = 0;
        long shortCount = 0;
        for (Map.Entry<String, Long> item : items.entrySet()) {
            long units = 0;
            for (int i = 0; i < n; i++) {
                if (context.line(i).sku().equals(item.getKey())) {
                    units = Exact.add(units, context.line(i).quantity());
                }
            }
            long possible = units / item.getValue();
            if (possible < bundles) {
                bundles = possible;
                shortUnits = units;
                shortCount = item.getValue();
            }
        }
        if (bundles == 0) {
            return Outcome.rejected(new RejectionReason.BelowQuantity(shortCount, shortUnits));
        }
        long[] weights = new long[n];
        long value = 0;
        for (Map.Entry<String, Long> item : items.entrySet()) {
            long needed = Exact.multiply(bundles, item.getValue());
            for (int i = 0; i < n && needed > 0; i++) {
                if (!context.line(i).sku().equals(item.getKey())) {
                    continue;
                }
                long quantity = context.line(i).quantity();
                long take = Math.min(needed, quantity);
                needed -= take;
                long worth = Rules.mulDiv(context.currentAmount(i), take, quantity, context.rounding());
                weights[i] = Exact.add(weights[i], worth);
                value = Exact.add(value, worth);
            }
        }
        long saving = Exact.subtract(value, Exact.multiply(bundles, context.minor(price)));
        if (saving <= 0) {
            return Outcome.rejected(new RejectionReason.Other("bundle-not-cheaper",
                    "the items already cost " + context.format(value) + " for " + bundles + " bundle(s)"));
        }
        long bundleCount = bundles;
        long bundlePrice = context.minor(price);
        CurrencyUnit currency = context.currency();
        return Rules.pooled(List.of(new Effect.Pool(saving, weights)), () -> bundleCount + " bundle(s) of "
                + items.keySet() + " at " + Rules.text(bundlePrice, currency));
    }
}
