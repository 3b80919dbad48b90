package dev.mercato.core.settlement;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.AccountStatement;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The statement of the platform's own store for a period, read from the ledger: the sales of
 * self-operated goods that became final (net of refunds after release), the cost of those goods
 * and the margin between them (docs/escrow-and-ledger.md, "Self-operated goods"). A self-operated
 * seller has no payable balance, commission or payouts; this is its statement.
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the currency
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive
 * @param sales the movement of {@link RevenueStream#SALES} in the period
 * @param costOfGoods the movement of {@link Account.CostOfGoods} in the period
 * @param margin {@code sales - costOfGoods}
 */
public record MarginStatement(CurrencyUnit currency, Instant from, Instant to, MonetaryAmount sales,
        MonetaryAmount costOfGoods, MonetaryAmount margin) {

    /**
     * Validates the statement.
     *
     * @throws InvalidInputException if a value is missing or the margin is not sales minus cost
     */
    public MarginStatement {
        InvalidInputException.requireNonNull(currency, "currency");
        InvalidInputException.requireNonNull(from, "from");
        InvalidInputException.requireNonNull(to, "to");
        long s = MinorUnits.toMinor(InvalidInputException.requireNonNull(sales, "sales"), currency);
        long c = MinorUnits.toMinor(InvalidInputException.requireNonNull(costOfGoods, "costOfGoods"), currency);
        if (MinorUnits.toMinor(InvalidInputException.requireNonNull(margin, "margin"), currency) != Exact.subtract(s, c)) {
            throw new InvalidInputException("margin", margin, "must be sales " + sales + " minus cost " + costOfGoods);
        }
    }

    /**
     * Reads the statement from a journal.
     *
     * @param journal the ledger
     * @param currency the currency
     * @param from start, inclusive
     * @param to end, exclusive
     * @return the statement
     */
    public static MarginStatement read(Journal journal, CurrencyUnit currency, Instant from, Instant to) {
        InvalidInputException.requireNonNull(journal, "journal");
        long sales = movement(journal.statement(Account.revenue(RevenueStream.SALES), currency, from, to), currency);
        long cost = movement(journal.statement(Account.costOfGoods(), currency, from, to), currency);
        return new MarginStatement(currency, from, to, MinorUnits.toAmount(sales, currency),
                MinorUnits.toAmount(cost, currency), MinorUnits.toAmount(Exact.subtract(sales, cost), currency));
    }

    private static long movement(AccountStatement statement, CurrencyUnit currency) {
        return Exact.subtract(MinorUnits.toMinor(statement.closing(), currency),
                MinorUnits.toMinor(statement.opening(), currency));
    }
}
