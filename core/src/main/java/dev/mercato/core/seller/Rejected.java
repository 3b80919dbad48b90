package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;

/**
 * A seller whose qualifications an operator rejected; it may submit corrected documents.
 *
 * @param profile who the seller is
 * @param documents the documents that were rejected
 * @param reason why
 * @param note the operator's note, may be empty
 * @param operatorId who rejected them
 * @param rejectedAt when
 */
public record Rejected(SellerProfile profile, List<QualificationDocument> documents, RejectionReason reason, String note,
        String operatorId, Instant rejectedAt) implements Seller {
    /** Validates and copies the fields. */
    public Rejected {
        InvalidInputException.requireNonNull(profile, "profile");
        documents = List.copyOf(InvalidInputException.requireNonNull(documents, "documents"));
        InvalidInputException.requireNonNull(reason, "reason");
        InvalidInputException.requireNonNull(note, "note");
        InvalidInputException.requireNonNull(operatorId, "operatorId");
        InvalidInputException.requireNonNull(rejectedAt, "rejectedAt");
    }

    /**
     * The seller submits corrected documents.
     *
     * @param actor the seller itself
     * @param newDocuments the documents; must cover {@code required.qualifications()}
     * @param required the requirements of the seller's type
     * @param at when
     * @return {@link QualificationsSubmitted}, or a refusal
     */
    public SellerResult resubmit(Actor actor, List<QualificationDocument> newDocuments, SellerRequirements required,
            Instant at) {
        return QualificationsSubmitted.submit(this, actor, newDocuments, required, at);
    }
}
