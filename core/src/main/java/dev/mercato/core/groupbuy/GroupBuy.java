package dev.mercato.core.groupbuy;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One group of a group-buy campaign, in one of its states:
 *
 * <pre>
 * Open --join / leave / paid (places left)--> Open
 * Open --paid (every place taken and paid, at or before the deadline)--> Formed   [terminal]
 * Open --fail (at or after the deadline)--> Failed                                [terminal]
 * </pre>
 *
 * <p>A group never holds more members than its size. {@link Formed} and {@link Failed} have no
 * transitions. Every state is an immutable record; a transition is a method on the state it
 * leaves.
 */
public sealed interface GroupBuy permits GroupBuy.Open, GroupBuy.Formed, GroupBuy.Failed {

    /**
     * The group's id.
     *
     * @return the id
     */
    String id();

    /**
     * The campaign the group belongs to.
     *
     * @return the campaign id
     */
    String campaignId();

    /**
     * How many members fill the group.
     *
     * @return at least 2
     */
    int groupSize();

    /**
     * When the group must have formed.
     *
     * @return the deadline
     */
    Instant deadline();

    /**
     * The members, in the order they joined.
     *
     * @return at most {@link #groupSize()} members
     */
    List<GroupMember> members();

    /**
     * The member holding a place by a checkout payment.
     *
     * @param paymentId the payment
     * @return the member, or empty
     */
    default Optional<GroupMember> member(String paymentId) {
        return members().stream().filter(m -> m.paymentId().equals(paymentId)).findFirst();
    }

    /**
     * Opens a group with its first member.
     *
     * @param id the group id
     * @param campaign the campaign
     * @param first the member who opens it
     * @param at when it is opened; the deadline is {@code at + campaign.window()}
     * @return the open group
     */
    static Open open(String id, GroupCampaign campaign, GroupMember first, Instant at) {
        InvalidInputException.requireNonNull(campaign, "campaign");
        InvalidInputException.requireNonNull(at, "at");
        return new Open(id, campaign.id(), campaign.groupSize(), at, at.plus(campaign.window()),
                List.of(InvalidInputException.requireNonNull(first, "first")));
    }

    /**
     * A group that still takes members.
     *
     * @param id the group id
     * @param campaignId the campaign
     * @param groupSize the members that fill it
     * @param openedAt when it was opened
     * @param deadline when it must have formed
     * @param members the members so far, at most {@code groupSize}, one place per buyer
     */
    record Open(String id, String campaignId, int groupSize, Instant openedAt, Instant deadline,
            List<GroupMember> members) implements GroupBuy {

        /**
         * Validates the fields and copies the members.
         *
         * @throws InvalidInputException if a field is missing, or the members overflow the group
         *     or name a buyer or payment twice
         */
        public Open {
            checkCommon(id, campaignId, groupSize, deadline);
            InvalidInputException.requireNonNull(openedAt, "openedAt");
            members = checkMembers(members, groupSize);
        }

        /**
         * How many places are still free.
         *
         * @return 0 to {@code groupSize}
         */
        public int placesLeft() {
            return groupSize - members.size();
        }

        /**
         * A buyer takes a place (their checkout placed the orders; the payment follows).
         *
         * @param member the new member, not paid
         * @param at now
         * @return the open group with the member, or a refusal (full, past the deadline, already a
         *     member)
         */
        public GroupTransition join(GroupMember member, Instant at) {
            InvalidInputException.requireNonNull(member, "member");
            InvalidInputException.requireNonNull(at, "at");
            if (!at.isBefore(deadline)) {
                return new GroupTransition.Refused(GroupRefusal.PAST_DEADLINE, "group " + id + " closed for joining at "
                        + deadline + "; now " + at);
            }
            if (members.stream().anyMatch(m -> m.buyerId().equals(member.buyerId()))) {
                return new GroupTransition.Refused(GroupRefusal.ALREADY_MEMBER, "buyer " + member.buyerId()
                        + " already holds a place in group " + id);
            }
            if (placesLeft() == 0) {
                return new GroupTransition.Refused(GroupRefusal.FULL, "group " + id + " has all " + groupSize
                        + " places taken");
            }
            if (member.paid()) {
                return new GroupTransition.Refused(GroupRefusal.WRONG_MEMBER_STATE, "a member joins before paying");
            }
            List<GroupMember> more = new ArrayList<>(members);
            more.add(member);
            return new GroupTransition.Moved(new Open(id, campaignId, groupSize, openedAt, deadline, more));
        }

        /**
         * A member's payment was captured: with every place taken and paid, at or before the
         * deadline, the group forms.
         *
         * @param paymentId the member's payment
         * @param at now
         * @return the open group with the member paid, the formed group, or a refusal (not a
         *     member); a member already paid is a replay that changes nothing
         */
        public GroupTransition paid(String paymentId, Instant at) {
            InvalidInputException.requireNonNull(at, "at");
            Optional<GroupMember> found = member(InvalidInputException.requireNonNull(paymentId, "paymentId"));
            if (found.isEmpty()) {
                return notAMember(paymentId);
            }
            List<GroupMember> next = new ArrayList<>(members.size());
            for (GroupMember m : members) {
                next.add(m.paymentId().equals(paymentId) ? m.markPaid() : m);
            }
            boolean full = next.size() == groupSize && next.stream().allMatch(GroupMember::paid);
            if (full && !at.isAfter(deadline)) {
                return new GroupTransition.Moved(new Formed(id, campaignId, groupSize, deadline, next, at));
            }
            return new GroupTransition.Moved(new Open(id, campaignId, groupSize, openedAt, deadline, next));
        }

        /**
         * A member gives up their place before the group formed (an unpaid order cancelled or
         * closed, or a paid member who leaves and is refunded): the place is free again.
         *
         * @param paymentId the member's payment
         * @param at now
         * @return the open group without the member, or a refusal (not a member)
         */
        public GroupTransition leave(String paymentId, Instant at) {
            InvalidInputException.requireNonNull(at, "at");
            if (member(InvalidInputException.requireNonNull(paymentId, "paymentId")).isEmpty()) {
                return notAMember(paymentId);
            }
            List<GroupMember> fewer = members.stream().filter(m -> !m.paymentId().equals(paymentId)).toList();
            return new GroupTransition.Moved(new Open(id, campaignId, groupSize, openedAt, deadline, fewer));
        }

        /**
         * The deadline passed before the group filled.
         *
         * @param at now, at or after the deadline
         * @return the failed group, or a refusal (too early)
         */
        public GroupTransition fail(Instant at) {
            InvalidInputException.requireNonNull(at, "at");
            if (at.isBefore(deadline)) {
                return new GroupTransition.Refused(GroupRefusal.TOO_EARLY, "group " + id + " has until " + deadline
                        + "; now " + at);
            }
            return new GroupTransition.Moved(new Failed(id, campaignId, groupSize, deadline, members, at));
        }

        private GroupTransition notAMember(String paymentId) {
            return new GroupTransition.Refused(GroupRefusal.NOT_A_MEMBER, "payment " + paymentId
                    + " holds no place in group " + id);
        }
    }

    /**
     * A group that filled in time: its members' orders proceed at the group price. Terminal.
     *
     * @param id the group id
     * @param campaignId the campaign
     * @param groupSize the members that filled it
     * @param deadline the deadline it met
     * @param members every member, all paid
     * @param formedAt when the last place was paid
     */
    record Formed(String id, String campaignId, int groupSize, Instant deadline, List<GroupMember> members,
            Instant formedAt) implements GroupBuy {
        /**
         * Validates the fields and copies the members.
         *
         * @throws InvalidInputException if a field is missing or the members do not fill the group
         */
        public Formed {
            checkCommon(id, campaignId, groupSize, deadline);
            InvalidInputException.requireNonNull(formedAt, "formedAt");
            members = checkMembers(members, groupSize);
            if (members.size() != groupSize || !members.stream().allMatch(GroupMember::paid)) {
                throw new InvalidInputException("members", members.size() + " members", "a formed group has all "
                        + groupSize + " places paid");
            }
        }
    }

    /**
     * A group whose deadline passed unfilled: every paid member is refunded and every member's
     * orders are closed. Terminal.
     *
     * @param id the group id
     * @param campaignId the campaign
     * @param groupSize the members it needed
     * @param deadline the deadline it missed
     * @param members the members it had when it failed
     * @param failedAt when it failed
     */
    record Failed(String id, String campaignId, int groupSize, Instant deadline, List<GroupMember> members,
            Instant failedAt) implements GroupBuy {
        /**
         * Validates the fields and copies the members.
         *
         * @throws InvalidInputException if a field is missing or the members overflow the group
         */
        public Failed {
            checkCommon(id, campaignId, groupSize, deadline);
            InvalidInputException.requireNonNull(failedAt, "failedAt");
            members = checkMembers(members, groupSize);
        }
    }

    private static void checkCommon(String id, String campaignId, int groupSize, Instant deadline) {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(campaignId, "campaignId");
        InvalidInputException.requireNonNull(deadline, "deadline");
        if (groupSize < 2 || groupSize > GroupCampaign.MAX_GROUP_SIZE) {
            throw new InvalidInputException("groupSize", groupSize, "must be 2 to " + GroupCampaign.MAX_GROUP_SIZE);
        }
    }

    private static List<GroupMember> checkMembers(List<GroupMember> members, int groupSize) {
        List<GroupMember> copy = List.copyOf(InvalidInputException.requireNonNull(members, "members"));
        if (copy.size() > groupSize) {
            throw new InvalidInputException("members", copy.size() + " members", "a group of " + groupSize
                    + " holds at most " + groupSize);
        }
        if (copy.stream().map(GroupMember::buyerId).distinct().count() != copy.size()
                || copy.stream().map(GroupMember::paymentId).distinct().count() != copy.size()) {
            throw new InvalidInputException("members", copy, "name a buyer or a payment twice");
        }
        return copy;
    }
}
