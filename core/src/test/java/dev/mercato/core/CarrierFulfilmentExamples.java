package dev.mercato.core;

import static dev.mercato.core.FulfilmentWorld.ANN;
import static dev.mercato.core.FulfilmentWorld.ANN_ADDRESS;
import static dev.mercato.core.FulfilmentWorld.EAST;
import static dev.mercato.core.FulfilmentWorld.POT;
import static dev.mercato.core.FulfilmentWorld.POT_STOCK;
import static dev.mercato.core.FulfilmentWorld.TEA;
import static dev.mercato.core.FulfilmentWorld.TEA_SHOP;
import static dev.mercato.core.FulfilmentWorld.TEA_STOCK;
import static dev.mercato.core.FulfilmentWorld.TRACKER;
import static dev.mercato.core.FulfilmentWorld.WEST;
import static dev.mercato.core.FulfilmentWorld.everything;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.escrow.Shipped;
import dev.mercato.core.escrow.Transition;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.ParcelEvent;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.fulfilment.TrackingResult;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.CancellationOutcome;
import dev.mercato.logistics.CarrierUnavailableException;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRefusal;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.TrackingPhase;
import dev.mercato.logistics.sandbox.SandboxFault;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CarrierFulfilmentExamples {

    FulfilmentWorld world = new FulfilmentWorld();

    private static DispatchResult.Dispatched dispatched(DispatchResult result) {
        return assertInstanceOf(DispatchResult.Dispatched.class, result, result.toString());
    }

    private static Order done(OrderResult result) {
        return assertInstanceOf(OrderResult.Done.class, result, result.toString()).order();
    }

    private TrackedParcel parcelFrom(OrderId id, dev.mercato.core.inventory.WarehouseId warehouse) {
        return world.commerce.parcels(TRACKER, id).stream().filter(p -> !p.isReturn() && p.warehouse().equals(warehouse))
                .findFirst().orElseThrow();
    }

    @Test
    void anOrderWhoseStockSitsInTwoWarehousesShipsAsTwoParcelsAndIsDeliveredOnlyAfterBoth() {
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);
        OrderId id = order.id();
        // The teapot's parcel will be five days late.
        world.sandbox.script(ParcelBooking.requestId(id, "ship-1", "w-west"), SandboxFault.delay(Duration.ofDays(5)));

        DispatchResult.Dispatched shipped = dispatched(world.commerce.shipWithCarrier(TEA_SHOP, id, everything("ship-1")));

        assertEquals(2, shipped.parcels().size());
        assertEquals(List.of(EAST, WEST), shipped.parcels().stream().map(TrackedParcel::warehouse).toList());
        assertEquals(List.of(new Shipment.Item(1, 2)), shipped.parcels().get(0).items());
        assertEquals(List.of(new Shipment.Item(2, 1)), shipped.parcels().get(1).items());
        Order.Shipped onOrder = assertInstanceOf(Order.Shipped.class, shipped.order());
        assertEquals(shipped.parcels().stream().map(p -> p.trackingNumber().value()).toList(),
                onOrder.shipments().stream().map(Shipment::trackingNumber).toList());
        // Each parcel's units left its own warehouse.
        assertEquals(TEA_STOCK - 2, world.inventory.stock(TEA).get(0).onHand());
        assertEquals(POT_STOCK - 1, world.inventory.stock(POT).get(0).onHand());
        assertEquals(0, world.inventory.stock(TEA).get(0).reserved() + world.inventory.stock(POT).get(0).reserved());

        world.clock.advance(Duration.ofDays(4));
        TrackingResult.Applied first = merged(world.pushed());
        assertTrue(first.delivered().isEmpty(), first.toString());
        assertEquals(TrackingPhase.DELIVERED, parcelFrom(id, EAST).phase());
        assertTrue(parcelFrom(id, WEST).isOpen());
        assertInstanceOf(Order.Shipped.class, world.order(id));
        assertInstanceOf(Held.class, escrow(id), "the confirmation clock waits for the last parcel");

        world.clock.advance(Duration.ofDays(4));
        TrackingResult.Applied second = merged(world.pushed());
        assertEquals(List.of(id), second.delivered());
        Instant lastDelivery = parcelFrom(id, WEST).tracking().deliveredAt().orElseThrow();
        Order.Delivered delivered = assertInstanceOf(Order.Delivered.class, world.order(id));
        assertEquals(lastDelivery, delivered.deliveredAt());
        assertEquals(lastDelivery.plus(Duration.ofDays(7)), delivered.returnBy());

        // The escrow's auto-confirm runs ten days from the delivery, not from the shipment.
        Shipped held = assertInstanceOf(Shipped.class, escrow(id));
        assertEquals(lastDelivery.plus(Duration.ofDays(10)), held.shipment().autoConfirmAt());
        world.clock.advance(Duration.between(world.clock.instant(), lastDelivery.plus(Duration.ofDays(10))).minusSeconds(1));
        world.escrowTimers.runDue();
        assertInstanceOf(Shipped.class, escrow(id));
        world.clock.advance(Duration.ofSeconds(1));
        world.escrowTimers.runDue();
        assertInstanceOf(Released.class, escrow(id));
        world.commerce.runDueTimers(TRACKER);
        assertInstanceOf(Order.Completed.class, world.order(id));
        LedgerChecks.assertConsistent(world.journal);
    }

    private Escrow escrow(OrderId id) {
        return world.escrows.find(id.value()).orElseThrow();
    }

    private static TrackingResult.Applied merged(List<TrackingResult> results) {
        int added = 0;
        List<OrderId> delivered = new ArrayList<>();
        List<OrderId> returns = new ArrayList<>();
        List<TrackingNumber> unknown = new ArrayList<>();
        for (TrackingResult r : results) {
            TrackingResult.Applied a = assertInstanceOf(TrackingResult.Applied.class, r, r.toString());
            added += a.newEvents();
            delivered.addAll(a.delivered());
            returns.addAll(a.returnsReceived());
            unknown.addAll(a.unknownParcels());
        }
        return new TrackingResult.Applied(added, delivered, returns, unknown);
    }

    @Test
    void aDuplicatedDeliveredEventChangesNothingTheSecondTime() {
        Order.StockAllocated order = world.paidOrder("k1", 1, 0);
        world.sandbox.script(ParcelBooking.requestId(order.id(), "s", "w-east"), SandboxFault.duplicateNotifications());
        dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));
        world.clock.advance(Duration.ofDays(6));
        List<TrackingNotification> pushed = world.drain();
        TrackingResult.Applied once = merged(world.apply(pushed));
        int distinct = parcelFrom(order.id(), EAST).tracking().events().size();
        assertEquals(distinct * 2, pushed.size(), "every notification came twice");
        assertEquals(distinct, once.newEvents());
        assertEquals(List.of(order.id()), once.delivered());
        Order delivered = world.order(order.id());
        Escrow escrow = escrow(order.id());

        TrackingResult.Applied again = merged(world.apply(pushed));

        assertEquals(0, again.newEvents());
        assertEquals(List.of(), again.delivered());
        assertEquals(delivered, world.order(order.id()));
        assertEquals(escrow, escrow(order.id()));
        assertEquals(1, world.events(OrderEvent.Delivered.class).size());
    }

    @Test
    void eventsAppliedInAnyOrderReachTheSameStateAndALateInTransitAfterDeliveryChangesNothing() {
        FulfilmentWorld other = new FulfilmentWorld();
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);
        Order.StockAllocated same = other.paidOrder("k1", 2, 1);
        dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));
        dispatched(other.commerce.shipWithCarrier(TEA_SHOP, same.id(), everything("s")));
        world.clock.advance(Duration.ofDays(6));
        other.clock.advance(Duration.ofDays(6));
        List<TrackingNotification> forward = world.drain();
        List<TrackingNotification> backward = new ArrayList<>(other.drain());
        Collections.reverse(backward);
        assertEquals(forward.size(), backward.size());

        world.apply(forward);
        // The other world hears "delivered" first and the earlier scans after it.
        other.apply(backward);

        Order.Delivered inOrder = assertInstanceOf(Order.Delivered.class, world.order(order.id()));
        Order.Delivered reversed = assertInstanceOf(Order.Delivered.class, other.order(same.id()));
        assertEquals(inOrder.deliveredAt(), reversed.deliveredAt());
        assertEquals(inOrder.returnBy(), reversed.returnBy());
        assertEquals(world.commerce.parcels(TRACKER, order.id()).stream().map(TrackedParcel::tracking).toList(),
                other.commerce.parcels(TRACKER, same.id()).stream().map(TrackedParcel::tracking).toList());
        assertEquals(((Shipped) escrow(order.id())).shipment().autoConfirmAt(),
                ((Shipped) other.escrows.find(same.id().value()).orElseThrow()).shipment().autoConfirmAt());

        // A scan replayed after the delivery (a late "in transit") changes nothing.
        Order before = other.order(same.id());
        List<TrackedParcel> parcels = other.commerce.parcels(TRACKER, same.id());
        TrackingResult.Applied late = merged(other.apply(List.of(backward.get(backward.size() - 1))));
        assertEquals(0, late.newEvents());
        assertEquals(before, other.order(same.id()));
        assertEquals(parcels, other.commerce.parcels(TRACKER, same.id()));
    }

    @Test
    void aRetriedShipCommandBooksNothingTwiceAndTheSameKeyWithOtherContentIsRejected() {
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);
        DispatchResult.Dispatched first = dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));
        DispatchResult.Dispatched again = dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));
        assertEquals(first.parcels(), again.parcels());
        assertEquals(first.order(), again.order());
        assertEquals(TEA_STOCK - 2, world.inventory.stock(TEA).get(0).onHand());
        assertEquals(2, world.events(OrderEvent.ShipmentSent.class).size());
        assertThrows(IdempotencyKeyReusedException.class, () -> world.commerce.shipWithCarrier(TEA_SHOP, order.id(),
                CarrierDispatch.everything("s", ANN_ADDRESS, ServiceLevel.EXPRESS)));
        DispatchResult.Refused nothingLeft = assertInstanceOf(DispatchResult.Refused.class,
                world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s2")));
        assertTrue(nothingLeft.detail().contains("nothing left to ship"), nothingLeft.detail());
    }

    @Test
    void anUnreachableCarrierChangesNothingAndTheRetryReusesTheParcelAlreadyBooked() {
        AtomicInteger failures = new AtomicInteger(1);
        List<TrackingNumber> booked = Collections.synchronizedList(new ArrayList<>());
        world = new FulfilmentWorld(sandbox -> new ForwardingCarrier(sandbox) {
            @Override
            public ShipmentOutcome createShipment(ShipmentRequest request) {
                ShipmentOutcome outcome = super.createShipment(request);
                outcome.created().ifPresent(s -> booked.add(s.trackingNumber()));
                // The second parcel's booking times out once, after the carrier created it.
                if (request.requestId().value().endsWith("w-west") && failures.getAndDecrement() > 0) {
                    throw new CarrierUnavailableException(id(), "timed out after 5s", null);
                }
                return outcome;
            }
        });
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);

        DispatchResult result = world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s"));

        assertInstanceOf(DispatchResult.CarrierUnavailable.class, result);
        assertEquals(order, world.order(order.id()));
        assertEquals(List.of(), world.commerce.parcels(TRACKER, order.id()));
        assertEquals(TEA_STOCK, world.inventory.stock(TEA).get(0).onHand());
        assertEquals(2, world.inventory.stock(TEA).get(0).reserved());

        DispatchResult.Dispatched retried = dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));

        assertEquals(List.copyOf(new java.util.LinkedHashSet<>(booked)),
                retried.parcels().stream().map(TrackedParcel::trackingNumber).toList(),
                "the retry replayed the same two requests: the carrier has no third parcel");
        assertEquals(4, booked.size());
        assertInstanceOf(Order.Shipped.class, retried.order());
    }

    @Test
    void aBookingRefusedAfterAnotherParcelWasBookedCancelsThatParcelAndChangesNothing() {
        List<TrackingNumber> cancelled = Collections.synchronizedList(new ArrayList<>());
        world = new FulfilmentWorld(sandbox -> new ForwardingCarrier(sandbox) {
            @Override
            public ShipmentOutcome createShipment(ShipmentRequest request) {
                if (request.requestId().value().endsWith("w-west")) {
                    return new ShipmentOutcome.Refused(request.requestId(), ShipmentRefusal.PARCEL_TOO_LARGE,
                            "the teapot box is over the limit today");
                }
                return super.createShipment(request);
            }

            @Override
            public CancellationOutcome cancel(TrackingNumber trackingNumber) {
                cancelled.add(trackingNumber);
                return super.cancel(trackingNumber);
            }
        });
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);

        DispatchResult.Refused refused = assertInstanceOf(DispatchResult.Refused.class,
                world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));

        assertEquals(Optional.of(ShipmentRefusal.PARCEL_TOO_LARGE), refused.carrierReason());
        assertEquals(List.of(new TrackingNumber("SBX0000000001")), cancelled, "the tea parcel booked first is cancelled");
        assertInstanceOf(CancellationOutcome.Cancelled.class, world.sandbox.cancel(new TrackingNumber("SBX0000000001")));
        assertEquals(order, world.order(order.id()));
        assertEquals(List.of(), world.commerce.parcels(TRACKER, order.id()));
        assertEquals(TEA_STOCK, world.inventory.stock(TEA).get(0).onHand());
    }

    @Test
    void aRetryAfterACancelledDispatchBooksNewParcelsTheCarrierWillMove() {
        AtomicInteger refusals = new AtomicInteger(1);
        world = new FulfilmentWorld(sandbox -> new ForwardingCarrier(sandbox) {
            @Override
            public ShipmentOutcome createShipment(ShipmentRequest request) {
                if (request.requestId().value().endsWith("w-west") && refusals.getAndDecrement() > 0) {
                    return new ShipmentOutcome.Refused(request.requestId(), ShipmentRefusal.PARCEL_TOO_LARGE,
                            "the teapot box is over the limit today");
                }
                return super.createShipment(request);
            }
        });
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);
        assertInstanceOf(DispatchResult.Refused.class, world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));

        // The same key again: the carrier would answer the first request id with the cancelled tea
        // parcel, which never moves, so the retry books under new request ids.
        DispatchResult.Dispatched retried = dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));
        assertEquals(2, retried.parcels().size());
        for (TrackedParcel parcel : retried.parcels()) {
            assertTrue(parcel.shipment().requestId().value().endsWith(".v1"), parcel.shipment().requestId().value());
            assertTrue(!parcel.trackingNumber().equals(new TrackingNumber("SBX0000000001")), "not the cancelled parcel");
        }
        assertEquals(retried.parcels(), dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(),
                everything("s"))).parcels(), "a replay records nothing new");
        world.clock.advance(Duration.ofDays(6));
        world.pushed();
        assertInstanceOf(Order.Delivered.class, world.order(order.id()), "the new parcels travel and arrive");
    }

    @Test
    void aCarrierRefusalIsATypedResultAndChangesNothing() {
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);
        DispatchResult.Refused refused = assertInstanceOf(DispatchResult.Refused.class,
                world.commerce.shipWithCarrier(TEA_SHOP, order.id(),
                        CarrierDispatch.everything("s", Address.of("US", "California", "Los Angeles"), ServiceLevel.STANDARD)));
        assertEquals(Optional.of(ShipmentRefusal.ROUTE_NOT_SERVED), refused.carrierReason());
        assertEquals(order, world.order(order.id()));
        assertEquals(List.of(), world.commerce.parcels(TRACKER, order.id()));
        assertEquals(TEA_STOCK, world.inventory.stock(TEA).get(0).onHand());
        assertEquals(List.of(), world.events(OrderEvent.ShipmentSent.class));

        DispatchResult.Refused tooMany = assertInstanceOf(DispatchResult.Refused.class,
                world.commerce.shipWithCarrier(TEA_SHOP, order.id(), CarrierDispatch.units("s3",
                        ServiceLevel.STANDARD, List.of(new Shipment.Item(1, 3)))));
        assertEquals(Optional.empty(), tooMany.carrierReason());
        assertThrows(NotPermittedException.class, () -> world.commerce.shipWithCarrier(ANN, order.id(), everything("s4")));
        assertEquals(order, world.order(order.id()));
    }

    @Test
    void anOrderCheckedOutWithoutAnAddressNeedsOneInTheDispatch() {
        world.commerce.addToCart(ANN, dev.mercato.core.cart.CartId.of("ann"), TEA, 1);
        dev.mercato.core.checkout.CheckoutResult.Placed placed = assertInstanceOf(
                dev.mercato.core.checkout.CheckoutResult.Placed.class, world.commerce.checkout(ANN,
                        dev.mercato.core.cart.CartId.of("ann"), "no-address", Optional.of("hangzhou")));
        world.commerce.pay(ANN, placed.payment().paymentId(), FulfilmentWorld.CARD);
        OrderId id = placed.orders().get(0).id();
        Order before = world.order(id);
        DispatchResult.Refused refused = assertInstanceOf(DispatchResult.Refused.class,
                world.commerce.shipWithCarrier(TEA_SHOP, id, everything("s")));
        assertTrue(refused.detail().contains("without a delivery address"), refused.detail());
        assertEquals(before, world.order(id));
        DispatchResult.Dispatched shipped = dispatched(world.commerce.shipWithCarrier(TEA_SHOP, id,
                CarrierDispatch.everything("s2", ANN_ADDRESS, ServiceLevel.STANDARD)));
        assertEquals(1, shipped.parcels().size());
    }

    @Test
    void aSubsetShipsFirstAndTheRestLaterEachFromItsWarehouse() {
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);
        DispatchResult.Dispatched pots = dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(),
                CarrierDispatch.units("pots", ServiceLevel.STANDARD, List.of(new Shipment.Item(2, 1)))));
        assertEquals(List.of(WEST), pots.parcels().stream().map(TrackedParcel::warehouse).toList());
        assertInstanceOf(Order.PartiallyShipped.class, pots.order());
        assertEquals(POT_STOCK - 1, world.inventory.stock(POT).get(0).onHand());
        assertEquals(TEA_STOCK, world.inventory.stock(TEA).get(0).onHand());
        DispatchResult.Dispatched rest = dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("rest")));
        assertEquals(List.of(EAST), rest.parcels().stream().map(TrackedParcel::warehouse).toList());
        assertInstanceOf(Order.Shipped.class, rest.order());
        assertEquals(TEA_STOCK - 2, world.inventory.stock(TEA).get(0).onHand());
    }

    @Test
    void pollingDeliversTheOrderWhenNoNotificationArrives() {
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);
        dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));
        for (int hours = 0; hours < 24 * 7; hours += 4) {
            world.clock.advance(Duration.ofHours(4));
            world.commerce.runDueTimers(TRACKER);
        }
        Order.Delivered delivered = assertInstanceOf(Order.Delivered.class, world.order(order.id()));
        Instant last = world.commerce.parcels(TRACKER, order.id()).stream()
                .map(p -> p.tracking().deliveredAt().orElseThrow()).max(Instant::compareTo).orElseThrow();
        assertEquals(last, delivered.deliveredAt(), "delivered when the carrier says, not when it was polled");
        assertInstanceOf(Shipped.class, escrow(order.id()));
        assertTrue(world.commerce.parcels(TRACKER, order.id()).stream().noneMatch(TrackedParcel::isOpen));
    }

    @Test
    void aForgedNotificationIsRejectedAndChangesNothing() {
        Order.StockAllocated order = world.paidOrder("k1", 1, 0);
        dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));
        world.clock.advance(Duration.ofDays(6));
        List<TrackingNotification> pushed = world.drain();
        TrackingNotification last = pushed.get(pushed.size() - 1);
        TrackingResult forged = world.commerce.onTrackingNotification(TRACKER, last.withBody(last.body() + " "));
        assertInstanceOf(TrackingResult.Rejected.class, forged);
        assertInstanceOf(Order.Shipped.class, world.order(order.id()));
        assertThrows(NotPermittedException.class, () -> world.commerce.onTrackingNotification(ANN, last));
    }

    @Test
    void aReturnShipmentDeliveredBackLetsTheRefundProceedAndTheMoneyBalances() {
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);
        OrderId id = order.id();
        dispatched(world.commerce.shipWithCarrier(TEA_SHOP, id, everything("s")));
        world.clock.advance(Duration.ofDays(6));
        world.pushed();
        assertInstanceOf(Order.Delivered.class, world.order(id));
        done(world.commerce.requestAfterSale(ANN, id, "r1", AfterSaleCase.Kind.RETURN_AND_REFUND,
                List.of(AfterSaleCase.Item.units(2, 1)), Optional.of("chipped lid")));
        assertInstanceOf(DispatchResult.Refused.class, world.commerce.shipReturn(ANN, id, "r1", ServiceLevel.STANDARD),
                "not approved yet");
        done(world.commerce.approveAfterSale(TEA_SHOP, id, "r1"));

        DispatchResult.Dispatched label = dispatched(world.commerce.shipReturn(ANN, id, "r1", ServiceLevel.STANDARD));
        TrackedParcel back = label.parcels().get(0);
        assertEquals(Optional.of("r1"), back.returnCase());
        assertEquals(WEST, back.warehouse(), "the teapot goes back where it left");
        assertEquals(Optional.of(parcelFrom(id, WEST).trackingNumber()), back.shipment().returnOf());
        assertEquals(label, world.commerce.shipReturn(TEA_SHOP, id, "r1", ANN_ADDRESS, ServiceLevel.STANDARD),
                "one return shipment per case");

        world.clock.advance(Duration.ofDays(1));
        assertInstanceOf(OrderResult.Refused.class, world.commerce.refundAfterSale(TEA_SHOP, id, "r1"),
                "no refund while the goods travel");
        world.clock.advance(Duration.ofDays(5));
        TrackingResult.Applied arrived = merged(world.pushed());
        assertEquals(List.of(id), arrived.returnsReceived());
        Order.Delivered withGoods = assertInstanceOf(Order.Delivered.class, world.order(id));
        AfterSaleCase.GoodsReturned returned = assertInstanceOf(AfterSaleCase.GoodsReturned.class,
                withGoods.findCase("r1").orElseThrow());
        assertEquals(back.key(), world.commerce.parcels(TRACKER, id).stream().filter(TrackedParcel::isReturn)
                .findFirst().orElseThrow().key());
        assertEquals(world.commerce.parcels(TRACKER, id).stream().filter(TrackedParcel::isReturn).findFirst()
                .orElseThrow().tracking().deliveredAt().orElseThrow(), returned.receivedAt());

        Order.Delivered refunded = assertInstanceOf(Order.Delivered.class,
                done(world.commerce.refundAfterSale(TEA_SHOP, id, "r1")));
        OrderEvent.RefundDue due = world.events(OrderEvent.RefundDue.class).get(0);
        assertTrue(refunded.refundedTotal().isEqualTo(due.refund().total()));
        // The host pays the refund out of the escrow, which still holds the money.
        assertInstanceOf(Transition.Accepted.class, world.escrows.refundAfterReturn(id.value(), TEA_SHOP, due.refund().total()));
        Escrow escrow = escrow(id);
        assertEquals(MinorUnits.toMinor(order.facts().snapshot().payable()),
                MinorUnits.toMinor(escrow.funds().held()) + MinorUnits.toMinor(escrow.funds().refunded()));
        LedgerChecks.assertConsistent(world.journal);
    }

    @Test
    void aLostParcelSurfacesAsTroubleAndTheEscrowKeepsHoldingTheMoney() {
        Order.StockAllocated order = world.paidOrder("k1", 2, 1);
        world.sandbox.script(ParcelBooking.requestId(order.id(), "s", "w-east"), SandboxFault.lostParcel());
        dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));
        world.clock.advance(Duration.ofDays(12));
        world.pushed();

        ParcelEvent.Trouble trouble = world.events(ParcelEvent.Trouble.class).stream().findFirst().orElseThrow();
        assertEquals(order.id(), trouble.orderId());
        assertEquals(TrackingPhase.EXCEPTION, trouble.phase());
        assertEquals(parcelFrom(order.id(), EAST).trackingNumber(), trouble.trackingNumber());
        assertEquals(TrackingPhase.DELIVERED, parcelFrom(order.id(), WEST).phase());
        assertInstanceOf(Order.Shipped.class, world.order(order.id()));

        world.clock.advance(Duration.ofDays(30));
        world.escrowTimers.runDue();
        world.commerce.runDueTimers(TRACKER);
        assertInstanceOf(Held.class, escrow(order.id()), "a lost parcel never releases the buyer's money");
        assertInstanceOf(Order.Shipped.class, world.order(order.id()));
        assertTrue(parcelFrom(order.id(), EAST).isOpen(), "an exception is not the end: the carrier may still find it");
        LedgerChecks.assertConsistent(world.journal);
    }

    @Test
    void aBuyerConfirmingDeliveryStartsTheEscrowClockToo() {
        Order.StockAllocated order = world.paidOrder("k1", 1, 0);
        dispatched(world.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));
        world.clock.advance(Duration.ofDays(1));
        Instant confirmedAt = world.clock.instant();
        done(world.commerce.confirmDelivery(ANN, order.id()));
        Shipped escrow = assertInstanceOf(Shipped.class, escrow(order.id()));
        assertEquals(confirmedAt.plus(Duration.ofDays(10)), escrow.shipment().autoConfirmAt());
        // The carrier's later delivery scan moves nothing back.
        world.clock.advance(Duration.ofDays(5));
        world.pushed();
        assertEquals(escrow, escrow(order.id()));
        assertInstanceOf(Order.Delivered.class, world.order(order.id()));
    }

    @Test
    void eventsOfAParcelMercatoDoesNotKnowAreSkippedAndListed() {
        Order.StockAllocated order = world.paidOrder("k1", 1, 0);
        world.sandbox.createShipment(ShipmentRequest.outbound(new dev.mercato.logistics.ShipmentRequestId("elsewhere-1"),
                ServiceLevel.STANDARD, FulfilmentWorld.WEST_ADDRESS, ANN_ADDRESS,
                new dev.mercato.logistics.Parcel(500, 200, 200, 100), order.facts().snapshot().currency()));
        world.clock.advance(Duration.ofDays(3));
        TrackingResult.Applied applied = merged(world.pushed());
        assertEquals(0, applied.newEvents());
        assertEquals(List.of(new TrackingNumber("SBX0000000001")), List.copyOf(new java.util.LinkedHashSet<>(applied.unknownParcels())));
        assertEquals(order, world.order(order.id()));
    }

    @Test
    void twoParcelsDeliveredAtTheSameTimeStillDeliverTheOrder() throws Exception {
        for (int round = 0; round < 15; round++) {
            FulfilmentWorld w = new FulfilmentWorld();
            Order.StockAllocated order = w.paidOrder("k" + round, 1, 1);
            DispatchResult.Dispatched shipped = dispatched(w.commerce.shipWithCarrier(TEA_SHOP, order.id(), everything("s")));
            w.clock.advance(Duration.ofDays(6));
            List<TrackingNotification> pushed = w.drain();
            List<List<TrackingNotification>> perParcel = new ArrayList<>();
            for (TrackedParcel parcel : shipped.parcels()) {
                perParcel.add(pushed.stream().filter(n -> n.body().contains(parcel.trackingNumber().value())).toList());
            }
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (List<TrackingNotification> notifications : perParcel) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return w.apply(notifications);
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertInstanceOf(Order.Delivered.class, w.order(order.id()), "round " + round);
            assertInstanceOf(Shipped.class, w.escrows.find(order.id().value()).orElseThrow());
        }
    }
}
