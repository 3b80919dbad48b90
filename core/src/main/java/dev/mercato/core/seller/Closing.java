package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * A seller that stopped trading and waits for its open orders and disputes to settle before its
 * deposit (what is left after debits) is returned.
 *
 * @param profile who the seller is
 * @param badges the badges it carried
 * @param deposit its security deposit
 * @param returnPayment the refund sent to return the deposit, while the provider has not answered finally
 * @param returnAttempts how many return refunds were declined so far
 * @param since when the seller asked to close
 */
public record Closing(SellerProfile profile, Set<Badge> badges, Deposit deposit, Optional<TransactionId> returnPayment,
        int returnAttempts, Instant since) implements Seller {
    /** Validates and copies the fields. */
    public Closing {
        InvalidInputException.requireNonNull(profile, "profile");
        badges = Set.copyOf(InvalidInputException.requireNonNull(badges, "badges"));
        InvalidInputException.requireNonNull(deposit, "deposit");
        InvalidInputException.requireNonNull(returnPayment, "returnPayment");
        if (returnAttempts < 0) {
            throw new InvalidInputException("returnAttempts", returnAttempts, "must not be negative");
        }
        InvalidInputException.requireNonNull(since, "since");
    }

    static SellerResult request(Seller from, Deposit deposit, Set<Badge> badges, Actor actor, Instant at) {
        InvalidInputException.requireNonNull(at, "at");
        if (!Rules.isOwner(actor, from) && !Rules.isOperator(actor)) {
            return Rules.notAllowed(from, actor, "close");
        }
        return Rules.accepted(new Closing(from.profile(), badges, deposit, Optional.empty(), 0, at));
    }

    /**
     * A platform operator debits the deposit before it is returned; see {@link Active#debit}.
     * Refused while a return is with the provider.
     *
     * @param actor a platform operator
     * @param kind what the debit pays for
     * @param amount the amount, in the deposit's currency
     * @param key the debit's idempotency key
     * @param at when
     * @return this state with less deposit, or a refusal
     */
    public SellerResult debit(Actor actor, DebitKind kind, MonetaryAmount amount, String key, Instant at) {
        if (returnPayment.isPresent()) {
            return new SellerResult.Refused(this, SellerRefusal.NOT_IN_THIS_STATE,
                    "the deposit of " + sellerId() + " is being returned (" + returnPayment.get() + ")");
        }
        return Rules.debit(this, deposit, actor, kind, amount, key, at,
                d -> new Closing(profile, badges, d, returnPayment, returnAttempts, since));
    }

    /**
     * An operator or the system starts returning what the deposit holds; with nothing left, the
     * seller is closed at once. The caller checks first that open orders and disputes have settled.
     *
     * @param actor a platform operator or the system
     * @param refund the provider transaction id of the return
     * @param at when
     * @return this state with the return pending, {@link Closed} when nothing is held, or a refusal
     */
    public SellerResult startReturn(Actor actor, TransactionId refund, Instant at) {
        InvalidInputException.requireNonNull(refund, "refund");
        InvalidInputException.requireNonNull(at, "at");
        if (!Rules.isOperatorOrSystem(actor)) {
            return Rules.notAllowed(this, actor, "return the deposit of");
        }
        if (returnPayment.isPresent()) {
            return new SellerResult.Refused(this, SellerRefusal.NOT_IN_THIS_STATE,
                    "the return " + returnPayment.get() + " is already with the provider");
        }
        if (deposit.heldMinor() == 0) {
            return Rules.accepted(new Closed(profile, deposit, at));
        }
        return Rules.accepted(new Closing(profile, badges, deposit, Optional.of(refund), returnAttempts, since));
    }

    /**
     * The provider gave the deposit back: the seller is closed, the return's entry in the deposit.
     *
     * @param at when the provider confirmed it
     * @return the closed seller
     */
    Closed returned(Instant at) {
        MonetaryAmount rest = deposit.held();
        JournalEntry entry = Rules.returnEntry(sellerId(), returnPayment.orElseThrow(), rest, at);
        return new Closed(profile, deposit.giveBack(rest, entry), at);
    }

    /**
     * The provider declined the return: it may be tried again with a new transaction id.
     *
     * @return this state without the pending return
     */
    Closing returnDeclined() {
        return new Closing(profile, badges, deposit, Optional.empty(), returnAttempts + 1, since);
    }
}
