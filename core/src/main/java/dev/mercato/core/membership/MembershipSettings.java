package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.util.Map;
import javax.money.CurrencyUnit;

/**
 * The membership programme a platform runs. Immutable and thread-safe.
 *
 * @param currency the currency orders, plans and spend thresholds are in
 * @param earn how points are earned
 * @param pointsLifetime how long earned points live before they expire, positive
 * @param redemption what points are worth at checkout
 * @param clawback what a refund does when the points were already spent
 * @param tiers the tier ladder
 * @param plans the paid plans by code
 */
public record MembershipSettings(CurrencyUnit currency, EarnRules earn, Duration pointsLifetime,
        RedemptionPolicy redemption, ClawbackPolicy clawback, TierPolicy tiers, Map<String, PlanTerms> plans) {

    /**
     * Validates the settings.
     *
     * @throws InvalidInputException if a value is missing, the lifetime not positive, or a plan is
     *     filed under another code or priced in another currency
     */
    public MembershipSettings {
        InvalidInputException.requireNonNull(currency, "currency");
        MinorUnits.scale(currency);
        InvalidInputException.requireNonNull(earn, "earn");
        InvalidInputException.requireNonNull(pointsLifetime, "pointsLifetime");
        if (pointsLifetime.isZero() || pointsLifetime.isNegative()) {
            throw new InvalidInputException("pointsLifetime", pointsLifetime, "must be positive");
        }
        InvalidInputException.requireNonNull(redemption, "redemption");
        InvalidInputException.requireNonNull(clawback, "clawback");
        InvalidInputException.requireNonNull(tiers, "tiers");
        plans = Map.copyOf(InvalidInputException.requireNonNull(plans, "plans"));
        plans.forEach((code, plan) -> {
            if (!code.equals(plan.code())) {
                throw new InvalidInputException("plans." + code, plan.code(), "must be filed under its own code");
            }
            MinorUnits.requireCurrency(plan.price(), currency);
        });
    }
}
