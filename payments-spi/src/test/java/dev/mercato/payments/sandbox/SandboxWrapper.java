package dev.mercato.payments.sandbox;

/** A plug-in built on a sandbox, so that the kit's sandbox hooks can reach the sandbox behind it. */
interface SandboxWrapper {
    SandboxPaymentProvider sandbox();
}
