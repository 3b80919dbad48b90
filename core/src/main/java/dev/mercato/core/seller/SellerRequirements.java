package dev.mercato.core.seller;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * What one seller type must provide to be activated, and what it earns. Immutable.
 *
 * @param qualifications the documents to submit before approval; may be empty
 * @param deposit the security deposit to lodge before activation; zero for none, never negative
 * @param badges the badges an approved seller of this type carries
 */
public record SellerRequirements(Set<Qualification> qualifications, MonetaryAmount deposit, Set<Badge> badges) {
    /** Validates and copies the fields. */
    public SellerRequirements {
        qualifications = Set.copyOf(InvalidInputException.requireNonNull(qualifications, "qualifications"));
        InvalidInputException.requireNonNull(deposit, "deposit");
        if (deposit.isNegative()) {
            throw new InvalidInputException("deposit", deposit, "must not be negative");
        }
        dev.mercato.pricing.money.MinorUnits.toMinor(deposit);
        badges = Set.copyOf(InvalidInputException.requireNonNull(badges, "badges"));
    }

    /**
     * Whether a seller of this type lodges a deposit at all.
     *
     * @return {@code true} if the deposit is positive
     */
    public boolean needsDeposit() {
        return deposit.isPositive();
    }
}
