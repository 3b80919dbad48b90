package dev.mercato.core.simulation;

import static dev.mercato.core.simulation.SimWorld.CNY;
import static dev.mercato.core.simulation.SimWorld.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.core.NotPermittedException;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.simulation.ProviderTape.Kind;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.money.MinorUnits;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A refund the provider declines (found by the fault simulation): the money never left the
 * platform, so the ledger must not count it as refunded. It is owed to the buyer
 * ({@code Account.refundOwed}) until an operator sends it again.
 */
class DeclinedRefundExamples {
    final SimWorld w = new SimWorld();
    final Actor.Buyer ann = new Actor.Buyer("ann");

    OrderId paidMask() {
        w.commerce.addToCart(ann, CartId.of("ann"), SkuId.of("mask"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                w.commerce.checkout(ann, CartId.of("ann"), "k1", Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class, w.commerce.pay(ann, placed.payment().paymentId(), new PaymentSource("tok_ann")));
        return placed.orders().get(0).id();
    }

    long balance(Account account) {
        return MinorUnits.toMinor(w.commerce.journal().orElseThrow().balance(account, CNY));
    }

    void assertRefunds(long ledger, long provider, long owed) {
        LedgerChecks.assertConsistent(w.commerce.journal().orElseThrow());
        assertEquals(ledger, balance(Account.refunds()), "refunds in the ledger");
        assertEquals(provider, w.provider.succeeded(Kind.REFUND, Optional.empty()), "refunds at the provider");
        assertEquals(owed, balance(Account.refundOwed("ann")), "owed to ann");
    }

    @Test
    void aDeclinedRefundIsOwedToTheBuyerNotCountedAsRefundedAndGoesOutWhenSentAgain() {
        OrderId mask = paidMask();
        FaultSimulationProperties.script(w, 0);                                 // the provider declines the refund
        assertInstanceOf(OrderResult.Done.class, w.commerce.refundBeforeShipment(ann, mask));
        w.sandbox.clearScript();
        assertRefunds(0, 0, 5_903);                                             // 59.03 owed, nothing refunded

        assertThrows(NotPermittedException.class, () -> w.commerce.resendDeclinedRefunds(ann, mask));
        assertRefunds(0, 0, 5_903);
        assertEquals(1, w.commerce.resendDeclinedRefunds(OPERATOR, mask));
        assertRefunds(5_903, 5_903, 0);
        assertEquals(0, w.commerce.resendDeclinedRefunds(OPERATOR, mask), "a replay sends nothing more");
        assertRefunds(5_903, 5_903, 0);
    }

    @Test
    void aRefundThatPendsAndIsDeclinedLaterIsOwedOnceItsOutcomeIsKnown() {
        OrderId mask = paidMask();
        FaultSimulationProperties.script(w, 6);                                 // pending, then declined
        w.commerce.refundBeforeShipment(ann, mask);
        w.sandbox.clearScript();
        assertRefunds(5_903, 0, 0);                                             // in flight: the ledger leads
        FaultSimulationProperties.settle0(w);                                   // reconciliation learns the decline
        assertRefunds(0, 0, 5_903);
        FaultSimulationProperties.settle0(w);
        assertRefunds(0, 0, 5_903);                                             // reversed once only
        w.commerce.resendDeclinedRefunds(OPERATOR, mask);
        FaultSimulationProperties.settle0(w);
        assertRefunds(5_903, 5_903, 0);
    }
}
