package dev.mercato.pricing.fee;

import java.math.BigDecimal;
import javax.money.MonetaryAmount;

/**
 * A slot won in an ad auction and its price.
 *
 * <p>Invariant: {@code 0 <= price <= bid.maxBid()}.
 *
 * @param position the slot, 1 for the top
 * @param bid the winning bid
 * @param score quality times bid in minor units, the ranking key
 * @param price what the winner pays per billed event
 * @param explanation how the price was set
 */
public record Placement(int position, Bid bid, BigDecimal score, MonetaryAmount price, String explanation) {}
