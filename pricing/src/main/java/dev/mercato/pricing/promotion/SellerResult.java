package dev.mercato.pricing.promotion;

import java.util.List;
import javax.money.MonetaryAmount;

/**
 * One seller's part of the order: {@code payable = subtotal + shipping - shippingDiscount}.
 *
 * @param seller the seller id
 * @param subtotal the sum of the seller's line finals
 * @param shipping the shipping charge
 * @param shippingDiscount the sum of the shipping discounts
 * @param shippingDiscounts each shipping discount with its funding
 * @param payable what the buyer pays for this seller's part
 */
public record SellerResult(String seller, MonetaryAmount subtotal, MonetaryAmount shipping,
        MonetaryAmount shippingDiscount, List<Discount> shippingDiscounts, MonetaryAmount payable) {}
