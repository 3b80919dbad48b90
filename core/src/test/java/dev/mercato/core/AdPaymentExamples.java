package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.fee.AdPayment;
import dev.mercato.core.fee.AdPaymentResult;
import dev.mercato.core.fee.FeeRefusal;
import dev.mercato.core.fee.FeeResult;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.pricing.fee.AdAuction;
import dev.mercato.pricing.fee.Bid;
import dev.mercato.pricing.fee.BillingModel;
import dev.mercato.pricing.fee.Placement;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * A seller paying into its prepaid advertising balance through the payment provider (docs/fees.md,
 * "Advertising"): captured, declined, timed out and pending, each payment once per key.
 */
class AdPaymentExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.Seller STUDIO = new Actor.Seller("studio");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops-1");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final PaymentSource CARD = new PaymentSource("tok_tea_shop_card");

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T08:00:00Z"));
    final SandboxPaymentProvider payments = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-ads", Set.of(CNY)));
    final Commerce commerce = Commerce.builder().sandboxes().clock(clock).paymentProvider(payments)
            .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
            .fees(FeeSettings.of(Set.of("tea-shop", "studio")::contains))
            .build();

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    Journal ledger() {
        return commerce.journal().orElseThrow();
    }

    MonetaryAmount adBalance() {
        return ledger().balance(Account.adBalance("tea-shop"), CNY);
    }

    AdPayment pay(String amount, String key) {
        return assertInstanceOf(AdPaymentResult.Sent.class,
                commerce.fees().payInAds(TEA_SHOP, "tea-shop", cny(amount), CARD, key)).payment();
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(cny(expected).isEqualTo(actual), () -> "expected CNY " + expected + " but was " + actual);
    }

    @Test
    void aCapturedPaymentCreditsTheAdBalanceFromTheSellersOwnMoneyOnce() {
        commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", cny("30.00"));
        AdPayment.Paid paid = assertInstanceOf(AdPayment.Paid.class, pay("100.00", "pay-1"));
        assertEquals(List.of(Posting.credit(new Account.SellerFundsIn("tea-shop"), cny("100.00")),
                Posting.debit(Account.adBalance("tea-shop"), cny("100.00"))),
                ledger().entry(paid.entryKey()).orElseThrow().postings());
        assertAmount("100.00", adBalance());
        assertAmount("0.00", ledger().balance(Account.sellerPayable("tea-shop"), CNY));
        PaymentOutcome.Succeeded sale = assertInstanceOf(PaymentOutcome.Succeeded.class,
                payments.status(new TransactionId(paid.transactionId())).orElseThrow());
        assertAmount("100.00", sale.amount());

        // The same key again: the stored payment, no second sale; other content under it is refused.
        assertEquals(paid, pay("100.00", "pay-1"));
        assertAmount("100.00", adBalance());
        assertThrows(IdempotencyKeyReusedException.class,
                () -> commerce.fees().payInAds(TEA_SHOP, "tea-shop", cny("90.00"), CARD, "pay-1"));

        // The balance pays for clicks: 10 clicks at 0.81 = 8.10.
        Placement slot = new AdAuction(CNY, 1, cny("0.30")).run(List.of(new Bid("tea-cpc", cny("1.00"), BigDecimal.ONE),
                new Bid("studio-cpc", cny("0.80"), BigDecimal.ONE))).get(0);
        assertInstanceOf(FeeResult.Booked.class,
                commerce.fees().chargeAd(SCHEDULER, "tea-shop", slot, BillingModel.CPC, 10, "clicks-1"));
        assertAmount("91.90", adBalance());
        LedgerChecks.assertConsistent(ledger());
    }

    @Test
    void aDeclinedPaymentChangesNothingAndANewKeyPaysAgain() {
        commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", cny("30.00"));
        payments.declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
        AdPayment.Declined declined = assertInstanceOf(AdPayment.Declined.class, pay("100.00", "pay-1"));
        assertTrue(declined.detail().contains("insufficient funds"), declined.detail());
        assertAmount("0.00", adBalance());
        assertEquals(declined, pay("100.00", "pay-1"));
        assertInstanceOf(AdPayment.Paid.class, pay("100.00", "pay-2"));
        assertAmount("100.00", adBalance());
    }

    @Test
    void aTimeoutAfterTheMoneyMovedIsSettledByReconciliation() {
        commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", cny("30.00"));
        payments.scriptNext(new ScriptedAnswer.TimeOut(ScriptedAnswer.TimeOut.Effect.MONEY_MOVED,
                ScriptedAnswer.TimeOut.Surface.EXCEPTION));
        assertInstanceOf(AdPayment.AwaitingProvider.class, pay("100.00", "pay-1"));
        assertAmount("0.00", adBalance());
        clock.advance(Duration.ofMinutes(1));
        commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(AdPayment.Paid.class, commerce.fees().adPayment(TEA_SHOP, "tea-shop", "pay-1").orElseThrow());
        assertAmount("100.00", adBalance());
        // Later timers and replays book nothing more.
        clock.advance(Duration.ofMinutes(5));
        commerce.runDueTimers(SCHEDULER);
        pay("100.00", "pay-1");
        assertAmount("100.00", adBalance());
    }

    @Test
    void aTimeoutBeforeTheProviderRecordedItIsDeclinedByReconciliation() {
        commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", cny("30.00"));
        payments.scriptNext(new ScriptedAnswer.TimeOut(ScriptedAnswer.TimeOut.Effect.NOTHING_MOVED,
                ScriptedAnswer.TimeOut.Surface.UNKNOWN_OUTCOME));
        assertInstanceOf(AdPayment.AwaitingProvider.class, pay("100.00", "pay-1"));
        clock.advance(Duration.ofMinutes(1));
        commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(AdPayment.Declined.class, commerce.fees().adPayment(OPERATOR, "tea-shop", "pay-1").orElseThrow());
        assertAmount("0.00", adBalance());
    }

    @Test
    void aPendingPaymentIsCreditedWhenTheProviderSettlesIt() {
        commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", cny("30.00"));
        payments.scriptNext(new ScriptedAnswer.Pend(Duration.ofMinutes(3), Optional.empty()));
        assertInstanceOf(AdPayment.AwaitingProvider.class, pay("100.00", "pay-1"));
        clock.advance(Duration.ofMinutes(1));
        commerce.runDueTimers(SCHEDULER);
        assertAmount("0.00", adBalance());
        clock.advance(Duration.ofMinutes(3));
        commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(AdPayment.Paid.class, commerce.fees().adPayment(TEA_SHOP, "tea-shop", "pay-1").orElseThrow());
        assertAmount("100.00", adBalance());
    }

    @Test
    void refusalsSendAndStoreNothing() {
        AdPaymentResult.Refused noBudget = assertInstanceOf(AdPaymentResult.Refused.class,
                commerce.fees().payInAds(TEA_SHOP, "tea-shop", cny("100.00"), CARD, "pay-1"));
        assertEquals(FeeRefusal.NO_AD_BUDGET, noBudget.reason());
        assertEquals(Optional.empty(), commerce.fees().adPayment(TEA_SHOP, "tea-shop", "pay-1"));
        assertAmount("0.00", adBalance());
        assertThrows(NotPermittedException.class,
                () -> commerce.fees().payInAds(ANN, "tea-shop", cny("100.00"), CARD, "pay-1"));
        assertThrows(NotPermittedException.class,
                () -> commerce.fees().payInAds(STUDIO, "tea-shop", cny("100.00"), CARD, "pay-1"));
        commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", cny("30.00"));
        assertThrows(dev.mercato.pricing.money.CurrencyMismatchException.class,
                () -> commerce.fees().payInAds(TEA_SHOP, "tea-shop", Money.of(100, "USD"), CARD, "pay-1"));
        assertThrows(dev.mercato.pricing.error.InvalidInputException.class,
                () -> commerce.fees().payInAds(TEA_SHOP, "tea-shop", cny("0.00"), CARD, "pay-1"));
        // The refused key is free: it pays now.
        assertInstanceOf(AdPayment.Paid.class, pay("100.00", "pay-1"));
    }
}
