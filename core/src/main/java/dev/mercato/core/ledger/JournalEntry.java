package dev.mercato.core.ledger;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * One immutable, balanced movement of money: its postings sum to zero in every currency.
 *
 * <p>The {@code key} is the entry's identity and idempotency key: a journal posts each key at
 * most once, and a second post of the same key with the same postings returns the first entry.
 * An entry is never changed or deleted; a mistake is corrected by posting its {@linkplain
 * #reversal(String, Instant) reversal}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param key the idempotency key, not blank
 * @param at when the money moved
 * @param memo what happened, for statements; may be empty, never {@code null}
 * @param postings at least two postings, balanced per currency
 * @param reverses the key of the entry this one reverses, if it is a reversal
 * @param reference what posted the entry, typed (kind, aggregate id, step, event); empty for
 *     entries posted without one (and those stored before references existed)
 */
public record JournalEntry(String key, Instant at, String memo, List<Posting> postings, Optional<String> reverses,
        Optional<EntryReference> reference) {

    /**
     * An entry without a reference.
     *
     * @param key the idempotency key, not blank
     * @param at when the money moved
     * @param memo what happened
     * @param postings at least two postings, balanced per currency
     * @param reverses the key of the entry this one reverses, if it is a reversal
     * @throws InvalidInputException as the canonical constructor
     */
    public JournalEntry(String key, Instant at, String memo, List<Posting> postings, Optional<String> reverses) {
        this(key, at, memo, postings, reverses, Optional.empty());
    }

    /**
     * Validates the entry.
     *
     * @throws InvalidInputException if a component is missing, or there are fewer than two postings
     * @throws UnbalancedEntryException if the postings do not sum to zero in some currency
     */
    public JournalEntry {
        InvalidInputException.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new InvalidInputException("key", "\"" + key + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(at, "at");
        InvalidInputException.requireNonNull(memo, "memo");
        InvalidInputException.requireNonNull(postings, "postings");
        InvalidInputException.requireNonNull(reverses, "reverses");
        if (reference == null) {
            // Stored before references existed.
            reference = Optional.empty();
        }
        // Kept compactly (accounts and minor units in arrays), never as the caller's list.
        PostingList compact = PostingList.of(postings);
        postings = compact;
        if (compact.size() < 2) {
            throw new InvalidInputException("postings", compact, "must hold at least two postings");
        }
        requireBalanced(key, compact);
    }

    /** Every currency's postings sum to zero; one currency (the usual case) needs no map. */
    private static void requireBalanced(String key, PostingList postings) {
        CurrencyUnit currency = postings.currency(0);
        long sum = 0;
        for (int i = 0; i < postings.size(); i++) {
            if (!postings.currency(i).equals(currency)) {
                requireBalancedPerCurrency(key, postings);
                return;
            }
            sum = Exact.add(sum, postings.minor(i));
        }
        if (sum != 0) {
            throw new UnbalancedEntryException(key, currency.getCurrencyCode(), sum);
        }
    }

    private static void requireBalancedPerCurrency(String key, PostingList postings) {
        Map<CurrencyUnit, Long> sums = new LinkedHashMap<>();
        for (int i = 0; i < postings.size(); i++) {
            sums.merge(postings.currency(i), postings.minor(i), Exact::add);
        }
        for (Map.Entry<CurrencyUnit, Long> sum : sums.entrySet()) {
            if (sum.getValue() != 0) {
                throw new UnbalancedEntryException(key, sum.getKey().getCurrencyCode(), sum.getValue());
            }
        }
    }

    /**
     * Starts an entry.
     *
     * @param key the idempotency key
     * @param at when the money moves
     * @param memo what happens
     * @return a builder; not thread-safe
     */
    public static Builder builder(String key, Instant at, String memo) {
        return new Builder(key, at, memo);
    }

    /**
     * The entry that undoes this one: same postings with opposite signs.
     *
     * @param reversalKey the reversal's own idempotency key
     * @param reversalAt when the correction is made
     * @return the reversing entry, referring to this entry's key
     */
    public JournalEntry reversal(String reversalKey, Instant reversalAt) {
        return new JournalEntry(reversalKey, reversalAt, "reversal of " + key, postingList().negated(), Optional.of(key),
                reference.map(r -> r.withEvent("reversal")));
    }

    /** The postings in their compact form, for journals that read them without building {@link Posting}s. */
    PostingList postingList() {
        return (PostingList) postings;
    }

    /**
     * Whether another entry carries the same money movement: same postings in the same order and
     * the same reversal target. Time and memo are not compared, so a replayed command matches.
     *
     * @param other the other entry
     * @return {@code true} if the movements are the same
     */
    public boolean sameMovementAs(JournalEntry other) {
        return postings.equals(other.postings) && reverses.equals(other.reverses);
    }

    /** Collects postings for one entry. Not thread-safe; use once. */
    public static final class Builder {
        private final String key;
        private final Instant at;
        private final String memo;
        private final PostingList.Collector postings = new PostingList.Collector();
        private Optional<EntryReference> reference = Optional.empty();

        private Builder(String key, Instant at, String memo) {
            this.key = key;
            this.at = at;
            this.memo = memo;
        }

        /**
         * Adds a debit (money arrives in the account); a zero amount is skipped.
         *
         * @param account the account
         * @param amount a non-negative amount
         * @return this builder
         */
        public Builder debit(Account account, MonetaryAmount amount) {
            if (!amount.isZero()) {
                add(Posting.debit(account, amount));
            }
            return this;
        }

        /**
         * Adds a credit (money leaves the account); a zero amount is skipped.
         *
         * @param account the account
         * @param amount a non-negative amount
         * @return this builder
         */
        public Builder credit(Account account, MonetaryAmount amount) {
            if (!amount.isZero()) {
                add(Posting.credit(account, amount));
            }
            return this;
        }

        /**
         * Adds a signed amount in minor units; zero is skipped.
         *
         * @param account the account
         * @param currency the currency
         * @param signedMinor positive for a debit, negative for a credit
         * @return this builder
         */
        public Builder minor(Account account, CurrencyUnit currency, long signedMinor) {
            if (signedMinor != 0) {
                postings.add(account, currency, signedMinor);
            }
            return this;
        }

        private void add(Posting p) {
            postings.add(p.account(), p.currency(), p.minor());
        }

        /**
         * Records what posts the entry.
         *
         * @param what the typed reference
         * @return this builder
         */
        public Builder reference(EntryReference what) {
            this.reference = Optional.of(InvalidInputException.requireNonNull(what, "reference"));
            return this;
        }

        /**
         * Whether any non-zero posting was added.
         *
         * @return {@code true} if empty
         */
        public boolean isEmpty() {
            return postings.isEmpty();
        }

        /**
         * Builds the entry.
         *
         * @return the entry
         * @throws UnbalancedEntryException if it does not balance
         */
        public JournalEntry build() {
            return new JournalEntry(key, at, memo, postings.build(), Optional.empty(), reference);
        }
    }
}
