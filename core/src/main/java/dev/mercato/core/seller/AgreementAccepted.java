package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * A seller that accepted the agreement and has still to lodge its security deposit.
 *
 * @param profile who the seller is
 * @param badges the badges it carries once active
 * @param agreementVersion the agreement accepted
 * @param depositAttempts how many deposit payments were declined so far
 * @param acceptedAt when the agreement was accepted
 */
public record AgreementAccepted(SellerProfile profile, Set<Badge> badges, String agreementVersion, int depositAttempts,
        Instant acceptedAt) implements Seller {
    /** Validates and copies the fields. */
    public AgreementAccepted {
        InvalidInputException.requireNonNull(profile, "profile");
        badges = Set.copyOf(InvalidInputException.requireNonNull(badges, "badges"));
        InvalidInputException.requireNonNull(agreementVersion, "agreementVersion");
        if (depositAttempts < 0) {
            throw new InvalidInputException("depositAttempts", depositAttempts, "must not be negative");
        }
        InvalidInputException.requireNonNull(acceptedAt, "acceptedAt");
    }

    /**
     * The seller starts paying its deposit: the payment is recorded before the provider is asked.
     *
     * @param actor the seller itself
     * @param payment the provider transaction id of the deposit payment
     * @param amount what the seller pays, in the required deposit's currency
     * @param required the requirements of the seller's type
     * @param at when
     * @return {@link DepositPending}, or a refusal ({@code ACTOR_NOT_ALLOWED}, {@code DEPOSIT_AMOUNT_WRONG})
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if the amount is in another currency
     */
    public SellerResult requestDeposit(Actor actor, TransactionId payment, MonetaryAmount amount,
            SellerRequirements required, Instant at) {
        InvalidInputException.requireNonNull(payment, "payment");
        InvalidInputException.requireNonNull(required, "required");
        InvalidInputException.requireNonNull(at, "at");
        long offered = MinorUnits.toMinor(InvalidInputException.requireNonNull(amount, "amount"),
                required.deposit().getCurrency());
        if (!Rules.isOwner(actor, this)) {
            return Rules.notAllowed(this, actor, "pay the deposit of");
        }
        if (offered != MinorUnits.toMinor(required.deposit())) {
            return new SellerResult.Refused(this, SellerRefusal.DEPOSIT_AMOUNT_WRONG,
                    profile.type() + " lodges " + required.deposit() + ", not " + amount);
        }
        if (!required.needsDeposit()) {
            return new SellerResult.Refused(this, SellerRefusal.DEPOSIT_AMOUNT_WRONG,
                    profile.type() + " lodges no deposit: activate instead");
        }
        return Rules.accepted(new DepositPending(profile, badges, agreementVersion, depositAttempts, payment, amount, at));
    }

    /**
     * Activates a seller whose type lodges no deposit.
     *
     * @param actor the seller itself
     * @param required the requirements of the seller's type
     * @param at when
     * @return {@link Active} with an empty deposit, or a refusal ({@code ACTOR_NOT_ALLOWED},
     *     {@code DEPOSIT_AMOUNT_WRONG} when the type needs a deposit)
     */
    public SellerResult activateWithoutDeposit(Actor actor, SellerRequirements required, Instant at) {
        InvalidInputException.requireNonNull(required, "required");
        InvalidInputException.requireNonNull(at, "at");
        if (!Rules.isOwner(actor, this)) {
            return Rules.notAllowed(this, actor, "activate");
        }
        if (required.needsDeposit()) {
            return new SellerResult.Refused(this, SellerRefusal.DEPOSIT_AMOUNT_WRONG,
                    profile.type() + " must lodge a deposit of " + required.deposit() + " first");
        }
        return Rules.accepted(new Active(profile, badges, Deposit.none(required.deposit().getCurrency()), at));
    }
}
