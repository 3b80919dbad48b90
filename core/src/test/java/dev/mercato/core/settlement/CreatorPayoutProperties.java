package dev.mercato.core.settlement;

import static dev.mercato.core.settlement.SettlementExamples.BUYER;
import static dev.mercato.core.settlement.SettlementExamples.CNY;
import static dev.mercato.core.settlement.SettlementExamples.SELLER;
import static dev.mercato.core.settlement.SettlementExamples.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.escrow.CreatorShare;
import dev.mercato.core.escrow.Deductions;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.escrow.EscrowTerms;
import dev.mercato.core.escrow.MovableClock;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.PayoutRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random days of sales carrying creator shares, refunds after release, declined payouts and
 * daily creator payout cycles (run twice a day). Every payout is positive and at most the
 * creator's balance; a replay pays nothing more; what a creator was paid plus its payable balance
 * is always what it earned net of shares taken back; the ledger balances.
 */
class CreatorPayoutProperties {
    private static final List<String> PARTIES = List.of("c-1", "c-2");

    /** One generated day: an order's price and share cents, its creator, refund?, decline the payout? */
    record Day(long price, long share, String party, boolean refund, boolean decline) {}

    @Provide
    Arbitrary<List<Day>> days() {
        return Combinators.combine(Arbitraries.longs().between(100, 100_000), Arbitraries.longs().between(0, 100),
                Arbitraries.of(PARTIES), Arbitraries.of(true, false), Arbitraries.integers().between(0, 4))
                .as((price, percent, party, refund, decline) -> new Day(price, price * percent / 100, party, refund,
                        decline == 0))
                .list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 60)
    void creatorsArePaidWhatTheyEarnedOnceAndNeverANegativeOrZeroAmount(@ForAll("days") List<Day> days) {
        MovableClock clock = new MovableClock(T0);
        Storage storage = InMemoryStorage.create();
        Journal journal = Journal.inMemory();
        SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-test",
                Set.of(CNY)).withFeatures(EnumSet.allOf(Capabilities.Feature.class)));
        EscrowService escrows = EscrowService.create(storage, journal, sandbox, clock);
        PayoutService payouts = PayoutService.create(storage, journal, sandbox, clock, Duration.ofDays(3),
                seller -> Optional.empty(), party -> Optional.of(new PayeeAccount("wallet-" + party)));
        Map<String, Long> earned = new HashMap<>();
        int n = 0;
        for (Day day : days) {
            String id = "o-" + n++;
            escrows.open(EscrowTerms.of(id, "b-1", "s-1", MinorUnits.toAmount(day.price(), CNY))
                    .withDeductions(new Deductions(MinorUnits.toAmount(0, CNY), MinorUnits.toAmount(0, CNY),
                            MinorUnits.toAmount(0, CNY), List.of(new CreatorShare(day.party(),
                                    MinorUnits.toAmount(day.share(), CNY))))));
            escrows.pay(id, BUYER, new PaymentSource("tok"));
            escrows.ship(id, SELLER, "T-" + id);
            escrows.confirmReceipt(id, BUYER);
            earned.merge(day.party(), day.share(), Long::sum);
            if (day.refund()) {
                escrows.refund(id, SELLER, MinorUnits.toAmount(day.price(), CNY));
                earned.merge(day.party(), -day.share(), Long::sum);
            }
            clock.advance(Duration.ofDays(1));
            for (String party : PARTIES) {
                Payee payee = new Payee.Creator(party);
                long before = MinorUnits.toMinor(journal.balance(Account.creatorPayable(party), CNY));
                if (day.decline()) {
                    sandbox.declineNext(DeclineReason.REFUSED, "acct_closed", "account closed");
                }
                Optional<Payout> payout = payouts.payOut(payee, CNY);
                if (payout.isPresent()) {
                    long amount = MinorUnits.toMinor(payout.get().amount());
                    assertTrue(amount > 0 && amount <= before, payout + " from balance " + before);
                    assertEquals(payout, payouts.payOut(payee, CNY), "a replay returns the day's payout");
                } else if (day.decline()) {
                    // Nothing was due: use up the scripted decline so it does not hit the next call.
                    sandbox.payout(new PayoutRequest(new TransactionId("drain-" + id + "-" + party),
                            new PayeeAccount("x"), MinorUnits.toAmount(1, CNY), "unused decline"));
                }
                assertEquals(earned.getOrDefault(party, 0L), paid(payouts, payee)
                        + MinorUnits.toMinor(journal.balance(Account.creatorPayable(party), CNY)), party);
            }
        }
        long total = 0;
        for (String party : PARTIES) {
            total += paid(payouts, new Payee.Creator(party));
        }
        assertEquals(total, MinorUnits.toMinor(journal.balance(Account.payouts(), CNY)));
        LedgerChecks.assertConsistent(journal);
    }

    private static long paid(PayoutService payouts, Payee payee) {
        return payouts.payouts(payee).stream().filter(p -> !(p.outcome() instanceof PaymentOutcome.Declined))
                .mapToLong(p -> MinorUnits.toMinor(p.amount())).sum();
    }
}
