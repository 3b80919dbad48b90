/**
 * The JSON codecs behind {@link dev.mercato.core.storage.Codecs}, on Jackson's tree model. The
 * only package of core that sees Jackson; it reads records reflectively within core's module, and
 * a host's own records when they are public or their package is opened to {@code dev.mercato.core}.
 */
package dev.mercato.core.storage.json;
