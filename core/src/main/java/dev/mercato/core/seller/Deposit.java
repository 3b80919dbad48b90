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
 * lodged, debited (penalties, compensation), topped up again and returned, and the journal entries
 * of those movements, in order. The ledger's {@code SellerDeposit} balance equals {@link #held()}:
 * {@code lodged + toppedUp - debited - returned}, never negative. A top-up only restores what
 * debits took ({@code toppedUp <= debited}), so the deposit never holds more than was lodged and
 * its return fits in one refund of the lodging payment. Immutable.
 *
 * @param payment the provider transaction that lodged the deposit; empty when none was required
 * @param lodged what was lodged
 * @param debited what was debited since
 * @param returned what was given back on closure
 * @param entries the deposit's journal entries, oldest first
 * @param toppedUp what the seller paid in again since ({@code SellerService.topUpDeposit}); a
 *     {@code null} (a deposit stored before top-ups existed) reads as zero
 */
public record Deposit(Optional<TransactionId> payment, MonetaryAmount lodged, MonetaryAmount debited,
        MonetaryAmount returned, List<JournalEntry> entries, MonetaryAmount toppedUp) {

    /** Validates the fields: one currency, {@code held} not negative, top-ups within the debits. */
    public Deposit {
        InvalidInputException.requireNonNull(payment, "payment");
        CurrencyUnit currency = InvalidInputException.requireNonNull(lodged, "lodged").getCurrency();
        toppedUp = toppedUp == null ? MinorUnits.toAmount(0, currency) : toppedUp;
        long up = MinorUnits.toMinor(toppedUp, currency);
        long in = Exact.add(MinorUnits.toMinor(lodged), up);
        long debits = MinorUnits.toMinor(InvalidInputException.requireNonNull(debited, "debited"), currency);
        long out = Exact.add(debits,
                MinorUnits.toMinor(InvalidInputException.requireNonNull(returned, "returned"), currency));
        if (lodged.isNegative() || debited.isNegative() || returned.isNegative() || up < 0 || up > debits || out > in) {
            throw new InvalidInputException("deposit", lodged + " + " + toppedUp + " - " + debited + " - " + returned,
                    "must have non-negative parts, top up no more than was debited and never hold less than zero");
        }
        entries = List.copyOf(InvalidInputException.requireNonNull(entries, "entries"));
    }

    /**
     * A deposit with nothing topped up.
     *
     * @param payment the lodging payment
     * @param lodged what was lodged
     * @param debited what was debited
     * @param returned what was returned
     * @param entries the journal entries
     */
    public Deposit(Optional<TransactionId> payment, MonetaryAmount lodged, MonetaryAmount debited,
            MonetaryAmount returned, List<JournalEntry> entries) {
        this(payment, lodged, debited, returned, entries, null);
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
        return Exact.subtract(Exact.add(MinorUnits.toMinor(lodged), MinorUnits.toMinor(toppedUp)),
                Exact.add(MinorUnits.toMinor(debited), MinorUnits.toMinor(returned)));
    }

    /**
     * What a top-up may still restore: what debits took and top-ups have not paid back.
     *
     * @return {@code debited - toppedUp}, never negative
     */
    public MonetaryAmount shortfall() {
        return MinorUnits.toAmount(shortfallMinor(), currency());
    }

    long shortfallMinor() {
        return Exact.subtract(MinorUnits.toMinor(debited), MinorUnits.toMinor(toppedUp));
    }

    Deposit debit(MonetaryAmount amount, JournalEntry entry) {
        return new Deposit(payment, lodged, MinorUnits.toAmount(Exact.add(MinorUnits.toMinor(debited),
                MinorUnits.toMinor(amount, currency())), currency()), returned, append(entry), toppedUp);
    }

    Deposit topUp(MonetaryAmount amount, JournalEntry entry) {
        return new Deposit(payment, lodged, debited, returned, append(entry), MinorUnits.toAmount(
                Exact.add(MinorUnits.toMinor(toppedUp), MinorUnits.toMinor(amount, currency())), currency()));
    }

    Deposit giveBack(MonetaryAmount amount, JournalEntry entry) {
        return new Deposit(payment, lodged, debited, MinorUnits.toAmount(Exact.add(MinorUnits.toMinor(returned),
                MinorUnits.toMinor(amount, currency())), currency()), append(entry), toppedUp);
    }

    private List<JournalEntry> append(JournalEntry entry) {
        List<JournalEntry> more = new ArrayList<>(entries);
        more.add(entry);
        return more;
    }
}
