/**
 * The storage SPI: a repository per aggregate type, a unit of work committed atomically with
 * optimistic versions, an idempotency store and due timers. {@link
 * dev.mercato.core.storage.Storage} is the entry point; the embedded default lives in {@code
 * dev.mercato.core.storage.memory}, and every implementation runs the {@code StorageContract}
 * suite shipped in the core test-jar.
 */
package dev.mercato.core.storage;
