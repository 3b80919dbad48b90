package dev.mercato.core;

import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.membership.MembershipService;
import dev.mercato.core.membership.EarningLine;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.Orders;
import dev.mercato.core.storage.Storage;
import java.util.List;
import java.util.Optional;
import dev.mercato.pricing.error.InvalidInputException;

/**
 * Binds memberships to the order flow (memberships never see orders themselves; the facade
 * package joins them): plugged into {@code Commerce.builder().events(...)}, a
 * paid order earns its buyer points and a refund claws them back in proportion.
 *
 * <p>Events arrive after the order's commit. Both calls are idempotent (by order id, and by the
 * refund's after-sale case id or {@code "before-shipment"}), so an event delivered twice changes
 * nothing the second time. A refusal from the membership service (for example a payable in
 * another currency than the programme's) is a returned value and leaves the order untouched.
 */
public final class MembershipEvents {
    private MembershipEvents() {}

    /**
     * A publisher that earns points on {@code Paid} and claws them back on {@code RefundDue}.
     * Combine it with other listeners through {@link EventPublisher#fanOut(java.util.List)}.
     *
     * @param members the membership service, sharing the facade's storage
     * @return the publisher; thread-safe as the service is
     */
    public static EventPublisher earningAndClawback(MembershipService members) {
        return earningAndClawback(members, Optional.empty());
    }

    /**
     * As {@link #earningAndClawback(MembershipService)}, reading each paid order's lines from
     * {@code storage} (the facade's), so that a plan whose acceleration is limited to eligible
     * SKUs or categories accelerates only those lines' paid amounts.
     *
     * @param members the membership service, sharing the facade's storage
     * @param storage the storage the orders live in
     * @return the publisher; thread-safe as the service is
     */
    public static EventPublisher earningAndClawback(MembershipService members, Storage storage) {
        return earningAndClawback(members, Optional.of(InvalidInputException.requireNonNull(storage, "storage")));
    }

    private static EventPublisher earningAndClawback(MembershipService members, Optional<Storage> orders) {
        InvalidInputException.requireNonNull(members, "members");
        return event -> {
            if (event instanceof OrderEvent.Paid changed) {
                Optional<List<EarningLine>> lines = orders.flatMap(s -> s.inTransaction(uow ->
                        uow.repository(Orders.TYPE).find(changed.orderId()))).map(v -> lines(v.value()));
                if (lines.isPresent()) {
                    members.recordPaidOrder(changed.buyerId(), changed.orderId().value(), changed.payable(), lines.get());
                } else {
                    members.recordPaidOrder(changed.buyerId(), changed.orderId().value(), changed.payable());
                }
            } else if (event instanceof OrderEvent.RefundDue due) {
                String refundId = due.orderId().value() + ":" + due.refund().caseId().orElse("before-shipment");
                members.recordRefund(due.buyerId(), due.orderId().value(), refundId, due.refund().total());
            }
        };
    }

    private static List<EarningLine> lines(Order order) {
        String seller = order.facts().sellerId();
        return order.facts().snapshot().lines().stream()
                .map(l -> new EarningLine(l.sku().value(), seller, l.categoryPath(), l.payable())).toList();
    }
}
