package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * An after-sale case on a delivered order: a return for a refund, a refund without return (full or
 * partial, e.g. compensation), or an exchange. Its lifecycle is a sealed set of records; a
 * transition is a method on the state it leaves, and {@link Rejected}, {@link Refunded} and
 * {@link Exchanged} are terminal.
 *
 * <pre>
 * Requested -approve-> Approved -receiveGoods-> GoodsReturned -refund-> Refunded   (RETURN_AND_REFUND)
 *                      Approved -refund-> Refunded                                 (REFUND_ONLY)
 *                                         GoodsReturned -exchange-> Exchanged      (EXCHANGE)
 * Requested -reject-> Rejected
 * </pre>
 */
public sealed interface AfterSaleCase {

    /**
     * What the buyer asked for.
     *
     * @return the request
     */
    Request request();

    /**
     * The case id.
     *
     * @return the id
     */
    default String caseId() {
        return request().caseId();
    }

    /**
     * Whether the case still needs action; an order cannot complete while one is open.
     *
     * @return {@code false} for the terminal states
     */
    default boolean isOpen() {
        return !(this instanceof Rejected || this instanceof Refunded || this instanceof Exchanged);
    }

    /** What kind of after-sale service is asked for. */
    enum Kind {
        /** Send goods back, get the money back. */
        RETURN_AND_REFUND,
        /** Keep the goods, get money back (e.g. a partial refund for a flaw). */
        REFUND_ONLY,
        /** Send goods back, get the same goods again. */
        EXCHANGE
    }

    /**
     * Units of one line the case is about.
     *
     * @param lineNo the order line
     * @param quantity units, positive
     * @param amount for a partial refund, the amount asked for those units (at most what they are
     *     worth); empty for their full prorated value
     */
    record Item(int lineNo, long quantity, Optional<MonetaryAmount> amount) {
        /** Validates the fields. */
        public Item {
            if (quantity <= 0) {
                throw new InvalidInputException("quantity", quantity, "must be positive");
            }
            InvalidInputException.requireNonNull(amount, "amount");
            amount.ifPresent(a -> {
                if (a.isNegative()) {
                    throw new InvalidInputException("amount", a, "must not be negative");
                }
            });
        }

        /**
         * Units of a line at their full prorated value.
         *
         * @param lineNo the line
         * @param quantity the units
         * @return the item
         */
        public static Item units(int lineNo, long quantity) {
            return new Item(lineNo, quantity, Optional.empty());
        }
    }

    /**
     * The buyer's request. No reason is required.
     *
     * @param caseId the case id, unique within the order
     * @param kind the kind of service
     * @param items the units concerned, at least one, each line at most once
     * @param reason the buyer's reason, if given
     * @param requestedAt when it was asked
     */
    record Request(String caseId, Kind kind, List<Item> items, Optional<String> reason, Instant requestedAt) {
        /** Validates the fields. */
        public Request {
            InvalidInputException.requireNonNull(caseId, "caseId");
            InvalidInputException.requireNonNull(kind, "kind");
            items = List.copyOf(InvalidInputException.requireNonNull(items, "items"));
            if (items.isEmpty()) {
                throw new InvalidInputException("items", items, "must not be empty");
            }
            if (items.stream().map(Item::lineNo).distinct().count() != items.size()) {
                throw new InvalidInputException("items", items, "must name each line at most once");
            }
            if (kind != Kind.REFUND_ONLY && items.stream().anyMatch(i -> i.amount().isPresent())) {
                throw new InvalidInputException("items", items, "may carry an amount only for REFUND_ONLY");
            }
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(requestedAt, "requestedAt");
        }
    }

    /**
     * Asked, awaiting the seller (or the platform).
     *
     * @param request the request
     */
    record Requested(Request request) implements AfterSaleCase {
        /** Validates the field. */
        public Requested {
            InvalidInputException.requireNonNull(request, "request");
        }

        /**
         * Accepts the case.
         *
         * @param at when
         * @return the approved case
         */
        public Approved approve(Instant at) {
            return new Approved(request, at);
        }

        /**
         * Refuses the case.
         *
         * @param why the seller's reason
         * @param at when
         * @return the rejected case
         */
        public Rejected reject(String why, Instant at) {
            return new Rejected(request, why, at);
        }
    }

    /**
     * Accepted; for a return, the goods are on their way back.
     *
     * @param request the request
     * @param approvedAt when it was accepted
     */
    record Approved(Request request, Instant approvedAt) implements AfterSaleCase {
        /** Validates the fields. */
        public Approved {
            InvalidInputException.requireNonNull(request, "request");
            InvalidInputException.requireNonNull(approvedAt, "approvedAt");
        }

        /**
         * The seller received the returned goods.
         *
         * @param at when
         * @return the case with goods back
         * @throws InvalidInputException for a REFUND_ONLY case, which returns no goods
         */
        public GoodsReturned receiveGoods(Instant at) {
            if (request.kind() == Kind.REFUND_ONLY) {
                throw new InvalidInputException("kind", request.kind(), "returns no goods");
            }
            return new GoodsReturned(request, approvedAt, at);
        }

        /**
         * Refunds a REFUND_ONLY case.
         *
         * @param refund the refund the order computed
         * @return the refunded case
         * @throws InvalidInputException for a case that must return goods first
         */
        public Refunded refund(Refund refund) {
            if (request.kind() != Kind.REFUND_ONLY) {
                throw new InvalidInputException("kind", request.kind(), "must receive the goods before refunding");
            }
            return new Refunded(request, refund);
        }
    }

    /**
     * The seller has the goods back.
     *
     * @param request the request
     * @param approvedAt when it was accepted
     * @param receivedAt when the goods arrived
     */
    record GoodsReturned(Request request, Instant approvedAt, Instant receivedAt) implements AfterSaleCase {
        /** Validates the fields. */
        public GoodsReturned {
            InvalidInputException.requireNonNull(request, "request");
            InvalidInputException.requireNonNull(approvedAt, "approvedAt");
            InvalidInputException.requireNonNull(receivedAt, "receivedAt");
        }

        /**
         * Refunds a RETURN_AND_REFUND case.
         *
         * @param refund the refund the order computed
         * @return the refunded case
         * @throws InvalidInputException for an exchange
         */
        public Refunded refund(Refund refund) {
            if (request.kind() != Kind.RETURN_AND_REFUND) {
                throw new InvalidInputException("kind", request.kind(), "is not refunded");
            }
            return new Refunded(request, refund);
        }

        /**
         * Ships the replacement of an EXCHANGE case.
         *
         * @param trackingNumber the replacement parcel's tracking number
         * @param at when it shipped
         * @return the exchanged case
         * @throws InvalidInputException for a case that is not an exchange
         */
        public Exchanged exchange(String trackingNumber, Instant at) {
            if (request.kind() != Kind.EXCHANGE) {
                throw new InvalidInputException("kind", request.kind(), "is not an exchange");
            }
            return new Exchanged(request, trackingNumber, at);
        }
    }

    /**
     * Refused; terminal.
     *
     * @param request the request
     * @param why the seller's reason
     * @param rejectedAt when
     */
    record Rejected(Request request, String why, Instant rejectedAt) implements AfterSaleCase {
        /** Validates the fields. */
        public Rejected {
            InvalidInputException.requireNonNull(request, "request");
            InvalidInputException.requireNonNull(why, "why");
            InvalidInputException.requireNonNull(rejectedAt, "rejectedAt");
        }
    }

    /**
     * Money given back; terminal.
     *
     * @param request the request
     * @param refund the refund
     */
    record Refunded(Request request, Refund refund) implements AfterSaleCase {
        /** Validates the fields. */
        public Refunded {
            InvalidInputException.requireNonNull(request, "request");
            InvalidInputException.requireNonNull(refund, "refund");
        }
    }

    /**
     * Replacement shipped; terminal.
     *
     * @param request the request
     * @param trackingNumber the replacement parcel
     * @param exchangedAt when
     */
    record Exchanged(Request request, String trackingNumber, Instant exchangedAt) implements AfterSaleCase {
        /** Validates the fields. */
        public Exchanged {
            InvalidInputException.requireNonNull(request, "request");
            InvalidInputException.requireNonNull(trackingNumber, "trackingNumber");
            InvalidInputException.requireNonNull(exchangedAt, "exchangedAt");
        }
    }
}
