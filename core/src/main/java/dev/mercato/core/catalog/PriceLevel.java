package dev.mercato.core.catalog;

/**
 * A price besides the list (regular) price, offered to a group of buyers. Which one a buyer gets
 * is decided by the pricing rules; the catalog only states the amounts.
 */
public enum PriceLevel {
    /** The price for members (paid or tiered membership). */
    MEMBER,
    /** A promotional price, e.g. during a campaign. */
    PROMOTION,
    /** The price for a buyer's first order. */
    NEW_USER,
    /**
     * The group-buy price: set by the facade, on a group checkout's campaign SKUs only, for the
     * members of a forming or formed group (docs/group-buying.md). A catalog SKU does not carry it.
     */
    GROUP_BUY
}
