package dev.mercato.pricing.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TaxProperties {
    static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");
    static final List<String> CATEGORIES = List.of("standard", "reduced", "zero");

    record Case(CurrencyUnit currency, TaxRegion region, List<TaxRate> rates, List<TaxLine> lines, List<TaxLine> shipping) {
        TaxResult calculate() {
            return TaxCalculator.fromTable(List.of(region), rates)
                    .calculate(new TaxRequest(currency, region.region(), AT, lines, shipping));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<CurrencyUnit> currencies = Arbitraries.of("CNY", "JPY", "USD", "BHD").map(Monetary::getCurrency);
        Arbitrary<TaxRegion> regions = Combinators.combine(Arbitraries.of(TaxMode.class), Arbitraries.of(TaxRounding.class),
                Arbitraries.of(DiscountBase.class), Arbitraries.of(true, false))
                .as((mode, rounding, base, ship) -> {
                    TaxRegion r = TaxRegion.of("R", mode).withRounding(rounding).withDiscountBase(base);
                    return ship ? r.withShippingTaxedAs("standard") : r;
                });
        Arbitrary<List<Integer>> basisPoints = Arbitraries.integers().between(0, 3000).list().ofSize(3);
        return Combinators.combine(currencies, regions, basisPoints, Arbitraries.longs().between(0, 5_000_000).list()
                        .ofMinSize(0).ofMaxSize(6), Arbitraries.longs().between(0, 100_000).list().ofMaxSize(3),
                Arbitraries.integers().between(0, 2).list().ofSize(6))
                .as((currency, region, bps, amounts, ships, cats) -> {
                    List<TaxRate> rates = new ArrayList<>();
                    for (int k = 0; k < 3; k++) {
                        rates.add(TaxRate.from("R", CATEGORIES.get(k), Rate.basisPoints(bps.get(k)), Instant.EPOCH));
                    }
                    List<TaxLine> lines = new ArrayList<>();
                    for (int i = 0; i < amounts.size(); i++) {
                        long amount = amounts.get(i);
                        lines.add(new TaxLine("l" + i, CATEGORIES.get(cats.get(i)), MinorUnits.toAmount(amount, currency),
                                MinorUnits.toAmount(amount % 997, currency)));
                    }
                    List<TaxLine> shipping = new ArrayList<>();
                    for (int s = 0; s < ships.size(); s++) {
                        shipping.add(new TaxLine("shipping:s" + s, "shipping", MinorUnits.toAmount(ships.get(s), currency),
                                MinorUnits.toAmount(0, currency)));
                    }
                    return new Case(currency, region, rates, lines, shipping);
                });
    }

    private static long minor(MonetaryAmount a) {
        return MinorUnits.toMinor(a);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void netPlusTaxIsGrossForEveryLineAndForTheOrder(@ForAll("cases") Case c) {
        TaxResult r = c.calculate();
        long net = 0;
        long tax = 0;
        long gross = 0;
        List<LineTax> all = new ArrayList<>(r.lines());
        all.addAll(r.shipping());
        for (LineTax line : all) {
            assertEquals(minor(line.gross()), minor(line.net()) + minor(line.tax()), line::toString);
            assertTrue(minor(line.tax()) >= 0 && minor(line.net()) >= 0, line::toString);
            net += minor(line.net());
            tax += minor(line.tax());
            gross += minor(line.gross());
        }
        assertEquals(net, minor(r.net()));
        assertEquals(tax, minor(r.tax()));
        assertEquals(gross, minor(r.gross()));
        assertEquals(minor(r.gross()), minor(r.net()) + minor(r.tax()));
        assertEquals(c.region().mode() == TaxMode.EXCLUSIVE ? tax : 0, minor(r.addedToPayable()));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void inclusiveGrossIsWhatTheBuyerPaysUnderTheAllDiscountsRule(@ForAll("cases") Case c) {
        TaxRegion region = c.region().withDiscountBase(DiscountBase.ALL_DISCOUNTS);
        TaxResult r = new Case(c.currency(), region, c.rates(), c.lines(), c.shipping()).calculate();
        for (int i = 0; i < c.lines().size(); i++) {
            long paid = minor(c.lines().get(i).amount());
            LineTax line = r.lines().get(i);
            assertEquals(paid, region.mode() == TaxMode.INCLUSIVE ? minor(line.gross()) : minor(line.net()));
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void eachRoundingIsWithinHalfAMinorUnitOfTheExactTaxPerRoundedAmount(@ForAll("cases") Case c) {
        TaxResult r = c.calculate();
        List<LineTax> all = new ArrayList<>(r.lines());
        all.addAll(r.shipping());
        if (c.region().rounding() == TaxRounding.PER_LINE) {
            for (LineTax line : all) {
                BigDecimal base = BigDecimal.valueOf(c.region().mode() == TaxMode.INCLUSIVE ? minor(line.gross())
                        : minor(line.net()));
                BigDecimal exact = exact(c.region().mode(), line.rate(), base);
                assertTrue(exact.subtract(BigDecimal.valueOf(minor(line.tax()))).abs()
                        .compareTo(new BigDecimal("0.5")) <= 0, line::toString);
            }
        } else {
            java.util.Map<BigDecimal, long[]> byRate = new java.util.HashMap<>();
            for (LineTax line : all) {
                long base = c.region().mode() == TaxMode.INCLUSIVE ? minor(line.gross()) : minor(line.net());
                long[] acc = byRate.computeIfAbsent(line.rate().fraction().stripTrailingZeros(), k -> new long[2]);
                acc[0] += base;
                acc[1] += minor(line.tax());
            }
            for (java.util.Map.Entry<BigDecimal, long[]> e : byRate.entrySet()) {
                BigDecimal exact = exact(c.region().mode(), new Rate(e.getKey()), BigDecimal.valueOf(e.getValue()[0]));
                assertTrue(exact.subtract(BigDecimal.valueOf(e.getValue()[1])).abs().compareTo(new BigDecimal("0.5")) <= 0);
            }
        }
    }

    private static BigDecimal exact(TaxMode mode, Rate rate, BigDecimal base) {
        BigDecimal t = base.multiply(rate.fraction());
        return mode == TaxMode.INCLUSIVE ? t.divide(BigDecimal.ONE.add(rate.fraction()), 10, java.math.RoundingMode.HALF_EVEN) : t;
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void refundsNeverReverseMoreTaxThanChargedAndAFullRefundReversesItExactly(@ForAll("cases") Case c,
            @ForAll("cuts") List<Integer> cuts) {
        TaxResult r = c.calculate();
        for (LineTax line : r.lines()) {
            long gross = minor(line.gross());
            if (gross == 0) {
                continue;
            }
            TaxLeft left = line.left();
            long reversed = 0;
            long refunded = 0;
            for (int cut : cuts) {
                long grossLeft = minor(left.grossLeft());
                if (grossLeft == 0) {
                    break;
                }
                long part = Math.max(1, grossLeft * cut / 100);
                TaxLeft.TaxReversal reversal = left.refund(MinorUnits.toAmount(part, c.currency()));
                reversed += minor(reversal.taxReversed());
                refunded += part;
                assertTrue(minor(reversal.taxReversed()) >= 0);
                assertTrue(reversed <= minor(line.tax()), "reversed more tax than charged");
                assertEquals(part, minor(reversal.taxReversed()) + minor(reversal.netRefunded()));
                left = reversal.after();
            }
            if (minor(left.grossLeft()) > 0) {
                reversed += minor(left.refund(left.grossLeft()).taxReversed());
                refunded = gross;
            }
            assertEquals(gross, refunded);
            assertEquals(minor(line.tax()), reversed, "a full refund reverses exactly the tax charged");
        }
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 100).list().ofMaxSize(5);
    }
}
