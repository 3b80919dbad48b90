package dev.mercato.core.order;

import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The priced content of one order, frozen at checkout and never recomputed: lines, shipping, the
 * total the buyer pays, the explanation the buyer saw, and the proration weights that every later
 * split of this order's money (partial refunds, settlement) uses.
 *
 * <p>Invariants: at least one line, numbered 1..n in order; one currency throughout; {@code
 * payable = sum(line payable) + shipping}; one non-negative weight per line with a positive sum.
 *
 * @param currency the order's currency
 * @param lines the lines
 * @param shipping the shipping fee charged, not negative
 * @param payable what the buyer pays for this order
 * @param prorationWeights one weight per line (the line payables in minor units at checkout)
 * @param explanation human-readable pricing steps (promotions applied, why), possibly empty
 * @param shippingDiscounts the discounts on this order's shipping with their funding; {@code
 *     shipping} is already net of them, so the listed shipping is {@code shipping} plus their sum
 * @param sellerType the seller's type at checkout, which commission and fee rules read
 * @param tax the order's tax, when the facade computes tax ({@code Commerce.Builder.tax}); empty
 *     otherwise (and for orders placed before tax)
 * @param cash the payable rounded to a cash increment, when the facade rounds
 *     ({@code Commerce.Builder.cashRounding}): {@code exact} is {@code payable}, {@code rounded}
 *     what the buyer pays, {@code adjustment} their difference, which belongs to no line; empty
 *     otherwise
 */
public record PricedSnapshot(CurrencyUnit currency, List<OrderLine> lines, MonetaryAmount shipping,
        MonetaryAmount payable, List<Long> prorationWeights, List<String> explanation,
        List<PricedDiscount> shippingDiscounts, SellerType sellerType, Optional<OrderTax> tax,
        Optional<dev.mercato.pricing.money.CashRounding.CashAdjustment> cash) {

    /**
     * A snapshot without tax.
     *
     * @param currency the currency
     * @param lines the lines
     * @param shipping the shipping charged
     * @param payable what the buyer pays
     * @param prorationWeights one weight per line
     * @param explanation the pricing explanation
     * @param shippingDiscounts the shipping discounts with their funding
     * @param sellerType the seller's type
     */
    public PricedSnapshot(CurrencyUnit currency, List<OrderLine> lines, MonetaryAmount shipping,
            MonetaryAmount payable, List<Long> prorationWeights, List<String> explanation,
            List<PricedDiscount> shippingDiscounts, SellerType sellerType) {
        this(currency, lines, shipping, payable, prorationWeights, explanation, shippingDiscounts, sellerType,
                Optional.empty(), Optional.empty());
    }

    /**
     * This snapshot with the order's tax recorded. Inclusive tax is inside the line payables, so
     * what the buyer pays does not change; exclusive tax is added to it ({@link
     * #payableWithTax()}), while {@link #payable()} and the lines stay the prices before tax.
     *
     * @param orderTax the tax, one entry per line
     * @return the snapshot with the tax
     * @throws InvalidInputException if its lines are not this order's
     */
    public PricedSnapshot withTax(OrderTax orderTax) {
        InvalidInputException.requireNonNull(orderTax, "tax");
        if (orderTax.lines().size() != lines.size()) {
            throw new InvalidInputException("tax", orderTax.lines().size() + " lines", "must have one line per order line ("
                    + lines.size() + ")");
        }
        return new PricedSnapshot(currency, lines, shipping, payable, prorationWeights, explanation, shippingDiscounts,
                sellerType, Optional.of(orderTax), cash);
    }

    /**
     * This snapshot with its payable rounded to a cash increment.
     *
     * @param rounding the cash rounding
     * @return the snapshot with {@link #cash()} set, or this snapshot when the rounded payable
     *     would not be positive (a payable below half an increment is paid exactly)
     */
    public PricedSnapshot withCashRounding(dev.mercato.pricing.money.CashRounding rounding) {
        InvalidInputException.requireNonNull(rounding, "rounding");
        dev.mercato.pricing.money.CashRounding.CashAdjustment adjustment = rounding.round(payableWithTax());
        if (!adjustment.rounded().isPositive()) {
            return this;
        }
        return new PricedSnapshot(currency, lines, shipping, payable, prorationWeights, explanation, shippingDiscounts,
                sellerType, tax, Optional.of(adjustment));
    }

    /**
     * What the buyer pays for this order: the payable with exclusive tax, or its cash-rounded value.
     *
     * @return {@code cash().rounded()} when rounded, else {@link #payableWithTax()}
     */
    public MonetaryAmount payableInCash() {
        return cash.map(dev.mercato.pricing.money.CashRounding.CashAdjustment::rounded).orElse(payableWithTax());
    }

    /**
     * The payable plus the tax added to it in an exclusive region: what the buyer owes before
     * any cash rounding, and the amount the order's escrow holds.
     *
     * @return {@link #payable()} when untaxed or taxed inclusively
     */
    public MonetaryAmount payableWithTax() {
        return tax.filter(t -> t.mode() == dev.mercato.pricing.tax.TaxMode.EXCLUSIVE)
                .map(t -> payable.add(t.total())).orElse(payable);
    }

    /**
     * A snapshot without shipping discounts, of an {@link SellerType#ENTERPRISE} seller.
     *
     * @param currency the currency
     * @param lines the lines
     * @param shipping the shipping charged
     * @param payable what the buyer pays
     * @param prorationWeights one weight per line
     * @param explanation the pricing explanation
     */
    public PricedSnapshot(CurrencyUnit currency, List<OrderLine> lines, MonetaryAmount shipping,
            MonetaryAmount payable, List<Long> prorationWeights, List<String> explanation) {
        this(currency, lines, shipping, payable, prorationWeights, explanation, List.of(), SellerType.ENTERPRISE);
    }

    /** Validates the invariants and copies the lists. */
    public PricedSnapshot {
        InvalidInputException.requireNonNull(tax, "tax");
        InvalidInputException.requireNonNull(cash, "cash");
        if (cash.isPresent() && !cash.get().exact().isEqualTo(tax
                .filter(t -> t.mode() == dev.mercato.pricing.tax.TaxMode.EXCLUSIVE)
                .map(t -> payable.add(t.total())).orElse(payable))) {
            throw new InvalidInputException("cash", cash.get(), "must round the payable with its exclusive tax");
        }
        shippingDiscounts = List.copyOf(InvalidInputException.requireNonNull(shippingDiscounts, "shippingDiscounts"));
        InvalidInputException.requireNonNull(sellerType, "sellerType");
        InvalidInputException.requireNonNull(currency, "currency");
        lines = List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
        prorationWeights = List.copyOf(InvalidInputException.requireNonNull(prorationWeights, "prorationWeights"));
        explanation = List.copyOf(InvalidInputException.requireNonNull(explanation, "explanation"));
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", lines, "must not be empty");
        }
        long sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            if (line.lineNo() != i + 1) {
                throw new InvalidInputException("lines", line.lineNo(), "must be numbered 1.." + lines.size() + " in order");
            }
            if (!line.payable().getCurrency().equals(currency)) {
                throw new CurrencyMismatchException(currency, line.payable().getCurrency());
            }
            sum = Math.addExact(sum, line.payableMinor());
        }
        long ship = MinorUnits.toMinor(InvalidInputException.requireNonNull(shipping, "shipping"), currency);
        long pay = MinorUnits.toMinor(InvalidInputException.requireNonNull(payable, "payable"), currency);
        if (ship < 0 || pay != sum + ship) {
            throw new InvalidAmountException("payable " + payable, "must equal the line payables " + sum
                    + " plus shipping " + ship + " (minor units)");
        }
        if (prorationWeights.size() != lines.size()) {
            throw new InvalidInputException("prorationWeights", prorationWeights, "need one weight per line");
        }
    }

    /**
     * A snapshot whose weights are the line payables, the usual choice.
     *
     * @param currency the currency
     * @param lines the lines
     * @param shipping the shipping fee
     * @param explanation the pricing explanation
     * @return the snapshot, with {@code payable} computed
     */
    public static PricedSnapshot of(CurrencyUnit currency, List<OrderLine> lines, MonetaryAmount shipping,
            List<String> explanation) {
        return of(currency, lines, shipping, explanation, List.of(), SellerType.ENTERPRISE);
    }

    /**
     * A snapshot whose weights are the line payables, with its shipping discounts and seller type.
     *
     * @param currency the currency
     * @param lines the lines
     * @param shipping the shipping fee charged, net of {@code shippingDiscounts}
     * @param explanation the pricing explanation
     * @param shippingDiscounts the shipping discounts with their funding
     * @param sellerType the seller's type
     * @return the snapshot, with {@code payable} computed
     */
    public static PricedSnapshot of(CurrencyUnit currency, List<OrderLine> lines, MonetaryAmount shipping,
            List<String> explanation, List<PricedDiscount> shippingDiscounts, SellerType sellerType) {
        long sum = 0;
        List<Long> weights = new ArrayList<>();
        for (OrderLine line : lines) {
            sum = Math.addExact(sum, line.payableMinor());
            weights.add(line.payableMinor());
        }
        if (weights.stream().allMatch(w -> w == 0)) {
            // A fully discounted order still needs a usable split: fall back to equal weights.
            weights.replaceAll(w -> 1L);
        }
        long total = Math.addExact(sum, MinorUnits.toMinor(shipping, currency));
        return new PricedSnapshot(currency, lines, shipping, MinorUnits.toAmount(total, currency), weights, explanation,
                shippingDiscounts, sellerType);
    }

    /**
     * The platform-funded part of the shipping discounts, in minor units.
     *
     * @return the shipping subsidy
     */
    public long shippingSubsidyMinor() {
        long sum = 0;
        for (PricedDiscount d : shippingDiscounts) {
            sum = Math.addExact(sum, MinorUnits.toMinor(d.platformFunded(), currency));
        }
        return sum;
    }

    /**
     * The seller-funded part of the shipping discounts, in minor units.
     *
     * @return the seller-funded shipping discount
     */
    public long shippingSellerDiscountMinor() {
        long sum = 0;
        for (PricedDiscount d : shippingDiscounts) {
            sum = Math.addExact(sum, MinorUnits.toMinor(d.sellerFunded(), currency));
        }
        return sum;
    }

    /**
     * Splits an order-level amount over the lines with the stored weights.
     *
     * @param amount the amount, in this order's currency
     * @return one part per line, summing exactly to {@code amount}
     */
    public List<MonetaryAmount> prorate(MonetaryAmount amount) {
        long[] weights = prorationWeights.stream().mapToLong(Long::longValue).toArray();
        long[] parts = Allocation.allocate(MinorUnits.toMinor(amount, currency), weights);
        List<MonetaryAmount> amounts = new ArrayList<>(parts.length);
        for (long part : parts) {
            amounts.add(MinorUnits.toAmount(part, currency));
        }
        return List.copyOf(amounts);
    }

    /**
     * A line by number.
     *
     * @param lineNo the line number
     * @return the line
     * @throws InvalidInputException when there is no such line
     */
    public OrderLine line(int lineNo) {
        if (lineNo < 1 || lineNo > lines.size()) {
            throw new InvalidInputException("lineNo", lineNo, "is not a line of this order (1.." + lines.size() + ")");
        }
        return lines.get(lineNo - 1);
    }

    /**
     * What a refund of {@code units} more units of a line is worth when {@code alreadyRefunded}
     * units were refunded before: the line payable prorated by units through {@link Allocation},
     * so refunding every unit, in any steps, returns exactly the line payable.
     *
     * @param lineNo the line number
     * @param alreadyRefunded units refunded before
     * @param units units to refund now
     * @return the amount, in minor units
     */
    public long unitRefundMinor(int lineNo, long alreadyRefunded, long units) {
        OrderLine line = line(lineNo);
        return shareOfUnits(line, alreadyRefunded + units) - shareOfUnits(line, alreadyRefunded);
    }

    private static long shareOfUnits(OrderLine line, long units) {
        if (units <= 0) {
            return 0;
        }
        if (units >= line.quantity()) {
            return line.payableMinor();
        }
        return Allocation.allocate(line.payableMinor(), new long[] {units, line.quantity() - units})[0];
    }
}
