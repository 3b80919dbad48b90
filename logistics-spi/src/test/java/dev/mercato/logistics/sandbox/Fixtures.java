package dev.mercato.logistics.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.Parcel;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.Shipment;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.ShipmentRequestId;
import dev.mercato.logistics.contract.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/** Shared values for the sandbox tests. */
final class Fixtures {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final String SECRET = "sandbox-test-secret-0123456789";
    static final Address HANGZHOU_WAREHOUSE = new Address("CN", "Zhejiang", "Hangzhou", "310000", "1 Warehouse Road");
    static final Address HANGZHOU_BUYER = new Address("CN", "Zhejiang", "Hangzhou", "310012", "7 Wensan Road");
    static final Address NINGBO = Address.of("CN", "Zhejiang", "Ningbo");
    static final Address BEIJING = Address.of("CN", "Beijing", "Beijing");
    static final Address URUMQI = Address.of("CN", "Xinjiang", "Urumqi");
    static final Address BERLIN = Address.of("DE", "Berlin", "Berlin");
    /** Monday 2026-03-02, 10:00 in Shanghai. */
    static final Instant MONDAY_10_AM = at(2026, 3, 2, 10, 0);

    private Fixtures() {}

    static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(SHANGHAI).toInstant();
    }

    static SandboxConfig config() {
        return SandboxConfig.defaults(SECRET);
    }

    static ManualClock clock() {
        return new ManualClock(MONDAY_10_AM, SHANGHAI);
    }

    static SandboxCarrier carrier(ManualClock clock) {
        return SandboxCarrier.create(config(), clock);
    }

    static Parcel smallBox(long grams) {
        return new Parcel(grams, 200, 150, 100);
    }

    static MonetaryAmount cny(String amount) {
        return Monetary.getDefaultAmountFactory().setCurrency(CNY).setNumber(new BigDecimal(amount)).create();
    }

    static QuoteRequest request(Address from, Address to, Parcel parcel, Instant orderedAt) {
        return new QuoteRequest(from, to, parcel, CNY, orderedAt);
    }

    static Quote quote(SandboxCarrier carrier, QuoteRequest request, ServiceLevel service) {
        QuoteOutcome outcome = carrier.quote(request);
        assertTrue(outcome instanceof QuoteOutcome.Quoted, () -> "expected quotes, got " + outcome);
        return ((QuoteOutcome.Quoted) outcome).forService(service).orElseThrow();
    }

    static ShipmentRequest shipmentRequest(String id, ServiceLevel service, Address to) {
        return ShipmentRequest.outbound(new ShipmentRequestId(id), service, HANGZHOU_WAREHOUSE, to, smallBox(1200), CNY);
    }

    static Shipment create(SandboxCarrier carrier, ShipmentRequest request) {
        ShipmentOutcome outcome = carrier.createShipment(request);
        return outcome.created().orElseThrow(() -> new AssertionError("expected a shipment, got " + outcome));
    }

    static void assertAmount(MonetaryAmount expected, MonetaryAmount actual) {
        assertTrue(actual.isEqualTo(expected), () -> "expected " + expected + " but was " + actual);
    }
}
