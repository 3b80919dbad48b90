package dev.mercato.core.ledger;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.pricing.error.InvalidInputException;
import net.jqwik.api.Example;

/** The journal model of {@link JournalProperties} against a journal sized below what it receives. */
class PresizedJournalProperties extends JournalProperties {

    @Override
    protected Journal newJournal() {
        return Journal.inMemory(3);
    }

    @Example
    void aNegativeSizeIsRefused() {
        assertThrows(InvalidInputException.class, () -> Journal.inMemory(-1));
    }
}
