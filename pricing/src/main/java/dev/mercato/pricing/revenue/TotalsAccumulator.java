package dev.mercato.pricing.revenue;

import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.CurrencyUnit;

/** Adds line settlements up in minor units. */
final class TotalsAccumulator {
    private final String key;
    private final CurrencyUnit currency;
    private int lines;
    private long buyerPaid;
    private long sellerGross;
    private long sellerDiscount;
    private long platformSubsidy;
    private long commissionBase;
    private long commission;
    private long sellerFees;
    private long platformFees;
    private long shares;
    private long sellerNet;

    TotalsAccumulator(String key, CurrencyUnit currency) {
        this.key = key;
        this.currency = currency;
    }

    void add(LineSettlement s) {
        lines++;
        buyerPaid = Exact.add(buyerPaid, MinorUnits.toMinor(s.buyerPaid()));
        sellerGross = Exact.add(sellerGross, MinorUnits.toMinor(s.sellerGross()));
        sellerDiscount = Exact.add(sellerDiscount, MinorUnits.toMinor(s.sellerDiscount()));
        platformSubsidy = Exact.add(platformSubsidy, MinorUnits.toMinor(s.platformSubsidy()));
        commissionBase = Exact.add(commissionBase, MinorUnits.toMinor(s.commissionBase()));
        commission = Exact.add(commission, MinorUnits.toMinor(s.commission().amount()));
        sellerFees = Exact.add(sellerFees, MinorUnits.toMinor(s.sellerFees()));
        platformFees = Exact.add(platformFees, MinorUnits.toMinor(s.platformFees()));
        shares = Exact.add(shares, MinorUnits.toMinor(s.sharesTotal()));
        sellerNet = Exact.add(sellerNet, MinorUnits.toMinor(s.sellerNet()));
    }

    Totals build() {
        return new Totals(key, lines, amount(buyerPaid), amount(sellerGross), amount(sellerDiscount),
                amount(platformSubsidy), amount(commissionBase), amount(commission), amount(sellerFees),
                amount(platformFees), amount(shares), amount(sellerNet));
    }

    private javax.money.MonetaryAmount amount(long minor) {
        return MinorUnits.toAmount(minor, currency);
    }
}
