package dev.mercato.core.escrow;

import static dev.mercato.core.escrow.EscrowExamples.BUYER;
import static dev.mercato.core.escrow.EscrowExamples.CNY;
import static dev.mercato.core.escrow.EscrowExamples.SELLER;
import static dev.mercato.core.escrow.EscrowExamples.T0;
import static dev.mercato.core.escrow.EscrowExamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.AccountStatement;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

class JournalOutageExamples {

    /** A journal that fails while {@code down} is set, like a ledger database that is unreachable. */
    static final class FlakyJournal implements Journal {
        final Journal delegate = Journal.inMemory();
        volatile boolean down;

        private void check() {
            if (down) {
                throw new IllegalStateException("ledger unreachable");
            }
        }

        @Override
        public PostResult post(JournalEntry entry) {
            check();
            return delegate.post(entry);
        }

        @Override
        public List<PostResult> postAll(List<JournalEntry> entries) {
            check();
            return delegate.postAll(entries);
        }

        @Override
        public Optional<JournalEntry> entry(String key) {
            return delegate.entry(key);
        }

        @Override
        public List<JournalEntry> entries() {
            return delegate.entries();
        }

        @Override
        public MonetaryAmount balance(Account account, CurrencyUnit currency) {
            return delegate.balance(account, currency);
        }

        @Override
        public Map<Account, Map<CurrencyUnit, MonetaryAmount>> balances() {
            return delegate.balances();
        }

        @Override
        public AccountStatement statement(Account account, CurrencyUnit currency, Instant from, Instant to) {
            return delegate.statement(account, currency, from, to);
        }
    }

    final MovableClock clock = new MovableClock(T0);
    final FlakyJournal journal = new FlakyJournal();
    final EscrowService service = EscrowService.create(InMemoryStorage.create(), journal,
            SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec", Set.of(CNY))), clock);

    @Test
    void anEntryWhosePostWasLostIsPostedByTheNextCommand() {
        service.open(EscrowExamples.terms());
        journal.down = true;
        assertInstanceOf(Held.class, service.pay("o-1", BUYER, EscrowServiceExamples.CARD).escrow());
        assertTrue(journal.entries().isEmpty());
        journal.down = false;
        service.ship("o-1", SELLER, "SF1");
        assertInstanceOf(Transition.Accepted.class, service.confirmReceipt("o-1", BUYER));
        assertEquals(2, journal.entries().size(), "capture (replayed late) and release");
        assertTrue(journal.balance(Account.escrowHeld("o-1"), CNY).isZero());
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void repairingTheJournalPostsWhatAnOutageLost() {
        service.open(EscrowExamples.terms());
        journal.down = true;
        service.pay("o-1", BUYER, EscrowServiceExamples.CARD);
        journal.down = false;
        assertEquals(1, service.repairJournal());
        assertEquals(0, service.repairJournal());
        assertTrue(journal.balance(Account.escrowHeld("o-1"), CNY).isEqualTo(cny("100.00")));
    }
}
