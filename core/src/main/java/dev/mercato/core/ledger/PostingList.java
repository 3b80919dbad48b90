package dev.mercato.core.ledger;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import javax.money.CurrencyUnit;

/**
 * The postings of one journal entry, kept compactly: accounts and signed minor units in two
 * arrays and, when every posting has the same currency (the usual case), that currency once. An
 * entry keeps this instead of one {@link Posting} object per line; {@link #get(int)} builds the
 * {@code Posting} on request, equal to the one that was added.
 *
 * <p>Immutable (every mutator throws {@link UnsupportedOperationException}) and thread-safe.
 * Equal to any list of equal postings in the same order.
 */
final class PostingList extends AbstractList<Posting> implements RandomAccess {
    private final Account[] accounts;
    private final long[] minor;
    private final CurrencyUnit currency;
    private final CurrencyUnit[] currencies;
    private final int size;

    /** Takes the arrays as they are: the caller hands them over and never changes them again. */
    private PostingList(Account[] accounts, CurrencyUnit[] currencies, long[] minor, int size) {
        this.accounts = accounts;
        this.minor = minor;
        this.size = size;
        boolean oneCurrency = true;
        for (int i = 1; i < size; i++) {
            oneCurrency &= currencies[i].equals(currencies[0]);
        }
        this.currency = size > 0 ? currencies[0] : null;
        this.currencies = oneCurrency ? null : currencies;
    }

    /**
     * The postings of a list, compactly; a {@code PostingList} is returned as it is.
     *
     * @param postings the postings, none {@code null}
     * @return an immutable compact copy
     */
    static PostingList of(List<Posting> postings) {
        if (postings instanceof PostingList compact) {
            return compact;
        }
        int n = postings.size();
        Account[] accounts = new Account[n];
        CurrencyUnit[] currencies = new CurrencyUnit[n];
        long[] minor = new long[n];
        int i = 0;
        for (Posting p : postings) {
            InvalidInputException.requireNonNull(p, "posting");
            accounts[i] = p.account();
            currencies[i] = p.currency();
            minor[i++] = p.minor();
        }
        if (i != n) {
            throw new InvalidInputException("postings", postings, "changed while being copied");
        }
        return new PostingList(accounts, currencies, minor, n);
    }

    Account account(int i) {
        return accounts[check(i)];
    }

    CurrencyUnit currency(int i) {
        check(i);
        return currencies == null ? currency : currencies[i];
    }

    long minor(int i) {
        return minor[check(i)];
    }

    /** The same postings with their signs flipped, as a reversing entry holds them. */
    PostingList negated() {
        long[] negated = new long[size];
        for (int i = 0; i < size; i++) {
            negated[i] = dev.mercato.pricing.money.Exact.negate(minor[i]);
        }
        CurrencyUnit[] perPosting = new CurrencyUnit[size];
        for (int i = 0; i < size; i++) {
            perPosting[i] = currency(i);
        }
        return new PostingList(Arrays.copyOf(accounts, size), perPosting, negated, size);
    }

    @Override
    public Posting get(int i) {
        return Posting.ofMinor(account(i), currency(i), minor(i));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof PostingList other)) {
            return super.equals(o);
        }
        if (other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (minor[i] != other.minor[i] || !accounts[i].equals(other.accounts[i]) || !currency(i).equals(other.currency(i))) {
                return false;
            }
        }
        return true;
    }

    /** The {@link List#hashCode()} of the postings, computed without building them. */
    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < size; i++) {
            hash = 31 * hash + Posting.hashOf(accounts[i], currency(i), minor[i]);
        }
        return hash;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("posting " + i + " of " + size);
        }
        return i;
    }

    /** Collects postings for {@link JournalEntry.Builder}; the lists it builds share its arrays. */
    static final class Collector {
        private Account[] accounts = new Account[4];
        private CurrencyUnit[] currencies = new CurrencyUnit[4];
        private long[] minor = new long[4];
        private int size;

        void add(Account account, CurrencyUnit currency, long signedMinor) {
            InvalidInputException.requireNonNull(account, "account");
            InvalidInputException.requireNonNull(currency, "currency");
            MinorUnits.scale(currency);
            if (signedMinor == 0) {
                throw new InvalidInputException("amount", "0 " + currency.getCurrencyCode(), "must not be zero");
            }
            if (size == accounts.length) {
                accounts = Arrays.copyOf(accounts, size * 2);
                currencies = Arrays.copyOf(currencies, size * 2);
                minor = Arrays.copyOf(minor, size * 2);
            }
            accounts[size] = account;
            currencies[size] = currency;
            minor[size++] = signedMinor;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /**
         * The postings so far. The list shares the arrays: later additions write only past its
         * size (or into grown copies), so it never changes.
         */
        PostingList build() {
            return new PostingList(accounts, currencies, minor, size);
        }
    }
}
