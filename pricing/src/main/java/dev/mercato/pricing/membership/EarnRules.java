package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * How members earn points: a base rate per currency unit paid, a multiplier per tier, a bonus
 * from the member's paid plan, a cap per order, and bonus events for activities.
 *
 * <p>Points for a payment are {@code floor(paid * pointsPerUnit * percent / 100)}, where
 * {@code paid} is in major units (computed exactly in minor units), and {@code percent} is the
 * highest multiplier among the member's tiers (100 without one) plus the plan's acceleration
 * percent. Rounding is always down, so a member never earns a point for a fraction of a unit.
 * The result is cut to {@code perOrderCap}. Immutable and thread-safe.
 *
 * @param pointsPerUnit base points per major currency unit paid (1 for "1 point per yuan"), not negative
 * @param tierMultiplierPercent multiplier per tier code in percent (150 = 1.5x), each at least 100
 * @param perOrderCap the most points one order earns; {@link Long#MAX_VALUE} for no cap
 * @param bonusEvents bonus events by code
 */
public record EarnRules(long pointsPerUnit, Map<String, Long> tierMultiplierPercent, long perOrderCap,
        Map<String, BonusEvent> bonusEvents) {

    /** The percent a member without a multiplier earns at. */
    public static final long BASE_PERCENT = 100;

    /**
     * Validates and copies the rules.
     *
     * @throws InvalidInputException if a value is missing, negative, a multiplier is below 100,
     *     or a bonus event is filed under another code than its own
     */
    public EarnRules {
        if (pointsPerUnit < 0) {
            throw new InvalidInputException("pointsPerUnit", pointsPerUnit, "must not be negative");
        }
        tierMultiplierPercent = Map.copyOf(InvalidInputException.requireNonNull(tierMultiplierPercent,
                "tierMultiplierPercent"));
        tierMultiplierPercent.forEach((tier, percent) -> {
            if (percent < BASE_PERCENT) {
                throw new InvalidInputException("tierMultiplierPercent." + tier, percent, "must be at least 100");
            }
        });
        if (perOrderCap < 0) {
            throw new InvalidInputException("perOrderCap", perOrderCap, "must not be negative");
        }
        bonusEvents = Map.copyOf(InvalidInputException.requireNonNull(bonusEvents, "bonusEvents"));
        bonusEvents.forEach((code, event) -> {
            if (!code.equals(event.code())) {
                throw new InvalidInputException("bonusEvents." + code, event.code(), "must be filed under its own code");
            }
        });
    }

    /**
     * Rules earning {@code pointsPerUnit} per unit with no multipliers, cap or bonus events.
     *
     * @param pointsPerUnit base points per major unit paid
     * @return the rules
     */
    public static EarnRules perUnit(long pointsPerUnit) {
        return new EarnRules(pointsPerUnit, Map.of(), Long.MAX_VALUE, Map.of());
    }

    /**
     * These rules with a tier multiplier.
     *
     * @param tier the tier code
     * @param percent the multiplier in percent, at least 100
     * @return new rules
     */
    public EarnRules withTierMultiplier(String tier, long percent) {
        Map<String, Long> more = new java.util.HashMap<>(tierMultiplierPercent);
        more.put(InvalidInputException.requireNonNull(tier, "tier"), percent);
        return new EarnRules(pointsPerUnit, more, perOrderCap, bonusEvents);
    }

    /**
     * These rules with a cap per order.
     *
     * @param cap the most points one order earns
     * @return new rules
     */
    public EarnRules withPerOrderCap(long cap) {
        return new EarnRules(pointsPerUnit, tierMultiplierPercent, cap, bonusEvents);
    }

    /**
     * These rules with one more bonus event.
     *
     * @param event the event
     * @return new rules
     */
    public EarnRules withBonus(BonusEvent event) {
        Map<String, BonusEvent> more = new java.util.HashMap<>(bonusEvents);
        more.put(InvalidInputException.requireNonNull(event, "event").code(), event);
        return new EarnRules(pointsPerUnit, tierMultiplierPercent, perOrderCap, more);
    }

    /**
     * The multiplier a member holding these tiers earns at, before plan acceleration.
     *
     * @param tiers the member's tier codes
     * @return the highest multiplier among them, or {@link #BASE_PERCENT}
     */
    public long multiplierPercent(Set<String> tiers) {
        long best = BASE_PERCENT;
        for (String tier : InvalidInputException.requireNonNull(tiers, "tiers")) {
            best = Math.max(best, tierMultiplierPercent.getOrDefault(tier, BASE_PERCENT));
        }
        return best;
    }

    /**
     * The points a payment earns.
     *
     * @param paid what the member paid, not negative
     * @param tiers the member's tier codes
     * @param accelerationPercent extra percent from a paid plan (100 doubles the base), not negative
     * @return the points, between 0 and {@link #perOrderCap()}
     * @throws InvalidInputException if a value is missing or negative
     * @throws dev.mercato.pricing.money.MoneyOverflowException if the product overflows a {@code long}
     */
    public long pointsFor(MonetaryAmount paid, Set<String> tiers, long accelerationPercent) {
        return pointsFor(paid, paid, tiers, accelerationPercent);
    }

    /**
     * The points a payment earns when the plan's acceleration applies to part of it only (the
     * plan's eligible SKUs or categories): {@code floor((paid x multiplier% + accelerated x
     * acceleration%) x pointsPerUnit / 100)} in major units, computed exactly in minor units and
     * rounded down once, then cut to the cap.
     *
     * @param paid what the member paid, not negative
     * @param accelerated the part of {@code paid} the acceleration applies to, between 0 and {@code paid}
     * @param tiers the member's tier codes
     * @param accelerationPercent extra percent from a paid plan, not negative
     * @return the points, between 0 and {@link #perOrderCap()}
     * @throws InvalidInputException if a value is missing, negative, in another currency, or
     *     {@code accelerated} exceeds {@code paid}
     * @throws dev.mercato.pricing.money.MoneyOverflowException if the product overflows a {@code long}
     */
    public long pointsFor(MonetaryAmount paid, MonetaryAmount accelerated, Set<String> tiers,
            long accelerationPercent) {
        InvalidInputException.requireNonNull(paid, "paid");
        InvalidInputException.requireNonNull(accelerated, "accelerated");
        if (paid.isNegative()) {
            throw new InvalidInputException("paid", paid, "must not be negative");
        }
        if (accelerationPercent < 0) {
            throw new InvalidInputException("accelerationPercent", accelerationPercent, "must not be negative");
        }
        long paidMinor = MinorUnits.toMinor(paid);
        long acceleratedMinor = MinorUnits.toMinor(accelerated, paid.getCurrency());
        if (acceleratedMinor < 0 || acceleratedMinor > paidMinor) {
            throw new InvalidInputException("accelerated", accelerated, "must be between 0 and " + paid);
        }
        long numerator = Exact.multiply(Exact.add(Exact.multiply(paidMinor, multiplierPercent(tiers)),
                Exact.multiply(acceleratedMinor, accelerationPercent)), pointsPerUnit);
        long denominator = Exact.multiply(MinorUnits.unitsPerMajor(paid.getCurrency()), BASE_PERCENT);
        return Math.min(numerator / denominator, perOrderCap);
    }

    /**
     * The bonus event with a code.
     *
     * @param code the activity code
     * @return the event, or empty when these rules grant nothing for it
     */
    public Optional<BonusEvent> bonus(String code) {
        return Optional.ofNullable(bonusEvents.get(code));
    }
}
