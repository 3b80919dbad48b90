/**
 * The catalog SPI: what Mercato needs to know about a SKU (seller, category path, list price,
 * price levels, weight and size, active flag), and an in-memory implementation.
 */
package dev.mercato.core.catalog;
