package dev.mercato.core.groupbuy;

import dev.mercato.core.storage.AggregateType;

/**
 * The group-buy aggregate types: groups (with an index by campaign) and the place each checkout
 * payment holds. Both use the generic JSON codec at schema version 1.
 */
public final class GroupBuys {
    /** Index of groups by campaign id. */
    public static final String BY_CAMPAIGN = "campaign";

    /** Groups by group id. */
    public static final AggregateType<String, GroupBuy> TYPE = AggregateType.of("group-buy", String.class,
            GroupBuy.class, id -> id).withIndex(BY_CAMPAIGN, GroupBuy::campaignId);

    /** Places by checkout payment id. */
    public static final AggregateType<String, GroupSeat> SEATS = AggregateType.of("group-buy-seat", String.class,
            GroupSeat.class, id -> id);

    /** The timer that fails an unfilled group at its deadline; the target is the group id. */
    public static final String DEADLINE_TIMER = "group-buy.deadline";

    private GroupBuys() {}
}
