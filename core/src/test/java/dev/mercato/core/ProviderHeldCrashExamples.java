package dev.mercato.core;

import static dev.mercato.core.ProviderHeldFundsExamples.ANN;
import static dev.mercato.core.ProviderHeldFundsExamples.ACCOUNTS;
import static dev.mercato.core.ProviderHeldFundsExamples.CNY;
import static dev.mercato.core.ProviderHeldFundsExamples.SCHEDULER;
import static dev.mercato.core.ProviderHeldFundsExamples.TEA_SHOP;
import static dev.mercato.core.ProviderHeldFundsExamples.TEA_SHOP_ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.Order;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.DueTimers;
import dev.mercato.core.storage.IdempotencyStore;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The crash windows of provider-held funds (docs/funds-models.md, "Crash windows"): the release
 * commits with the escrow's entries, and the split is recorded with its "sent" entry in a unit of
 * work of its own, sent, and its answer recorded in a third. Here each of the later commits
 * fails, as if the process died right there; the next {@link Commerce#runDueTimers} finishes the
 * work, and the split reaches the provider exactly once.
 */
class ProviderHeldCrashExamples {

    /** A storage whose commits fail while armed, for units of work that write a held payment the predicate matches. */
    static final class CrashingStorage implements Storage {
        static final class Crash extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Crash() {
                super("injected: the process stopped before this commit");
            }
        }

        private final Storage delegate = InMemoryStorage.create();
        volatile Predicate<ProviderFunds.HeldPayment> crashOn = p -> false;
        int crashes;

        @Override
        public <R> R inTransaction(Function<? super UnitOfWork, ? extends R> work, EventPublisher afterCommit) {
            return delegate.inTransaction(uow -> {
                boolean[] hit = new boolean[1];
                R result = work.apply(new Watching(uow, hit));
                if (hit[0]) {
                    crashes++;
                    throw new Crash();
                }
                return result;
            }, afterCommit);
        }

        private final class Watching implements UnitOfWork {
            private final UnitOfWork uow;
            private final boolean[] hit;

            Watching(UnitOfWork uow, boolean[] hit) {
                this.uow = uow;
                this.hit = hit;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Repository<K, V> repository(AggregateType<K, V> type) {
                Repository<K, V> repo = uow.repository(type);
                if (!type.equals(ProviderFunds.TYPE)) {
                    return repo;
                }
                return new Repository<>() {
                    @Override
                    public Optional<Versioned<V>> find(K key) {
                        return repo.find(key);
                    }

                    @Override
                    public void insert(K key, V value) {
                        watch(value);
                        repo.insert(key, value);
                    }

                    @Override
                    public void update(K key, V value, long expectedVersion) {
                        watch(value);
                        repo.update(key, value, expectedVersion);
                    }

                    @Override
                    public void delete(K key, long expectedVersion) {
                        repo.delete(key, expectedVersion);
                    }

                    @Override
                    public List<Versioned<V>> findBy(String indexName, String entry) {
                        return repo.findBy(indexName, entry);
                    }

                    private void watch(V value) {
                        if (crashOn.test((ProviderFunds.HeldPayment) value)) {
                            hit[0] = true;
                        }
                    }
                };
            }

            @Override
            public IdempotencyStore idempotency() {
                return uow.idempotency();
            }

            @Override
            public DueTimers timers() {
                return uow.timers();
            }

            @Override
            public void publishAfterCommit(dev.mercato.core.event.DomainEvent event) {
                uow.publishAfterCommit(event);
            }
        }
    }

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-crash", Set.of(CNY)));
    final HeldFundsTape tape = new HeldFundsTape(sandbox);
    final CrashingStorage storage = new CrashingStorage();
    final Commerce commerce = ProviderHeldFundsExamples.World.builder(sandbox, clock).storage(storage)
            .fundsHeldByProvider(tape, ACCOUNTS).build();

    private Order paidTeaOrder() {
        commerce.addToCart(ANN, ProviderHeldFundsExamples.CART, SkuId.of("longjing"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, ProviderHeldFundsExamples.CART, "k", Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), ProviderHeldFundsExamples.CARD));
        return placed.orders().get(0);
    }

    private void shipAndConfirm(Order order) {
        Order.StockAllocated allocated = assertInstanceOf(Order.StockAllocated.class, commerce.order(SCHEDULER, order.id()).orElseThrow());
        assertInstanceOf(dev.mercato.core.order.OrderResult.Done.class, commerce.ship(TEA_SHOP, order.id(), "SF1",
                allocated.facts().snapshot().lines().stream()
                        .map(l -> new dev.mercato.core.order.Shipment.Item(l.lineNo(), l.quantity())).toList()));
        assertInstanceOf(dev.mercato.core.order.OrderResult.Done.class, commerce.confirmReceipt(ANN, order.id()));
    }

    private long minor(Account account) {
        return MinorUnits.toMinor(commerce.journal().orElseThrow().balance(account, CNY));
    }

    private void assertMirroredOnce(Order order, long net) {
        Journal journal = commerce.journal().orElseThrow();
        assertEquals(0, minor(Account.sellerPayable("tea-shop")), "nothing payable once the split is mirrored");
        assertEquals(net, minor(Account.providerSubAccount("seller", TEA_SHOP_ACCOUNT.token())));
        assertEquals(net, MinorUnits.toMinor(sandbox.subAccountBalance(TEA_SHOP_ACCOUNT, CNY).orElseThrow()));
        assertEquals(List.of(), tape.violations(), "no split id reached the provider again after a final answer");
        assertEquals(1, tape.sends().get("fh." + order.id().value() + ".s1"), "the split was sent once");
        assertEquals(268_00, MinorUnits.toMinor(sandbox.heldFunds(new TransactionId(
                commerce.storage().inTransaction(uow -> uow.repository(ProviderFunds.TYPE).find(order.facts().paymentId()))
                        .orElseThrow().value().hold())).orElseThrow().splitOut()), "the provider split the order once");
        for (Map.Entry<Account, Map<javax.money.CurrencyUnit, javax.money.MonetaryAmount>> b : journal.balances().entrySet()) {
            if (b.getKey() instanceof Account.ProviderInTransit) {
                assertEquals(0, MinorUnits.toMinor(b.getValue().get(CNY)), "nothing left in transit: " + b.getKey());
            }
        }
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void aCrashBetweenTheReleaseAndRecordingItsSplitIsFinishedByTheNextTimerRun() {
        Order order = paidTeaOrder();
        storage.crashOn = held -> held.instructions().stream().anyMatch(i -> i.kind() == ProviderFunds.Kind.SPLIT);
        shipAndConfirm(order);

        // The release committed; recording its split did not: payable to the seller, balanced, not mirrored.
        Released released = assertInstanceOf(Released.class, commerce.escrow(SCHEDULER, order.id()).orElseThrow());
        long net = MinorUnits.toMinor(released.funds().sellerNet());
        assertTrue(storage.crashes > 0, "the split's unit of work failed");
        assertEquals(net, minor(Account.sellerPayable("tea-shop")));
        assertTrue(sandbox.status(new TransactionId("fh." + order.id().value() + ".s1")).isEmpty(), "nothing reached the provider");
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());

        storage.crashOn = held -> false;
        commerce.runDueTimers(SCHEDULER);
        assertMirroredOnce(order, net);
        commerce.runDueTimers(SCHEDULER);
        assertMirroredOnce(order, net);
    }

    @Test
    void aCrashAfterTheProviderTookTheSplitAndBeforeItsAnswerWasRecordedDoesNotSendItTwice() {
        Order order = paidTeaOrder();
        storage.crashOn = held -> held.instructions().stream()
                .anyMatch(i -> i.kind() == ProviderFunds.Kind.SPLIT && i.status() == ProviderFunds.Status.SUCCEEDED);
        shipAndConfirm(order);

        long net = MinorUnits.toMinor(commerce.escrow(SCHEDULER, order.id()).orElseThrow().funds().sellerNet());
        assertTrue(sandbox.status(new TransactionId("fh." + order.id().value() + ".s1")).orElseThrow()
                instanceof PaymentOutcome.Succeeded, "the provider split the money");
        assertEquals(268_00, minor(Account.providerInTransit("fh." + order.id().value() + ".s1")),
                "the whole release recorded as on its way: the answer was lost");

        storage.crashOn = held -> false;
        commerce.runDueTimers(SCHEDULER);
        assertMirroredOnce(order, net);
    }
}
