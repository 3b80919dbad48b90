package dev.mercato.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.pricing.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class StorageKeysExamples {

    @Test
    void anAggregateTypeRejectsTwoIndexesWithOneName() {
        AggregateType<String, String> type = AggregateType.of("t", String.class, String.class, k -> k)
                .withIndex("first", v -> v);
        assertThrows(InvalidInputException.class, () -> type.withIndex("first", v -> v));
    }

    @Test
    void anUnknownIndexIsATypedError() {
        AggregateType<String, String> type = AggregateType.of("t", String.class, String.class, k -> k);
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> type.index("nope"));
        assertEquals("indexName", error.field());
    }

    @Test
    void aVersionBelowOneIsRejected() {
        assertThrows(InvalidInputException.class, () -> new Versioned<>("v", 0));
    }

    @Test
    void blankIdempotencyKeysAndTimerKeysAreRejected() {
        assertThrows(InvalidInputException.class, () -> new IdempotencyKey("checkout", " "));
        assertThrows(InvalidInputException.class, () -> new TimerKey("", "order-1"));
        assertEquals("checkout/k", new IdempotencyKey("checkout", "k").toString());
    }
}
