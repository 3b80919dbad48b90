package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;

/**
 * One seller, in one of its onboarding and trading states:
 *
 * <pre>
 * Registered --submitQualifications--> QualificationsSubmitted --approve--> Approved
 *                                      QualificationsSubmitted --reject(reason)--> Rejected --resubmit--> QualificationsSubmitted
 * Approved --acceptAgreement--> AgreementAccepted --deposit requested--> DepositPending --lodged--> Active
 *                               AgreementAccepted --activate (type needs no deposit)--> Active
 *                               DepositPending --declined--> AgreementAccepted
 * Active --suspend--> Suspended --reinstate--> Active
 * Active, Suspended --requestClose--> Closing --deposit returned (after open orders and disputes settle)--> Closed
 * Active, Suspended, Closing --debit (penalty, compensation)--> same state, less deposit
 * </pre>
 *
 * <p>Only {@link Active} sellers take new orders. Every state is an immutable record; transitions
 * are methods on the state they leave and check the acting {@link Actor}: the seller itself
 * submits, accepts the agreement, pays its deposit and may ask to close; only a platform operator
 * approves, rejects, suspends, reinstates and debits; the deposit is returned by an operator or
 * the system. {@link Closed} is terminal.
 */
public sealed interface Seller permits Registered, QualificationsSubmitted, Rejected, Approved, AgreementAccepted,
        DepositPending, Active, Suspended, Closing, Closed {

    /**
     * Who the seller is.
     *
     * @return never {@code null}
     */
    SellerProfile profile();

    /**
     * The seller's id.
     *
     * @return the id from the profile
     */
    default String sellerId() {
        return profile().sellerId();
    }

    /**
     * Whether the seller may take new orders: only in {@link Active}.
     *
     * @return {@code true} for {@link Active}
     */
    default boolean maySell() {
        return this instanceof Active;
    }

    /**
     * Registers a seller. The seller itself or a platform operator registers it.
     *
     * @param profile who the seller is
     * @param actor who registers it
     * @return the registered seller, or a refusal
     */
    static SellerResult register(SellerProfile profile, Actor actor) {
        Registered registered = new Registered(InvalidInputException.requireNonNull(profile, "profile"));
        if (!Rules.isOwner(actor, registered) && !Rules.isOperator(actor)) {
            return Rules.notAllowed(registered, actor, "register");
        }
        return Rules.accepted(registered);
    }

    /**
     * The name of the state, for indexes and messages.
     *
     * @return the simple name of the state's record
     */
    default String stateName() {
        return getClass().getSimpleName();
    }
}
