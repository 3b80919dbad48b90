package dev.mercato.core.escrow;

import static dev.mercato.core.escrow.EscrowExamples.BUYER;
import static dev.mercato.core.escrow.EscrowExamples.CNY;
import static dev.mercato.core.escrow.EscrowExamples.SELLER;
import static dev.mercato.core.escrow.EscrowExamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

class EscrowRaceExamples {
    final MovableClock clock = new MovableClock(EscrowExamples.T0);
    Journal journal;
    EscrowService service;

    void setUp(boolean journalInStorage) {
        Storage storage = InMemoryStorage.create();
        journal = journalInStorage ? Journal.inStorage(storage) : Journal.inMemory();
        service = EscrowService.create(storage, journal,
                SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-test", Set.of(CNY))), clock);
    }

    @Test
    void withTheJournalInTheSameStorageRacersAlsoLeaveExactlyOneOutcomeAndABalancedLedger() throws Exception {
        setUp(true);
        race();
    }

    @Test
    void threadsConfirmingRefundingAndDisputingOneEscrowAtOnceLeaveExactlyOneOutcomeAndABalancedLedger()
            throws Exception {
        setUp(false);
        race();
    }

    void race() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 40; round++) {
                String id = "race-" + round;
                service.open(EscrowTerms.of(id, "b-1", "s-1", cny("100.00"))
                        .withDeductions(Deductions.commission(cny("5.00"))));
                service.pay(id, BUYER, EscrowServiceExamples.CARD);
                service.ship(id, SELLER, "SF" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Transition>> racers = List.of(
                        () -> { start.await(); return service.confirmReceipt(id, BUYER); },
                        () -> { start.await(); return service.refundAfterReturn(id, SELLER, cny("100.00")); },
                        () -> { start.await(); return service.openDispute(id, BUYER); });
                List<Future<Transition>> futures = new ArrayList<>();
                for (Callable<Transition> racer : racers) {
                    futures.add(pool.submit(racer));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Transition> f : futures) {
                    if (f.get(30, TimeUnit.SECONDS) instanceof Transition.Accepted) {
                        accepted++;
                    }
                }
                assertEquals(1, accepted, "round " + round);
                Escrow end = service.find(id).orElseThrow();
                MonetaryAmount held = journal.balance(Account.escrowHeld(id), CNY);
                if (end instanceof Disputed) {
                    assertTrue(held.isEqualTo(cny("100.00")));
                } else {
                    assertTrue(end instanceof Released || end instanceof Refunded, end.toString());
                    assertTrue(held.isZero());
                }
                assertEquals(3, end.step(), "open, pay, ship, then exactly one more transition");
                clock.advance(Duration.ofMinutes(1));
            }
        } finally {
            pool.shutdownNow();
        }
        LedgerChecks.assertConsistent(journal);
    }
}
