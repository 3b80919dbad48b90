/**
 * The carrier SPI: what a shipping plug-in implements and what Mercato guarantees to call.
 *
 * <p>The entry point is {@link dev.mercato.logistics.Carrier}. Everything else is immutable
 * data (records), outcome types (sealed interfaces with one record per outcome) and the
 * exceptions of the {@link dev.mercato.logistics.LogisticsException} family. Weights are
 * whole grams and sizes whole millimetres ({@code long}); amounts are
 * {@link javax.money.MonetaryAmount}. {@link dev.mercato.logistics.Tracking} folds tracking
 * events into a parcel's state regardless of duplicates and order.
 */
package dev.mercato.logistics;
