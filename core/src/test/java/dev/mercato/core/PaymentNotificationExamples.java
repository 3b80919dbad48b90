package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RejectionReason;
import dev.mercato.payments.sandbox.NotificationDelivery;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * The provider's webhooks through the facade ({@code Commerce.onPaymentNotification}): verified
 * by the provider, applied once however often and in whatever order they arrive.
 */
class PaymentNotificationExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.System WEBHOOK = new Actor.System("webhook");
    static final WarehouseId EAST = new WarehouseId("east");

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-webhooks", Set.of(CNY)));
    final Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
            .catalog(Catalog.inMemory().put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00"))))
            .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                    .setStock(EAST, SkuId.of("longjing"), 10, 0))
            .paymentProvider(sandbox)
            .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
            .build();

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    CheckoutResult.Placed checkout() {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("longjing"), 1);
        return assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), "checkout-1", Optional.empty()));
    }

    long buyerFunds() {
        return MinorUnits.toMinor(commerce.journal().orElseThrow().balance(Account.buyerFundsIn("ann"), CNY));
    }

    @Test
    void aPendingPaymentIsPaidByItsNotificationOnceHoweverOftenItArrives() {
        CheckoutResult.Placed placed = checkout();
        String paymentId = placed.payment().paymentId();
        sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(5)));
        assertInstanceOf(PaymentResult.Pending.class, commerce.pay(ANN, paymentId, new PaymentSource("tok_visa")));
        assertEquals(0, buyerFunds());

        clock.advance(Duration.ofMinutes(6));
        sandbox.settleDue();
        List<Notification> delivered = sandbox.drainNotifications(NotificationDelivery.shuffledWithDuplicates(7));
        assertTrue(delivered.size() >= 2, "pending and success, with copies: " + delivered.size());
        for (Notification n : delivered) {
            assertInstanceOf(NotificationResult.Verified.class, commerce.onPaymentNotification(WEBHOOK, n));
        }
        for (Notification n : delivered) {
            commerce.onPaymentNotification(WEBHOOK, n);      // and all of them again
        }
        assertTrue(commerce.payment(ANN, paymentId).orElseThrow().paid().isPresent());
        assertEquals(-26_800, buyerFunds(), "captured once into the ledger");
        assertInstanceOf(Held.class, commerce.escrow(WEBHOOK, placed.orders().get(0).id()).orElseThrow());
    }

    @Test
    void aForgedNotificationIsRejectedAndChangesNothing() {
        CheckoutResult.Placed placed = checkout();
        String paymentId = placed.payment().paymentId();
        sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(5)));
        commerce.pay(ANN, paymentId, new PaymentSource("tok_visa"));
        clock.advance(Duration.ofMinutes(6));
        sandbox.settleDue();
        Notification genuine = sandbox.drainNotifications().get(0);
        Notification forged = new Notification(genuine.headers(), genuine.body().replace("PENDING", "SUCCEEDED") + " ");
        NotificationResult.Rejected rejected = assertInstanceOf(NotificationResult.Rejected.class,
                commerce.onPaymentNotification(WEBHOOK, forged));
        assertEquals(RejectionReason.BAD_SIGNATURE, rejected.reason());
        assertTrue(commerce.payment(ANN, paymentId).orElseThrow().paid().isEmpty());
        assertEquals(0, buyerFunds());
    }

    @Test
    void onlyThePlatformFeedsNotifications() {
        CheckoutResult.Placed placed = checkout();
        sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(5)));
        commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa"));
        clock.advance(Duration.ofMinutes(6));
        sandbox.settleDue();
        Notification n = sandbox.drainNotifications().get(0);
        assertThrows(NotPermittedException.class, () -> commerce.onPaymentNotification(ANN, n));
        assertTrue(commerce.payment(ANN, placed.payment().paymentId()).orElseThrow().paid().isEmpty());
    }
}
