/**
 * An in-memory reference carrier for tests and demos: {@link
 * dev.mercato.logistics.sandbox.SandboxCarrier}, configured by {@link
 * dev.mercato.logistics.sandbox.SandboxConfig}.
 */
package dev.mercato.logistics.sandbox;
