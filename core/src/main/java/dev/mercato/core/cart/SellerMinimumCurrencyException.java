package dev.mercato.core.cart;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A seller's minimum order amount is set in another currency than the cart it is checked
 * against: a configuration error (amounts are never converted), so the cart is neither priced nor
 * checked out until the minimum is set in the cart's currency. Nothing changed.
 */
public final class SellerMinimumCurrencyException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String sellerId;
    private final String minimumCurrency;
    private final String cartCurrency;

    /**
     * Creates the exception.
     *
     * @param sellerId the seller
     * @param minimum the seller's minimum order amount as configured
     * @param cartCurrency the cart's currency
     */
    public SellerMinimumCurrencyException(String sellerId, MonetaryAmount minimum, CurrencyUnit cartCurrency) {
        super("the minimum order amount of seller " + sellerId + " is " + minimum.getCurrency().getCurrencyCode()
                + " " + minimum.getNumber() + ", but the cart is in "
                + cartCurrency.getCurrencyCode() + ": set the seller's minimum in " + cartCurrency.getCurrencyCode()
                + " (amounts are never converted)");
        this.sellerId = sellerId;
        this.minimumCurrency = minimum.getCurrency().getCurrencyCode();
        this.cartCurrency = cartCurrency.getCurrencyCode();
    }

    /**
     * The seller.
     *
     * @return the seller id
     */
    public String sellerId() {
        return sellerId;
    }

    /**
     * The currency the minimum is set in.
     *
     * @return an ISO 4217 code
     */
    public String minimumCurrency() {
        return minimumCurrency;
    }

    /**
     * The cart's currency.
     *
     * @return an ISO 4217 code
     */
    public String cartCurrency() {
        return cartCurrency;
    }
}
