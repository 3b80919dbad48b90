package dev.mercato.core.groupbuy;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/** What happened to a group, published after the unit of work that recorded it committed. */
public sealed interface GroupBuyEvent extends DomainEvent {

    /**
     * The group's id.
     *
     * @return the id
     */
    String groupId();

    /**
     * The group filled: every member's orders proceed at the group price.
     *
     * @param groupId the group
     * @param campaignId its campaign
     * @param members how many members it has
     * @param occurredAt when
     */
    record Formed(String groupId, String campaignId, int members, Instant occurredAt) implements GroupBuyEvent {
        /** Validates the fields. */
        public Formed {
            InvalidInputException.requireNonNull(groupId, "groupId");
            InvalidInputException.requireNonNull(campaignId, "campaignId");
            InvalidInputException.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /**
     * The deadline passed unfilled: every paid member is refunded, every order closed.
     *
     * @param groupId the group
     * @param campaignId its campaign
     * @param members how many members it had
     * @param occurredAt when
     */
    record Failed(String groupId, String campaignId, int members, Instant occurredAt) implements GroupBuyEvent {
        /** Validates the fields. */
        public Failed {
            InvalidInputException.requireNonNull(groupId, "groupId");
            InvalidInputException.requireNonNull(campaignId, "campaignId");
            InvalidInputException.requireNonNull(occurredAt, "occurredAt");
        }
    }
}
