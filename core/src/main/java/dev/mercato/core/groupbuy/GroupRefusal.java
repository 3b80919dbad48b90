package dev.mercato.core.groupbuy;

/** Why a group refused a transition; the group is unchanged. */
public enum GroupRefusal {
    /** Every place of the group is taken. */
    FULL,
    /** The group's deadline has passed: nobody joins any more, and it can no longer form. */
    PAST_DEADLINE,
    /** The group's deadline has not come yet, so it cannot fail. */
    TOO_EARLY,
    /** The buyer already holds a place in this group. */
    ALREADY_MEMBER,
    /** The payment holds no place in this group. */
    NOT_A_MEMBER,
    /** The member already paid and the command needs an unpaid one, or the reverse. */
    WRONG_MEMBER_STATE
}
