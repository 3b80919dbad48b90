/**
 * Fees booked to the ledger through the facade ({@code Commerce.fees()}, docs/fees.md): the annual
 * technical-service fee and its GMV rebate per seller and fee year, the prepaid advertising
 * balance with its daily budget, and the carrier's charge for each booked parcel. The records here
 * are the stored states, the command results and the refusals; the commands are on {@code
 * dev.mercato.core.Fees}.
 */
package dev.mercato.core.fee;
