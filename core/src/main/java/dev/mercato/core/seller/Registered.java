package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;

/**
 * A seller that registered and has not submitted its qualifications yet.
 *
 * @param profile who the seller is
 */
public record Registered(SellerProfile profile) implements Seller {
    /** Validates the profile. */
    public Registered {
        InvalidInputException.requireNonNull(profile, "profile");
    }

    /**
     * The seller submits the documents its type requires.
     *
     * @param actor the seller itself
     * @param documents the documents; must cover {@code required.qualifications()}
     * @param required the requirements of the seller's type
     * @param at when
     * @return {@link QualificationsSubmitted}, or a refusal ({@code ACTOR_NOT_ALLOWED}, {@code MISSING_QUALIFICATIONS})
     */
    public SellerResult submitQualifications(Actor actor, List<QualificationDocument> documents,
            SellerRequirements required, Instant at) {
        return QualificationsSubmitted.submit(this, actor, documents, required, at);
    }
}
