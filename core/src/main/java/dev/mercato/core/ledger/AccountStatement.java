package dev.mercato.core.ledger;

import java.time.Instant;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * The movements of one account in one currency over a period, with opening and closing balances.
 * {@code opening} plus the sum of the lines' amounts equals {@code closing}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param account the account
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive
 * @param opening the balance before {@code from}
 * @param lines the postings in the period, in posting order
 * @param closing the balance before {@code to}
 */
public record AccountStatement(Account account, Instant from, Instant to, MonetaryAmount opening, List<Line> lines,
        MonetaryAmount closing) {

    /** Copies the lines. */
    public AccountStatement {
        lines = List.copyOf(lines);
    }

    /**
     * One posting on the statement.
     *
     * @param entryKey the journal entry's key
     * @param at when the money moved
     * @param memo the entry's memo
     * @param amount the signed amount: positive for money in, negative for money out
     * @param balanceAfter the running balance after this line
     */
    public record Line(String entryKey, Instant at, String memo, MonetaryAmount amount, MonetaryAmount balanceAfter) {}
}
