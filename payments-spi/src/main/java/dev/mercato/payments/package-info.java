/** The payment provider SPI: what a payment plug-in implements and what Mercato guarantees to call. */
package dev.mercato.payments;
