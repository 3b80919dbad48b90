package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.javamoney.moneta.Money;

/**
 * Hostile webhooks (README "Reliability"): garbage bodies, missing, forged and foreign
 * signatures, oversized bodies, correctly signed answers for unknown transactions, other
 * amounts, other currencies and absurd numbers. Each is rejected or ignored by
 * {@code Commerce.onPaymentNotification} in bounded time, and none changes a payment, an order or
 * the ledger.
 */
class PaymentNotificationProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.System WEBHOOK = new Actor.System("webhook");

    /** A payment left pending at the provider, and its genuine notification's body. */
    static final class World {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "whsec-hostile", Set.of(CNY)));
        final SandboxPaymentProvider stranger = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "whsec-someone-else", Set.of(CNY)));
        final Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                .catalog(Catalog.inMemory().put(Sku.of("longjing", "tea-shop", "Longjing tea", Money.of(new BigDecimal("268.00"), "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                        .setStock(new WarehouseId("east"), SkuId.of("longjing"), 10, 0))
                .paymentProvider(sandbox)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .build();
        final String paymentId;
        final String genuine;

        World() {
            commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("longjing"), 1);
            CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                    commerce.checkout(ANN, CartId.of("ann"), "k1", Optional.empty()));
            paymentId = placed.payment().paymentId();
            sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofHours(1)));
            commerce.pay(ANN, paymentId, new PaymentSource("tok_ann"));
            genuine = sandbox.drainNotifications().get(0).body();   // the PENDING answer
        }

        String fingerprint() {
            return commerce.payment(ANN, paymentId).orElseThrow() + "|" + commerce.ordersOfBuyer(ANN, "ann")
                    + "|" + commerce.journal().orElseThrow().balances();
        }
    }

    static final World WORLD = new World();

    @Property
    void noHostileWebhookChangesAnything(@ForAll("hostile") Notification notification) {
        String before = WORLD.fingerprint();
        long started = System.nanoTime();
        NotificationResult result = WORLD.commerce.onPaymentNotification(WEBHOOK, notification);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(result instanceof NotificationResult.Rejected || result instanceof NotificationResult.Verified);
        assertEquals(before, WORLD.fingerprint(), "a hostile webhook changed something: " + result);
        assertTrue(millis < 2_000, "took " + millis + " ms");
    }

    @Provide
    Arbitrary<Notification> hostile() {
        String genuine = WORLD.genuine;
        Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(300);
        Arbitrary<String> value = Arbitraries.oneOf(garbage, Arbitraries.of("1e999999999", "-1", "0", "NaN",
                "92233720368547758.08", "1e-999999999", "268.000000001", "26800", "USD", "JPY", "XXX", ""));
        Arbitrary<String> field = Arbitraries.of("transaction", "amount", "currency", "operation", "event",
                "occurred", "reference");
        // A genuine body with one field replaced, signed correctly: unknown transactions, other
        // amounts and currencies, absurd numbers. (A signed change of the outcome itself is the
        // provider speaking, and is applied: PaymentNotificationExamples.)
        Arbitrary<Notification> signedTampered = net.jqwik.api.Combinators.combine(field, value).as((f, v) ->
                WORLD.sandbox.sign(genuine.replaceAll("(?m)^" + f + "=.*$", f + "=" + java.net.URLEncoder.encode(v,
                        java.nio.charset.StandardCharsets.UTF_8))));
        Arbitrary<Notification> signedGarbage = garbage.map(WORLD.sandbox::sign);
        Arbitrary<Notification> unsigned = garbage.map(body -> new Notification(Map.of(), body));
        Arbitrary<Notification> forged = garbage.map(h -> new Notification(
                Map.of(SandboxPaymentProvider.SIGNATURE_HEADER, h), genuine.replace("PENDING", "SUCCEEDED")));
        Arbitrary<Notification> foreign = Arbitraries.just(0).map(i -> WORLD.stranger.sign(
                genuine.replace("PENDING", "SUCCEEDED")));
        Arbitrary<Notification> oversized = Arbitraries.integers().between(1, 4).map(mb -> WORLD.sandbox.sign(
                genuine + "x=" + "y".repeat(mb * 1_000_000) + "\n"));
        return Arbitraries.oneOf(signedTampered, signedGarbage, unsigned, forged, foreign, oversized);
    }
}
