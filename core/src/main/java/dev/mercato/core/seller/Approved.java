package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A seller an operator approved; it must accept the platform agreement next.
 *
 * @param profile who the seller is
 * @param documents the approved documents
 * @param badges the badges it carries once active
 * @param operatorId who approved it
 * @param approvedAt when
 */
public record Approved(SellerProfile profile, List<QualificationDocument> documents, Set<Badge> badges, String operatorId,
        Instant approvedAt) implements Seller {
    /** Validates and copies the fields. */
    public Approved {
        InvalidInputException.requireNonNull(profile, "profile");
        documents = List.copyOf(InvalidInputException.requireNonNull(documents, "documents"));
        badges = Set.copyOf(InvalidInputException.requireNonNull(badges, "badges"));
        InvalidInputException.requireNonNull(operatorId, "operatorId");
        InvalidInputException.requireNonNull(approvedAt, "approvedAt");
    }

    /**
     * The seller accepts the platform agreement.
     *
     * @param actor the seller itself
     * @param agreementVersion the version of the agreement text accepted, not blank
     * @param at when
     * @return {@link AgreementAccepted}, or {@code ACTOR_NOT_ALLOWED}
     */
    public SellerResult acceptAgreement(Actor actor, String agreementVersion, Instant at) {
        InvalidInputException.requireNonNull(agreementVersion, "agreementVersion");
        if (agreementVersion.isBlank()) {
            throw new InvalidInputException("agreementVersion", "\"\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(at, "at");
        if (!Rules.isOwner(actor, this)) {
            return Rules.notAllowed(this, actor, "accept the agreement for");
        }
        return Rules.accepted(new AgreementAccepted(profile, badges, agreementVersion, 0, at));
    }
}
