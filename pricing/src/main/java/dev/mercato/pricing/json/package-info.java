/**
 * The strict JSON layer every Mercato JSON reader goes through: {@link
 * dev.mercato.pricing.json.StrictJson} parses a document under the bounds of {@link
 * dev.mercato.pricing.json.JsonLimits} (size, nesting, string and number length, duplicate keys
 * refused) and {@link dev.mercato.pricing.json.JsonValue} reads typed values with their JSON
 * path, checking every number's magnitude and scale before any arithmetic. Each reader supplies
 * its own typed exception through {@link dev.mercato.pricing.json.StrictJson.Refusal}. An
 * internal package: it is not exported by the module.
 */
package dev.mercato.pricing.json;
