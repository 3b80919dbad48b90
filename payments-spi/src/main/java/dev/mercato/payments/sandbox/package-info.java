/**
 * A deterministic, scriptable in-memory payment and payout provider for tests, demos and local
 * development: {@link dev.mercato.payments.sandbox.SandboxPaymentProvider}.
 */
package dev.mercato.payments.sandbox;
