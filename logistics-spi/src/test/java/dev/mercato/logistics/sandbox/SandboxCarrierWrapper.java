package dev.mercato.logistics.sandbox;

/** A plug-in built on a sandbox carrier, so that the kit's sandbox hooks can reach the sandbox behind it. */
interface SandboxCarrierWrapper {
    SandboxCarrier sandbox();
}
