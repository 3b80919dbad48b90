package dev.mercato.pricing.testkit;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a pricing team's carts and rules use: its SKUs, sellers, categories, membership
 * tiers, benefit codes, coupon ids and buyer flags, plus the promotion ids its own rules take.
 * Generated lines, buyers and scopes draw from these pools, so generated promotions and the
 * team's rules actually meet generated lines; generated promotions get ids that never collide
 * with {@link #reservedIds()} nor with each other.
 *
 * <p>Keep the pools small (three to six names each): a generated cart then often holds two
 * lines of the same SKU, several lines of one seller, a buyer who holds the coupon a rule asks
 * for - the cases where rules go wrong.
 *
 * @param skus SKUs for generated lines, at least one
 * @param sellers seller ids, at least one
 * @param categories category codes for category paths and scopes, at least one
 * @param tiers membership tier codes buyers may hold and rules may ask for, at least one
 * @param benefits benefit codes buyers may hold (may be empty)
 * @param couponIds coupon ids buyers may hold; generated built-in coupons take the ones not reserved
 * @param flags buyer flags (for example {@code group-formed}); may be empty
 * @param reservedIds promotion ids of the team's own rules: never given to a generated promotion
 */
public record Vocabulary(List<String> skus, List<String> sellers, List<String> categories, List<String> tiers,
        List<String> benefits, List<String> couponIds, List<String> flags, Set<String> reservedIds) {

    /** The prefix of every generated promotion id. */
    public static final String GENERATED_PREFIX = "gen-";

    /**
     * Copies and validates the pools.
     *
     * @throws InvalidInputException if a pool is missing, a required pool is empty, or a pool
     *     repeats a name
     */
    public Vocabulary {
        skus = pool(skus, "skus", true);
        sellers = pool(sellers, "sellers", true);
        categories = pool(categories, "categories", true);
        tiers = pool(tiers, "tiers", true);
        benefits = pool(benefits, "benefits", false);
        couponIds = pool(couponIds, "couponIds", false);
        flags = pool(flags, "flags", false);
        reservedIds = Set.copyOf(InvalidInputException.requireNonNull(reservedIds, "reservedIds"));
    }

    private static List<String> pool(List<String> names, String field, boolean required) {
        List<String> copy = List.copyOf(InvalidInputException.requireNonNull(names, field));
        if (required && copy.isEmpty()) {
            throw new InvalidInputException(field, copy, "must name at least one");
        }
        Set<String> seen = new HashSet<>();
        for (String name : copy) {
            if (name.isBlank() || !seen.add(name)) {
                throw new InvalidInputException(field, copy, "must hold distinct, non-blank names");
            }
        }
        return copy;
    }

    /**
     * The pools the kit has always used: {@code sku-1..5}, {@code shop-a..c}, {@code food, tea,
     * phones, books}, tiers {@code GOLD, PLUS}, {@code coupon-1..4}, the {@code group-formed} flag.
     *
     * @return the default vocabulary
     */
    public static Vocabulary defaults() {
        return new Vocabulary(PricingArbitraries.SKUS, PricingArbitraries.SELLERS, PricingArbitraries.CATEGORIES,
                PricingArbitraries.TIERS, List.of("free-returns", "points-x2"), PricingArbitraries.COUPON_IDS,
                List.of(dev.mercato.pricing.promotion.BuyerContext.GROUP_FORMED), Set.of());
    }

    /**
     * This vocabulary with other SKUs.
     *
     * @param names the SKUs
     * @return a new vocabulary
     */
    public Vocabulary withSkus(String... names) {
        return new Vocabulary(List.of(names), sellers, categories, tiers, benefits, couponIds, flags, reservedIds);
    }

    /**
     * This vocabulary with other sellers.
     *
     * @param names the seller ids
     * @return a new vocabulary
     */
    public Vocabulary withSellers(String... names) {
        return new Vocabulary(skus, List.of(names), categories, tiers, benefits, couponIds, flags, reservedIds);
    }

    /**
     * This vocabulary with other categories.
     *
     * @param names the category codes
     * @return a new vocabulary
     */
    public Vocabulary withCategories(String... names) {
        return new Vocabulary(skus, sellers, List.of(names), tiers, benefits, couponIds, flags, reservedIds);
    }

    /**
     * This vocabulary with other tiers.
     *
     * @param names the tier codes
     * @return a new vocabulary
     */
    public Vocabulary withTiers(String... names) {
        return new Vocabulary(skus, sellers, categories, List.of(names), benefits, couponIds, flags, reservedIds);
    }

    /**
     * This vocabulary with other benefit codes.
     *
     * @param names the benefit codes
     * @return a new vocabulary
     */
    public Vocabulary withBenefits(String... names) {
        return new Vocabulary(skus, sellers, categories, tiers, List.of(names), couponIds, flags, reservedIds);
    }

    /**
     * This vocabulary with other coupon ids.
     *
     * @param ids the coupon ids buyers may hold
     * @return a new vocabulary
     */
    public Vocabulary withCouponIds(String... ids) {
        return new Vocabulary(skus, sellers, categories, tiers, benefits, List.of(ids), flags, reservedIds);
    }

    /**
     * This vocabulary with other buyer flags.
     *
     * @param names the flags
     * @return a new vocabulary
     */
    public Vocabulary withFlags(String... names) {
        return new Vocabulary(skus, sellers, categories, tiers, benefits, couponIds, List.of(names), reservedIds);
    }

    /**
     * This vocabulary with more promotion ids reserved for the team's own rules.
     *
     * @param ids the ids
     * @return a new vocabulary
     */
    public Vocabulary reserving(String... ids) {
        Set<String> all = new HashSet<>(reservedIds);
        all.addAll(List.of(ids));
        return new Vocabulary(skus, sellers, categories, tiers, benefits, couponIds, flags, all);
    }

    /**
     * The id of the {@code index}-th generated promotion: {@code gen-<index>}, never a reserved id.
     *
     * @param index the position in a generated set, from 0
     * @return the id
     */
    public String generatedId(int index) {
        String id = GENERATED_PREFIX + index;
        while (reservedIds.contains(id)) {
            id = id + "x";
        }
        return id;
    }

    /**
     * The id a generated built-in coupon at {@code index} takes: the coupon ids that no rule of
     * the team reserves, in order, then {@code gen-coupon-<index>} (which no buyer holds).
     *
     * @param index the position in a generated set, from 0
     * @return the id
     */
    public String generatedCouponId(int index) {
        List<String> free = couponIds.stream().filter(id -> !reservedIds.contains(id)).toList();
        if (index < free.size()) {
            return free.get(index);
        }
        String id = GENERATED_PREFIX + "coupon-" + index;
        while (reservedIds.contains(id)) {
            id = id + "x";
        }
        return id;
    }
}
