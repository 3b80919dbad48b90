package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.CarrierFeature;
import dev.mercato.logistics.Shipment;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.contract.CarrierContract;
import java.time.Clock;
import java.util.EnumSet;
import javax.money.CurrencyUnit;

/** The sandbox, with every feature declared, passes the conformance kit. */
class SandboxCarrierContractTest extends CarrierContract<SandboxCarrier> {

    @Override
    protected SandboxCarrier newCarrier(Clock clock) {
        return SandboxCarrier.create(SandboxConfig.defaults(Fixtures.SECRET), clock);
    }

    @Override
    protected Address origin() {
        return Fixtures.HANGZHOU_WAREHOUSE;
    }

    @Override
    protected Address destination() {
        return Fixtures.BEIJING;
    }

    @Override
    protected CurrencyUnit currency() {
        return Fixtures.CNY;
    }

    @Override
    protected TrackingNotification genuineNotification(SandboxCarrier carrier, Shipment shipment) {
        return carrier.drainNotifications().stream()
                .filter(n -> carrier.verify(n).eventsOrEmpty().stream()
                        .anyMatch(e -> e.trackingNumber().equals(shipment.trackingNumber())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the sandbox pushed nothing about " + shipment.trackingNumber()));
    }
}

/** The kit also holds within one city, where the sandbox offers same-day delivery. */
class SameCitySandboxCarrierContractTest extends SandboxCarrierContractTest {

    @Override
    protected Address destination() {
        return Fixtures.HANGZHOU_BUYER;
    }
}

/** A sandbox without optional features answers as a minimal carrier must: the kit's "not supported" checks run. */
class MinimalSandboxCarrierContractTest extends SandboxCarrierContractTest {

    @Override
    protected SandboxCarrier newCarrier(Clock clock) {
        return SandboxCarrier.create(
                SandboxConfig.defaults(Fixtures.SECRET).withFeatures(EnumSet.noneOf(CarrierFeature.class)), clock);
    }
}
