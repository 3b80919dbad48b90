package dev.mercato.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.javamoney.moneta.Money;

class PaymentOutcomeProperties {
    private static final TransactionId ID = new TransactionId("pay-1");
    private static final MonetaryAmount AMOUNT = Money.of(25, "EUR");

    /** The reports a provider can make about one transaction: any number of unknowns and pendings, one final at most. */
    @Provide
    Arbitrary<PaymentOutcome> nonFinal() {
        return Arbitraries.of(new PaymentOutcome.Unknown(ID, "timeout"), new PaymentOutcome.Pending(ID, AMOUNT, "p-1"));
    }

    @Provide
    Arbitrary<PaymentOutcome> finalOutcome() {
        return Arbitraries.of(new PaymentOutcome.Succeeded(ID, AMOUNT, "p-1"),
                new PaymentOutcome.Declined(ID, DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds"));
    }

    @Property
    void anyOrderOfDeliveryFoldsToTheSameOutcome(@ForAll @Size(min = 1, max = 12) List<@From("nonFinal") PaymentOutcome> reports,
                                                 @ForAll("finalOutcome") PaymentOutcome last,
                                                 @ForAll boolean settled, @ForAll long seed) {
        List<PaymentOutcome> delivered = new ArrayList<>(reports);
        if (settled) {
            delivered.add(last);
            delivered.add(last);
        }
        PaymentOutcome inOrder = fold(delivered);
        Collections.shuffle(delivered, new Random(seed));
        assertEquals(inOrder, fold(delivered));
        if (settled) {
            assertEquals(last, inOrder, "a final outcome always wins");
        }
    }

    private static PaymentOutcome fold(List<PaymentOutcome> outcomes) {
        PaymentOutcome known = outcomes.get(0);
        for (PaymentOutcome reported : outcomes.subList(1, outcomes.size())) {
            known = PaymentOutcome.latest(known, reported);
        }
        return known;
    }
}
