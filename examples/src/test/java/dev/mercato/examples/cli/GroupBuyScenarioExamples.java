package dev.mercato.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.groupbuy.GroupBuy;
import dev.mercato.core.groupbuy.GroupMember;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.pricing.money.MinorUnits;
import org.junit.jupiter.api.Test;

/**
 * The group-buy preset: groups form and fail, every paid member of a failed group is refunded in
 * full and every unpaid one closed, the flash-sale cap refuses a second unit, the platform's
 * subsidy is paid, and the ledger balances.
 */
class GroupBuyScenarioExamples {

    @Test
    void groupsFormAndFailAndEveryMemberOfAFailedGroupIsRefundedOrClosed() {
        GroupBuyScenario scenario = new GroupBuyScenario();
        Simulation simulation = new Simulation(scenario, 2, 14, 30);
        SimulationReport report = simulation.run();

        int formed = 0;
        int failed = 0;
        long refundedToFailedGroups = 0;
        for (String id : scenario.groupsOpened()) {
            GroupBuy group = simulation.commerce().groupBuy(Simulation.SYSTEM, id).orElseThrow();
            if (group instanceof GroupBuy.Formed) {
                formed++;
                assertTrue(group.members().stream().allMatch(GroupMember::paid), group::toString);
            } else if (group instanceof GroupBuy.Failed) {
                failed++;
                for (GroupMember member : group.members()) {
                    for (OrderId orderId : member.orders()) {
                        Order order = simulation.commerce().order(Simulation.SYSTEM, orderId).orElseThrow();
                        if (member.paid()) {
                            Order.RefundedBeforeShipment refunded = assertInstanceOf(Order.RefundedBeforeShipment.class, order);
                            assertEquals(MinorUnits.toMinor(order.facts().snapshot().payable()),
                                    MinorUnits.toMinor(refunded.refund().total()), "refunded in full");
                            refundedToFailedGroups += MinorUnits.toMinor(refunded.refund().total());
                        } else {
                            assertInstanceOf(Order.Closed.class, order);
                        }
                    }
                }
            }
        }
        assertTrue(formed > 0 && failed > 0, "formed " + formed + ", failed " + failed);
        assertEquals(formed, report.mechanisms().get("group formed"));
        assertEquals(failed, report.mechanisms().get("group failed at its deadline"));
        assertTrue(report.mechanisms().get("failed group's member refunded") > 0, report.mechanisms()::toString);
        // No buyer asks a refund before shipment in this scenario: every refund is a failed group's.
        assertEquals(report.refundedMinor(), refundedToFailedGroups);
        assertEquals(report.refundedMinor(), report.ledger().refunds());
        assertTrue(report.mechanisms().get("flash-sale per-buyer cap refused") > 0, report.mechanisms()::toString);
        assertTrue(report.mechanisms().get("platform-subsidised order") > 0, report.mechanisms()::toString);
        assertTrue(report.ledger().subsidies() > 0, "the platform paid its subsidy on released escrows");
        assertEquals(0, report.ledger().sumOfAllBalances());
        assertTrue(SimulateCommand.moneyCheck(report).balanced(), () -> String.join("\n", SimulateCommand.moneyCheck(report).lines()));
    }
}
