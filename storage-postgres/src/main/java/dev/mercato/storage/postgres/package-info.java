/**
 * The PostgreSQL storage: aggregates as versioned JSON documents, idempotency records under a
 * unique key, timers claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, a transactional
 * outbox and an append-only journal. Plain JDBC over a host-supplied {@code DataSource}; run
 * {@link dev.mercato.storage.postgres.MercatoSchema#migrate} before the first use.
 */
package dev.mercato.storage.postgres;
