package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.settlement.MarginStatement;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.VoidRequest;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.RevenueSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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

/**
 * For any cart mixing the platform's own store with third-party shops in one payment, through the
 * facade (docs/escrow-and-ledger.md, "Self-operated goods"), with some orders released, some
 * held, and line refunds before and after release: after every phase the platform's sales revenue
 * is the price of the self-operated units released and not refunded, its cost of goods their
 * cost, the margin statement shows exactly sales minus cost, no commission is booked on a
 * self-operated order and nothing is payable to the store; every unit the provider captured is in
 * the ledger (the buyer's funds in, held in an escrow, payable to a shop, the platform's revenue
 * or refunded, and the provider's refunds are the ledger's), and the ledger balances.
 *
 * <p>Budget: 50 tries, each a whole facade flow (a few seconds in the default build); under
 * {@code -Plong-properties} (which raises {@code jqwik.tries.default} from 200 to 10,000) each try
 * runs 50 flows, 2,500 in all.
 */
class SelfOperatedMarginProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final WarehouseId EAST = new WarehouseId("east");
    static final String OWN = "own";
    static final List<String> SELLERS = List.of(OWN, "shop-a", "shop-b");

    /**
     * One cart line, its own SKU: the seller, the unit price and (self-operated only) the unit cost
     * in fen, the quantity, and how many units are refunded before and after release.
     */
    record Line(int seller, long priceMinor, Optional<Long> costMinor, long quantity, long refundBefore,
            long refundAfter) {}

    /** A line and what happens to its order: released (shipped, delivered, received) or still held. */
    record Plan(List<Line> lines, List<Boolean> released) {}

    @Provide
    Arbitrary<Plan> plans() {
        Arbitrary<Line> line = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(1, 50_000), Arbitraries.longs().between(0, 80_000).optional(0.8),
                Arbitraries.longs().between(1, 3), Arbitraries.longs().between(0, 2), Arbitraries.longs().between(0, 3))
                .as((seller, price, cost, quantity, before, after) -> {
                    long b = Math.min(before, quantity - 1); // the order stays open until its release
                    return new Line(seller, price, cost, quantity, b, Math.min(after, quantity - b));
                });
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(6), Arbitraries.of(true, false).list().ofSize(3))
                .as(Plan::new);
    }

    /** Flows per try: 1 in the default build, 50 under {@code -Plong-properties}. */
    static final int FLOWS_PER_TRY = Math.max(1, Integer.getInteger("jqwik.tries.default", 200) / 200);

    @Provide
    Arbitrary<List<Plan>> batches() {
        return plans().list().ofSize(FLOWS_PER_TRY);
    }

    @Property(tries = 50)
    void theMarginIsSalesLessCostOfGoodsAndEveryCapturedUnitIsInTheLedger(@ForAll("batches") List<Plan> plans) {
        for (Plan plan : plans) {
            run(plan);
        }
    }

    static void run(Plan plan) {
        World w = new World(plan.lines());
        CartId cart = CartId.of("ann");
        for (int i = 0; i < plan.lines().size(); i++) {
            w.commerce.addToCart(ANN, cart, SkuId.of("sku-" + i), plan.lines().get(i).quantity());
        }
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                w.commerce.checkout(ANN, cart, "checkout-1", Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class,
                w.commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        w.orders.addAll(placed.orders());
        w.check("paid");

        // Every order ships and is delivered; refunds before release; then some orders are released.
        for (Order order : placed.orders()) {
            List<Shipment.Item> all = order.facts().snapshot().lines().stream()
                    .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
            assertInstanceOf(OrderResult.Done.class, w.commerce.ship(new Actor.Seller(order.facts().sellerId()),
                    order.id(), "SF-" + order.facts().sellerId(), all));
        }
        w.clock.advance(Duration.ofDays(2));
        for (Order order : placed.orders()) {
            assertInstanceOf(OrderResult.Done.class, w.commerce.confirmDelivery(ANN, order.id()));
            w.refund(order, "before", Line::refundBefore);
        }
        w.check("refunds before release");
        for (Order order : placed.orders()) {
            if (plan.released().get(SELLERS.indexOf(order.facts().sellerId()))) {
                assertInstanceOf(OrderResult.Done.class, w.commerce.confirmReceipt(ANN, order.id()));
                assertInstanceOf(Released.class, w.escrow(order));
                w.released.add(order.id().value());
            }
        }
        w.check("released");
        for (Order order : placed.orders()) {
            if (w.released.contains(order.id().value())) {
                w.refund(order, "after", Line::refundAfter);
            }
        }
        w.check("refunds after release");
    }

    /** The facade over a recording provider, with the generated catalog, and what the model expects. */
    static final class World {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final Tape tape = new Tape(SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-margin", Set.of(CNY))));
        final List<Line> lines;
        final Commerce commerce;
        final List<Order> orders = new ArrayList<>();
        final Set<String> released = new LinkedHashSet<>();
        /** Units refunded so far, by SKU. */
        final Map<String, Long> refunded = new HashMap<>();
        /** Units refunded after release, by SKU. */
        final Map<String, Long> refundedAfter = new HashMap<>();

        World(List<Line> lines) {
            this.lines = lines;
            RevenueSchedule fivePercent = new RevenueSchedule("margin-property",
                    CommissionSchedule.of("margin-property", CNY, ChargeBase.PAID_PLUS_SUBSIDY, RoundingPolicy.HALF_UP,
                            List.of(CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(5)))),
                    FeeSchedule.none("margin-property", CNY, RoundingPolicy.HALF_UP));
            InMemoryCatalog catalog = Catalog.inMemory();
            InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "east"));
            Map<SkuId, MonetaryAmount> costs = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                SkuId id = SkuId.of("sku-" + i);
                catalog.put(Sku.of(id.value(), SELLERS.get(line.seller()), "SKU " + i, money(line.priceMinor())));
                inventory.setStock(EAST, id, 10, 0);
                if (line.seller() == 0 && line.costMinor().isPresent()) {
                    costs.put(id, money(line.costMinor().get()));
                }
            }
            commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                    .catalog(catalog).inventory(inventory).paymentProvider(tape)
                    .guaranteedTransactions(fivePercent)
                    .sellerTypes(seller -> seller.equals(OWN) ? SellerType.SELF_OPERATED : SellerType.ENTERPRISE)
                    .costsOfGoods(sku -> Optional.ofNullable(costs.get(sku)))
                    .build();
        }

        Line lineOf(OrderLine line) {
            return lines.get(Integer.parseInt(line.sku().value().substring("sku-".length())));
        }

        /** Refunds, in one after-sale case per line, the units {@code units} says for that line. */
        void refund(Order order, String phase, java.util.function.ToLongFunction<Line> units) {
            Actor.Seller seller = new Actor.Seller(order.facts().sellerId());
            for (OrderLine line : order.facts().snapshot().lines()) {
                long n = units.applyAsLong(lineOf(line));
                if (n == 0) {
                    continue;
                }
                String caseId = phase + "-" + line.sku().value();
                assertInstanceOf(OrderResult.Done.class, commerce.requestAfterSale(ANN, order.id(), caseId,
                        AfterSaleCase.Kind.REFUND_ONLY, List.of(AfterSaleCase.Item.units(line.lineNo(), n)), Optional.empty()));
                assertInstanceOf(OrderResult.Done.class, commerce.approveAfterSale(seller, order.id(), caseId));
                assertInstanceOf(OrderResult.Done.class, commerce.refundAfterSale(seller, order.id(), caseId));
                refunded.merge(line.sku().value(), n, Long::sum);
                if (phase.equals("after")) {
                    refundedAfter.merge(line.sku().value(), n, Long::sum);
                }
            }
        }

        Escrow escrow(Order order) {
            return commerce.escrow(SCHEDULER, order.id()).orElseThrow();
        }

        long balance(Journal journal, Account account) {
            return MinorUnits.toMinor(journal.balance(account, CNY));
        }

        void check(String phase) {
            Journal journal = commerce.journal().orElseThrow();
            // What the model expects of the platform's own sales: released units not refunded.
            long sales = 0;
            long cost = 0;
            long refundedMinor = 0;
            for (Order order : orders) {
                for (OrderLine ol : order.facts().snapshot().lines()) {
                    Line line = lineOf(ol);
                    long back = refunded.getOrDefault(ol.sku().value(), 0L);
                    refundedMinor += back * line.priceMinor();
                    if (line.seller() == 0 && released.contains(order.id().value())) {
                        long kept = line.quantity() - back;
                        sales += kept * line.priceMinor();
                        cost += kept * line.costMinor().orElse(0L);
                    }
                }
            }
            String at = " (" + phase + ")";
            assertEquals(sales, balance(journal, Account.revenue(RevenueStream.SALES)), "sales revenue" + at);
            assertEquals(cost, balance(journal, Account.costOfGoods()), "cost of goods" + at);
            assertEquals(-cost, balance(journal, Account.inventory()), "stock leaves inventory at cost" + at);
            MarginStatement margin = commerce.marginStatement(SCHEDULER, CNY, Instant.EPOCH, clock.instant().plusSeconds(1));
            assertEquals(balance(journal, Account.revenue(RevenueStream.SALES)), MinorUnits.toMinor(margin.sales()), at);
            assertEquals(balance(journal, Account.costOfGoods()), MinorUnits.toMinor(margin.costOfGoods()), at);
            assertEquals(sales - cost, MinorUnits.toMinor(margin.margin()), "the statement's margin" + at);

            // No commission on self-operated orders, nothing payable to the platform's own store.
            long commission = 0;
            long held = 0;
            for (Order order : orders) {
                Escrow escrow = escrow(order);
                boolean own = order.facts().sellerId().equals(OWN);
                assertEquals(own, escrow.terms().selfOperated(), at);
                held += MinorUnits.toMinor(escrow.funds().held());
                assertEquals(MinorUnits.toMinor(escrow.funds().held()),
                        balance(journal, Account.escrowHeld(escrow.id())), "escrow-held of " + escrow.id() + at);
                if (own) {
                    assertEquals(0, MinorUnits.toMinor(escrow.funds().commission()), "no commission on own goods" + at);
                    for (JournalEntry entry : journal.entries()) {
                        if (entry.key().contains(order.id().value()) || entry.key().contains(escrow.id())) {
                            for (Posting p : entry.postings()) {
                                assertTrue(!p.account().equals(Account.revenue(RevenueStream.COMMISSION))
                                        && !p.account().equals(Account.sellerPayable(OWN)),
                                        "entry " + entry.key() + " books commission or a payable on own goods" + at);
                            }
                        }
                    }
                } else {
                    commission += MinorUnits.toMinor(escrow.funds().commission());
                }
            }
            assertEquals(0, balance(journal, Account.sellerPayable(OWN)), "nothing payable to the own store" + at);
            assertEquals(commission, balance(journal, Account.revenue(RevenueStream.COMMISSION)),
                    "commission only from the shops' orders" + at);

            // Every captured unit is in the ledger, and the provider's refunds are the ledger's.
            long captured = tape.succeeded(false);
            assertEquals(placedTotal(), captured, "the provider captured the one payment" + at);
            assertEquals(-captured, balance(journal, Account.buyerFundsIn("ann")), "the buyer's funds in" + at);
            assertEquals(refundedMinor, tape.succeeded(true), "the provider refunded the refunded units" + at);
            assertEquals(refundedMinor, balance(journal, Account.refunds()), "refunds in the ledger" + at);
            long payable = 0;
            for (String shop : SELLERS.subList(1, SELLERS.size())) {
                payable += balance(journal, Account.sellerPayable(shop));
            }
            assertEquals(captured, held + payable + commission + sales + refundedMinor,
                    "captured = held + payable to shops + commission + sales + refunded" + at);
            long sum = 0;
            for (Map<CurrencyUnit, MonetaryAmount> byCurrency : journal.balances().values()) {
                MonetaryAmount b = byCurrency.get(CNY);
                sum += b == null ? 0 : MinorUnits.toMinor(b);
            }
            assertEquals(0, sum, "the ledger balances" + at);
        }

        long placedTotal() {
            long total = 0;
            for (Line line : lines) {
                total += line.priceMinor() * line.quantity();
            }
            return total;
        }
    }

    static MonetaryAmount money(long minor) {
        return MinorUnits.toAmount(minor, CNY);
    }

    /** Forwards to the sandbox and remembers which transactions were sales and which refunds. */
    static final class Tape implements PaymentProvider {
        private final SandboxPaymentProvider sandbox;
        private final Map<String, Boolean> refunds = new HashMap<>();

        Tape(SandboxPaymentProvider sandbox) {
            this.sandbox = sandbox;
        }

        /** What the provider says succeeded, in fen: its refunds, or its sales and captures. */
        long succeeded(boolean refund) {
            long sum = 0;
            for (Map.Entry<String, Boolean> e : refunds.entrySet()) {
                if (e.getValue() == refund
                        && sandbox.status(new TransactionId(e.getKey())).orElse(null) instanceof PaymentOutcome.Succeeded s) {
                    sum += MinorUnits.toMinor(s.amount());
                }
            }
            return sum;
        }

        @Override
        public Capabilities capabilities() {
            return sandbox.capabilities();
        }

        @Override
        public PaymentOutcome authorize(PaymentRequest request) {
            refunds.putIfAbsent(request.transactionId().value(), false);
            return sandbox.authorize(request);
        }

        @Override
        public PaymentOutcome capture(CaptureRequest request) {
            return sandbox.capture(request);
        }

        @Override
        public PaymentOutcome sale(PaymentRequest request) {
            refunds.putIfAbsent(request.transactionId().value(), false);
            return sandbox.sale(request);
        }

        @Override
        public PaymentOutcome voidAuthorization(VoidRequest request) {
            return sandbox.voidAuthorization(request);
        }

        @Override
        public PaymentOutcome refund(RefundRequest request) {
            refunds.putIfAbsent(request.transactionId().value(), true);
            return sandbox.refund(request);
        }

        @Override
        public Optional<PaymentOutcome> status(TransactionId transactionId) {
            return sandbox.status(transactionId);
        }

        @Override
        public NotificationResult parseNotification(Notification notification) {
            return sandbox.parseNotification(notification);
        }
    }
}
