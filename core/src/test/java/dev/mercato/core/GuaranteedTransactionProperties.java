package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.escrow.Disputed;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.escrow.Shipped;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import net.jqwik.api.state.Action;
import dev.mercato.core.escrow.LineAmount;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.revenue.LineSettlement;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.javamoney.moneta.Money;

/**
 * A state model of the facade's whole guaranteed-transaction lifecycle (docs/core.md,
 * "Guaranteed transactions"): checkouts, payments, cancellations, shipment, delivery, the buyer's
 * confirmation and extension, the auto-confirm clock, disputes and their split, refunds before
 * shipment and after-sale refunds, in any order. After every step: every entry balances and all
 * balances sum to zero; every captured unit is in the ledger (the buyer's funds in equal what the
 * provider captured); the refunds in the ledger equal what the provider refunded; each escrow's
 * captured money is held, refunded or released and equals its order's payable; order and escrow
 * states agree. 170 chains of up to 60 steps (over 10,000 steps) in the default build. Chains
 * run untaxed, with China's inclusive VAT or California's exclusive sales tax, each with or
 * without cash rounding to the jiao: then also each order records its tax and rounding, tax
 * payable is the tax of released orders less what their refunds reversed, the cash-rounding
 * account holds each order's adjustment less what refunds returned beyond their exact amounts,
 * and the provider never refunds more than the buyer paid in cash. Some runs make the studio the
 * platform's own store (docs/escrow-and-ledger.md, "Self-operated goods"), beside the third-party
 * tea shop in the same carts and payments: then its escrows keep no commission, nothing is ever
 * payable to it, sales revenue is what its released escrows kept, and cost of goods (the tea set
 * has a unit cost, the mask none) is each released line's cost less what its refunds took back,
 * all of it out of inventory.
 */
class GuaranteedTransactionProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId CART = CartId.of("ann");
    static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final WarehouseId EAST = new WarehouseId("east");
    static final List<String> SKUS = List.of("longjing", "tea-set", "mask");

    /** The facade under test and what the model remembers of it. */
    static final class Model {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "whsec-guaranteed-properties", Set.of(CNY)));
        /**
         * Whether this run taxes orders: China's VAT, 9% on food and 13% on the rest, inclusive;
         * or, when {@link #exclusive}, California's 7.25% sales tax added to the prices.
         */
        final boolean taxed;
        final boolean exclusive;
        /** Whether this run rounds what the buyer pays to the jiao (CNY 0.10). */
        final boolean rounded;
        /** Whether the studio is the platform's own store (self-operated), with costs of goods. */
        final boolean selfOperated;
        /** Whether the provider holds the funds (docs/funds-models.md) instead of the platform. */
        final boolean providerHeld;
        /** Every split, return and unfreeze that reached the sandbox, when the provider holds the funds. */
        final HeldFundsTape tape = new HeldFundsTape(sandbox);
        final Commerce commerce;

        Model() {
            this(0, false, false, false);
        }

        /**
         * {@code tax}: 0 none, 1 China's inclusive VAT, 2 California's exclusive sales tax; {@code
         * providerHeld}: the funds model (cash rounding is not offered with provider-held funds).
         */
        Model(int tax, boolean rounded, boolean selfOperated, boolean providerHeld) {
            this.providerHeld = providerHeld;
            this.selfOperated = selfOperated;
            this.taxed = tax > 0;
            this.exclusive = tax == 2;
            this.rounded = rounded;
            Commerce.Builder builder = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                    .catalog(Catalog.inMemory()
                            .put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00")).withCategoryPath(List.of("food")))
                            .put(Sku.of("tea-set", "studio", "Tea set", cny("329.10")).withCategoryPath(List.of("home")))
                            .put(Sku.of("mask", "studio", "Silk mask", cny("59.03")).withCategoryPath(List.of("apparel"))))
                    .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                            .setStock(EAST, SkuId.of("longjing"), 10_000, 0).setStock(EAST, SkuId.of("tea-set"), 10_000, 0)
                            .setStock(EAST, SkuId.of("mask"), 10_000, 0))
                    .paymentProvider(sandbox)
                    .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                    .sellerTypes(s -> s.equals("tea-shop") ? SellerType.BRAND_FLAGSHIP
                            : selfOperated ? SellerType.SELF_OPERATED : SellerType.ENTERPRISE)
                    .costsOfGoods(sku -> sku.value().equals("tea-set") ? Optional.of(TEA_SET_COST) : Optional.empty());
            if (taxed) {
                builder.tax(CHINA_VAT, facts -> exclusive ? "US-CA" : "CN",
                        line -> line.categoryPath().contains("food") ? "food" : "standard");
            }
            if (rounded) {
                builder.cashRounding(dev.mercato.pricing.money.CashRounding.to(cny("0.10")));
            }
            if (providerHeld) {
                // Annual fees charged from the sellers' payables, collected by the release splits.
                builder.fundsHeldByProvider(tape, ACCOUNTS).fees(dev.mercato.core.fee.FeeSettings.of(seller -> true));
            }
            commerce = builder.build();
        }

        final List<String> payments = new ArrayList<>();
        final List<OrderId> orders = new ArrayList<>();
        int checkouts;

        Journal journal() {
            return commerce.journal().orElseThrow();
        }

        Order order(OrderId id) {
            return commerce.order(SCHEDULER, id).orElseThrow();
        }

        Optional<Escrow> escrow(OrderId id) {
            return commerce.escrow(SCHEDULER, id);
        }

        OrderId pick(int index) {
            return orders.get(Math.floorMod(index, orders.size()));
        }

        @Override
        public String toString() {
            return checkouts + " checkouts, " + orders.size() + " orders";
        }
    }

    /** The platform's account and the shops' sub-accounts at the provider, with provider-held funds. */
    static final dev.mercato.payments.FundsAccount PLATFORM = dev.mercato.payments.FundsAccount.platform("acct_platform");
    static final FundsAccounts ACCOUNTS = FundsAccounts.of(PLATFORM,
            seller -> Optional.of(dev.mercato.payments.FundsAccount.seller("sub_" + seller)));

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    /** What one tea set cost the platform (read only when the studio is self-operated). */
    static final MonetaryAmount TEA_SET_COST = cny("187.43");

    static final dev.mercato.pricing.tax.TaxCalculator CHINA_VAT = dev.mercato.pricing.tax.TaxCalculator.fromTable(
            List.of(dev.mercato.pricing.tax.TaxRegion.of("CN", dev.mercato.pricing.tax.TaxMode.INCLUSIVE),
                    dev.mercato.pricing.tax.TaxRegion.of("US-CA", dev.mercato.pricing.tax.TaxMode.EXCLUSIVE)),
            List.of(dev.mercato.pricing.tax.TaxRate.from("US-CA", "standard", dev.mercato.pricing.money.Rate.fraction("0.0725"),
                            Instant.parse("2017-01-01T00:00:00Z")),
                    dev.mercato.pricing.tax.TaxRate.from("US-CA", "food", dev.mercato.pricing.money.Rate.ZERO,
                            Instant.parse("2017-01-01T00:00:00Z")),
                    dev.mercato.pricing.tax.TaxRate.from("CN", "standard", dev.mercato.pricing.money.Rate.percent(13),
                            Instant.parse("2019-04-01T00:00:00Z")),
                    dev.mercato.pricing.tax.TaxRate.from("CN", "food", dev.mercato.pricing.money.Rate.percent(9),
                            Instant.parse("2019-04-01T00:00:00Z"))));

    /** The build's default tries (200) of up to 60 steps each; 10,000 tries under {@code -Plong-properties}. */
    @Property
    void orderEscrowAndLedgerStayInStepAndEveryCapturedUnitIsInTheLedger(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("guaranteed-transaction invariants", GuaranteedTransactionProperties::checkInvariants).run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(false, true),
                        Arbitraries.of(false, true), Arbitraries.of(false, true))
                .as((tax, rounded, own, held) -> (java.util.function.Supplier<Model>) () -> new Model(tax,
                        rounded && !held, own, held))
                .flatMap(model -> ActionChain.startWith(model)
                        .withAction(3, new Checkout())
                        .withAction(4, on("pay", (m, id) -> m.commerce.pay(ANN, m.order(id).facts().paymentId(),
                                new PaymentSource("tok_visa"))))
                        .withAction(on("cancel", (m, id) -> m.commerce.cancelOrder(ANN, id)))
                        .withAction(3, on("ship", GuaranteedTransactionProperties::shipAll))
                        .withAction(2, on("deliver", (m, id) -> m.commerce.confirmDelivery(ANN, id)))
                        .withAction(2, on("confirm receipt", (m, id) -> m.commerce.confirmReceipt(ANN, id)))
                        .withAction(new FaultedConfirm())
                        .withAction(on("extend", (m, id) -> m.commerce.extendAutoConfirm(ANN, id)))
                        .withAction(on("refund before shipment", (m, id) -> m.commerce.refundBeforeShipment(ANN, id)))
                        .withAction(on("dispute", (m, id) -> m.commerce.openDispute(ANN, id)))
                        .withAction(new Resolve())
                        .withAction(new ResolveByLine())
                        .withAction(on("end dispute", (m, id) -> m.commerce.endDispute(OPERATOR, id)))
                        .withAction(2, on("after-sale refund", GuaranteedTransactionProperties::afterSaleRefund))
                        .withAction(3, new MoveClock())
                        .withAction(2, new EnrolAnnualFee())
                        .withMaxTransformations(60));
    }

    @FunctionalInterface
    interface OrderStep {
        void run(Model m, OrderId id);
    }

    /** A step on one of the orders placed so far (none yet: nothing happens). */
    static Action.Independent<Model> on(String name, OrderStep step) {
        return () -> Arbitraries.integers().between(0, 50).map(i -> Transformer.mutate(name + " #" + i, m -> {
            if (!m.orders.isEmpty()) {
                step.run(m, m.pick(i));
            }
        }));
    }

    static void shipAll(Model m, OrderId id) {
        if (m.order(id) instanceof Order.StockAllocated allocated) {
            List<Shipment.Item> all = allocated.facts().snapshot().lines().stream()
                    .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
            m.commerce.ship(new Actor.Seller(allocated.facts().sellerId()), id, "SF-" + id.value().substring(4, 12), all);
        }
    }

    static void afterSaleRefund(Model m, OrderId id) {
        if (m.order(id) instanceof Order.Delivered delivered) {
            String caseId = "c" + delivered.cases().size();
            m.commerce.requestAfterSale(ANN, id, caseId, AfterSaleCase.Kind.REFUND_ONLY,
                    List.of(AfterSaleCase.Item.units(1, 1)), Optional.of("flaw"));
            m.commerce.approveAfterSale(OPERATOR, id, caseId);
            m.commerce.refundAfterSale(OPERATOR, id, caseId);
        }
    }

    /** Ann fills her cart with some of each SKU and checks out under a fresh key. */
    static final class Checkout implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.longs().between(0, 2).list().ofSize(SKUS.size())
                    .filter(qs -> qs.stream().anyMatch(q -> q > 0))
                    .map(qs -> Transformer.mutate("checkout " + qs, m -> {
                        for (int i = 0; i < SKUS.size(); i++) {
                            if (qs.get(i) > 0) {
                                m.commerce.addToCart(ANN, CART, SkuId.of(SKUS.get(i)), qs.get(i));
                            }
                        }
                        if (m.commerce.checkout(ANN, CART, "k" + (++m.checkouts), Optional.empty())
                                instanceof CheckoutResult.Placed placed) {
                            m.payments.add(placed.payment().paymentId());
                            placed.orders().forEach(o -> m.orders.add(o.id()));
                        }
                    }));
        }
    }

    /** An operator splits a disputed order's held money at some fraction. */
    static final class Resolve implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 100))
                    .as((i, percent) -> Transformer.mutate("resolve #" + i + " refunding " + percent + "%", m -> {
                        if (m.orders.isEmpty()) {
                            return;
                        }
                        OrderId id = m.pick(i);
                        if (m.escrow(id).orElse(null) instanceof Disputed disputed) {
                            long held = MinorUnits.toMinor(disputed.funds().held());
                            m.commerce.resolveDispute(OPERATOR, id, MinorUnits.toAmount(held * percent / 100, CNY));
                        }
                    }));
        }
    }

    /** An operator's split names one line and a share of what is left of it. */
    static final class ResolveByLine implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 3),
                    Arbitraries.integers().between(1, 100)).as((i, line, percent) -> Transformer.mutate("resolve #" + i
                            + " refunding " + percent + "% of line " + line, m -> {
                        if (m.orders.isEmpty()) {
                            return;
                        }
                        OrderId id = m.pick(i);
                        if (m.escrow(id).orElse(null) instanceof Disputed disputed) {
                            int index = line % disputed.terms().lines().size();
                            long left = MinorUnits.toMinor(disputed.terms().lines().get(index).buyerPaid())
                                    - MinorUnits.toMinor(disputed.funds().lineRefunded(index));
                            long amount = left * percent / 100;
                            if (amount > 0) {
                                m.commerce.resolveDispute(OPERATOR, id, List.of(new LineAmount(disputed.terms().lines()
                                        .get(index).line().lineId(), MinorUnits.toAmount(amount, CNY))), cny("0.00"));
                            }
                        }
                    }));
        }
    }

    /**
     * The buyer confirms receipt; with provider-held funds the release's split first meets a fault
     * the sandbox is scripted with (a timeout with or without the money moved, answered as unknown
     * or as an exception, a pending answer, a server error): it must be retried under the same id
     * and reconciled. A fault the confirmation did not use is dropped.
     */
    static final class FaultedConfirm implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            Arbitrary<dev.mercato.payments.sandbox.ScriptedAnswer> faults = Arbitraries.of(
                    dev.mercato.payments.sandbox.ScriptedAnswer.timeOutBeforeMoving(
                            dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface.EXCEPTION),
                    dev.mercato.payments.sandbox.ScriptedAnswer.timeOutBeforeMoving(
                            dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface.UNKNOWN_OUTCOME),
                    dev.mercato.payments.sandbox.ScriptedAnswer.timeOutAfterMoving(
                            dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface.EXCEPTION),
                    dev.mercato.payments.sandbox.ScriptedAnswer.timeOutAfterMoving(
                            dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface.UNKNOWN_OUTCOME),
                    dev.mercato.payments.sandbox.ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(20)),
                    dev.mercato.payments.sandbox.ScriptedAnswer.serverError());
            return Combinators.combine(Arbitraries.integers().between(0, 50), faults).as((i, fault) ->
                    Transformer.mutate("confirm receipt #" + i + " with the split meeting " + fault, m -> {
                        if (m.orders.isEmpty()) {
                            return;
                        }
                        if (m.providerHeld) {
                            m.sandbox.scriptNext(fault);
                        }
                        m.commerce.confirmReceipt(ANN, m.pick(i));
                        m.sandbox.clearScript();
                    }));
        }
    }

    /**
     * With provider-held funds, an operator enrols a shop the platform does not run in an annual
     * fee whose first year started up to two years ago, and the scheduler runs: it charges each
     * year begun (the payable goes below zero), and the next release splits of the shop collect it.
     */
    static final class EnrolAnnualFee implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.of("tea-shop", "studio"), Arbitraries.longs().between(1, 40_000),
                    Arbitraries.integers().between(0, 2)).as((seller, fee, yearsAgo) -> Transformer.mutate("enrol "
                            + seller + " in an annual fee of " + fee + " minor units from " + yearsAgo + " years ago", m -> {
                        if (!m.providerHeld || m.selfOperated && seller.equals("studio")) {
                            return;
                        }
                        m.commerce.fees().enrolAnnualFee(OPERATOR, seller, new dev.mercato.pricing.fee.AnnualFee(
                                MinorUnits.toAmount(fee, CNY), List.of()), m.clock.instant().atZone(java.time.ZoneOffset.UTC)
                                .minusYears(yearsAgo).toInstant());
                        m.commerce.runDueTimers(SCHEDULER);
                    }));
        }
    }

    /** Time passes, up to six days, and the scheduler runs. */
    static final class MoveClock implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.longs().between(1, 6 * 24).map(hours -> Transformer.mutate("+" + hours + "h and timers",
                    m -> {
                        m.clock.advance(Duration.ofHours(hours));
                        m.commerce.runDueTimers(SCHEDULER);
                        if (m.providerHeld) {
                            // An hour or more is past every backoff: the scheduler settles whatever a fault left open.
                            m.commerce.runDueTimers(SCHEDULER);
                            assertTrue(ProviderHeldChecks.settled(m), "every instruction and refund settled by the scheduler");
                        }
                    }));
        }
    }

    static void checkInvariants(Model m) {
        Journal journal = m.journal();
        // With provider-held funds, revenue, tax and refunds are what succeeded instructions did:
        // equal once every instruction and refund is final (a faulted split, and a refund waiting
        // for its returns, are open until the scheduler reconciles them).
        boolean settled = !m.providerHeld || ProviderHeldChecks.settled(m);
        LedgerChecks.assertConsistent(journal);
        // Every captured unit is in the ledger: Ann's funds in are exactly what the provider captured.
        long captured = 0;
        for (String paymentId : m.payments) {
            BuyerPayment payment = m.commerce.payment(ANN, paymentId).orElseThrow();
            if (payment.paid().isPresent()) {
                captured += MinorUnits.toMinor(payment.total());
            }
        }
        assertEquals(-captured, MinorUnits.toMinor(journal.balance(Account.buyerFundsIn("ann"), CNY)),
                "buyer funds in the ledger = provider captures");
        long refundedInEscrows = 0;
        long refundedByProvider = 0;
        long taxOnReleased = 0;
        long cashRounding = 0;
        long sales = 0;
        long costOfGoods = 0;
        for (OrderId id : m.orders) {
            Order order = m.order(id);
            Optional<Escrow> found = m.escrow(id);
            BuyerPayment payment = m.commerce.payment(ANN, order.facts().paymentId()).orElseThrow();
            assertEquals(payment.paid().isPresent(), found.isPresent(), "an escrow exactly for each captured order");
            if (found.isEmpty()) {
                assertTrue(order instanceof Order.AwaitingPayment || order instanceof Order.Cancelled
                        || order instanceof Order.Closed, "unpaid order is " + order.stateName());
                continue;
            }
            Escrow escrow = found.get();
            long held = MinorUnits.toMinor(escrow.funds().held());
            long refunded = MinorUnits.toMinor(escrow.funds().refunded());
            long released = MinorUnits.toMinor(escrow.funds().released());
            assertEquals(MinorUnits.toMinor(order.facts().snapshot().payableWithTax()),
                    MinorUnits.toMinor(escrow.funds().captured()));
            assertEquals(MinorUnits.toMinor(escrow.funds().captured()), held + refunded + released);
            // Per order: seller net + platform revenue (commission, fees) + shares - subsidy = paid - refunded - held.
            assertEquals(released, MinorUnits.toMinor(escrow.funds().sellerNet()) + MinorUnits.toMinor(escrow.funds().commission())
                    + MinorUnits.toMinor(escrow.funds().fees()) + MinorUnits.toMinor(escrow.funds().shares())
                    + MinorUnits.toMinor(escrow.funds().tax()) - MinorUnits.toMinor(escrow.funds().platformSubsidy()),
                    "seller net + platform revenue + tax - subsidy = released");
            assertTaxRecordedAndExact(m, order, escrow);
            taxOnReleased += MinorUnits.toMinor(escrow.funds().tax());
            assertEquals(held, MinorUnits.toMinor(journal.balance(Account.escrowHeld(escrow.id()), CNY)), "held in the ledger");
            refundedInEscrows += refunded;
            long providerRefunded = 0;
            for (ProviderOperation op : m.commerce.escrowService().orElseThrow().operations(escrow.id())) {
                if (op.kind() == ProviderOperation.Kind.REFUND
                        && m.sandbox.status(op.transactionId()).orElse(null) instanceof PaymentOutcome.Succeeded s) {
                    providerRefunded += MinorUnits.toMinor(s.amount());
                }
            }
            refundedByProvider += providerRefunded;
            cashRounding += settled ? assertCashRoundingKeptApart(m, order, escrow, providerRefunded) : 0;
            assertStatesAgree(order, escrow);
            assertLinesExact(escrow);
            boolean own = m.selfOperated && order.facts().sellerId().equals("studio");
            assertEquals(own, escrow.terms().selfOperated(), "an escrow is self-operated exactly when its seller is");
            if (own) {
                assertEquals(0, MinorUnits.toMinor(escrow.funds().commission()), "no commission from the platform itself");
                sales += MinorUnits.toMinor(escrow.funds().sellerNet()) + MinorUnits.toMinor(escrow.funds().commission())
                        + MinorUnits.toMinor(escrow.funds().fees());
                costOfGoods += costLeft(order, escrow);
            }
        }
        if (m.providerHeld) {
            ProviderHeldChecks.check(m, settled);
        }
        if (settled) {
            assertEquals(sales, MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.SALES), CNY)),
                    "sales revenue is what the self-operated escrows released, less their refunds after release");
        }
        assertEquals(costOfGoods, MinorUnits.toMinor(journal.balance(Account.costOfGoods(), CNY)),
                "cost of goods is each released line's cost less what its refunds took back");
        assertEquals(-costOfGoods, MinorUnits.toMinor(journal.balance(Account.inventory(), CNY)), "out of inventory");
        if (m.selfOperated) {
            assertEquals(0, MinorUnits.toMinor(journal.balance(Account.sellerPayable("studio"), CNY)),
                    "nothing is ever payable to the platform's own store");
        }
        if (settled) {
            assertEquals(refundedByProvider, MinorUnits.toMinor(journal.balance(Account.refunds(), CNY)),
                    "the refunds in the ledger are what the provider refunded");
        }
        assertEquals(cashRounding, MinorUnits.toMinor(journal.balance(Account.cashRounding(), CNY)), "cash rounding");
        // Tax payable = the tax charged on released orders minus what their refunds reversed.
        if (settled) {
            assertEquals(taxOnReleased, MinorUnits.toMinor(journal.balance(Account.taxPayable(), CNY)), "tax payable");
        }
        if (!m.rounded && settled) {
            assertEquals(refundedInEscrows, refundedByProvider, "every refund in the ledger went to the provider");
        }
    }

    /**
     * Every facade refund goes by line; a released escrow keeps exactly each line's commission
     * less what that line's own refunds reversed (docs/escrow-and-ledger.md, "Refunds by line").
     */
    static void assertLinesExact(Escrow escrow) {
        List<LineSettlement> lines = escrow.terms().lines();
        assertFalse(lines.isEmpty(), "a facade escrow carries its order's lines");
        long byLine = 0;
        long kept = 0;
        for (int i = 0; i < lines.size(); i++) {
            long refunded = MinorUnits.toMinor(escrow.funds().lineRefunded(i));
            long paid = MinorUnits.toMinor(lines.get(i).buyerPaid());
            long commission = MinorUnits.toMinor(lines.get(i).commission().amount());
            byLine += refunded;
            kept += refunded == 0 || commission == 0 ? commission : refunded == paid ? 0
                    : commission - Allocation.allocate(commission, new long[] {refunded, paid - refunded})[0];
        }
        assertEquals(MinorUnits.toMinor(escrow.funds().refunded()), byLine, "refunds by line add up");
        if (escrow instanceof Released) {
            assertEquals(kept, MinorUnits.toMinor(escrow.funds().commission()), "each line's commission reversal exact");
        }
    }

    /**
     * The order records its tax (net + tax = gross = the line's payable, inclusive) and the escrow
     * carries it line by line; only a released escrow has posted tax, exactly each line's tax less
     * what its own refunds reversed, never more than was charged.
     */
    static void assertTaxRecordedAndExact(Model m, Order order, Escrow escrow) {
        java.util.Optional<dev.mercato.core.order.OrderTax> tax = order.facts().snapshot().tax();
        assertEquals(m.taxed, tax.isPresent(), "an order records its tax exactly when the facade taxes");
        long charged = 0;
        if (tax.isPresent()) {
            for (int i = 0; i < tax.get().lines().size(); i++) {
                dev.mercato.pricing.tax.LineTax line = tax.get().lines().get(i);
                assertEquals(MinorUnits.toMinor(line.net()) + MinorUnits.toMinor(line.tax()), MinorUnits.toMinor(line.gross()));
                assertEquals(MinorUnits.toMinor(order.facts().snapshot().lines().get(i).payable()),
                        MinorUnits.toMinor(m.exclusive ? line.net() : line.gross()),
                        "the line's price is the gross when inclusive, the net when exclusive");
            }
            long net = 0;
            long lineTax = 0;
            long gross = 0;
            for (dev.mercato.pricing.tax.LineTax line : tax.get().lines()) {
                net += MinorUnits.toMinor(line.net());
                lineTax += MinorUnits.toMinor(line.tax());
                gross += MinorUnits.toMinor(line.gross());
            }
            assertEquals(gross, net + lineTax, "net + tax = gross for the order");
            charged = MinorUnits.toMinor(tax.get().total());
            assertEquals(charged, lineTax + MinorUnits.toMinor(tax.get().shippingTax()), "the order's tax is its lines' and shipping's");
            assertEquals(m.exclusive ? charged : 0, MinorUnits.toMinor(order.facts().snapshot().payableWithTax())
                    - MinorUnits.toMinor(order.facts().snapshot().payable()), "exclusive tax is added to the payable");
            assertTrue(m.exclusive || charged > 0, "13% or 9% of a positive price");
        }
        assertEquals(charged, MinorUnits.toMinor(escrow.terms().tax()), "the escrow's lines carry the order's tax");
        List<LineSettlement> lines = escrow.terms().lines();
        long kept = 0;
        for (int i = 0; i < lines.size(); i++) {
            long refunded = MinorUnits.toMinor(escrow.funds().lineRefunded(i));
            long paid = MinorUnits.toMinor(lines.get(i).buyerPaid());
            long lineTax = MinorUnits.toMinor(lines.get(i).tax());
            kept += refunded == 0 || lineTax == 0 ? lineTax : refunded == paid ? 0
                    : lineTax - Allocation.allocate(lineTax, new long[] {refunded, paid - refunded})[0];
        }
        long posted = MinorUnits.toMinor(escrow.funds().tax());
        assertEquals(escrow instanceof Released ? kept : 0, posted, "tax posted on release, less what refunds reversed");
        assertTrue(posted <= charged, "never more tax than charged");
    }

    /**
     * The cash rounding of an order is recorded on it, at most half an increment, and kept apart:
     * the escrow (its lines, seller, commission, partial refunds) holds the exact payable; the
     * provider never refunds more than the buyer paid in cash, and an escrow refunded in full has
     * returned exactly that. Returns the order's part of the cash-rounding balance: the adjustment
     * less what refunds returned beyond their exact amounts.
     */
    static long assertCashRoundingKeptApart(Model m, Order order, Escrow escrow, long providerRefunded) {
        dev.mercato.core.order.PricedSnapshot snapshot = order.facts().snapshot();
        assertEquals(m.rounded, snapshot.cash().isPresent(), "an order records its rounding exactly when the facade rounds");
        long adjustment = snapshot.cash().map(c -> MinorUnits.toMinor(c.adjustment())).orElse(0L);
        assertTrue(Math.abs(adjustment) <= 5, "at most half of CNY 0.10: " + adjustment);
        assertEquals(0, Math.floorMod(MinorUnits.toMinor(snapshot.payableInCash()), m.rounded ? 10 : 1));
        assertEquals(MinorUnits.toMinor(snapshot.payableWithTax()), MinorUnits.toMinor(escrow.terms().amount()),
                "the escrow holds the exact payable: no line, seller or split carries the rounding");
        assertEquals(adjustment, MinorUnits.toMinor(escrow.terms().cashAdjustment()));
        long paidInCash = MinorUnits.toMinor(snapshot.payableInCash());
        long refundedExact = MinorUnits.toMinor(escrow.funds().refunded());
        assertTrue(providerRefunded <= paidInCash, "never more refunded than paid in cash");
        if (refundedExact == MinorUnits.toMinor(escrow.funds().captured())) {
            assertEquals(paidInCash, providerRefunded, "a full refund returns what the buyer paid");
        }
        return adjustment + refundedExact - providerRefunded;
    }

    /**
     * The cost of goods a self-operated escrow has posted and not taken back, computed here from the
     * order: nothing before release; after it each line's units times the unit cost, in proportion
     * to what is left of the line.
     */
    static long costLeft(Order order, Escrow escrow) {
        if (!(escrow instanceof Released)) {
            return 0;
        }
        long total = 0;
        List<LineSettlement> lines = escrow.terms().lines();
        for (int i = 0; i < lines.size(); i++) {
            dev.mercato.core.order.OrderLine line = order.facts().snapshot().lines().get(i);
            long cost = line.sku().value().equals("tea-set") ? MinorUnits.toMinor(TEA_SET_COST) * line.quantity() : 0;
            long paid = MinorUnits.toMinor(lines.get(i).buyerPaid());
            long left = paid - MinorUnits.toMinor(escrow.funds().lineRefunded(i));
            total += cost == 0 || left == paid ? cost : Allocation.allocate(cost, new long[] {left, paid - left})[0];
        }
        return total;
    }

    static void assertStatesAgree(Order order, Escrow escrow) {
        String pair = order.stateName() + " / " + escrow.getClass().getSimpleName();
        if (order instanceof Order.Paid || order instanceof Order.StockAllocated || order instanceof Order.PartiallyShipped) {
            assertTrue(escrow instanceof Held || escrow instanceof Disputed, pair);
        } else if (order instanceof Order.Shipped) {
            assertTrue(escrow instanceof Shipped || escrow instanceof Disputed, pair);
        } else if (order instanceof Order.Delivered) {
            assertTrue(!(escrow instanceof Held), pair);
        } else if (order instanceof Order.Completed) {
            assertTrue(escrow instanceof Released || escrow instanceof Refunded, pair);
        } else {
            // Cancelled, closed or refunded before shipment: the money went back.
            assertTrue(escrow instanceof Refunded, pair);
        }
    }
}
