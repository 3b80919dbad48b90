package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.Carrier;
import dev.mercato.logistics.CarrierFeature;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.Shipment;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.contract.CarrierContract;
import dev.mercato.logistics.contract.CutOff;
import dev.mercato.logistics.contract.NetworkFailure;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import javax.money.CurrencyUnit;

/**
 * The sandbox, with every feature declared and a peak-season surcharge for orders placed from
 * Thursday 2026-03-05 to Wednesday 2026-03-11 (Shanghai), passes the conformance kit. The
 * carrier under test is a {@link Carrier}, so that the deliberately broken plug-ins of
 * {@link KitCatchRateExamples} reuse these hooks.
 */
class SandboxCarrierContractTest extends CarrierContract<Carrier> {

    static final DatedSurcharge PEAK_SEASON =
            new DatedSurcharge(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 11), 300);

    @Override
    protected Carrier newCarrier(Clock clock) {
        return SandboxCarrier.create(config(), clock);
    }

    SandboxConfig config() {
        return SandboxConfig.defaults(Fixtures.SECRET).withDatedSurcharge(PEAK_SEASON);
    }

    @Override
    protected List<CutOff> cutOffs() {
        SandboxConfig config = config();
        return List.of(new CutOff(ServiceLevel.SAME_DAY, config.sameDayCutoff()),
                new CutOff(ServiceLevel.STANDARD, config.dispatchCutoff()),
                new CutOff(ServiceLevel.EXPRESS, config.dispatchCutoff()))
                .stream().filter(c -> servesSameDay() || c.service() != ServiceLevel.SAME_DAY).toList();
    }

    boolean servesSameDay() {
        return false;
    }

    @Override
    protected OptionalLong volumetricDivisor() {
        return OptionalLong.of(config().volumetricDivisor());
    }

    @Override
    protected boolean failNextCall(Carrier carrier, NetworkFailure failure) {
        sandbox(carrier).interruptNextCall(Interruption.valueOf(failure.name()));
        return true;
    }

    static SandboxCarrier sandbox(Carrier carrier) {
        return carrier instanceof SandboxCarrierWrapper wrapper ? wrapper.sandbox() : (SandboxCarrier) carrier;
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
    protected TrackingNotification genuineNotification(Carrier carrier, Shipment shipment) {
        SandboxCarrier sandbox = sandbox(carrier);
        return sandbox.drainNotifications().stream()
                .filter(n -> sandbox.verify(n).eventsOrEmpty().stream()
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

    @Override
    boolean servesSameDay() {
        return true;
    }
}

/** A sandbox without optional features answers as a minimal carrier must: the kit's "not supported" checks run. */
class MinimalSandboxCarrierContractTest extends SandboxCarrierContractTest {

    @Override
    SandboxConfig config() {
        return super.config().withFeatures(EnumSet.noneOf(CarrierFeature.class));
    }
}

/** The kit holds within one city with a 30-minute on-demand courier beside the other services. */
class OnDemandSandboxCarrierContractTest extends SameCitySandboxCarrierContractTest {

    @Override
    SandboxConfig config() {
        return super.config().withOnDemand(java.time.Duration.ofMinutes(30), 1500, 300);
    }
}
