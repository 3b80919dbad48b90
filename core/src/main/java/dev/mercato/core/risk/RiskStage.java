package dev.mercato.core.risk;

/** When a risk check runs. */
public enum RiskStage {
    /** Before a cart is turned into orders: nothing is reserved or placed yet. */
    BEFORE_CHECKOUT,
    /** After the orders were placed, before payment: the orders count toward velocity from here. */
    AFTER_CHECKOUT,
    /** Before the payment provider is asked to take the money (the card is known). */
    BEFORE_PAYMENT,
    /** After the provider took the money, before the orders are released to the sellers. */
    AFTER_PAYMENT
}
