package dev.mercato.core;

import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.cart.SellerMinimumCurrencyException;
import dev.mercato.core.cart.SellerMinimumShortfall;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Order quantities and minimum order amounts (docs/core.md, "Order quantities and minimums"):
 * each SKU's units against its order quantity as the catalog has it now, each seller's goods
 * (line payables after discounts, before shipping) against its minimum order amount.
 */
final class OrderQuantities {
    private OrderQuantities() {}

    /**
     * The sellers of a priced cart whose goods do not reach their minimum order amount, in cart
     * order.
     *
     * @throws SellerMinimumCurrencyException if a seller's minimum is in another currency
     */
    static List<SellerMinimumShortfall> shortfalls(Context context, PricedCart priced) {
        CurrencyUnit currency = priced.currency();
        Map<String, Long> goods = new LinkedHashMap<>();
        for (PricedCart.Line line : priced.lines()) {
            goods.merge(line.sellerId(), MinorUnits.toMinor(line.payable(), currency), Math::addExact);
        }
        List<SellerMinimumShortfall> below = new ArrayList<>();
        goods.forEach((seller, amount) -> {
            Optional<MonetaryAmount> minimum = InvalidInputException.requireNonNull(
                    context.sellerMinimums().apply(seller), "sellerMinimums(" + seller + ")");
            if (minimum.isEmpty()) {
                return;
            }
            MonetaryAmount min = minimum.get();
            if (!min.getCurrency().equals(currency)) {
                throw new SellerMinimumCurrencyException(seller, min, currency);
            }
            long minMinor = MinorUnits.toMinor(min);
            if (minMinor <= 0) {
                throw new InvalidInputException("sellerMinimums(" + seller + ")", min, "must be positive");
            }
            if (amount < minMinor) {
                below.add(new SellerMinimumShortfall(seller, MinorUnits.toAmount(minMinor, currency),
                        MinorUnits.toAmount(amount, currency)));
            }
        });
        return below;
    }

    /**
     * Why a priced cart cannot be checked out for its quantities or its sellers' minimums, if it
     * cannot: every SKU's units (summed over its lines) within what one order may take, checked
     * against the catalog now (it may have changed since the items were added), then every
     * seller's goods at least its minimum order amount. Every SKU of the cart must be active.
     */
    static Optional<CheckoutResult.Refused> checkoutRefusal(Context context, PricedCart priced) {
        Map<SkuId, Long> units = new LinkedHashMap<>();
        for (PricedCart.Line line : priced.lines()) {
            units.merge(line.sku(), line.quantity(), Math::addExact);
        }
        for (Map.Entry<SkuId, Long> sku : units.entrySet()) {
            Optional<CartResult.Refused> refused = context.limits()
                    .quantityRefusal(context.catalog().requireActive(sku.getKey()), sku.getValue());
            if (refused.isPresent()) {
                return Optional.of(new CheckoutResult.Refused(CheckoutResult.Reason.QUANTITY_LIMIT,
                        refused.get().message()));
            }
        }
        List<SellerMinimumShortfall> below = shortfalls(context, priced);
        if (below.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CheckoutResult.Refused(CheckoutResult.Reason.BELOW_SELLER_MINIMUM,
                "below the minimum order amount: " + String.join("; ",
                        below.stream().map(SellerMinimumShortfall::describe).toList()), below));
    }

    /** The seller minimums a facade checks: the builder's function, else the cart limits' map. */
    static Function<String, Optional<MonetaryAmount>> sellerMinimums(
            Optional<Function<String, Optional<MonetaryAmount>>> configured,
            dev.mercato.core.cart.CartLimits limits) {
        if (configured.isPresent() && !limits.sellerMinimums().isEmpty()) {
            throw new InvalidInputException("sellerMinimums", limits.sellerMinimums().keySet(), "are set both in"
                    + " CartLimits.withSellerMinimum and in Builder.sellerMinimums: set them in one place");
        }
        return configured.orElse(limits::sellerMinimum);
    }
}
