package dev.mercato.core.order;

import dev.mercato.core.inventory.Reservation;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * An order of one buyer from one seller. States are types: each record below is one state, a
 * transition is a method on the state it leaves and returns the state it enters, and the terminal
 * states ({@link Completed}, {@link Cancelled}, {@link Closed}, {@link RefundedBeforeShipment})
 * have no transitions.
 *
 * <pre>
 * AwaitingPayment -pay-> Paid -allocateStock-> StockAllocated -ship-> PartiallyShipped -ship-> Shipped
 *                                                              -ship-> Shipped -deliver-> Delivered -complete-> Completed
 * AwaitingPayment -cancelByBuyer-> Cancelled      AwaitingPayment -closeUnpaid-> Closed
 * Paid, StockAllocated -refundBeforeShipment-> RefundedBeforeShipment
 * </pre>
 *
 * <p>Business checks come as {@code Optional<String>} refusals ({@code closeRefusal}, {@code
 * shipmentRefusal}, {@code afterSaleRefusal}, ...) so callers can reject a command with a reason;
 * calling a transition whose refusal is present throws {@link OrderStateException}. All states are
 * immutable and thread-safe.
 */
public sealed interface Order {

    /**
     * What never changes about this order.
     *
     * @return the facts
     */
    OrderFacts facts();

    /**
     * The order id.
     *
     * @return the id
     */
    default OrderId id() {
        return facts().id();
    }

    /**
     * The state's name, for messages and logs.
     *
     * @return e.g. {@code "AwaitingPayment"}
     */
    default String stateName() {
        return getClass().getSimpleName();
    }

    /**
     * Whether this state has no transitions.
     *
     * @return {@code true} for completed, cancelled, closed and refunded-before-shipment orders
     */
    default boolean isTerminal() {
        return this instanceof Completed || this instanceof Cancelled || this instanceof Closed
                || this instanceof RefundedBeforeShipment;
    }

    /** A shipped state: some or all units have left. */
    sealed interface Dispatched extends Order permits PartiallyShipped, Shipped {
        /**
         * The payment.
         *
         * @return how it was paid
         */
        PaymentInfo payment();

        /**
         * The parcels so far, oldest first.
         *
         * @return the shipments
         */
        List<Shipment> shipments();
    }

    /**
     * Placed at checkout; stock is reserved; the buyer must pay by {@code payBy}.
     *
     * @param facts the facts
     * @param payBy the payment deadline; after it the order closes and its stock is released
     */
    record AwaitingPayment(OrderFacts facts, Instant payBy) implements Order {
        /** Validates the fields. */
        public AwaitingPayment {
            InvalidInputException.requireNonNull(facts, "facts");
            InvalidInputException.requireNonNull(payBy, "payBy");
        }

        /**
         * Records the payment.
         *
         * @param payment the payment
         * @return the paid order
         */
        public Paid pay(PaymentInfo payment) {
            return new Paid(facts, InvalidInputException.requireNonNull(payment, "payment"));
        }

        /**
         * The buyer cancels before paying.
         *
         * @param at when
         * @return the cancelled order
         */
        public Cancelled cancelByBuyer(Instant at) {
            return new Cancelled(facts, InvalidInputException.requireNonNull(at, "at"));
        }

        /**
         * Why this order may not be closed unpaid yet.
         *
         * @param now the current instant
         * @return a reason, or empty when the deadline has passed
         */
        public Optional<String> closeRefusal(Instant now) {
            return now.isBefore(payBy) ? Optional.of("payment is due by " + payBy) : Optional.empty();
        }

        /**
         * Closes the order because it was not paid in time.
         *
         * @param now the current instant, not before {@code payBy}
         * @return the closed order
         * @throws OrderStateException before the deadline
         */
        public Closed closeUnpaid(Instant now) {
            closeRefusal(now).ifPresent(reason -> {
                throw new OrderStateException(facts.id(), stateName(), reason);
            });
            return new Closed(facts, now);
        }
    }

    /**
     * Paid; stock not yet allocated to warehouses.
     *
     * @param facts the facts
     * @param payment how it was paid
     */
    record Paid(OrderFacts facts, PaymentInfo payment) implements Order {
        /** Validates the fields. */
        public Paid {
            InvalidInputException.requireNonNull(facts, "facts");
            InvalidInputException.requireNonNull(payment, "payment");
        }

        /**
         * Fixes which warehouses ship which units.
         *
         * @param picks the reservation's picks
         * @param at when
         * @return the allocated order
         */
        public StockAllocated allocateStock(List<Reservation.Pick> picks, Instant at) {
            return new StockAllocated(facts, payment, picks, at);
        }

        /**
         * Refunds everything before anything shipped.
         *
         * @param at when
         * @return the refunded order
         */
        public RefundedBeforeShipment refundBeforeShipment(Instant at) {
            return RefundedBeforeShipment.of(facts, payment, at);
        }

        /**
         * Closes an order paid in stages whose balance was not paid by its due date (its first
         * stage was kept or refunded by the forfeit rule); its stock is released.
         *
         * @param at when
         * @return the closed order
         */
        public Closed closeUnpaidBalance(Instant at) {
            return new Closed(facts, InvalidInputException.requireNonNull(at, "at"));
        }
    }

    /**
     * Paid, with the warehouses that will ship each unit fixed.
     *
     * @param facts the facts
     * @param payment how it was paid
     * @param picks where the units come from
     * @param allocatedAt when
     */
    record StockAllocated(OrderFacts facts, PaymentInfo payment, List<Reservation.Pick> picks, Instant allocatedAt)
            implements Order {
        /** Validates the fields. */
        public StockAllocated {
            InvalidInputException.requireNonNull(facts, "facts");
            InvalidInputException.requireNonNull(payment, "payment");
            picks = List.copyOf(InvalidInputException.requireNonNull(picks, "picks"));
            InvalidInputException.requireNonNull(allocatedAt, "allocatedAt");
        }

        /**
         * Why a shipment is not acceptable.
         *
         * @param shipment the parcel
         * @return a reason, or empty
         */
        public Optional<String> shipmentRefusal(Shipment shipment) {
            return Shipping.refusal(facts, List.of(), shipment);
        }

        /**
         * Ships the first parcel.
         *
         * @param shipment the parcel
         * @return {@link Shipped} when every unit has left, else {@link PartiallyShipped}
         * @throws OrderStateException if the shipment names unknown lines or too many units
         */
        public Dispatched ship(Shipment shipment) {
            return Shipping.ship(this, facts, payment, List.of(), shipment);
        }

        /**
         * Refunds everything before anything shipped.
         *
         * @param at when
         * @return the refunded order
         */
        public RefundedBeforeShipment refundBeforeShipment(Instant at) {
            return RefundedBeforeShipment.of(facts, payment, at);
        }

        /**
         * Closes an order paid in stages whose balance was not paid by its due date (its first
         * stage was kept or refunded by the forfeit rule); its stock is released.
         *
         * @param at when
         * @return the closed order
         */
        public Closed closeUnpaidBalance(Instant at) {
            return new Closed(facts, InvalidInputException.requireNonNull(at, "at"));
        }
    }

    /**
     * Some units shipped, some not yet.
     *
     * @param facts the facts
     * @param payment how it was paid
     * @param shipments the parcels so far
     */
    record PartiallyShipped(OrderFacts facts, PaymentInfo payment, List<Shipment> shipments) implements Dispatched {
        /** Validates the fields. */
        public PartiallyShipped {
            InvalidInputException.requireNonNull(facts, "facts");
            InvalidInputException.requireNonNull(payment, "payment");
            shipments = List.copyOf(InvalidInputException.requireNonNull(shipments, "shipments"));
        }

        /**
         * Why a shipment is not acceptable.
         *
         * @param shipment the parcel
         * @return a reason, or empty
         */
        public Optional<String> shipmentRefusal(Shipment shipment) {
            return Shipping.refusal(facts, shipments, shipment);
        }

        /**
         * Ships another parcel.
         *
         * @param shipment the parcel
         * @return {@link Shipped} when every unit has left, else {@link PartiallyShipped}
         * @throws OrderStateException if the shipment names unknown lines or too many units
         */
        public Dispatched ship(Shipment shipment) {
            return Shipping.ship(this, facts, payment, shipments, shipment);
        }
    }

    /**
     * Every unit has left.
     *
     * @param facts the facts
     * @param payment how it was paid
     * @param shipments the parcels
     */
    record Shipped(OrderFacts facts, PaymentInfo payment, List<Shipment> shipments) implements Dispatched {
        /** Validates the fields. */
        public Shipped {
            InvalidInputException.requireNonNull(facts, "facts");
            InvalidInputException.requireNonNull(payment, "payment");
            shipments = List.copyOf(InvalidInputException.requireNonNull(shipments, "shipments"));
        }

        /**
         * The goods arrived.
         *
         * @param at when
         * @param returnWindow how long after delivery the buyer may ask for after-sale service
         * @return the delivered order
         */
        public Delivered deliver(Instant at, Duration returnWindow) {
            InvalidInputException.requireNonNull(at, "at");
            if (returnWindow == null || returnWindow.isNegative()) {
                throw new InvalidInputException("returnWindow", returnWindow, "must be zero or positive");
            }
            return new Delivered(facts, payment, shipments, at, at.plus(returnWindow), List.of(), List.of());
        }
    }

    /**
     * Delivered; after-sale cases may be opened until {@code returnBy}.
     *
     * @param facts the facts
     * @param payment how it was paid
     * @param shipments the parcels
     * @param deliveredAt when the goods arrived
     * @param returnBy the end of the after-sale window
     * @param cases after-sale cases, oldest first
     * @param refunds refunds so far, oldest first
     */
    record Delivered(OrderFacts facts, PaymentInfo payment, List<Shipment> shipments, Instant deliveredAt,
            Instant returnBy, List<AfterSaleCase> cases, List<Refund> refunds) implements Order {
        /** Validates the fields. */
        public Delivered {
            InvalidInputException.requireNonNull(facts, "facts");
            InvalidInputException.requireNonNull(payment, "payment");
            shipments = List.copyOf(InvalidInputException.requireNonNull(shipments, "shipments"));
            InvalidInputException.requireNonNull(deliveredAt, "deliveredAt");
            InvalidInputException.requireNonNull(returnBy, "returnBy");
            cases = List.copyOf(InvalidInputException.requireNonNull(cases, "cases"));
            refunds = List.copyOf(InvalidInputException.requireNonNull(refunds, "refunds"));
        }

        /**
         * A case by id.
         *
         * @param caseId the case id
         * @return the case, or empty
         */
        public Optional<AfterSaleCase> findCase(String caseId) {
            return cases.stream().filter(c -> c.caseId().equals(caseId)).findFirst();
        }

        /**
         * Units of a line settled by refunds so far.
         *
         * @param lineNo the line
         * @return the units
         */
        public long unitsRefunded(int lineNo) {
            return refunds.stream().flatMap(r -> r.lines().stream()).filter(l -> l.lineNo() == lineNo)
                    .mapToLong(Refund.LineRefund::units).sum();
        }

        /**
         * Units of a line held by open cases of any kind: a unit on its way back for an exchange
         * cannot also be refunded, nor exchanged twice at once.
         *
         * @param lineNo the line
         * @return the units
         */
        private long unitsInOpenCases(int lineNo) {
            return cases.stream().filter(AfterSaleCase::isOpen)
                    .flatMap(c -> c.request().items().stream()).filter(i -> i.lineNo() == lineNo)
                    .mapToLong(AfterSaleCase.Item::quantity).sum();
        }

        /**
         * The total refunded so far.
         *
         * @return the sum of all refunds, zero when none
         */
        public MonetaryAmount refundedTotal() {
            long total = 0;
            for (Refund refund : refunds) {
                total = Math.addExact(total, MinorUnits.toMinor(refund.total()));
            }
            return MinorUnits.toAmount(total, facts.snapshot().currency());
        }

        /**
         * Why an after-sale request is not acceptable: past the window, a reused case id, an unknown
         * line, more units than remain, or a partial amount above what the units are worth.
         *
         * @param request the request
         * @return a reason, or empty
         */
        public Optional<String> afterSaleRefusal(AfterSaleCase.Request request) {
            InvalidInputException.requireNonNull(request, "request");
            if (request.requestedAt().isAfter(returnBy)) {
                return Optional.of("the after-sale window ended at " + returnBy);
            }
            if (findCase(request.caseId()).isPresent()) {
                return Optional.of("case " + request.caseId() + " already exists");
            }
            PricedSnapshot snapshot = facts.snapshot();
            for (AfterSaleCase.Item item : request.items()) {
                if (item.lineNo() < 1 || item.lineNo() > snapshot.lines().size()) {
                    return Optional.of("line " + item.lineNo() + " is not in this order");
                }
                OrderLine line = snapshot.line(item.lineNo());
                long refunded = unitsRefunded(item.lineNo());
                long left = line.quantity() - refunded - unitsInOpenCases(item.lineNo());
                if (item.quantity() > left) {
                    return Optional.of("line " + item.lineNo() + " has " + left + " units left for after-sale, not "
                            + item.quantity());
                }
                if (item.amount().isPresent()) {
                    MonetaryAmount amount = item.amount().get();
                    if (!amount.getCurrency().equals(snapshot.currency())) {
                        return Optional.of("amount " + amount + " is not in " + snapshot.currency().getCurrencyCode());
                    }
                    long worth = snapshot.unitRefundMinor(item.lineNo(), refunded, item.quantity());
                    if (MinorUnits.toMinor(amount) > worth) {
                        return Optional.of("line " + item.lineNo() + ": " + amount + " is more than the "
                                + MinorUnits.toAmount(worth, snapshot.currency()) + " those units are worth");
                    }
                }
            }
            return Optional.empty();
        }

        /**
         * Opens an after-sale case; no reason is required.
         *
         * @param request the request
         * @return this order with the case added
         * @throws OrderStateException if {@link #afterSaleRefusal} gives a reason
         */
        public Delivered requestAfterSale(AfterSaleCase.Request request) {
            afterSaleRefusal(request).ifPresent(reason -> {
                throw new OrderStateException(facts.id(), stateName(), reason);
            });
            List<AfterSaleCase> more = new ArrayList<>(cases);
            more.add(new AfterSaleCase.Requested(request));
            return withCases(more, refunds);
        }

        /**
         * Replaces a case with its next state.
         *
         * @param next the case's new state, with the id of an existing case
         * @return this order with the case replaced
         */
        Delivered withCase(AfterSaleCase next) {
            return withCases(cases.stream().map(c -> c.caseId().equals(next.caseId()) ? next : c).toList(), refunds);
        }

        private Delivered withCases(List<AfterSaleCase> newCases, List<Refund> newRefunds) {
            return new Delivered(facts, payment, shipments, deliveredAt, returnBy, newCases, newRefunds);
        }

        /**
         * A case in a given state, or an exception naming the state it is in.
         *
         * @param caseId the case id
         * @param state the state required
         * @param <C> the state type
         * @return the case
         * @throws OrderStateException when missing or in another state
         */
        public <C extends AfterSaleCase> C requireCase(String caseId, Class<C> state) {
            AfterSaleCase found = findCase(caseId).orElseThrow(
                    () -> new OrderStateException(facts.id(), stateName(), "has no after-sale case " + caseId));
            if (!state.isInstance(found)) {
                throw new OrderStateException(facts.id(), stateName(), "case " + caseId + " is "
                        + found.getClass().getSimpleName() + ", not " + state.getSimpleName());
            }
            return state.cast(found);
        }

        /**
         * Approves a requested case.
         *
         * @param caseId the case
         * @param at when
         * @return the updated order
         */
        public Delivered approveCase(String caseId, Instant at) {
            return withCase(requireCase(caseId, AfterSaleCase.Requested.class).approve(at));
        }

        /**
         * Rejects a requested case.
         *
         * @param caseId the case
         * @param why the reason
         * @param at when
         * @return the updated order
         */
        public Delivered rejectCase(String caseId, String why, Instant at) {
            return withCase(requireCase(caseId, AfterSaleCase.Requested.class).reject(why, at));
        }

        /**
         * Records that the returned goods of an approved case arrived.
         *
         * @param caseId the case
         * @param at when
         * @return the updated order
         */
        public Delivered receiveReturnedGoods(String caseId, Instant at) {
            return withCase(requireCase(caseId, AfterSaleCase.Approved.class).receiveGoods(at));
        }

        /**
         * Ships the replacement of an exchange whose goods came back.
         *
         * @param caseId the case
         * @param trackingNumber the replacement parcel
         * @param at when
         * @return the updated order
         */
        public Delivered exchange(String caseId, String trackingNumber, Instant at) {
            return withCase(requireCase(caseId, AfterSaleCase.GoodsReturned.class).exchange(trackingNumber, at));
        }

        /**
         * Refunds a case that is ready for it (an approved REFUND_ONLY case, or a RETURN_AND_REFUND
         * case whose goods came back). Each line gives back its payable prorated by units (see
         * {@link PricedSnapshot#unitRefundMinor}), or the partial amount the buyer asked for.
         *
         * @param caseId the case
         * @param at when
         * @return the updated order, with the refund appended
         */
        public Delivered refundCase(String caseId, Instant at) {
            AfterSaleCase found = findCase(caseId).orElseThrow(
                    () -> new OrderStateException(facts.id(), stateName(), "has no after-sale case " + caseId));
            Refund refund = computeRefund(found.request(), at);
            AfterSaleCase next;
            if (found instanceof AfterSaleCase.Approved approved) {
                next = approved.refund(refund);
            } else if (found instanceof AfterSaleCase.GoodsReturned returned) {
                next = returned.refund(refund);
            } else {
                throw new OrderStateException(facts.id(), stateName(), "case " + caseId + " is "
                        + found.getClass().getSimpleName() + " and cannot be refunded");
            }
            List<Refund> more = new ArrayList<>(refunds);
            more.add(refund);
            return new Delivered(facts, payment, shipments, deliveredAt, returnBy,
                    withCase(next).cases(), more);
        }

        /**
         * What is left of a line's payable after every refund so far: a refund of no units (a
         * late-delivery compensation) lowers it, so later refunds of the line never exceed it.
         */
        private long lineLeftMinor(int lineNo) {
            long refunded = refunds.stream().flatMap(r -> r.lines().stream()).filter(l -> l.lineNo() == lineNo)
                    .mapToLong(l -> MinorUnits.toMinor(l.amount())).sum();
            return Math.max(0, facts.snapshot().line(lineNo).payableMinor() - refunded);
        }

        private Refund computeRefund(AfterSaleCase.Request request, Instant at) {
            PricedSnapshot snapshot = facts.snapshot();
            List<Refund.LineRefund> lines = new ArrayList<>();
            long total = 0;
            for (AfterSaleCase.Item item : request.items()) {
                long worth = Math.min(snapshot.unitRefundMinor(item.lineNo(), unitsRefunded(item.lineNo()),
                        item.quantity()), lineLeftMinor(item.lineNo()));
                long amount = item.amount().map(MinorUnits::toMinor).map(a -> Math.min(a, worth)).orElse(worth);
                lines.add(new Refund.LineRefund(item.lineNo(), item.quantity(),
                        MinorUnits.toAmount(amount, snapshot.currency())));
                total = Math.addExact(total, amount);
            }
            return new Refund(Optional.of(request.caseId()), lines, MinorUnits.toAmount(total, snapshot.currency()), at);
        }

        /**
         * Why this order may not complete yet.
         *
         * @param now the current instant
         * @return a reason, or empty once the window has passed and no case is open
         */
        public Optional<String> completionRefusal(Instant now) {
            if (now.isBefore(returnBy)) {
                return Optional.of("the after-sale window runs until " + returnBy);
            }
            return cases.stream().filter(AfterSaleCase::isOpen).findFirst()
                    .map(c -> "after-sale case " + c.caseId() + " is still open");
        }

        /**
         * Completes the order.
         *
         * @param now the current instant
         * @return the completed order
         * @throws OrderStateException if {@link #completionRefusal} gives a reason
         */
        public Completed complete(Instant now) {
            completionRefusal(now).ifPresent(reason -> {
                throw new OrderStateException(facts.id(), stateName(), reason);
            });
            return new Completed(facts, payment, shipments, deliveredAt, cases, refunds, now);
        }
    }

    /**
     * Done; terminal.
     *
     * @param facts the facts
     * @param payment how it was paid
     * @param shipments the parcels
     * @param deliveredAt when the goods arrived
     * @param cases after-sale cases, all closed
     * @param refunds refunds made
     * @param completedAt when
     */
    record Completed(OrderFacts facts, PaymentInfo payment, List<Shipment> shipments, Instant deliveredAt,
            List<AfterSaleCase> cases, List<Refund> refunds, Instant completedAt) implements Order {
        /** Validates the fields. */
        public Completed {
            InvalidInputException.requireNonNull(facts, "facts");
            InvalidInputException.requireNonNull(payment, "payment");
            shipments = List.copyOf(shipments);
            InvalidInputException.requireNonNull(deliveredAt, "deliveredAt");
            cases = List.copyOf(cases);
            refunds = List.copyOf(refunds);
            InvalidInputException.requireNonNull(completedAt, "completedAt");
        }
    }

    /**
     * Cancelled by the buyer before paying; terminal. Its stock was released.
     *
     * @param facts the facts
     * @param cancelledAt when
     */
    record Cancelled(OrderFacts facts, Instant cancelledAt) implements Order {
        /** Validates the fields. */
        public Cancelled {
            InvalidInputException.requireNonNull(facts, "facts");
            InvalidInputException.requireNonNull(cancelledAt, "cancelledAt");
        }
    }

    /**
     * Closed because it was not paid in time (or, paid in stages, its balance was not); terminal.
     * Its stock was released.
     *
     * @param facts the facts
     * @param closedAt when
     */
    record Closed(OrderFacts facts, Instant closedAt) implements Order {
        /** Validates the fields. */
        public Closed {
            InvalidInputException.requireNonNull(facts, "facts");
            InvalidInputException.requireNonNull(closedAt, "closedAt");
        }
    }

    /**
     * Paid, then refunded in full before anything shipped; terminal. Its stock was released.
     *
     * @param facts the facts
     * @param payment how it was paid
     * @param refund the full refund, shipping included
     */
    record RefundedBeforeShipment(OrderFacts facts, PaymentInfo payment, Refund refund) implements Order {
        /** Validates the fields. */
        public RefundedBeforeShipment {
            InvalidInputException.requireNonNull(facts, "facts");
            InvalidInputException.requireNonNull(payment, "payment");
            InvalidInputException.requireNonNull(refund, "refund");
        }

        static RefundedBeforeShipment of(OrderFacts facts, PaymentInfo payment, Instant at) {
            InvalidInputException.requireNonNull(at, "at");
            List<Refund.LineRefund> lines = facts.snapshot().lines().stream()
                    .map(l -> new Refund.LineRefund(l.lineNo(), l.quantity(), l.payable())).toList();
            return new RefundedBeforeShipment(facts, payment,
                    new Refund(Optional.empty(), lines, facts.snapshot().payable(), at));
        }
    }
}
