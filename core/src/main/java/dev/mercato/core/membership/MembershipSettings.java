package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanBenefits;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * The plan and tier codes whose holders pay the catalog's member price: every plan's code (a
     * paid plan always grants {@link PlanBenefits#MEMBER_PRICE}) and every tier level whose
     * benefits name {@link PlanBenefits#MEMBER_PRICE}. What {@code
     * Commerce.Builder.memberPricing(engine)} offers the member price to.
     *
     * @return the codes, possibly empty
     */
    public Set<String> memberPriceTiers() {
        Set<String> codes = new TreeSet<>(plans.keySet());
        for (TierLevel level : tiers.levels()) {
            if (level.benefits().contains(PlanBenefits.MEMBER_PRICE)) {
                codes.add(level.code());
            }
        }
        return Set.copyOf(codes);
    }

    /**
     * The tier codes from the lowest level up, as {@link TierPolicy#levels()} orders them: the
     * ladder {@code Commerce.Builder.memberPricing} prices with, so a member of a level is also
     * offered the member prices of every level below it.
     *
     * @return the codes, lowest first, not empty
     */
    public java.util.List<String> tierLadder() {
        return tiers.levels().stream().map(TierLevel::code).toList();
    }
}
