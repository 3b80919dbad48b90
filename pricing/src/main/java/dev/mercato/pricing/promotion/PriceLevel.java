package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Optional;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * A unit price a line offers besides its list price, under conditions: a member price for some
 * tiers, a new-user price, a quantity break, a group-buy price or an unconditional promotion
 * price. The engine starts each line at the lowest applicable level (see {@link Lane#PRICE_LEVEL}).
 * Price levels that apply to many SKUs are better written as promotions
 * ({@code MemberPrice}, {@code QuantityBreaks}, ...); this record carries the ones a catalogue
 * stores on the product itself. Immutable and thread-safe.
 *
 * @param name a name shown in the result, e.g. {@code "member:GOLD"}; never blank
 * @param unitPrice the unit price at this level, in the request's currency, not negative
 * @param tiers the membership tiers that may use it; empty for everyone
 * @param newUsersOnly whether only new users may use it
 * @param minQuantity the smallest line quantity it applies to (1 for any)
 * @param requiredFlag a buyer flag it needs, e.g. {@code "group-formed"}; empty for none
 */
public record PriceLevel(String name, MonetaryAmount unitPrice, Set<String> tiers, boolean newUsersOnly,
        long minQuantity, Optional<String> requiredFlag) {

    /**
     * Validates the level.
     *
     * @throws InvalidInputException if a value is missing, the name is blank, the price negative
     *     or the minimum quantity below 1
     */
    public PriceLevel {
        InvalidInputException.requireNonNull(name, "priceLevel.name");
        if (name.isBlank()) {
            throw new InvalidInputException("priceLevel.name", name, "must not be blank");
        }
        InvalidInputException.requireNonNull(unitPrice, "priceLevel.unitPrice");
        if (unitPrice.isNegative()) {
            throw new InvalidInputException("priceLevel.unitPrice", unitPrice, "must not be negative");
        }
        tiers = Set.copyOf(InvalidInputException.requireNonNull(tiers, "priceLevel.tiers"));
        if (minQuantity < 1) {
            throw new InvalidInputException("priceLevel.minQuantity", minQuantity, "must be at least 1");
        }
        InvalidInputException.requireNonNull(requiredFlag, "priceLevel.requiredFlag");
    }

    /**
     * A member price for the given tiers.
     *
     * @param tier the tier code, e.g. {@code "GOLD"}
     * @param unitPrice the member unit price
     * @return the level
     */
    public static PriceLevel member(String tier, MonetaryAmount unitPrice) {
        return new PriceLevel("member:" + tier, unitPrice, Set.of(tier), false, 1, Optional.empty());
    }

    /**
     * A price for new users.
     *
     * @param unitPrice the new-user unit price
     * @return the level
     */
    public static PriceLevel newUser(MonetaryAmount unitPrice) {
        return new PriceLevel("new-user", unitPrice, Set.of(), true, 1, Optional.empty());
    }

    /**
     * A quantity break: the price applies when the line has at least {@code minQuantity} units.
     *
     * @param minQuantity the smallest quantity
     * @param unitPrice the unit price from that quantity on
     * @return the level
     */
    public static PriceLevel quantityBreak(long minQuantity, MonetaryAmount unitPrice) {
        return new PriceLevel("quantity>=" + minQuantity, unitPrice, Set.of(), false, minQuantity, Optional.empty());
    }

    /**
     * A group-buy price: applies when the buyer carries the flag {@code group-formed}.
     *
     * @param unitPrice the group price
     * @return the level
     */
    public static PriceLevel groupBuy(MonetaryAmount unitPrice) {
        return new PriceLevel("group-buy", unitPrice, Set.of(), false, 1, Optional.of(BuyerContext.GROUP_FORMED));
    }

    /**
     * An unconditional promotion price.
     *
     * @param name the name shown in the result
     * @param unitPrice the unit price
     * @return the level
     */
    public static PriceLevel promotion(String name, MonetaryAmount unitPrice) {
        return new PriceLevel(name, unitPrice, Set.of(), false, 1, Optional.empty());
    }

    /**
     * Whether a buyer may use this level on a line of the given quantity.
     *
     * @param buyer the buyer
     * @param quantity the line quantity
     * @return {@code true} if every condition holds
     */
    public boolean appliesTo(BuyerContext buyer, long quantity) {
        if (quantity < minQuantity) {
            return false;
        }
        if (newUsersOnly && !buyer.newUser()) {
            return false;
        }
        if (!tiers.isEmpty() && !buyer.hasAnyTier(tiers)) {
            return false;
        }
        return requiredFlag.isEmpty() || buyer.flags().contains(requiredFlag.get());
    }
}
