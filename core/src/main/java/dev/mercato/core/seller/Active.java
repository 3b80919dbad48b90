package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * A seller that trades: its SKUs can be bought.
 *
 * @param profile who the seller is
 * @param badges the badges it carries
 * @param deposit its security deposit
 * @param since when it became active (or was reinstated)
 */
public record Active(SellerProfile profile, Set<Badge> badges, Deposit deposit, Instant since) implements Seller {
    /** Validates and copies the fields. */
    public Active {
        InvalidInputException.requireNonNull(profile, "profile");
        badges = Set.copyOf(InvalidInputException.requireNonNull(badges, "badges"));
        InvalidInputException.requireNonNull(deposit, "deposit");
        InvalidInputException.requireNonNull(since, "since");
    }

    /**
     * A platform operator suspends the seller: no new orders; open orders still complete or refund.
     *
     * @param actor a platform operator
     * @param reason why, not blank
     * @param at when
     * @return {@link Suspended}, or {@code ACTOR_NOT_ALLOWED}
     */
    public SellerResult suspend(Actor actor, String reason, Instant at) {
        InvalidInputException.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new InvalidInputException("reason", "\"\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(at, "at");
        if (!Rules.isOperator(actor)) {
            return Rules.notAllowed(this, actor, "suspend");
        }
        return Rules.accepted(new Suspended(profile, badges, deposit, reason, at));
    }

    /**
     * A platform operator debits the deposit for a penalty or buyer compensation.
     *
     * @param actor a platform operator
     * @param kind what the debit pays for
     * @param amount the amount, in the deposit's currency
     * @param key the debit's idempotency key (part of its journal entry's key)
     * @param at when
     * @return this state with less deposit, or a refusal ({@code ACTOR_NOT_ALLOWED},
     *     {@code AMOUNT_NOT_POSITIVE}, {@code EXCEEDS_DEPOSIT})
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if the amount is in another currency
     */
    public SellerResult debit(Actor actor, DebitKind kind, MonetaryAmount amount, String key, Instant at) {
        return Rules.debit(this, deposit, actor, kind, amount, key, at, d -> new Active(profile, badges, d, since));
    }

    /**
     * The seller (or an operator) closes the store: no new orders; the deposit is returned once
     * open orders and disputes have settled.
     *
     * @param actor the seller itself or a platform operator
     * @param at when
     * @return {@link Closing}, or {@code ACTOR_NOT_ALLOWED}
     */
    public SellerResult requestClose(Actor actor, Instant at) {
        return Closing.request(this, deposit, badges, actor, at);
    }
}
