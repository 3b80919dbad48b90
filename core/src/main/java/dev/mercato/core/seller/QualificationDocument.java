package dev.mercato.core.seller;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * One document a seller submits: what it proves and where the host keeps it (a file id, a
 * verification service's reference). Immutable.
 *
 * @param qualification what the document proves
 * @param reference the host's reference to the document, not blank
 */
public record QualificationDocument(Qualification qualification, String reference) {
    /** Validates the fields. */
    public QualificationDocument {
        InvalidInputException.requireNonNull(qualification, "qualification");
        InvalidInputException.requireNonNull(reference, "reference");
        if (reference.isBlank()) {
            throw new InvalidInputException("reference", "\"" + reference + "\"", "must not be blank");
        }
    }
}
