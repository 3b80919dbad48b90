package dev.mercato.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** An entry's compact postings behave as the plain list of {@link Posting}s they were built from. */
class PostingListProperties {

    @Property
    void compactPostingsEqualThePlainListBothWays(@ForAll("entries") JournalEntry entry) {
        List<Posting> plain = new ArrayList<>();
        for (Posting p : entry.postings()) {
            plain.add(Posting.of(p.account(), p.amount()));
        }
        assertEquals(plain, entry.postings());
        assertEquals(entry.postings(), plain);
        assertEquals(plain.hashCode(), entry.postings().hashCode());
        int listHash = 1;
        for (Posting p : plain) {
            listHash = 31 * listHash + java.util.Objects.hash(p.account(), p.currency(), p.minor());
        }
        assertEquals(listHash, entry.postings().hashCode());
        assertEquals(plain.toString(), entry.postings().toString());
        JournalEntry fromPlain = new JournalEntry(entry.key(), entry.at(), entry.memo(), plain, entry.reverses());
        assertEquals(entry, fromPlain);
        assertEquals(entry.hashCode(), fromPlain.hashCode());
        assertTrue(entry.sameMovementAs(fromPlain) && fromPlain.sameMovementAs(entry));
    }

    @Property
    void aReversalHoldsEveryPostingNegatedInOrder(@ForAll("entries") JournalEntry entry) {
        JournalEntry reversal = entry.reversal("undo-" + entry.key(), entry.at());
        List<Posting> negated = entry.postings().stream().map(Posting::negate).toList();
        assertEquals(negated, reversal.postings());
        assertEquals(Optional.of(entry.key()), reversal.reverses());
    }

    @Property
    void postingsCannotBeChanged(@ForAll("entries") JournalEntry entry) {
        List<Posting> postings = entry.postings();
        Posting first = postings.get(0);
        assertThrows(UnsupportedOperationException.class, () -> postings.add(first));
        assertThrows(UnsupportedOperationException.class, () -> postings.set(0, first.negate()));
        assertThrows(UnsupportedOperationException.class, () -> postings.remove(0));
        assertThrows(IndexOutOfBoundsException.class, () -> postings.get(postings.size()));
    }

    @Property
    void aBuilderUsedAgainAfterBuildingLeavesTheFirstEntryAlone(@ForAll("entries") JournalEntry entry) {
        JournalEntry.Builder builder = JournalEntry.builder("b", entry.at(), "");
        for (Posting p : entry.postings()) {
            builder.minor(p.account(), p.currency(), p.minor());
        }
        JournalEntry first = builder.build();
        List<Posting> before = new ArrayList<>(first.postings());
        Posting extra = entry.postings().get(0);
        builder.minor(extra.account(), extra.currency(), extra.minor()).minor(extra.account(), extra.currency(), -extra.minor());
        JournalEntry second = builder.build();
        assertEquals(before, first.postings());
        assertEquals(before.size() + 2, second.postings().size());
    }

    @Provide
    Arbitrary<JournalEntry> entries() {
        return JournalProperties.entries("k");
    }
}
