package dev.mercato.core.ledger;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * What a journal entry records, as a typed value: which kind of aggregate moved the money, which
 * one, at which of its steps, and the event. Statements and reports read it instead of parsing
 * entry keys (docs/escrow-and-ledger.md, "Ledger"). Immutable and thread-safe.
 *
 * @param kind the kind of aggregate
 * @param aggregateId the aggregate's id (an escrow's is its order's id), not blank
 * @param step the aggregate's step that posted the entry, zero when it has no steps
 * @param event what happened, for example {@code confirm-receipt} or {@code line-refund-after-release}; not blank
 */
public record EntryReference(Kind kind, String aggregateId, long step, String event) {

    /** The kinds of aggregates that post to the journal. */
    public enum Kind {
        /** An escrow of a guaranteed transaction (events: {@link #RELEASE_EVENTS} and the refunds). */
        ESCROW,
        /** A payout to a seller, creator or referrer, or its reversal when declined. */
        PAYOUT,
        /** A paid membership plan's fee or refund. */
        MEMBERSHIP,
        /** A seller's security deposit: lodged, debited or returned. */
        SELLER_DEPOSIT,
        /** A fee booked through the facade's fees: annual fee, advertising, carrier charge (docs/fees.md). */
        FEE,
        /** An entry the host posts itself. */
        HOST
    }

    /**
     * The escrow event of a pre-sale deposit kept by the seller, net of the order's deductions,
     * when the balance was not paid ({@code ForfeitRule.KEEP_NET_OF_COMMISSION}): a release of the
     * deposit without the goods, so no discount of the order was given.
     */
    public static final String DEPOSIT_FORFEIT_KEPT = "deposit-forfeit-kept";
    /** Escrow events that release held money to the seller, a kept forfeited deposit among them. */
    public static final java.util.Set<String> RELEASE_EVENTS =
            java.util.Set.of("confirm-receipt", "auto-confirm", "dispute-release", "dispute-split", DEPOSIT_FORFEIT_KEPT);
    /** Escrow events that refund the buyer after release, taking the money back from the seller. */
    public static final java.util.Set<String> REFUND_AFTER_RELEASE_EVENTS =
            java.util.Set.of("refund-after-release", "line-refund-after-release");
    /** Escrow events that compensate the buyer from the seller's deposit. */
    public static final java.util.Set<String> COMPENSATION_EVENTS =
            java.util.Set.of("compensation", "dispute-refund-compensation");

    /**
     * Validates the fields.
     *
     * @throws InvalidInputException if a field is missing or blank, or the step is negative
     */
    public EntryReference {
        InvalidInputException.requireNonNull(kind, "kind");
        InvalidInputException.requireNonNull(aggregateId, "aggregateId");
        if (aggregateId.isBlank()) {
            throw new InvalidInputException("aggregateId", "\"" + aggregateId + "\"", "must not be blank");
        }
        if (step < 0) {
            throw new InvalidInputException("step", step, "must not be negative");
        }
        InvalidInputException.requireNonNull(event, "event");
        if (event.isBlank()) {
            throw new InvalidInputException("event", "\"" + event + "\"", "must not be blank");
        }
    }

    /**
     * The same aggregate and step with another event (a reversal's reference).
     *
     * @param other the event
     * @return a new reference
     */
    public EntryReference withEvent(String other) {
        return new EntryReference(kind, aggregateId, step, other);
    }
}
