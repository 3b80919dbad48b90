package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * A seller an operator suspended: it takes no new orders, but its open orders still complete or
 * refund.
 *
 * @param profile who the seller is
 * @param badges the badges it carries
 * @param deposit its security deposit
 * @param reason why it was suspended
 * @param since when
 */
public record Suspended(SellerProfile profile, Set<Badge> badges, Deposit deposit, String reason, Instant since)
        implements Seller {
    /** Validates and copies the fields. */
    public Suspended {
        InvalidInputException.requireNonNull(profile, "profile");
        badges = Set.copyOf(InvalidInputException.requireNonNull(badges, "badges"));
        InvalidInputException.requireNonNull(deposit, "deposit");
        InvalidInputException.requireNonNull(reason, "reason");
        InvalidInputException.requireNonNull(since, "since");
    }

    /**
     * A platform operator lifts the suspension.
     *
     * @param actor a platform operator
     * @param at when
     * @return {@link Active}, or {@code ACTOR_NOT_ALLOWED}
     */
    public SellerResult reinstate(Actor actor, Instant at) {
        InvalidInputException.requireNonNull(at, "at");
        if (!Rules.isOperator(actor)) {
            return Rules.notAllowed(this, actor, "reinstate");
        }
        return Rules.accepted(new Active(profile, badges, deposit, at));
    }

    /**
     * A platform operator debits the deposit; see {@link Active#debit}.
     *
     * @param actor a platform operator
     * @param kind what the debit pays for
     * @param amount the amount, in the deposit's currency
     * @param key the debit's idempotency key
     * @param at when
     * @return this state with less deposit, or a refusal
     */
    public SellerResult debit(Actor actor, DebitKind kind, MonetaryAmount amount, String key, Instant at) {
        return Rules.debit(this, deposit, actor, kind, amount, key, at, d -> new Suspended(profile, badges, d, reason, since));
    }

    /**
     * The seller or an operator closes the store; see {@link Active#requestClose}.
     *
     * @param actor the seller itself or a platform operator
     * @param at when
     * @return {@link Closing}, or {@code ACTOR_NOT_ALLOWED}
     */
    public SellerResult requestClose(Actor actor, Instant at) {
        return Closing.request(this, deposit, badges, actor, at);
    }
}
