package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * One escrow command as a value: the typed dispatch every {@link EscrowService} command goes
 * through ({@link EscrowService#execute}, or {@link EscrowService#stage} inside a caller's unit of
 * work). Each record names the actor and what the command needs; the state the escrow is in
 * decides whether it is accepted (docs/architecture.md rule 3).
 */
public sealed interface EscrowCommand {

    /**
     * Who issues the command.
     *
     * @return the actor
     */
    Actor actor();

    /**
     * {@link Held#ship}.
     *
     * @param actor the seller
     * @param trackingNumber the tracking number
     */
    record Ship(Actor actor, String trackingNumber) implements EscrowCommand {
        /** Validates the fields. */
        public Ship {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(trackingNumber, "trackingNumber");
        }
    }

    /**
     * {@link Held#deliver} or {@link Shipped#deliver}: starts the confirmation clock at delivery.
     *
     * @param actor the system or an operator
     * @param trackingNumber the delivered parcels' tracking numbers
     * @param shippedAt when the first parcel left
     * @param deliveredAt when the last parcel was delivered
     */
    record Deliver(Actor actor, String trackingNumber, Instant shippedAt, Instant deliveredAt) implements EscrowCommand {
        /** Validates the fields. */
        public Deliver {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(trackingNumber, "trackingNumber");
            InvalidInputException.requireNonNull(shippedAt, "shippedAt");
            InvalidInputException.requireNonNull(deliveredAt, "deliveredAt");
        }
    }

    /**
     * {@link Shipped#confirmReceipt}.
     *
     * @param actor the buyer
     */
    record ConfirmReceipt(Actor actor) implements EscrowCommand {
        /** Validates the field. */
        public ConfirmReceipt {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * {@link Shipped#extendAutoConfirm}.
     *
     * @param actor the buyer
     */
    record ExtendAutoConfirm(Actor actor) implements EscrowCommand {
        /** Validates the field. */
        public ExtendAutoConfirm {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * {@link Held#openDispute} or {@link Shipped#openDispute}.
     *
     * @param actor the buyer (or, after shipment, the seller)
     */
    record OpenDispute(Actor actor) implements EscrowCommand {
        /** Validates the field. */
        public OpenDispute {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * {@link Disputed#endWithoutResolution}.
     *
     * @param actor the buyer or an operator
     */
    record EndDispute(Actor actor) implements EscrowCommand {
        /** Validates the field. */
        public EndDispute {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * A refund in whatever state allows it: {@link Held#refundPart}, {@link
     * Shipped#refundAfterReturn}, {@link Released#refundAfterRelease}.
     *
     * @param actor who refunds
     * @param amount the amount
     */
    record Refund(Actor actor, MonetaryAmount amount) implements EscrowCommand {
        /** Validates the fields. */
        public Refund {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(amount, "amount");
        }
    }

    /**
     * A refund by line in whatever state allows it ({@link Held#refundLines}, {@link
     * Shipped#refundLines}, {@link Released#refundLinesAfterRelease}): each named line gives back
     * its amount and reverses its own commission, fees, shares and subsidy; the shipping refunded
     * is spread over the lines by their shipping shares (docs/escrow-and-ledger.md, "Refunds by
     * line").
     *
     * @param actor who refunds
     * @param lines the lines and what each gives back, distinct lines, at most {@link
     *     EscrowTerms#MAX_LINES}; may be empty when only shipping is refunded
     * @param shipping the shipping refunded, zero or positive
     */
    record RefundLines(Actor actor, java.util.List<LineAmount> lines, MonetaryAmount shipping) implements EscrowCommand {
        /**
         * Validates the fields.
         *
         * @throws InvalidInputException if a field is missing, a line is named twice, there are
         *     too many lines, the shipping is negative, or nothing at all is refunded
         */
        public RefundLines {
            InvalidInputException.requireNonNull(actor, "actor");
            lines = java.util.List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
            InvalidInputException.requireNonNull(shipping, "shipping");
            if (lines.size() > EscrowTerms.MAX_LINES) {
                throw new InvalidInputException("lines", lines.size() + " lines", "must be at most "
                        + EscrowTerms.MAX_LINES);
            }
            if (lines.stream().map(LineAmount::lineId).distinct().count() != lines.size()) {
                throw new InvalidInputException("lines", lines, "names a line twice");
            }
            if (shipping.isNegative()) {
                throw new InvalidInputException("shipping", shipping, "must not be negative");
            }
            if (lines.isEmpty() && shipping.isZero()) {
                throw new InvalidInputException("lines", "none and no shipping", "must refund something");
            }
        }
    }

    /**
     * {@link Disputed#resolveBySplitLines}: the operator's split names the lines (and shipping)
     * refunded to the buyer; the rest is released.
     *
     * @param actor an operator
     * @param lines the lines and what each gives back to the buyer
     * @param shipping the shipping refunded to the buyer, zero or positive
     */
    record ResolveBySplitLines(Actor actor, java.util.List<LineAmount> lines, MonetaryAmount shipping)
            implements EscrowCommand {
        /**
         * Validates the fields as {@link RefundLines} does.
         *
         * @throws InvalidInputException as {@link RefundLines}
         */
        public ResolveBySplitLines {
            lines = new RefundLines(actor, lines, shipping).lines();
        }

        /**
         * The buyer's part as a refund by line.
         *
         * @return the refund
         */
        public RefundLines refund() {
            return new RefundLines(actor, lines, shipping);
        }
    }

    /**
     * {@link Shipped#refundAfterReturn} only.
     *
     * @param actor the seller or an operator
     * @param amount the amount
     */
    record RefundAfterReturn(Actor actor, MonetaryAmount amount) implements EscrowCommand {
        /** Validates the fields. */
        public RefundAfterReturn {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(amount, "amount");
        }
    }

    /**
     * {@link Disputed#resolveByRelease}.
     *
     * @param actor an operator
     */
    record ResolveByRelease(Actor actor) implements EscrowCommand {
        /** Validates the field. */
        public ResolveByRelease {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * {@link Disputed#resolveByRefund}.
     *
     * @param actor an operator
     */
    record ResolveByRefund(Actor actor) implements EscrowCommand {
        /** Validates the field. */
        public ResolveByRefund {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * {@link Disputed#resolveBySplit}.
     *
     * @param actor an operator
     * @param refundToBuyer the buyer's part
     */
    record ResolveBySplit(Actor actor, MonetaryAmount refundToBuyer) implements EscrowCommand {
        /** Validates the fields. */
        public ResolveBySplit {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(refundToBuyer, "refundToBuyer");
        }
    }

    /**
     * {@link Released#compensateBuyer}.
     *
     * @param actor an operator
     * @param amount the compensation
     */
    record CompensateBuyer(Actor actor, MonetaryAmount amount) implements EscrowCommand {
        /** Validates the fields. */
        public CompensateBuyer {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(amount, "amount");
        }
    }

    /**
     * {@link AwaitingGroup#groupFormed}.
     *
     * @param actor the system or an operator
     */
    record GroupFormed(Actor actor) implements EscrowCommand {
        /** Validates the field. */
        public GroupFormed {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * {@link AwaitingGroup#groupFailed}: the group's deadline passed unfilled.
     *
     * @param actor the system or an operator
     */
    record GroupFailed(Actor actor) implements EscrowCommand {
        /** Validates the field. */
        public GroupFailed {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * {@link AwaitingGroup#leaveGroup}: the member leaves before the group formed.
     *
     * @param actor the buyer, the system or an operator
     */
    record LeaveGroup(Actor actor) implements EscrowCommand {
        /** Validates the field. */
        public LeaveGroup {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * {@link AwaitingBalance#refundFirstStage}: the deposit or advance goes back before the balance
     * was paid, whatever the forfeit rule.
     *
     * @param actor a platform operator or the system
     */
    record RefundFirstStage(Actor actor) implements EscrowCommand {
        /** Validates the field. */
        public RefundFirstStage {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }
}
