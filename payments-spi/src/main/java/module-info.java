/**
 * Mercato payments SPI: the contract a payment provider plug-in implements, plus a scriptable
 * sandbox provider. Depends only on the JSR 354 money API and the JDK.
 */
module dev.mercato.payments {
    requires transitive java.money;

    exports dev.mercato.payments;
    exports dev.mercato.payments.sandbox;
}
