package dev.mercato.core;

import dev.mercato.core.Access.OrderRole;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.Cart;
import dev.mercato.core.cart.CartItem;
import dev.mercato.core.catalog.PriceLevel;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.escrow.AwaitingGroup;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.EscrowCommand;
import dev.mercato.core.escrow.Transition;
import dev.mercato.core.groupbuy.GroupBuy;
import dev.mercato.core.groupbuy.GroupBuyEvent;
import dev.mercato.core.groupbuy.GroupBuys;
import dev.mercato.core.groupbuy.GroupCampaign;
import dev.mercato.core.groupbuy.GroupChoice;
import dev.mercato.core.groupbuy.GroupMember;
import dev.mercato.core.groupbuy.GroupRefusal;
import dev.mercato.core.groupbuy.GroupSeat;
import dev.mercato.core.groupbuy.GroupTransition;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Orders;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Group buying through the facade (docs/group-buying.md): a group checkout takes a place in a
 * group in the unit of work that places its orders (the group's version keeps it from taking more
 * members than its size, across instances); a member's paid orders wait in {@link AwaitingGroup};
 * the payment that pays the last place forms the group and moves every member's escrow to held in
 * its unit of work; the deadline timer fails an unfilled group, refunds every paid member, closes
 * the unpaid orders and returns the stock, once; a member may leave before the group forms.
 */
final class GroupBuyCommands {
    private static final Actor SYSTEM = new Actor.System("group-buy");

    private final Context context;
    private final Map<String, GroupCampaign> campaigns;
    private final EscrowCommands escrows;

    GroupBuyCommands(Context context, Map<String, GroupCampaign> campaigns, EscrowCommands escrows) {
        this.context = context;
        this.campaigns = Map.copyOf(campaigns);
        this.escrows = escrows;
    }

    /** A place in a group was refused inside the checkout's unit of work: nothing commits. */
    static final class GroupRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final CheckoutResult.Reason reason;

        GroupRefused(CheckoutResult.Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        CheckoutResult.Refused refusal() {
            return new CheckoutResult.Refused(reason, getMessage());
        }
    }

    // ------------------------------------------------------------------ checkout

    /** The group id a checkout opening a group gets: one per checkout key. */
    static String newGroupId(String checkoutKey) {
        return "grp-" + UUID.nameUUIDFromBytes(("group\n" + checkoutKey).getBytes(StandardCharsets.UTF_8));
    }

    /** Text for the checkout's fingerprint, so one key never means two different groups. */
    static String fingerprint(GroupChoice choice) {
        return choice instanceof GroupChoice.OpenGroup open ? ";open-group=" + open.campaignId()
                : ";join-group=" + ((GroupChoice.JoinGroup) choice).groupId();
    }

    /** The campaign a choice is about, or a refusal. */
    private Optional<GroupCampaign> campaign(UnitOfWork uow, GroupChoice choice) {
        if (choice instanceof GroupChoice.OpenGroup open) {
            return Optional.ofNullable(campaigns.get(open.campaignId()));
        }
        return uow.repository(GroupBuys.TYPE).find(((GroupChoice.JoinGroup) choice).groupId())
                .map(g -> campaigns.get(g.value().campaignId()));
    }

    /**
     * Why a group checkout is refused before any stock is reserved: an unknown campaign or group,
     * a cart with other SKUs, a group that is not open, full, or already holds the buyer. The
     * checkout's own unit of work decides again ({@link #join}).
     */
    Optional<CheckoutResult.Refused> refusal(GroupChoice choice, String buyerId, Cart cart) {
        return context.tx(uow -> {
            Optional<GroupCampaign> campaign = campaign(uow, choice);
            if (campaign.isEmpty()) {
                return Optional.of(new CheckoutResult.Refused(CheckoutResult.Reason.GROUP_REFUSED,
                        choice instanceof GroupChoice.OpenGroup open ? "no group-buy campaign " + open.campaignId()
                                : "no group " + ((GroupChoice.JoinGroup) choice).groupId()));
            }
            List<SkuId> others = cart.items().stream().map(CartItem::sku)
                    .filter(sku -> !campaign.get().skus().contains(sku)).toList();
            if (!others.isEmpty()) {
                return Optional.of(new CheckoutResult.Refused(CheckoutResult.Reason.NOT_A_GROUP_CART, "a group checkout"
                        + " of campaign " + campaign.get().id() + " holds its SKUs " + campaign.get().skus()
                        + " only; the cart also holds " + others));
            }
            if (choice instanceof GroupChoice.JoinGroup join) {
                GroupBuy group = uow.repository(GroupBuys.TYPE).find(join.groupId()).orElseThrow().value();
                if (!(group instanceof GroupBuy.Open open)) {
                    return Optional.of(new CheckoutResult.Refused(CheckoutResult.Reason.GROUP_REFUSED, "group "
                            + group.id() + " is " + group.getClass().getSimpleName() + " and takes no members"));
                }
                GroupTransition t = pruned(uow, open).join(new GroupMember(buyerId, "probe", List.of(new OrderId("probe")),
                        false), context.now());
                if (t instanceof GroupTransition.Refused refused) {
                    return Optional.of(refusal(refused).refusal());
                }
            }
            return Optional.<CheckoutResult.Refused>empty();
        });
    }

    /** How a group checkout's SKUs are priced: the campaign's SKUs at its group price. */
    UnaryOperator<Sku> groupPrices(GroupChoice choice) {
        GroupCampaign campaign = context.tx(uow -> campaign(uow, choice)).orElseThrow();
        return sku -> campaign.skus().contains(sku.id()) ? sku.withPriceLevel(PriceLevel.GROUP_BUY, campaign.groupPrice())
                : sku;
    }

    /**
     * Takes the checkout's place in the unit of work that places its orders: opens the group (and
     * schedules its deadline) or joins it; a refusal throws {@link GroupRefused} so nothing
     * commits, and a concurrent change of the group fails the commit on its version.
     */
    void join(UnitOfWork uow, GroupChoice choice, String checkoutKey, BuyerPayment payment) {
        Instant now = context.now();
        GroupMember member = new GroupMember(payment.buyerId(), payment.paymentId(), payment.orderIds(), false);
        Repository<String, GroupBuy> groups = uow.repository(GroupBuys.TYPE);
        String groupId;
        if (choice instanceof GroupChoice.OpenGroup open) {
            GroupCampaign campaign = campaigns.get(open.campaignId());
            if (campaign == null) {
                throw new GroupRefused(CheckoutResult.Reason.GROUP_REFUSED, "no group-buy campaign " + open.campaignId());
            }
            groupId = newGroupId(checkoutKey);
            GroupBuy.Open opened = GroupBuy.open(groupId, campaign, member, now);
            groups.insert(groupId, opened);
            uow.timers().schedule(new TimerKey(GroupBuys.DEADLINE_TIMER, groupId), opened.deadline());
        } else {
            groupId = ((GroupChoice.JoinGroup) choice).groupId();
            Versioned<GroupBuy> current = groups.find(groupId).orElseThrow(() -> new GroupRefused(
                    CheckoutResult.Reason.GROUP_REFUSED, "no group " + groupId));
            if (!(current.value() instanceof GroupBuy.Open open)) {
                throw new GroupRefused(CheckoutResult.Reason.GROUP_REFUSED, "group " + groupId + " is "
                        + current.value().getClass().getSimpleName() + " and takes no members");
            }
            GroupTransition t = pruned(uow, open).join(member, now);
            if (t instanceof GroupTransition.Refused refused) {
                throw refusal(refused);
            }
            groups.update(groupId, ((GroupTransition.Moved) t).state(), current.version());
        }
        uow.repository(GroupBuys.SEATS).insert(payment.paymentId(), new GroupSeat(payment.paymentId(), groupId));
    }

    private static GroupRefused refusal(GroupTransition.Refused refused) {
        return new GroupRefused(refused.reason() == GroupRefusal.FULL ? CheckoutResult.Reason.GROUP_FULL
                : CheckoutResult.Reason.GROUP_REFUSED, refused.detail());
    }

    /**
     * The group without its unpaid members whose orders were cancelled or closed unpaid meanwhile:
     * their places are free again (a closed order never comes back).
     */
    private GroupBuy.Open pruned(UnitOfWork uow, GroupBuy.Open open) {
        GroupBuy.Open current = open;
        Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
        for (GroupMember m : open.members()) {
            boolean gone = !m.paid() && m.orders().stream().map(orders::find).allMatch(o -> o.isEmpty()
                    || o.get().value() instanceof Order.Cancelled || o.get().value() instanceof Order.Closed);
            if (gone) {
                current = (GroupBuy.Open) ((GroupTransition.Moved) current.leave(m.paymentId(), context.now())).state();
            }
        }
        return current;
    }

    // ------------------------------------------------------------------ payment

    /**
     * Why a checkout payment must not start a new attempt: its group formed without it, failed,
     * passed its deadline, or no longer holds its place (the orders will be, or were, closed).
     */
    static Optional<String> unpayable(UnitOfWork uow, String paymentId, Instant now) {
        Optional<Versioned<GroupSeat>> seat = uow.repository(GroupBuys.SEATS).find(paymentId);
        if (seat.isEmpty()) {
            return Optional.empty();
        }
        GroupBuy group = uow.repository(GroupBuys.TYPE).find(seat.get().value().groupId()).orElseThrow().value();
        if (!(group instanceof GroupBuy.Open open) || open.member(paymentId).isEmpty()) {
            return Optional.of("group " + group.id() + " is " + group.getClass().getSimpleName()
                    + " and holds no open place for payment " + paymentId);
        }
        if (now.isAfter(open.deadline())) {
            return Optional.of("group " + group.id() + " passed its deadline " + open.deadline() + " unfilled");
        }
        return Optional.empty();
    }

    /**
     * The group deadline of a checkout payment's escrows: its group's, while the group is open and
     * holds the payment's place; empty for a payment outside any group.
     */
    static Optional<Instant> openDeadline(UnitOfWork uow, String paymentId) {
        Optional<Versioned<GroupSeat>> seat = uow.repository(GroupBuys.SEATS).find(paymentId);
        if (seat.isEmpty()) {
            return Optional.empty();
        }
        return uow.repository(GroupBuys.TYPE).find(seat.get().value().groupId()).map(Versioned::value)
                .filter(g -> g instanceof GroupBuy.Open && g.member(paymentId).isPresent()).map(GroupBuy::deadline);
    }

    /**
     * A member's payment was captured, in the unit of work that holds it in the orders' escrows:
     * the member is marked paid, and when that fills the group in time, the group forms and every
     * member's escrow moves from {@link AwaitingGroup} to held in this same unit of work. If any
     * member's escrow is no longer waiting (its deadline fired), the group stays open and its
     * deadline decides.
     */
    static void paid(Context context, UnitOfWork uow, BuyerPayment payment, Instant now) {
        Optional<Versioned<GroupSeat>> seat = uow.repository(GroupBuys.SEATS).find(payment.paymentId());
        if (seat.isEmpty() || context.guarantee().isEmpty()) {
            return;
        }
        Repository<String, GroupBuy> groups = uow.repository(GroupBuys.TYPE);
        Versioned<GroupBuy> current = groups.find(seat.get().value().groupId()).orElseThrow();
        if (!(current.value() instanceof GroupBuy.Open open) || open.member(payment.paymentId()).isEmpty()) {
            return;
        }
        GroupTransition t = open.paid(payment.paymentId(), now);
        if (!(t instanceof GroupTransition.Moved moved)) {
            return;
        }
        GroupBuy next = moved.state();
        if (next instanceof GroupBuy.Formed formed) {
            Guarantee g = context.guarantee().get();
            boolean allWaiting = formed.members().stream().flatMap(m -> m.orders().stream())
                    .allMatch(id -> g.escrows().find(uow, Guarantee.escrowId(id)).orElse(null) instanceof AwaitingGroup);
            if (allWaiting) {
                for (GroupMember m : formed.members()) {
                    for (OrderId id : m.orders()) {
                        Transition held = g.escrows().stage(uow, Guarantee.escrowId(id), new EscrowCommand.GroupFormed(SYSTEM));
                        if (!(held instanceof Transition.Accepted)) {
                            // Checked just above in this unit of work: only a concurrent change gets here.
                            throw new ConcurrencyConflictException("escrow", id.value(), ConcurrencyConflictException.ABSENT, 1);
                        }
                    }
                }
                uow.timers().cancel(new TimerKey(GroupBuys.DEADLINE_TIMER, formed.id()));
                uow.publishAfterCommit(new GroupBuyEvent.Formed(formed.id(), formed.campaignId(), formed.members().size(), now));
            } else {
                next = new GroupBuy.Open(open.id(), open.campaignId(), open.groupSize(), open.openedAt(), open.deadline(),
                        formed.members());
            }
        }
        groups.update(open.id(), next, current.version());
    }

    // ------------------------------------------------------------------ deadline and leaving

    /**
     * The deadline timer: an open group fails; each paid member's escrow refunds the payment in
     * full (sent to the provider after the commit) and the order is refunded before shipment, each
     * unpaid order closes; the stock goes back. A formed or failed group, or a stale timer, changes
     * nothing, so a timer fired twice (or by two instances) fails the group once.
     */
    void fireDeadline(DueTimer timer) {
        List<OrderId> touched = context.tx(uow -> {
            Optional<DueTimer> still = uow.timers().find(timer.key());
            if (still.isEmpty() || !still.get().equals(timer)) {
                return List.<OrderId>of();
            }
            Repository<String, GroupBuy> groups = uow.repository(GroupBuys.TYPE);
            Optional<Versioned<GroupBuy>> current = groups.find(timer.key().target());
            if (current.isEmpty() || !(current.get().value() instanceof GroupBuy.Open open)) {
                return List.<OrderId>of();
            }
            Instant now = context.now();
            GroupTransition t = open.fail(now);
            if (!(t instanceof GroupTransition.Moved moved)) {
                // Not reached: the timer is due at the deadline, and a group fails from its deadline on.
                return List.<OrderId>of();
            }
            List<OrderId> ids = new ArrayList<>();
            for (GroupMember m : open.members()) {
                for (OrderId id : m.orders()) {
                    if (giveBack(uow, id, new EscrowCommand.GroupFailed(SYSTEM), now, false)) {
                        ids.add(id);
                    }
                }
            }
            groups.update(open.id(), moved.state(), current.get().version());
            uow.publishAfterCommit(new GroupBuyEvent.Failed(open.id(), open.campaignId(), open.members().size(), now));
            return ids;
        });
        afterCommit(touched);
    }

    /**
     * Gives one member order back in the caller's unit of work: an unpaid order closes (or, when
     * its buyer leaves, is cancelled); a paid order's escrow refunds in full and the order is
     * refunded before shipment.
     *
     * @return whether the order changed
     */
    private boolean giveBack(UnitOfWork uow, OrderId id, EscrowCommand command, Instant now, boolean byBuyer) {
        Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
        Optional<Versioned<Order>> found = orders.find(id);
        if (found.isEmpty()) {
            return false;
        }
        if (found.get().value() instanceof Order.AwaitingPayment awaiting) {
            Order next = byBuyer ? awaiting.cancelByBuyer(now) : new Order.Closed(awaiting.facts(), now);
            orders.update(id, next, found.get().version());
            uow.timers().cancel(new TimerKey(Orders.UNPAID_CLOSE_TIMER, id.value()));
            uow.publishAfterCommit(OrderEvent.entered(next, now));
            dev.mercato.core.promotion.PromotionCaps.releaseIfEnded(uow, next.facts().paymentId());
            return true;
        }
        Guarantee g = context.guarantee().orElseThrow();
        Optional<Escrow> escrow = g.escrows().find(uow, Guarantee.escrowId(id));
        if (escrow.isEmpty() || !(escrow.get() instanceof AwaitingGroup)) {
            return false;
        }
        Transition t = g.escrows().stage(uow, Guarantee.escrowId(id), command);
        if (!(t instanceof Transition.Accepted accepted)) {
            throw new ConcurrencyConflictException("escrow", id.value(), ConcurrencyConflictException.ABSENT, 1);
        }
        escrows.sync(uow, id, accepted.state());
        return true;
    }

    /** After the commit: refunds owed go to the provider, closed orders' stock goes back. */
    private void afterCommit(List<OrderId> touched) {
        for (OrderId id : touched) {
            context.afterCommit(id);
            escrows.releaseIfEnded(id);
        }
    }

    /**
     * A member leaves an open group: an unpaid order is cancelled, a paid one refunded in full
     * (through the provider) and refunded before shipment; the stock goes back and the place is
     * free again.
     */
    OrderResult leave(Actor actor, OrderId orderId) {
        InvalidInputException.requireNonNull(orderId, "orderId");
        Order order = context.tx(uow -> uow.repository(Orders.TYPE).find(orderId)).map(Versioned::value)
                .orElseThrow(() -> new InvalidInputException("orderId", orderId, "is not a known order"));
        Access.order(actor, order.facts(), "leave the group of", OrderRole.BUYER, OrderRole.OPERATOR);
        String paymentId = order.facts().paymentId();
        record Left(OrderResult result, List<OrderId> touched) {}
        Left left = context.tx(uow -> {
            Optional<Versioned<GroupSeat>> seat = uow.repository(GroupBuys.SEATS).find(paymentId);
            Repository<String, GroupBuy> groups = uow.repository(GroupBuys.TYPE);
            Optional<Versioned<GroupBuy>> group = seat.flatMap(s -> groups.find(s.value().groupId()));
            if (group.isEmpty() || !(group.get().value() instanceof GroupBuy.Open open)
                    || open.member(paymentId).isEmpty()) {
                return new Left(new OrderResult.Refused(OrderResult.Reason.GROUP_NOT_OPEN, "order " + orderId
                        + " holds no place in an open group" + group.map(g -> ": group " + g.value().id() + " is "
                                + g.value().getClass().getSimpleName()).orElse("")), List.of());
            }
            Instant now = context.now();
            GroupMember member = open.member(paymentId).orElseThrow();
            List<OrderId> touched = new ArrayList<>();
            for (OrderId id : member.orders()) {
                if (giveBack(uow, id, new EscrowCommand.LeaveGroup(SYSTEM), now, true)) {
                    touched.add(id);
                }
            }
            groups.update(open.id(), ((GroupTransition.Moved) open.leave(paymentId, now)).state(), group.get().version());
            return new Left(new OrderResult.Done(uow.repository(Orders.TYPE).find(orderId).orElseThrow().value()), touched);
        });
        afterCommit(left.touched());
        return left.result();
    }

    // ------------------------------------------------------------------ reads and shipping

    /** The group an order holds a place in, if any (also after it formed, failed or was left). */
    Optional<GroupBuy> groupOf(Actor actor, OrderId orderId) {
        InvalidInputException.requireNonNull(orderId, "orderId");
        Order order = context.tx(uow -> uow.repository(Orders.TYPE).find(orderId)).map(Versioned::value)
                .orElseThrow(() -> new InvalidInputException("orderId", orderId, "is not a known order"));
        Access.order(actor, order.facts(), "read the group of", OrderRole.values());
        return context.tx(uow -> uow.repository(GroupBuys.SEATS).find(order.facts().paymentId())
                .flatMap(s -> uow.repository(GroupBuys.TYPE).find(s.value().groupId())).map(Versioned::value));
    }

    /** A group, for anyone: buyers share a group's id to invite friends. */
    Optional<GroupBuy> group(String groupId) {
        InvalidInputException.requireNonNull(groupId, "groupId");
        return context.tx(uow -> uow.repository(GroupBuys.TYPE).find(groupId)).map(Versioned::value);
    }

    /** The campaigns, by id. */
    Map<String, GroupCampaign> campaigns() {
        return new LinkedHashMap<>(campaigns);
    }

    /** Why an order cannot ship yet: its group has not formed (checked before any parcel is booked). */
    Optional<String> notFormed(Actor actor, OrderId orderId) {
        Optional<Order> order = context.tx(uow -> uow.repository(Orders.TYPE).find(orderId)).map(Versioned::value);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        Access.order(actor, order.get().facts(), "ship", OrderRole.SELLER);
        Optional<GroupBuy> group = context.tx(uow -> uow.repository(GroupBuys.SEATS).find(order.get().facts().paymentId())
                .flatMap(s -> uow.repository(GroupBuys.TYPE).find(s.value().groupId())).map(Versioned::value));
        if (group.isEmpty() || group.get() instanceof GroupBuy.Formed) {
            return Optional.empty();
        }
        return Optional.of(group.get().id());
    }
}
