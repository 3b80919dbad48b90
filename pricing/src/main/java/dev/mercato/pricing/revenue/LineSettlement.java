package dev.mercato.pricing.revenue;

import dev.mercato.pricing.commission.Commission;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.ShareCharge;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.tax.TaxMode;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * The settlement breakdown of one line: what the seller earns, what the platform charges, and
 * why.
 *
 * <p>Invariant: {@code sellerNet + commission + seller-borne fees + shares + tax = sellerGross},
 * exactly. {@code sellerNet} is negative when fixed charges exceed a tiny line (the seller then
 * owes the platform). Platform-borne fees are shown but do not reduce the seller net. The tax is
 * what the line owes the tax authority ({@link #withTax}): the platform collects it with the
 * buyer's money and never pays it to the seller; zero for a line settled without tax.
 *
 * <p>Store this record with the order: it holds the weights a later refund is reversed with.
 * Immutable and thread-safe.
 *
 * @param line the line as sold
 * @param sellerGross {@code paid + platformSubsidy + shipping}
 * @param sellerDiscount seller-funded discounts (not paid to the seller)
 * @param platformSubsidy platform-funded discounts (paid to the seller by the platform)
 * @param commission the commission, its base and matching rule
 * @param fees the line's part of each order-level fee
 * @param shares the creators' and referrers' shares
 * @param sellerNet what the seller is paid for the line
 * @param tax the line's tax (goods and its part of the shipping), inside {@code sellerGross} and
 *     {@link #buyerPaid()}; not negative
 */
public record LineSettlement(SaleLine line, MonetaryAmount sellerGross, MonetaryAmount sellerDiscount,
        MonetaryAmount platformSubsidy, Commission commission, List<LineFee> fees, List<ShareCharge> shares,
        MonetaryAmount sellerNet, MonetaryAmount tax) {

    /**
     * Validates the components.
     *
     * @throws InvalidInputException if a value is missing or the tax negative
     */
    public LineSettlement {
        InvalidInputException.requireNonNull(line, "line");
        InvalidInputException.requireNonNull(sellerGross, "sellerGross");
        InvalidInputException.requireNonNull(sellerDiscount, "sellerDiscount");
        InvalidInputException.requireNonNull(platformSubsidy, "platformSubsidy");
        InvalidInputException.requireNonNull(commission, "commission");
        fees = List.copyOf(InvalidInputException.requireNonNull(fees, "fees"));
        shares = List.copyOf(InvalidInputException.requireNonNull(shares, "shares"));
        InvalidInputException.requireNonNull(sellerNet, "sellerNet");
        InvalidInputException.requireNonNull(tax, "tax");
        if (MinorUnits.toMinor(tax, line.currency()) < 0) {
            throw new InvalidInputException("tax", tax, "must not be negative (line " + line.lineId() + ")");
        }
    }

    /**
     * A line settled without tax.
     *
     * @param line the line as sold
     * @param sellerGross {@code paid + platformSubsidy + shipping}
     * @param sellerDiscount seller-funded discounts
     * @param platformSubsidy platform-funded discounts
     * @param commission the commission
     * @param fees the line's part of each order-level fee
     * @param shares the revenue shares
     * @param sellerNet what the seller is paid for the line
     */
    public LineSettlement(SaleLine line, MonetaryAmount sellerGross, MonetaryAmount sellerDiscount,
            MonetaryAmount platformSubsidy, Commission commission, List<LineFee> fees, List<ShareCharge> shares,
            MonetaryAmount sellerNet) {
        this(line, sellerGross, sellerDiscount, platformSubsidy, commission, fees, shares, sellerNet,
                MinorUnits.toAmount(0, line.currency()));
    }

    /**
     * This line with its tax recorded, for a line settled without tax. The commission, fees and
     * shares stay as settled (their base is what the schedules saw). Inclusive tax is inside what
     * the buyer paid: the seller's net gives it up. Exclusive tax is added to what the buyer paid
     * (goods tax to {@code paid}, shipping tax to {@code shipping}) and to the seller's gross, so
     * the seller's net is unchanged. Either way the tax goes to the tax authority, never to the
     * seller, and refunds reverse it like the other charges ({@link RefundProgress}).
     *
     * @param mode whether the tax is inside the prices or added to them
     * @param goodsTax the tax of the line's goods, not negative
     * @param shippingTax the line's part of the shipping's tax, not negative
     * @return the line with the tax
     * @throws InvalidInputException if a tax is negative or this line already carries tax
     */
    public LineSettlement withTax(TaxMode mode, MonetaryAmount goodsTax, MonetaryAmount shippingTax) {
        InvalidInputException.requireNonNull(mode, "mode");
        long goods = MinorUnits.toMinor(InvalidInputException.requireNonNull(goodsTax, "goodsTax"), line.currency());
        long onShipping = MinorUnits.toMinor(InvalidInputException.requireNonNull(shippingTax, "shippingTax"),
                line.currency());
        if (goods < 0 || onShipping < 0) {
            throw new InvalidInputException("tax", goodsTax + " + " + shippingTax, "must not be negative");
        }
        if (!tax.isZero()) {
            throw new InvalidInputException("tax", tax, "is recorded already on line " + line.lineId());
        }
        long total = Exact.add(goods, onShipping);
        MonetaryAmount totalTax = MinorUnits.toAmount(total, line.currency());
        if (mode == TaxMode.INCLUSIVE) {
            return new LineSettlement(line, sellerGross, sellerDiscount, platformSubsidy, commission, fees, shares,
                    MinorUnits.toAmount(Exact.subtract(MinorUnits.toMinor(sellerNet), total), line.currency()), totalTax);
        }
        SaleLine taxed = new SaleLine(line.orderId(), line.lineId(), line.sku(), line.sellerId(), line.sellerType(),
                line.brand(), line.category(), line.quantity(), line.paid().add(goodsTax), line.sellerDiscount(),
                line.platformSubsidy(), line.shipping().add(shippingTax), line.orderedAt(), line.paymentMethod(),
                line.attribution());
        return new LineSettlement(taxed, sellerGross.add(totalTax), sellerDiscount, platformSubsidy, commission, fees,
                shares, sellerNet, totalTax);
    }

    /**
     * The base the commission was charged on.
     *
     * @return the commission base
     */
    public MonetaryAmount commissionBase() {
        return commission.base();
    }

    /**
     * What the buyer paid for the line, shipping included: the most its refunds can total.
     *
     * @return {@code paid + shipping}
     */
    public MonetaryAmount buyerPaid() {
        return line.buyerPaid();
    }

    /**
     * The fees that reduce the seller net.
     *
     * @return the sum of seller-borne fees
     */
    public MonetaryAmount sellerFees() {
        return sumFees(Bearer.SELLER);
    }

    /**
     * The fees the platform absorbs.
     *
     * @return the sum of platform-borne fees
     */
    public MonetaryAmount platformFees() {
        return sumFees(Bearer.PLATFORM);
    }

    /**
     * All revenue shares of the line.
     *
     * @return their sum
     */
    public MonetaryAmount sharesTotal() {
        long sum = 0;
        for (ShareCharge s : shares) {
            sum = Exact.add(sum, MinorUnits.toMinor(s.amount()));
        }
        return MinorUnits.toAmount(sum, line.currency());
    }

    /**
     * Starts tracking refunds of this line.
     *
     * @return nothing refunded yet
     */
    public RefundProgress.Open refunds() {
        return new RefundProgress.Open(this, MinorUnits.toAmount(0, line.currency()));
    }

    private MonetaryAmount sumFees(Bearer bearer) {
        long sum = 0;
        for (LineFee f : fees) {
            if (f.bearer() == bearer) {
                sum = Exact.add(sum, MinorUnits.toMinor(f.amount()));
            }
        }
        return MinorUnits.toAmount(sum, line.currency());
    }
}
