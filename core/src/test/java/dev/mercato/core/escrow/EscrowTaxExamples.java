package dev.mercato.core.escrow;

import static dev.mercato.core.escrow.EscrowExamples.BUYER;
import static dev.mercato.core.escrow.EscrowExamples.OPERATOR;
import static dev.mercato.core.escrow.EscrowExamples.SELLER;
import static dev.mercato.core.escrow.EscrowExamples.T0;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.LineSettlement;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.tax.TaxMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * US sales tax (exclusive) on an escrow built from taxed lines (docs/escrow-and-ledger.md, "Tax and
 * cash rounding"), by hand: 100.00 of goods at 7.25% in California, 5% commission on the price
 * before tax.
 */
class EscrowTaxExamples {
    static final CurrencyUnit USD = Monetary.getCurrency("USD");

    static MonetaryAmount usd(String value) {
        return Money.of(new BigDecimal(value), USD);
    }

    static void assertUsd(String expected, MonetaryAmount actual) {
        assertTrue(usd(expected).isEqualTo(actual), "expected USD " + expected + ", was " + actual);
    }

    @Test
    void exclusiveSalesTaxIsAddedToWhatTheBuyerPaysPostedOnReleaseAndReversedByRefundsAfterIt() {
        RevenueSchedule fivePercent = new RevenueSchedule("us", CommissionSchedule.of("us", USD,
                ChargeBase.PAID_PLUS_SUBSIDY, RoundingPolicy.HALF_UP,
                List.of(CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(5)))),
                FeeSchedule.none("us", USD, RoundingPolicy.HALF_UP));
        SaleLine line = SaleLine.builder().ids("o-1", "line-1").sku("kettle").seller("s-1", SellerType.ENTERPRISE)
                .category("home").quantity(1).paid(usd("100.00")).paymentMethod("card").orderedAt(T0).build();
        LineSettlement taxed = fivePercent.settle(List.of(line)).lines().get(0)
                .withTax(TaxMode.EXCLUSIVE, usd("7.25"), usd("0")); // 100.00 x 7.25%
        EscrowTerms terms = EscrowTerms.fromLines("o-1", "b-1", List.of(taxed));
        assertUsd("107.25", terms.amount()); // the buyer pays the price plus the tax
        assertUsd("7.25", terms.tax());

        Journal journal = Journal.inMemory();
        Escrow state = accept(journal, Escrow.open(terms, T0).pay(BUYER, T0.plusSeconds(60)));
        assertUsd("0.00", journal.balance(Account.taxPayable(), USD));
        state = accept(journal, ((Held) state).ship(SELLER, "T-1", T0.plusSeconds(120)));
        state = accept(journal, ((Shipped) state).confirmReceipt(BUYER, T0.plusSeconds(180)));
        assertUsd("7.25", journal.balance(Account.taxPayable(), USD));
        assertUsd("5.00", journal.balance(Account.revenue(RevenueStream.COMMISSION), USD)); // 5% of 100.00, not of 107.25
        assertUsd("95.00", journal.balance(Account.sellerPayable("s-1"), USD));
        assertUsd("7.25", state.funds().tax());

        // Refund 50.00 of the 107.25: tax 7.25 split 50.00 : 57.25 = 3.38 back; commission 5.00
        // split the same way = 2.33 back; the seller gives back 50.00 - 2.33 - 3.38 = 44.29.
        state = accept(journal, ((Released) state).refundAfterRelease(OPERATOR, usd("50.00"),
                SellerBalances.from(journal, "s-1", USD), T0.plusSeconds(240)));
        assertUsd("3.87", journal.balance(Account.taxPayable(), USD));
        assertUsd("2.67", journal.balance(Account.revenue(RevenueStream.COMMISSION), USD));
        assertUsd("50.71", journal.balance(Account.sellerPayable("s-1"), USD));

        // The rest, 57.25, reverses exactly what is left: 3.87 of tax, 2.67 of commission.
        state = accept(journal, ((Released) state).refundAfterRelease(OPERATOR, usd("57.25"),
                SellerBalances.from(journal, "s-1", USD), T0.plusSeconds(300)));
        assertUsd("0.00", journal.balance(Account.taxPayable(), USD));
        assertUsd("0.00", journal.balance(Account.sellerPayable("s-1"), USD));
        assertUsd("107.25", journal.balance(Account.refunds(), USD));
        assertUsd("0.00", state.funds().tax());
    }

    @Test
    void aDisputeSplitRefundsPartOfTheHeldMoneyAndReleasesTheRestWithTheTaxItHasLeft() {
        RevenueSchedule none = new RevenueSchedule("us", CommissionSchedule.of("us", USD,
                ChargeBase.PAID_PLUS_SUBSIDY, RoundingPolicy.HALF_UP,
                List.of(CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(0)))),
                FeeSchedule.none("us", USD, RoundingPolicy.HALF_UP));
        SaleLine line = SaleLine.builder().ids("o-1", "line-1").sku("kettle").seller("s-1", SellerType.ENTERPRISE)
                .category("home").quantity(1).paid(usd("100.00")).paymentMethod("card").orderedAt(T0).build();
        EscrowTerms terms = EscrowTerms.fromLines("o-1", "b-1", List.of(none.settle(List.of(line)).lines().get(0)
                .withTax(TaxMode.EXCLUSIVE, usd("7.25"), usd("0"))));
        Journal journal = Journal.inMemory();
        Escrow state = accept(journal, Escrow.open(terms, T0).pay(BUYER, T0.plusSeconds(60)));
        state = accept(journal, ((Held) state).openDispute(BUYER, T0.plusSeconds(120)));
        // 30.00 back to the buyer: 7.25 x 30 / 107.25 = 2.03 of tax reversed, 5.22 left for release.
        state = accept(journal, ((Disputed) state).resolveBySplit(OPERATOR, usd("30.00"), T0.plusSeconds(180)));
        assertInstanceOf(Released.class, state);
        assertUsd("5.22", journal.balance(Account.taxPayable(), USD));
        assertUsd("72.03", journal.balance(Account.sellerPayable("s-1"), USD)); // 77.25 - 5.22
    }

    private static Escrow accept(Journal journal, Transition t) {
        Transition.Accepted accepted = assertInstanceOf(Transition.Accepted.class, t, () -> "refused: " + t);
        accepted.entry().ifPresent(e -> assertTrue(journal.post(e).isAccepted()));
        LedgerChecks.assertConsistent(journal);
        return accepted.state();
    }
}
