package dev.mercato.core;

import static dev.mercato.core.GroupBuyWorld.CNY;
import static dev.mercato.core.GroupBuyWorld.ORCHARD;
import static dev.mercato.core.GroupBuyWorld.SCHEDULER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.escrow.AwaitingGroup;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.groupbuy.GroupBuy;
import dev.mercato.core.groupbuy.GroupBuyEvent;
import dev.mercato.core.groupbuy.GroupChoice;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Group buying through the facade, with hand-computed amounts (docs/group-buying.md). */
class GroupBuyExamples {
    private final GroupBuyWorld w = new GroupBuyWorld();

    private static OrderId order(CheckoutResult.Placed placed) {
        return placed.orders().get(0).id();
    }

    private long buyerFundsIn(String buyer) {
        return -MinorUnits.toMinor(w.commerce.journal().orElseThrow().balance(Account.buyerFundsIn(buyer), CNY));
    }

    @Test
    void aGroupOfThreeFormsWhenTheLastPlaceIsPaidAndEveryMemberPaysTheGroupPrice() {
        CheckoutResult.Placed ann = w.placed("ann", "k1", GroupChoice.open(GroupBuyWorld.CAMPAIGN));
        // 39.90, not 59.90: Ann is a member of a forming group; nobody set a buyer flag.
        assertEquals(3990, MinorUnits.toMinor(ann.payment().total()));
        String group = w.groupOf(ann);
        w.pay("ann", ann);
        assertInstanceOf(AwaitingGroup.class, w.commerce.escrow(SCHEDULER, order(ann)).orElseThrow());

        CheckoutResult.Placed bob = w.placed("bob", "k1", GroupChoice.join(group));
        w.pay("bob", bob);
        CheckoutResult.Placed carol = w.placed("carol", "k1", GroupChoice.join(group));
        assertInstanceOf(GroupBuy.Open.class, w.commerce.groupBuy(SCHEDULER, group).orElseThrow(),
                "three places taken, two paid: still forming");
        w.pay("carol", carol);

        GroupBuy formed = assertInstanceOf(GroupBuy.Formed.class, w.commerce.groupBuy(SCHEDULER, group).orElseThrow());
        assertEquals(3, formed.members().size());
        for (CheckoutResult.Placed member : List.of(ann, bob, carol)) {
            Held held = assertInstanceOf(Held.class, w.commerce.escrow(SCHEDULER, order(member)).orElseThrow());
            assertEquals(3990, MinorUnits.toMinor(held.funds().held()));
        }
        assertEquals(List.of(3990L, 3990L, 3990L), List.of(buyerFundsIn("ann"), buyerFundsIn("bob"), buyerFundsIn("carol")));
        assertEquals(1, w.events.stream().filter(GroupBuyEvent.Formed.class::isInstance).count());
        // Formed: the seller ships.
        assertInstanceOf(OrderResult.Done.class, w.commerce.ship(ORCHARD, order(ann), "SF-1", List.of(new Shipment.Item(1, 1))));
        LedgerChecks.assertConsistent(w.commerce.journal().orElseThrow());
    }

    @Test
    void aBuyerOutsideAnyGroupPaysTheSinglePrice() {
        CheckoutResult result = w.checkout("dave", "k1", Optional.empty());
        assertEquals(5990, MinorUnits.toMinor(assertInstanceOf(CheckoutResult.Placed.class, result).payment().total()));
    }

    @Test
    void theSellerCannotShipBeforeTheGroupForms() {
        CheckoutResult.Placed ann = w.placed("ann", "k1", GroupChoice.open(GroupBuyWorld.CAMPAIGN));
        w.pay("ann", ann);
        OrderResult.Refused refused = assertInstanceOf(OrderResult.Refused.class,
                w.commerce.ship(ORCHARD, order(ann), "SF-1", List.of(new Shipment.Item(1, 1))));
        assertEquals(OrderResult.Reason.GROUP_NOT_FORMED, refused.reason());
        DispatchResult.GroupNotFormed notFormed = assertInstanceOf(DispatchResult.GroupNotFormed.class,
                w.commerce.shipWithCarrier(ORCHARD, order(ann), CarrierDispatch.everything("d-1", ServiceLevel.STANDARD)));
        assertEquals(w.groupOf(ann), notFormed.groupId());
        assertTrue(w.commerce.parcels(ORCHARD, order(ann)).isEmpty(), "no parcel was booked");
        assertInstanceOf(Order.StockAllocated.class, w.commerce.order(SCHEDULER, order(ann)).orElseThrow());
    }

    @Test
    void anUnfilledGroupRefundsEveryMemberAtTheDeadlineClosesTheOrdersAndReturnsTheStockOnce() {
        CheckoutResult.Placed ann = w.placed("ann", "k1", GroupChoice.open(GroupBuyWorld.CAMPAIGN));
        String group = w.groupOf(ann);
        w.pay("ann", ann);
        CheckoutResult.Placed bob = w.placed("bob", "k1", GroupChoice.join(group));
        w.pay("bob", bob);
        CheckoutResult.Placed carol = w.placed("carol", "k1", GroupChoice.join(group));   // never pays
        assertEquals(GroupBuyWorld.STOCK - 3, w.available());

        w.clock.advance(Duration.ofHours(24));
        w.commerce.runDueTimers(SCHEDULER);

        assertInstanceOf(GroupBuy.Failed.class, w.commerce.groupBuy(SCHEDULER, group).orElseThrow());
        for (CheckoutResult.Placed paid : List.of(ann, bob)) {
            Refunded refunded = assertInstanceOf(Refunded.class, w.commerce.escrow(SCHEDULER, order(paid)).orElseThrow());
            assertEquals(3990, MinorUnits.toMinor(refunded.funds().refunded()));
            assertInstanceOf(Order.RefundedBeforeShipment.class, w.commerce.order(SCHEDULER, order(paid)).orElseThrow());
            ProviderOperation refund = w.commerce.escrowService().orElseThrow().operations(order(paid).value()).stream()
                    .filter(op -> op.kind() == ProviderOperation.Kind.REFUND).findFirst().orElseThrow();
            PaymentOutcome.Succeeded sent = assertInstanceOf(PaymentOutcome.Succeeded.class,
                    w.payments.status(refund.transactionId()).orElseThrow());
            assertEquals(3990, MinorUnits.toMinor(sent.amount()));
        }
        assertInstanceOf(Order.Closed.class, w.commerce.order(SCHEDULER, order(carol)).orElseThrow());
        assertEquals(GroupBuyWorld.STOCK, w.available(), "every box back in stock");
        long refunds = MinorUnits.toMinor(w.commerce.journal().orElseThrow().balance(Account.refunds(), CNY));
        assertEquals(2 * 3990, refunds);

        // Fired again (another instance, a retried batch): nothing more happens.
        w.clock.advance(Duration.ofHours(1));
        w.commerce.runDueTimers(SCHEDULER);
        assertEquals(refunds, MinorUnits.toMinor(w.commerce.journal().orElseThrow().balance(Account.refunds(), CNY)));
        assertEquals(1, w.events.stream().filter(GroupBuyEvent.Failed.class::isInstance).count());
        LedgerChecks.assertConsistent(w.commerce.journal().orElseThrow());
    }

    @Test
    void aFullGroupRefusesTheNextBuyerAndALeavingMemberFreesAPlace() {
        CheckoutResult.Placed ann = w.placed("ann", "k1", GroupChoice.open(GroupBuyWorld.CAMPAIGN));
        String group = w.groupOf(ann);
        w.pay("ann", ann);
        w.placed("bob", "k1", GroupChoice.join(group));
        CheckoutResult.Placed carol = w.placed("carol", "k1", GroupChoice.join(group));

        CheckoutResult.Refused full = assertInstanceOf(CheckoutResult.Refused.class,
                w.checkout("dave", "k1", Optional.of(GroupChoice.join(group))));
        assertEquals(CheckoutResult.Reason.GROUP_FULL, full.reason());
        assertEquals(GroupBuyWorld.STOCK - 3, w.available(), "the refused checkout reserved nothing");

        // Carol leaves before paying; Ann, who paid, leaves too and gets her 39.90 back.
        assertInstanceOf(Order.Cancelled.class, ((OrderResult.Done) w.commerce.leaveGroup(new Actor.Buyer("carol"),
                order(carol))).order());
        assertInstanceOf(Order.RefundedBeforeShipment.class, ((OrderResult.Done) w.commerce.leaveGroup(
                new Actor.Buyer("ann"), order(ann))).order());
        assertEquals(3990, MinorUnits.toMinor(w.commerce.journal().orElseThrow().balance(Account.refunds(), CNY)));
        assertEquals(GroupBuyWorld.STOCK - 1, w.available());
        assertEquals(1, ((GroupBuy.Open) w.commerce.groupBuy(SCHEDULER, group).orElseThrow()).members().size());

        w.commerce.removeFromCart(new Actor.Buyer("dave"), CartId.of("dave"), GroupBuyWorld.PEACH);
        assertInstanceOf(CheckoutResult.Placed.class, w.checkout("dave", "k2", Optional.of(GroupChoice.join(group))));
        assertEquals(OrderResult.Reason.GROUP_NOT_OPEN, ((OrderResult.Refused) w.commerce.leaveGroup(
                new Actor.Buyer("ann"), order(ann))).reason());
    }

    @Test
    void aGroupCheckoutHoldsTheCampaignSkusOnlyAndNamesAKnownCampaignOrGroup() {
        w.commerce.addToCart(new Actor.Buyer("ann"), CartId.of("ann"), GroupBuyWorld.TEA, 1);
        CheckoutResult.Refused mixed = assertInstanceOf(CheckoutResult.Refused.class,
                w.checkout("ann", "k1", Optional.of(GroupChoice.open(GroupBuyWorld.CAMPAIGN))));
        assertEquals(CheckoutResult.Reason.NOT_A_GROUP_CART, mixed.reason());
        assertEquals(CheckoutResult.Reason.GROUP_REFUSED, ((CheckoutResult.Refused) w.checkout("bob", "k1",
                Optional.of(GroupChoice.open("no-such-campaign")))).reason());
        assertEquals(CheckoutResult.Reason.GROUP_REFUSED, ((CheckoutResult.Refused) w.checkout("bob", "k2",
                Optional.of(GroupChoice.join("grp-unknown")))).reason());
    }

    @Test
    void aBuyerTakesOnePlaceInAGroup() {
        CheckoutResult.Placed ann = w.placed("ann", "k1", GroupChoice.open(GroupBuyWorld.CAMPAIGN));
        CheckoutResult.Refused twice = assertInstanceOf(CheckoutResult.Refused.class,
                w.checkout("ann", "k2", Optional.of(GroupChoice.join(w.groupOf(ann)))));
        assertEquals(CheckoutResult.Reason.GROUP_REFUSED, twice.reason());
    }

    @Test
    void throughThePromotionEngineTheGroupPriceIsAPriceLevelOfMembersOnly() {
        dev.mercato.pricing.promotion.PricingEngine engine = dev.mercato.pricing.promotion.PricingEngine.of(
                dev.mercato.pricing.promotion.json.PromotionJson.standard().read("""
                        {"currency": "CNY", "promotions": [{"kind": "coupon", "id": "five-off", "off": 5}]}"""));
        Commerce commerce = GroupBuyWorld.builder(dev.mercato.core.storage.memory.InMemoryStorage.create(), w.inventory, 3,
                w.clock, w.payments).pricing(dev.mercato.core.cart.CartPricing.engine(engine, buyer ->
                        dev.mercato.pricing.promotion.BuyerContext.anonymous().withCoupons("five-off"))).build();
        Actor.Buyer ann = new Actor.Buyer("ann");
        Actor.Buyer dave = new Actor.Buyer("dave");
        commerce.addToCart(ann, CartId.of("ann"), GroupBuyWorld.PEACH, 2);
        commerce.addToCart(dave, CartId.of("dave"), GroupBuyWorld.PEACH, 2);
        CheckoutResult.Placed member = assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ann, CartId.of("ann"),
                "k1", Optional.empty(), GroupChoice.open(GroupBuyWorld.CAMPAIGN)));
        CheckoutResult.Placed single = assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(dave,
                CartId.of("dave"), "k1", Optional.empty()));
        // 2 x 39.90 - 5.00 = 74.80 for the member; 2 x 59.90 - 5.00 = 114.80 outside the group.
        assertEquals(7480, MinorUnits.toMinor(member.payment().total()));
        assertEquals(11480, MinorUnits.toMinor(single.payment().total()));
        assertEquals(7980, MinorUnits.toMinor(member.orders().get(0).facts().snapshot().lines().get(0).priceLevelAmount()));
    }

    @Test
    void theHostsOwnGroupBuyPriceRuleAppliesToMembersWithoutTheHostSettingTheFlag() {
        // The host's kind-13 rule (default flag group-formed) at 35.00 for peaches; the facade marks
        // group checkouts' buyers as members, so the rule applies to them and to nobody else.
        dev.mercato.pricing.promotion.PricingEngine engine = dev.mercato.pricing.promotion.PricingEngine.of(
                dev.mercato.pricing.promotion.json.PromotionJson.standard().read("""
                        {"currency": "CNY", "promotions": [{"kind": "group-buy-price", "id": "peach-group",
                         "scope": {"skus": ["peach"]}, "unitPrice": 35}]}"""));
        Commerce commerce = GroupBuyWorld.builder(dev.mercato.core.storage.memory.InMemoryStorage.create(), w.inventory, 3,
                w.clock, w.payments).pricing(dev.mercato.core.cart.CartPricing.engine(engine, buyer ->
                        dev.mercato.pricing.promotion.BuyerContext.anonymous())).build();
        Actor.Buyer ann = new Actor.Buyer("ann");
        Actor.Buyer dave = new Actor.Buyer("dave");
        commerce.addToCart(ann, CartId.of("ann"), GroupBuyWorld.PEACH, 1);
        commerce.addToCart(dave, CartId.of("dave"), GroupBuyWorld.PEACH, 1);
        CheckoutResult.Placed member = assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ann, CartId.of("ann"),
                "k1", Optional.empty(), GroupChoice.open(GroupBuyWorld.CAMPAIGN)));
        CheckoutResult.Placed single = assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(dave,
                CartId.of("dave"), "k1", Optional.empty()));
        assertEquals(3500, MinorUnits.toMinor(member.payment().total()), "the lower of the campaign's and the rule's price");
        assertEquals(5990, MinorUnits.toMinor(single.payment().total()));
    }

    @Test
    void aMemberCannotStartPayingOnceTheGroupPassedItsDeadline() {
        CheckoutResult.Placed ann = w.placed("ann", "k1", GroupChoice.open(GroupBuyWorld.CAMPAIGN));
        w.clock.advance(Duration.ofHours(24).plusSeconds(1));
        dev.mercato.core.checkout.PaymentResult.Refused refused = assertInstanceOf(
                dev.mercato.core.checkout.PaymentResult.Refused.class, w.commerce.pay(new Actor.Buyer("ann"),
                        ann.payment().paymentId(), new dev.mercato.payments.PaymentSource("tok_visa")));
        assertEquals(dev.mercato.core.checkout.PaymentResult.Reason.ORDER_NOT_PAYABLE, refused.reason());
        assertEquals(0, buyerFundsIn("ann"), "nothing was captured");
    }
}
