package dev.mercato.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Ledger invariants as reusable assertions, for the ledger's own tests and for any model that
 * posts to a journal (escrow, settlement). Shipped in the core test-jar.
 */
public final class LedgerChecks {
    private LedgerChecks() {}

    /**
     * Asserts that every entry balances per currency, that all balances sum to zero per currency,
     * and that the journal's stored balances equal the balances recomputed from its entries.
     *
     * @param journal the journal to check
     */
    public static void assertConsistent(Journal journal) {
        Map<Account, Map<CurrencyUnit, BigDecimal>> recomputed = new HashMap<>();
        for (JournalEntry entry : journal.entries()) {
            Map<CurrencyUnit, BigDecimal> entrySum = new HashMap<>();
            for (Posting p : entry.postings()) {
                BigDecimal value = p.amount().getNumber().numberValue(BigDecimal.class);
                entrySum.merge(p.currency(), value, BigDecimal::add);
                recomputed.computeIfAbsent(p.account(), a -> new HashMap<>()).merge(p.currency(), value, BigDecimal::add);
            }
            entrySum.forEach((currency, sum) -> assertEquals(0, sum.signum(),
                    () -> "entry " + entry.key() + " does not balance in " + currency));
        }
        Map<Account, Map<CurrencyUnit, MonetaryAmount>> stored = journal.balances();
        Map<CurrencyUnit, BigDecimal> total = new HashMap<>();
        stored.forEach((account, perCurrency) -> perCurrency.forEach((currency, amount) -> {
            BigDecimal value = amount.getNumber().numberValue(BigDecimal.class);
            total.merge(currency, value, BigDecimal::add);
            BigDecimal expected = recomputed.getOrDefault(account, Map.of()).getOrDefault(currency, BigDecimal.ZERO);
            assertEquals(0, expected.compareTo(value),
                    () -> "stored balance of " + account.code() + " " + value + " != recomputed " + expected);
        }));
        recomputed.forEach((account, perCurrency) -> perCurrency.forEach((currency, value) -> {
            BigDecimal storedValue = journal.balance(account, currency).getNumber().numberValue(BigDecimal.class);
            assertEquals(0, value.compareTo(storedValue),
                    () -> "recomputed balance of " + account.code() + " " + value + " != stored " + storedValue);
        }));
        total.forEach((currency, sum) -> assertEquals(0, sum.signum(),
                () -> "balances sum to " + sum + " " + currency + ", not zero"));
    }
}
