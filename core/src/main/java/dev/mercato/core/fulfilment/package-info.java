/**
 * Fulfilment through a {@link dev.mercato.logistics.Carrier}: the parcels an order ships in (one
 * per warehouse its stock sits in), their return shipments, and the tracking that moves orders to
 * delivered and returned goods to received.
 *
 * <p>A {@link dev.mercato.core.fulfilment.TrackedParcel} is kept per carrier parcel, keyed by
 * carrier and tracking number. Its {@link dev.mercato.logistics.Tracking} folds every event the
 * carrier reported, from notifications or polling, once per event id and in any order, so a
 * duplicate or a late "in transit" after "delivered" changes nothing. The commands that book
 * parcels and apply tracking live on the {@code Commerce} facade; this package holds their values.
 */
package dev.mercato.core.fulfilment;
