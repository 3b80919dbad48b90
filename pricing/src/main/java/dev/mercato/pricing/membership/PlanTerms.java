package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Duration;
import javax.money.MonetaryAmount;

/**
 * A paid membership plan (Prime, PLUS, 88VIP style). Immutable and thread-safe.
 *
 * @param code the plan code; also the tier code its members hold in the pricing context; not blank
 * @param price the fee per period, positive
 * @param period how often it renews
 * @param trial the free trial a first-time subscriber gets, zero for none
 * @param refundPolicy what cancelling mid-period refunds
 * @param renewalAttempts how many times a renewal charge is tried before the plan lapses, at least 1
 * @param retryInterval the wait between renewal attempts, positive
 * @param benefits what members get
 */
public record PlanTerms(String code, MonetaryAmount price, BillingPeriod period, Duration trial,
        RefundPolicy refundPolicy, int renewalAttempts, Duration retryInterval, PlanBenefits benefits) {

    /**
     * Validates the terms.
     *
     * @throws InvalidInputException if a value is missing or out of range
     */
    public PlanTerms {
        InvalidInputException.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new InvalidInputException("code", "\"" + code + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(price, "price");
        if (!price.isPositive()) {
            throw new InvalidInputException("price", price, "must be positive");
        }
        InvalidInputException.requireNonNull(period, "period");
        InvalidInputException.requireNonNull(trial, "trial");
        if (trial.isNegative()) {
            throw new InvalidInputException("trial", trial, "must not be negative");
        }
        InvalidInputException.requireNonNull(refundPolicy, "refundPolicy");
        if (renewalAttempts < 1) {
            throw new InvalidInputException("renewalAttempts", renewalAttempts, "must be at least 1");
        }
        InvalidInputException.requireNonNull(retryInterval, "retryInterval");
        if (retryInterval.isZero() || retryInterval.isNegative()) {
            throw new InvalidInputException("retryInterval", retryInterval, "must be positive");
        }
        InvalidInputException.requireNonNull(benefits, "benefits");
    }

    /**
     * A plan with no trial, no refund, three renewal attempts a day apart and no benefits
     * beyond member prices; refine it with the {@code with} methods.
     *
     * @param code the plan code
     * @param price the fee per period
     * @param period the period
     * @return the terms
     */
    public static PlanTerms of(String code, MonetaryAmount price, BillingPeriod period) {
        return new PlanTerms(code, price, period, Duration.ZERO, RefundPolicy.NONE, 3, Duration.ofDays(1),
                PlanBenefits.none());
    }

    /**
     * These terms with a free trial.
     *
     * @param length the trial length
     * @return new terms
     */
    public PlanTerms withTrial(Duration length) {
        return new PlanTerms(code, price, period, length, refundPolicy, renewalAttempts, retryInterval, benefits);
    }

    /**
     * These terms with a refund policy.
     *
     * @param policy the policy
     * @return new terms
     */
    public PlanTerms withRefundPolicy(RefundPolicy policy) {
        return new PlanTerms(code, price, period, trial, policy, renewalAttempts, retryInterval, benefits);
    }

    /**
     * These terms with a renewal retry schedule.
     *
     * @param attempts attempts in all before lapsing
     * @param interval the wait between them
     * @return new terms
     */
    public PlanTerms withRenewalAttempts(int attempts, Duration interval) {
        return new PlanTerms(code, price, period, trial, refundPolicy, attempts, interval, benefits);
    }

    /**
     * These terms with benefits.
     *
     * @param newBenefits the benefits
     * @return new terms
     */
    public PlanTerms withBenefits(PlanBenefits newBenefits) {
        return new PlanTerms(code, price, period, trial, refundPolicy, renewalAttempts, retryInterval, newBenefits);
    }
}
