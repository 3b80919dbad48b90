/**
 * Loads platform schedules (commission, fees, revenue shares, annual fee, deposits, penalties,
 * advertising) from JSON with Jackson's tree model. The schema is documented in {@code
 * docs/commission-and-fees.md}; every error is an {@link
 * dev.mercato.pricing.commission.InvalidScheduleException} naming the JSON location (e.g. {@code
 * $.commission.rules[2].rate}) and the problem. Example schedules ship as resources: see {@link
 * dev.mercato.pricing.revenue.json.ScheduleJson#example(String)}.
 */
package dev.mercato.pricing.revenue.json;
