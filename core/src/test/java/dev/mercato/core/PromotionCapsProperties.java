package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.promotion.PromotionLimit;
import dev.mercato.core.promotion.PromotionUsage;
import dev.mercato.pricing.money.MinorUnits;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.javamoney.moneta.Money;

/** Booked budget never exceeds the configured budget, whatever checkouts and cancellations run. */
class PromotionCapsProperties {

    /**
     * Each action is a checkout (even: by buyer {@code action / 2 % 3}) or a cancellation (odd: of
     * the live checkout {@code action / 2 % live}). After each one, the budget booked equals what
     * the live checkouts took off, and never exceeds the budget.
     */
    @Property(tries = 60)
    void bookedBudgetNeverExceedsTheBudget(@ForAll @IntRange(min = 0, max = 120) int budgetCny,
            @ForAll @Size(max = 14) List<@IntRange(min = 0, max = 99) Integer> actions) {
        PromotionCapsExamples.World w = new PromotionCapsExamples.World("budget-30",
                List.of(PromotionLimit.of("budget-30").withBudget(Money.of(budgetCny, "CNY"))));
        List<CheckoutResult.Placed> live = new ArrayList<>();
        int key = 0;
        for (int action : actions) {
            if (action % 2 == 0 || live.isEmpty()) {
                live.add(w.checkout("buyer-" + (action / 2 % 3), "k" + key++));
            } else {
                CheckoutResult.Placed gone = live.remove(action / 2 % live.size());
                String buyer = gone.payment().buyerId();
                assertInstanceOf(OrderResult.Done.class,
                        w.commerce.cancelOrder(new Actor.Buyer(buyer), gone.orders().get(0).id()));
            }
            PromotionUsage usage = w.usage("budget-30");
            long discounted = 0;
            long uses = 0;
            for (CheckoutResult.Placed placed : live) {
                long off = 100_00 - MinorUnits.toMinor(placed.payment().total());
                discounted += off;
                uses += off > 0 ? 1 : 0;
            }
            assertTrue(usage.spentMinor() <= budgetCny * 100L, usage.toString());
            assertEquals(discounted, usage.spentMinor());
            assertEquals(uses, usage.uses());
        }
    }
}
