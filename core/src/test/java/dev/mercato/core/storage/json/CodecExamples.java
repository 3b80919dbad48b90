package dev.mercato.core.storage.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.storage.Codec;
import dev.mercato.core.storage.CodecException;
import dev.mercato.core.storage.Codecs;
import dev.mercato.core.storage.StoredDocument;
import dev.mercato.core.storage.Upcaster;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class CodecExamples {
    /** Version 1 of a stored note had only a text; version 2 adds who wrote it. */
    record Note(String text, String author, Optional<Instant> at) {}

    record Priced(MonetaryAmount amount, Account account) {}

    @Test
    void anAmountIsStoredAsMinorUnitsAndItsCurrencyCode() {
        Codec<Priced> codec = Codecs.json(Priced.class);
        Priced priced = new Priced(Money.of(new java.math.BigDecimal("10.50"), "CNY"), Account.revenue(RevenueStream.COMMISSION));
        StoredDocument document = codec.encode(priced);
        assertEquals("{\"amount\":{\"minor\":1050,\"currency\":\"CNY\"},"
                + "\"account\":{\"@type\":\"PlatformRevenue\",\"stream\":\"COMMISSION\"}}", document.json());
        assertEquals(priced, codec.decode(document));
    }

    @Test
    void anAmountFinerThanItsCurrencyIsRefusedRatherThanRounded() {
        Codec<Priced> codec = Codecs.json(Priced.class);
        Priced priced = new Priced(Money.of(new java.math.BigDecimal("10.505"), "CNY"), Account.refunds());
        assertThrows(CodecException.class, () -> codec.encode(priced));
    }

    @Test
    void aVersionOneDocumentIsUpcastToTheCurrentVersionOnRead() {
        Codec<Note> v2 = Codecs.json(Note.class, 2, new Upcaster(1, doc -> {
            doc.put("author", "unknown");
            return doc;
        }));
        StoredDocument old = new StoredDocument(1, "{\"text\":\"hello\",\"at\":null}");
        assertEquals(new Note("hello", "unknown", Optional.empty()), v2.decode(old));
        assertEquals(2, v2.encode(new Note("a", "b", Optional.empty())).schemaVersion());
    }

    @Test
    void aDocumentOfANewerVersionIsRefused() {
        Codec<Note> v1 = Codecs.json(Note.class);
        CodecException refused = assertThrows(CodecException.class,
                () -> v1.decode(new StoredDocument(2, "{\"text\":\"hello\",\"author\":\"x\",\"at\":null}")));
        assertEquals(Note.class.getName(), refused.type());
    }

    @Test
    void aCodecAtVersionThreeNeedsTheStepsFromOneAndTwo() {
        assertThrows(InvalidInputException.class, () -> Codecs.json(Note.class, 3, new Upcaster(1, doc -> doc)));
    }

    @Test
    void idempotencyResultsAndEventsKeepTheirClass() {
        Codec<Object> results = Codecs.idempotencyResults();
        for (Object value : List.<Object>of("order-1", 42L, new Note("n", "a", Optional.of(Instant.EPOCH)),
                Account.sellerPayable("s-1"))) {
            assertEquals(value, results.decode(results.encode(value)));
        }
        assertEquals(Monetary.getCurrency("JPY"),
                ((Priced) Codecs.domainEvents().decode(Codecs.domainEvents().encode(
                        new Priced(Money.of(5, "JPY"), Account.payouts())))).amount().getCurrency());
    }

    @Test
    void malformedJsonIsATypedError() {
        assertThrows(CodecException.class, () -> Codecs.json(Note.class).decode(new StoredDocument(1, "{not json")));
    }
}
