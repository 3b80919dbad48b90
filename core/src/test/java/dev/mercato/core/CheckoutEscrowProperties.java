package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.Transition;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.order.Order;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.javamoney.moneta.Money;

/**
 * For any cart over several shops paid once through the checkout, each order's escrow holds its
 * payable, the escrows together hold exactly the captured sale, replays open nothing more, any
 * refunds of the orders' shares never exceed the sale, and the ledger balances.
 */
class CheckoutEscrowProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final WarehouseId EAST = new WarehouseId("east");

    /** One cart line: a shop, a price in fen and a quantity. */
    record Line(int shop, long priceMinor, long quantity) {}

    @Provide
    Arbitrary<List<Line>> carts() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.longs().between(1, 99_999),
                Arbitraries.longs().between(1, 5)).as(Line::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 60)
    void escrowsHoldExactlyTheCapturedSaleAndTheLedgerBalances(
            @ForAll("carts") List<Line> cart,
            @ForAll @IntRange(min = 0, max = 2) int replays,
            @ForAll @IntRange(min = 0, max = 100) int refundPercent) {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        Storage storage = InMemoryStorage.create();
        Journal journal = Journal.inMemory();
        SandboxPaymentProvider payments = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "whsec-checkout-escrow-properties", Set.of(CNY)));
        EscrowService escrows = EscrowService.create(storage, journal, payments, clock);
        InMemoryCatalog catalog = Catalog.inMemory();
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best())
                .addWarehouse(Warehouse.of("east", "shanghai"));
        Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(storage).catalog(catalog).inventory(inventory)
                .paymentProvider(payments).onPaid(escrows.paymentHook(CheckoutEscrowExamples::termsOf)).build();
        CartId cartId = CartId.of("ann");
        for (int i = 0; i < cart.size(); i++) {
            Line line = cart.get(i);
            SkuId sku = SkuId.of("sku-" + i);
            catalog.put(Sku.of(sku.value(), "shop-" + line.shop(), "Item " + i,
                    Money.of(BigDecimal.valueOf(line.priceMinor(), 2), "CNY")));
            inventory.setStock(EAST, sku, line.quantity(), 0);
            commerce.addToCart(ANN, cartId, sku, line.quantity());
        }
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, cartId, "k", Optional.empty()));
        String paymentId = placed.payment().paymentId();
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, paymentId, new PaymentSource("tok_visa")));
        int entries = journal.entries().size();
        for (int r = 0; r < replays; r++) {
            commerce.confirmPayment(new Actor.System("webhook"), paymentId, "replay-" + r);
        }
        assertEquals(entries, journal.entries().size());

        BuyerPayment payment = commerce.payment(ANN, paymentId).orElseThrow();
        long captured = MinorUnits.toMinor(payment.total());
        long held = 0;
        for (Order order : placed.orders()) {
            Held escrow = assertInstanceOf(Held.class, escrows.find(order.id().value()).orElseThrow());
            assertEquals(MinorUnits.toMinor(order.facts().snapshot().payable()), MinorUnits.toMinor(escrow.funds().held()));
            held += MinorUnits.toMinor(escrow.funds().held());
        }
        assertEquals(captured, held);
        assertEquals(-captured, MinorUnits.toMinor(journal.balance(Account.buyerFundsIn("ann"), CNY)));

        // Each order refunds a share of what it holds: all refunds go through against the one sale.
        long refunded = 0;
        for (Order order : placed.orders()) {
            Escrow escrow = escrows.find(order.id().value()).orElseThrow();
            long part = MinorUnits.toMinor(escrow.funds().held()) * refundPercent / 100;
            if (part > 0) {
                MonetaryAmount amount = MinorUnits.toAmount(part, CNY);
                assertInstanceOf(Transition.Accepted.class, escrows.refund(order.id().value(),
                        new Actor.Seller(order.facts().sellerId()), amount));
                refunded += part;
            }
        }
        assertEquals(refunded, MinorUnits.toMinor(journal.balance(Account.refunds(), CNY)));
        long providerRefunded = placed.orders().stream()
                .flatMap(o -> escrows.operations(o.id().value()).stream())
                .filter(op -> op.kind() == dev.mercato.core.escrow.ProviderOperation.Kind.REFUND)
                .mapToLong(op -> MinorUnits.toMinor(((dev.mercato.payments.PaymentOutcome.Succeeded)
                        payments.status(op.transactionId()).orElseThrow()).amount()))
                .sum();
        assertEquals(refunded, providerRefunded);

        // The ledger balances: every entry and all balances together sum to zero.
        for (JournalEntry entry : journal.entries()) {
            assertEquals(0L, entry.postings().stream().mapToLong(CheckoutEscrowProperties::minor).sum(), entry.key());
        }
        long total = 0;
        for (Map<CurrencyUnit, MonetaryAmount> byCurrency : journal.balances().values()) {
            total += byCurrency.values().stream().mapToLong(MinorUnits::toMinor).sum();
        }
        assertEquals(0L, total);
    }

    static long minor(Posting posting) {
        return MinorUnits.toMinor(posting.amount());
    }
}
