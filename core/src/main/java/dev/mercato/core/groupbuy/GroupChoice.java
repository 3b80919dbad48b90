package dev.mercato.core.groupbuy;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * What a group checkout asks for: open a new group of a campaign, or join an open group. The
 * checkout's cart must hold the campaign's SKUs only.
 */
public sealed interface GroupChoice {

    /**
     * Opens a new group of a campaign; the buyer takes its first place.
     *
     * @param campaignId the campaign
     */
    record OpenGroup(String campaignId) implements GroupChoice {
        /** Validates the field. */
        public OpenGroup {
            InvalidInputException.requireNonNull(campaignId, "campaignId");
        }
    }

    /**
     * Joins an open group.
     *
     * @param groupId the group
     */
    record JoinGroup(String groupId) implements GroupChoice {
        /** Validates the field. */
        public JoinGroup {
            InvalidInputException.requireNonNull(groupId, "groupId");
        }
    }

    /**
     * Opens a new group.
     *
     * @param campaignId the campaign
     * @return the choice
     */
    static GroupChoice open(String campaignId) {
        return new OpenGroup(campaignId);
    }

    /**
     * Joins a group.
     *
     * @param groupId the group
     * @return the choice
     */
    static GroupChoice join(String groupId) {
        return new JoinGroup(groupId);
    }
}
