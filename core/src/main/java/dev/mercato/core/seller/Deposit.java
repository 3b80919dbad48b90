package dev.mercato.core.seller;

import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A seller's security deposit as the seller record knows it: the payment that lodged it, what was
 * lodged, debited (penalties, compensation) and returned, and the journal entries of those
 * movements, in order. The ledger's {@code SellerDeposit} balance equals {@link #held()}:
 * {@code lodged - debited - returned}, never negative. Immutable.
 *
 * @param payment the provider transaction that lodged the deposit; empty when none was required
 * @param lodged what was lodged
 * @param debited what was debited since
 * @param returned what was given back on closure
 * @param entries the deposit's journal entries, oldest first
 */
public record Deposit(Optional<TransactionId> payment, MonetaryAmount lodged, MonetaryAmount debited,
        MonetaryAmount returned, List<JournalEntry> entries) {

    /** Validates the fields: one currency, {@code held} not negative. */
    public Deposit {
        InvalidInputException.requireNonNull(payment, "payment");
        CurrencyUnit currency = InvalidInputException.requireNonNull(lodged, "lodged").getCurrency();
        long in = MinorUnits.toMinor(lodged);
        long out = Exact.add(MinorUnits.toMinor(InvalidInputException.requireNonNull(debited, "debited"), currency),
                MinorUnits.toMinor(InvalidInputException.requireNonNull(returned, "returned"), currency));
        if (in < 0 || debited.isNegative() || returned.isNegative() || out > in) {
            throw new InvalidInputException("deposit", lodged + " - " + debited + " - " + returned,
                    "must have non-negative parts and never hold less than zero");
        }
        entries = List.copyOf(InvalidInputException.requireNonNull(entries, "entries"));
    }

    /**
     * No deposit, for a seller type that lodges none.
     *
     * @param currency the currency debits would be in
     * @return an empty deposit
     */
    public static Deposit none(CurrencyUnit currency) {
        MonetaryAmount zero = MinorUnits.toAmount(0, currency);
        return new Deposit(Optional.empty(), zero, zero, zero, List.of());
    }

    static Deposit lodged(TransactionId payment, MonetaryAmount amount, JournalEntry entry) {
        MonetaryAmount zero = MinorUnits.toAmount(0, amount.getCurrency());
        return new Deposit(Optional.of(payment), amount, zero, zero, List.of(entry));
    }

    /**
     * The currency of the deposit.
     *
     * @return the currency
     */
    public CurrencyUnit currency() {
        return lodged.getCurrency();
    }

    /**
     * What the deposit still holds.
     *
     * @return {@code lodged - debited - returned}, never negative
     */
    public MonetaryAmount held() {
        return MinorUnits.toAmount(heldMinor(), currency());
    }

    long heldMinor() {
        return Exact.subtract(MinorUnits.toMinor(lodged), Exact.add(MinorUnits.toMinor(debited), MinorUnits.toMinor(returned)));
    }

    Deposit debit(MonetaryAmount amount, JournalEntry entry) {
        return new Deposit(payment, lodged, MinorUnits.toAmount(Exact.add(MinorUnits.toMinor(debited),
                MinorUnits.toMinor(amount, currency())), currency()), returned, append(entry));
    }

    Deposit giveBack(MonetaryAmount amount, JournalEntry entry) {
        return new Deposit(payment, lodged, debited, MinorUnits.toAmount(Exact.add(MinorUnits.toMinor(returned),
                MinorUnits.toMinor(amount, currency())), currency()), append(entry));
    }

    private List<JournalEntry> append(JournalEntry entry) {
        List<JournalEntry> more = new ArrayList<>(entries);
        more.add(entry);
        return more;
    }
}
