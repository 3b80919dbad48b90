/**
 * Domain events and the publisher SPI through which committed events leave Mercato.
 */
package dev.mercato.core.event;
