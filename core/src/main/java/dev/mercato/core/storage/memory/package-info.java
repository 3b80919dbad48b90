/**
 * The embedded default storage: everything in memory, thread-safe, lost when the process ends.
 * Create it with {@link dev.mercato.core.storage.memory.InMemoryStorage#create()}.
 */
package dev.mercato.core.storage.memory;
