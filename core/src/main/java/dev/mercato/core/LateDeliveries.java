package dev.mercato.core;

import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.Shipped;
import dev.mercato.core.fulfilment.LateDelivery;
import dev.mercato.core.fulfilment.LateDeliveryRule;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.PricedSnapshot;
import dev.mercato.core.order.Refund;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Late-delivery compensation (docs/core.md, "Delivery promises in minutes and late compensation"):
 * evaluated in the unit of work in which the carrier's delivery scan delivers an order. A late
 * order gets one more refund, {@link #CASE}, which the escrow follows as a partial refund of the
 * held money (sent to the provider after the commit, re-sent by reconciliation); a platform or
 * carrier funder pays the seller the same amount back in an entry of its own. The order's refund
 * is the per-order key: an order delivered once is compensated once, whatever notifications repeat.
 */
final class LateDeliveries {
    /** The case id of the compensation refund on the order. */
    static final String CASE = "late-delivery";

    private static final Logger LOG = LoggerFactory.getLogger(LateDeliveries.class);

    private final Context context;
    private final LateDeliveryRule rule;

    LateDeliveries(Context context, LateDeliveryRule rule) {
        this.context = context;
        this.rule = rule;
    }

    /** The compensated order and what to publish, or empty when the order is on time or not compensable. */
    record Compensated(Order.Delivered order, LateDelivery event) {}

    /** The order's deadline under the rule, if it has one. */
    static Optional<Instant> deadline(LateDeliveryRule rule, Order order, Collection<TrackedParcel> outbound,
            Optional<Instant> paidAt) {
        LateDeliveryRule.Deadline source = rule.deadline();
        if (source instanceof LateDeliveryRule.Deadline.WithinOfPayment within) {
            return paidAt.map(at -> at.plus(within.window()));
        }
        if (source instanceof LateDeliveryRule.Deadline.CheckoutQuote) {
            return order.facts().deliveryPromise().map(p -> p.deadline());
        }
        return outbound.stream().map(p -> p.shipment().promise().deadline()).max(Comparator.naturalOrder());
    }

    /**
     * Compensates a just-delivered order when it is late: stages the order's refund (the escrow
     * follows) and the funder's entry in {@code uow}. An order whose escrow holds nothing or is not
     * held or shipped (disputed, released), or whose prices are before exclusive tax, is left as it is.
     */
    Optional<Compensated> compensate(UnitOfWork uow, Order.Delivered delivered, Collection<TrackedParcel> outbound) {
        if (context.guarantee().isEmpty() || delivered.refunds().stream().anyMatch(r -> r.caseId().equals(Optional.of(CASE)))) {
            return Optional.empty();
        }
        Optional<Instant> deadline = deadline(rule, delivered, outbound, Optional.of(delivered.payment().paidAt()));
        if (deadline.isEmpty() || !rule.isLate(deadline.get(), delivered.deliveredAt())) {
            return Optional.empty();
        }
        PricedSnapshot snapshot = delivered.facts().snapshot();
        CurrencyUnit currency = snapshot.currency();
        boolean exclusiveTax = snapshot.tax().isPresent()
                && snapshot.tax().get().mode() == dev.mercato.pricing.tax.TaxMode.EXCLUSIVE;
        if (!rule.compensation().fixed().getCurrency().equals(currency) || exclusiveTax) {
            return Optional.empty();
        }
        Guarantee guarantee = context.guarantee().get();
        Optional<Escrow> escrow = guarantee.escrows().find(uow, Guarantee.escrowId(delivered.id()));
        if (escrow.isEmpty() || !(escrow.get() instanceof Shipped || escrow.get() instanceof Held)) {
            return Optional.empty();
        }
        long paid = MinorUnits.toMinor(escrow.get().terms().amount());
        long held = MinorUnits.toMinor(escrow.get().funds().held());
        long amount = rule.compensationMinor(paid, held);
        if (amount <= 0) {
            return Optional.empty();
        }
        Instant now = context.now();
        Order.Delivered compensated = withRefund(delivered, refund(snapshot, amount, now));
        try {
            context.follow(uow, delivered, compensated);
        } catch (Context.EscrowRefusal refused) {
            // The escrow refused and staged nothing: the delivery commits without a compensation.
            LOG.warn("late-delivery compensation of order {} refused by its escrow: {}", delivered.id(),
                    refused.refused().detail());
            return Optional.empty();
        }
        fundingEntry(delivered, amount, now, outbound).ifPresent(entry -> {
            PostResult posted = guarantee.journal().post(uow, entry);
            if (!posted.isAccepted()) {
                throw new IllegalStateException("the journal refused late-delivery entry " + entry.key() + ": " + posted);
            }
        });
        return Optional.of(new Compensated(compensated, new LateDelivery(delivered.id(), deadline.get(),
                delivered.deliveredAt(), MinorUnits.toAmount(amount, currency), rule.funder(), now)));
    }

    /**
     * The compensation as a refund of no units: split over the lines by their payables through
     * {@link Allocation} up to what the lines are worth, the rest from the shipping.
     */
    private static Refund refund(PricedSnapshot snapshot, long amount, Instant at) {
        CurrencyUnit currency = snapshot.currency();
        long[] weights = snapshot.lines().stream().mapToLong(l -> MinorUnits.toMinor(l.payable())).toArray();
        long linesWorth = java.util.Arrays.stream(weights).sum();
        long onLines = Math.min(amount, linesWorth);
        long[] parts = onLines == 0 ? new long[weights.length] : Allocation.allocate(onLines, weights);
        List<Refund.LineRefund> lines = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                lines.add(new Refund.LineRefund(i + 1, 0, MinorUnits.toAmount(parts[i], currency)));
            }
        }
        return new Refund(Optional.of(CASE), lines, MinorUnits.toAmount(amount, currency), at);
    }

    private static Order.Delivered withRefund(Order.Delivered d, Refund refund) {
        List<Refund> refunds = new ArrayList<>(d.refunds());
        refunds.add(refund);
        return new Order.Delivered(d.facts(), d.payment(), d.shipments(), d.deliveredAt(), d.returnBy(), d.cases(),
                refunds);
    }

    /** The platform or the carrier pays the seller back what the seller's held money refunded. */
    private Optional<JournalEntry> fundingEntry(Order.Delivered order, long amount, Instant at,
            Collection<TrackedParcel> outbound) {
        if (rule.funder() == LateDeliveryRule.Funder.SELLER) {
            return Optional.empty();
        }
        CurrencyUnit currency = order.facts().snapshot().currency();
        String carrier = outbound.stream().map(p -> p.shipment().carrier().value()).findFirst()
                .orElse(context.carrier().id().value());
        Account source = rule.funder() == LateDeliveryRule.Funder.PLATFORM ? Account.platformClearing()
                : Account.carrierClaims(carrier);
        String id = order.id().value();
        return Optional.of(JournalEntry.builder(CASE + ":" + id + ":funding", at, "late-delivery funding " + id)
                .minor(source, currency, -amount)
                .minor(Account.sellerPayable(order.facts().sellerId()), currency, amount).build());
    }
}
