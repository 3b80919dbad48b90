package dev.mercato.storage.postgres;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.storage.Codec;
import dev.mercato.core.storage.Codecs;
import dev.mercato.core.storage.StoredDocument;
import dev.mercato.pricing.error.InvalidInputException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Locks a batch of the oldest outbox rows, hands them to the consumer, deletes them, commits. */
final class PgOutboxRelay implements OutboxRelay {
    private static final Codec<Object> EVENTS = Codecs.domainEvents();

    private final PgStorage storage;
    private final Consumer consumer;

    PgOutboxRelay(PgStorage storage, Consumer consumer) {
        this.storage = storage;
        this.consumer = consumer;
    }

    @Override
    public int relay(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", limit, "must be at least 1");
        }
        return storage.withConnection("relay the outbox", connection -> {
            List<OutboxMessage> batch = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, event_class, schema_version, payload::text,"
                    + " recorded_at FROM mercato_outbox ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String payload = rows.getString(4);
                        DomainEvent event = (DomainEvent) EVENTS.decode(new StoredDocument(rows.getInt(3), payload));
                        batch.add(new OutboxMessage(rows.getLong(1), rows.getString(2), payload, event,
                                rows.getObject(5, java.time.OffsetDateTime.class).toInstant()));
                    }
                }
            }
            if (batch.isEmpty()) {
                return 0;
            }
            for (OutboxMessage message : batch) {
                consumer.accept(message);
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mercato_outbox WHERE id = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", batch.stream().map(OutboxMessage::id).toArray()));
                delete.executeUpdate();
            }
            return batch.size();
        });
    }
}
