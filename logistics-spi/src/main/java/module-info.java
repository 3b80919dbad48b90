/**
 * Mercato logistics SPI: the contract a carrier plug-in implements, and an in-memory sandbox
 * carrier. Depends only on the JSR 354 money API and the JDK.
 */
module dev.mercato.logistics {
    requires transitive java.money;

    exports dev.mercato.logistics;
    exports dev.mercato.logistics.sandbox;
}
