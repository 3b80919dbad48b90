package dev.mercato.storage.postgres;

/**
 * Hands the outbox's events to a consumer, at least once. Each call locks up to a batch of the
 * oldest messages ({@code FOR UPDATE SKIP LOCKED}, so relays on several instances share the work),
 * gives them to the consumer in id order, and deletes them in the same transaction once the
 * consumer returned. A consumer that throws leaves its batch for the next call; a crash between
 * the consumer's success and the delete hands the batch over again. Consumers must therefore be
 * idempotent, by {@link OutboxMessage#id()}. The host calls {@link #relay} from its own scheduler.
 * Thread-safe.
 */
public interface OutboxRelay {
    /**
     * Relays one batch.
     *
     * @param limit the most messages to relay, at least 1
     * @return how many messages were relayed and removed
     * @throws RuntimeException what the consumer threw; the batch stays in the outbox
     */
    int relay(int limit);

    /**
     * The consumer of relayed messages: typically a broker producer that sends each message and
     * waits for the broker's acknowledgement before returning.
     */
    @FunctionalInterface
    interface Consumer {
        /**
         * Takes one message; returning means it is safely handed on.
         *
         * @param message the message
         */
        void accept(OutboxMessage message);
    }
}
