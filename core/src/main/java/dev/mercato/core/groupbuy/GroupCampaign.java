package dev.mercato.core.groupbuy;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Duration;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * A group-buy campaign: which SKUs a group buys, how many members fill a group, how long a
 * group has to fill from the moment it is opened, and the unit price its members pay. Immutable
 * and thread-safe.
 *
 * @param id the campaign id, not blank
 * @param skus the SKUs a group checkout may hold, not empty
 * @param groupSize how many members fill a group, 2 to {@link #MAX_GROUP_SIZE}
 * @param window how long a group stays open after it is opened, positive
 * @param groupPrice the unit price of every campaign SKU for the members of a forming or formed
 *     group, not negative
 */
public record GroupCampaign(String id, Set<SkuId> skus, int groupSize, Duration window, MonetaryAmount groupPrice) {

    /** The largest group a campaign may ask for. */
    public static final int MAX_GROUP_SIZE = 1_000;

    /**
     * Validates the fields and copies the SKU set.
     *
     * @throws InvalidInputException if a field is missing, blank, empty, out of range or negative
     */
    public GroupCampaign {
        InvalidInputException.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new InvalidInputException("id", "\"" + id + "\"", "must not be blank");
        }
        skus = Set.copyOf(InvalidInputException.requireNonNull(skus, "skus"));
        if (skus.isEmpty()) {
            throw new InvalidInputException("skus", skus, "must name at least one SKU");
        }
        if (groupSize < 2 || groupSize > MAX_GROUP_SIZE) {
            throw new InvalidInputException("groupSize", groupSize, "must be 2 to " + MAX_GROUP_SIZE);
        }
        InvalidInputException.requireNonNull(window, "window");
        if (window.isZero() || window.isNegative()) {
            throw new InvalidInputException("window", window, "must be positive");
        }
        InvalidInputException.requireNonNull(groupPrice, "groupPrice");
        if (groupPrice.isNegative()) {
            throw new InvalidInputException("groupPrice", groupPrice, "must not be negative");
        }
    }
}
