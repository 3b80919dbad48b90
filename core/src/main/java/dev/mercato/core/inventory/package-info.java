/**
 * The inventory SPI: stock per warehouse with safety stock, reservations made at checkout,
 * committed when goods ship and released when an order is cancelled or closed, and a pluggable
 * choice of warehouse. The in-memory implementation never oversells.
 */
package dev.mercato.core.inventory;
