package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.fee.AdStanding;
import dev.mercato.core.fee.FeeRefusal;
import dev.mercato.core.fee.FeeResult;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.fee.UnknownSellerException;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.AdAuction;
import dev.mercato.pricing.fee.Bid;
import dev.mercato.pricing.fee.BillingModel;
import dev.mercato.pricing.fee.Placement;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * Advertising charged against a seller's prepaid balance and daily budget (docs/fees.md): topped
 * up from the payable, clicks and impressions charged at the auction's price, a charge beyond the
 * balance or the budget refused with a reason and nothing changed, each charge once per key.
 */
class AdvertisingExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.Seller STUDIO = new Actor.Seller("studio");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops-1");
    static final Actor.System AD_SERVER = new Actor.System("ad-server");

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T08:00:00Z"));
    final Commerce commerce = Commerce.builder().sandboxes().clock(clock)
            .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
            .fees(FeeSettings.of(Set.of("tea-shop", "studio")::contains))
            .build();

    /**
     * Two CPC bids for one slot, quality 1: the tea shop's 1.00 beats the studio's 0.80 and pays
     * one minor unit above it, 0.81, because "studio-cpc" sorts first and would win a tie.
     */
    final Placement teaSlot = new AdAuction(CNY, 1, cny("0.30")).run(List.of(
            new Bid("tea-cpc", cny("1.00"), BigDecimal.ONE), new Bid("studio-cpc", cny("0.80"), BigDecimal.ONE))).get(0);

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    Journal ledger() {
        return commerce.journal().orElseThrow();
    }

    MonetaryAmount adBalance() {
        return ledger().balance(Account.adBalance("tea-shop"), CNY);
    }

    MonetaryAmount adRevenue() {
        return ledger().balance(Account.revenue(RevenueStream.ADVERTISING), CNY);
    }

    /** 200.00 on the tea shop's payable, as a host's own entry (released sales, say). */
    void fundPayable() {
        ledger().post(JournalEntry.builder("host:seed", clock.instant(), "released sales")
                .reference(new EntryReference(EntryReference.Kind.HOST, "seed", 0, "seed"))
                .credit(Account.platformClearing(), cny("200.00"))
                .debit(Account.sellerPayable("tea-shop"), cny("200.00")).build());
    }

    @Test
    void clicksAreChargedAtTheAuctionPriceWithinTheBalanceAndTheDailyBudget() {
        assertEquals(cny("0.81"), teaSlot.price());
        fundPayable();
        commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", cny("30.00"));
        FeeResult.Booked topUp = assertInstanceOf(FeeResult.Booked.class,
                commerce.fees().topUpAds(OPERATOR, "tea-shop", cny("50.00"), "top-up-1"));
        assertEquals(List.of(Posting.credit(Account.sellerPayable("tea-shop"), cny("50.00")),
                Posting.debit(Account.adBalance("tea-shop"), cny("50.00"))),
                ledger().entry(topUp.entryKey()).orElseThrow().postings());
        assertEquals(cny("150.00"), ledger().balance(Account.sellerPayable("tea-shop"), CNY));

        // 20 clicks x 0.81 = 16.20: out of the ad balance into advertising revenue.
        FeeResult.Booked clicks = assertInstanceOf(FeeResult.Booked.class,
                commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPC, 20, "clicks-1"));
        assertEquals(cny("16.20"), clicks.amount());
        assertEquals(List.of(Posting.credit(Account.adBalance("tea-shop"), cny("16.20")),
                Posting.debit(Account.revenue(RevenueStream.ADVERTISING), cny("16.20"))),
                ledger().entry(clicks.entryKey()).orElseThrow().postings());
        assertEquals(cny("33.80"), adBalance());

        // The ad server reports the batch twice: one charge.
        assertEquals(clicks, commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPC, 20, "clicks-1"));
        assertEquals(cny("33.80"), adBalance());
        assertThrows(IdempotencyKeyReusedException.class,
                () -> commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPC, 21, "clicks-1"));

        // 20 more clicks would make 32.40 today, past the 30.00 budget: refused, nothing changed.
        FeeResult.Refused overBudget = assertInstanceOf(FeeResult.Refused.class,
                commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPC, 20, "clicks-2"));
        assertEquals(FeeRefusal.EXCEEDS_DAILY_BUDGET, overBudget.reason());
        assertEquals(cny("33.80"), adBalance());
        assertEquals(cny("16.20"), commerce.fees().adStanding(TEA_SHOP, "tea-shop").orElseThrow().spentToday());

        // 16 clicks = 12.96 fit: 29.16 spent today; and the refused key may be sent again.
        assertInstanceOf(FeeResult.Booked.class,
                commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPC, 16, "clicks-2"));
        assertEquals(cny("20.84"), adBalance());

        // Next day the budget is fresh, but 30 clicks = 24.30 are more than the 20.84 left.
        clock.advance(Duration.ofDays(1));
        FeeResult.Refused overBalance = assertInstanceOf(FeeResult.Refused.class,
                commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPC, 30, "clicks-3"));
        assertEquals(FeeRefusal.EXCEEDS_AD_BALANCE, overBalance.reason());
        assertEquals(cny("20.84"), adBalance());

        // 1,500 impressions at 0.81 per thousand: 81 x 1,500 / 1,000 = 121.5 minor units, half up 1.22.
        FeeResult.Booked views = assertInstanceOf(FeeResult.Booked.class,
                commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPM, 1_500, "views-1"));
        assertEquals(cny("1.22"), views.amount());
        AdStanding standing = commerce.fees().adStanding(TEA_SHOP, "tea-shop").orElseThrow();
        assertEquals(cny("19.62"), standing.balance());
        assertEquals(cny("1.22"), standing.spentToday());
        assertEquals(cny("30.38"), adRevenue(), "16.20 + 12.96 + 1.22");
        assertBalanced();
    }

    @Test
    void refusedTopUpsAndChargesChangeNothing() {
        fundPayable();
        assertEquals(FeeRefusal.NO_AD_BUDGET, assertInstanceOf(FeeResult.Refused.class,
                commerce.fees().topUpAds(OPERATOR, "tea-shop", cny("10.00"), "t-1")).reason());
        assertEquals(FeeRefusal.NO_AD_BUDGET, assertInstanceOf(FeeResult.Refused.class,
                commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPC, 1, "c-1")).reason());
        commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", cny("30.00"));

        assertEquals(FeeRefusal.EXCEEDS_PAYABLE, assertInstanceOf(FeeResult.Refused.class,
                commerce.fees().topUpAds(OPERATOR, "tea-shop", cny("200.01"), "t-1")).reason());
        assertThrows(InvalidInputException.class, () -> commerce.fees().topUpAds(OPERATOR, "tea-shop", cny("0.00"), "t-1"));
        assertThrows(InvalidInputException.class, () -> commerce.fees().topUpAds(OPERATOR, "tea-shop", cny("-5.00"), "t-1"));
        assertThrows(CurrencyMismatchException.class,
                () -> commerce.fees().topUpAds(OPERATOR, "tea-shop", Money.of(10, "USD"), "t-1"));
        assertThrows(UnknownSellerException.class, () -> commerce.fees().topUpAds(OPERATOR, "nobody", cny("10.00"), "t-1"));
        assertThrows(InvalidInputException.class, () -> commerce.fees().topUpAds(OPERATOR, "tea-shop", cny("10.00"), " "));
        assertThrows(NotPermittedException.class, () -> commerce.fees().topUpAds(TEA_SHOP, "tea-shop", cny("10.00"), "t-1"),
                "a seller does not move its own money by itself");
        assertEquals(cny("0.00"), adBalance());
        assertEquals(cny("200.00"), ledger().balance(Account.sellerPayable("tea-shop"), CNY));

        assertInstanceOf(FeeResult.Booked.class, commerce.fees().topUpAds(OPERATOR, "tea-shop", cny("10.00"), "t-1"));
        assertEquals(FeeRefusal.EXCEEDS_AD_BALANCE, assertInstanceOf(FeeResult.Refused.class,
                commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPC, 13, "c-1")).reason(),
                "13 x 0.81 = 10.53 > 10.00");
        assertThrows(InvalidInputException.class,
                () -> commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPC, 0, "c-1"));
        assertThrows(InvalidInputException.class,
                () -> commerce.fees().chargeAd(AD_SERVER, "tea-shop", teaSlot, BillingModel.CPC, -1, "c-1"));
        Placement free = new Placement(1, teaSlot.bid(), teaSlot.score(), cny("0.00"), "no reserve");
        assertThrows(InvalidInputException.class,
                () -> commerce.fees().chargeAd(AD_SERVER, "tea-shop", free, BillingModel.CPC, 5, "c-1"), "a charge of nothing");
        Placement dollars = new Placement(1, new Bid("tea-cpc", Money.of(1, "USD"), BigDecimal.ONE), BigDecimal.ONE,
                Money.of(new BigDecimal("0.81"), "USD"), "another currency");
        assertThrows(CurrencyMismatchException.class,
                () -> commerce.fees().chargeAd(AD_SERVER, "tea-shop", dollars, BillingModel.CPC, 5, "c-1"));
        assertThrows(UnknownSellerException.class,
                () -> commerce.fees().chargeAd(AD_SERVER, "nobody", teaSlot, BillingModel.CPC, 5, "c-1"));
        assertThrows(NotPermittedException.class,
                () -> commerce.fees().chargeAd(TEA_SHOP, "tea-shop", teaSlot, BillingModel.CPC, 5, "c-1"));
        assertThrows(InvalidInputException.class, () -> commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", cny("0")));
        assertThrows(CurrencyMismatchException.class,
                () -> commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", Money.of(30, "USD")));
        assertThrows(NotPermittedException.class, () -> commerce.fees().setAdDailyBudget(TEA_SHOP, "tea-shop", cny("99")));
        assertEquals(cny("10.00"), adBalance());
        assertEquals(cny("0.00"), adRevenue());
        assertEquals(cny("30.00"), commerce.fees().adStanding(OPERATOR, "tea-shop").orElseThrow().dailyBudget());

        assertTrue(commerce.fees().adStanding(STUDIO, "studio").isEmpty(), "a seller reads its own");
        assertThrows(NotPermittedException.class, () -> commerce.fees().adStanding(STUDIO, "tea-shop"));
        assertThrows(NotPermittedException.class, () -> commerce.fees().adStanding(ANN, "tea-shop"));
        assertBalanced();
    }

    void assertBalanced() {
        long sum = 0;
        for (Map<CurrencyUnit, MonetaryAmount> perCurrency : ledger().balances().values()) {
            MonetaryAmount cny = perCurrency.get(CNY);
            if (cny != null) {
                sum += dev.mercato.pricing.money.MinorUnits.toMinor(cny);
            }
        }
        assertEquals(0, sum, "the ledger balances");
    }
}
