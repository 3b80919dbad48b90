package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;

/**
 * A seller whose documents wait for an operator's review.
 *
 * @param profile who the seller is
 * @param documents the documents submitted
 * @param submittedAt when they were submitted
 */
public record QualificationsSubmitted(SellerProfile profile, List<QualificationDocument> documents, Instant submittedAt)
        implements Seller {
    /** Validates and copies the fields. */
    public QualificationsSubmitted {
        InvalidInputException.requireNonNull(profile, "profile");
        documents = List.copyOf(InvalidInputException.requireNonNull(documents, "documents"));
        InvalidInputException.requireNonNull(submittedAt, "submittedAt");
    }

    static SellerResult submit(Seller from, Actor actor, List<QualificationDocument> documents,
            SellerRequirements required, Instant at) {
        InvalidInputException.requireNonNull(required, "required");
        InvalidInputException.requireNonNull(at, "at");
        if (!Rules.isOwner(actor, from)) {
            return Rules.notAllowed(from, actor, "submit qualifications for");
        }
        SellerResult missing = Rules.missing(from, documents, required);
        return missing != null ? missing : Rules.accepted(new QualificationsSubmitted(from.profile(), documents, at));
    }

    /**
     * A platform operator approves the seller, which then carries its type's badges.
     *
     * @param actor a platform operator
     * @param required the requirements of the seller's type
     * @param at when
     * @return {@link Approved}, or {@code ACTOR_NOT_ALLOWED} for anyone but an operator
     */
    public SellerResult approve(Actor actor, SellerRequirements required, Instant at) {
        InvalidInputException.requireNonNull(required, "required");
        InvalidInputException.requireNonNull(at, "at");
        if (!(actor instanceof Actor.PlatformOperator operator)) {
            return Rules.notAllowed(this, actor, "approve");
        }
        return Rules.accepted(new Approved(profile, documents, required.badges(), operator.operatorId(), at));
    }

    /**
     * A platform operator rejects the seller's qualifications.
     *
     * @param actor a platform operator
     * @param reason why
     * @param note what the seller should fix, may be empty
     * @param at when
     * @return {@link Rejected}, or {@code ACTOR_NOT_ALLOWED} for anyone but an operator
     */
    public SellerResult reject(Actor actor, RejectionReason reason, String note, Instant at) {
        InvalidInputException.requireNonNull(reason, "reason");
        InvalidInputException.requireNonNull(note, "note");
        InvalidInputException.requireNonNull(at, "at");
        if (!(actor instanceof Actor.PlatformOperator operator)) {
            return Rules.notAllowed(this, actor, "reject");
        }
        return Rules.accepted(new Rejected(profile, documents, reason, note, operator.operatorId(), at));
    }
}
