/**
 * The root of Mercato's exception hierarchy, {@link dev.mercato.pricing.error.MercatoException},
 * and the general precondition failure {@link dev.mercato.pricing.error.InvalidInputException}.
 * Domain-specific subtypes live beside the code that throws them.
 */
package dev.mercato.pricing.error;
