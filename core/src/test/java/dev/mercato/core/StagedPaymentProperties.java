package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.escrow.BalanceResult;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.StagedPayment;
import dev.mercato.core.escrow.AwaitingBalance;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.PaymentSchedule.ForfeitRule;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.StockLevel;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.logistics.Address;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.TransactionId;
import static org.junit.jupiter.api.Assertions.assertTrue;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Payments in stages through the facade, in both funds models (docs/funds-models.md), for any price, quantity, deposit, deposit value,
 * advance share and commission: the first stage plus the balance is the priced total to the minor
 * unit; paying the balance holds exactly the priced total; an unpaid balance forfeits the first
 * stage by its rule and balances to the cent (kept: the seller's payable plus the platform's
 * commission is the deposit; refunded: the refund is the first stage and reached the provider);
 * in every path every captured unit is in the ledger, nothing stays held in a closed order and its
 * stock is released. With the funds held by the provider each stage is a held sale, and in
 * every path: the split instructions of the order's holds sum to what was captured less what was
 * refunded (the released balance split across the deposit's hold and the balance's; a kept deposit
 * split between seller and platform; a refunded one split nowhere), each hold's splits, refunds
 * and what it still holds are the provider's, the seller's sub-account holds its payable, and no
 * instruction id reached the provider again after a final answer.
 */
class StagedPaymentProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final Instant T0 = Instant.parse("2026-10-20T02:00:00Z");
    static final Destination HOME = Destination.of(new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road"));

    /**
     * What happens after the first stage: 0 balance paid and the order released, 1 deposit kept, 2
     * deposit refunded at the due date, 3 first stage refunded before the balance (by the seller),
     * 4 balance paid, the order released and some of its units refunded after release.
     */
    @Property(tries = 150)
    void theStagesSumToThePricedTotalAndEveryPathBalancesToTheCent(
            @ForAll @LongRange(min = 1_000, max = 5_000_000) long priceMinor,
            @ForAll @IntRange(min = 1, max = 9) int units,
            @ForAll @IntRange(min = 1, max = 99) int depositPercent,
            @ForAll @IntRange(min = 0, max = 100) int bonusPercent,
            @ForAll @IntRange(min = 0, max = 150) int commissionTenths,
            @ForAll boolean advance,
            @ForAll @IntRange(min = 1, max = 99) int advancePercent,
            @ForAll @IntRange(min = 0, max = 4) int path,
            @ForAll boolean heldByProvider) {
        long deposit = Math.max(1, priceMinor * depositPercent / 100);
        long worth = Math.min(priceMinor, deposit + deposit * bonusPercent / 100);
        TestClock clock = new TestClock(T0);
        SandboxPaymentProvider payments = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-staged-property", Set.of(CNY)));
        HeldFundsTape tape = new HeldFundsTape(payments);
        Commerce.Builder builder = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                .catalog(Catalog.inMemory().put(Sku.of("tv", "tv-shop", "Television", money(priceMinor))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                        .setStock(new WarehouseId("east"), SkuId.of("tv"), 10, 0))
                .paymentProvider(payments)
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read("""
                        {"currency": "CNY", "promotions": [{"kind": "pre-sale", "id": "p", "scope": {"skus": ["tv"]},
                          "deposit": %s, "depositValue": %s}]}""".formatted(decimal(deposit), decimal(worth)))),
                        buyer -> BuyerContext.anonymous()))
                .guaranteedTransactions(ScheduleJson.read("""
                        {"name": "flat", "currency": "CNY", "commission": {"base": "PAID", "rules": [
                          {"id": "all", "scope": "default", "rate": "%s%%"}]}}""".formatted(
                        BigDecimal.valueOf(commissionTenths, 1).toPlainString())).revenue());
        if (heldByProvider) {
            builder.fundsHeldByProvider(tape, ACCOUNTS);
        }
        Commerce commerce = builder.build();
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tv"), units);
        ForfeitRule rule = path == 2 ? ForfeitRule.REFUND : ForfeitRule.KEEP_NET_OF_COMMISSION;
        StagedPayment stages = advance ? new StagedPayment.Advance(Rate.percent(advancePercent), Duration.ofDays(12))
                : new StagedPayment.PreSale(T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(12)), rule);
        CheckoutResult result = commerce.checkout(ANN, CartId.of("ann"), "k", HOME, stages);
        if (!(result instanceof CheckoutResult.Placed placed)) {
            // Only a deposit equal to the whole price (nothing left to stage) or a one-unit order refuses.
            assertInstanceOf(CheckoutResult.Refused.class, result);
            return;
        }
        Order.AwaitingPayment order = placed.orders().get(0);
        OrderId id = order.id();
        long total = MinorUnits.toMinor(order.facts().snapshot().payable());
        assertEquals(units * (priceMinor - (worth - deposit)), total, () -> "the pre-sale's bonus is a line"
                + " discount: price " + priceMinor + " x" + units + ", deposit " + deposit + " worth " + worth + "; "
                + order.facts().snapshot());
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), CARD));
        Escrow escrow = commerce.escrow(SCHEDULER, id).orElseThrow();
        if (!(escrow instanceof AwaitingBalance awaiting)) {
            // A deposit that covers the whole payable is paid in full.
            assertEquals(total, MinorUnits.toMinor(escrow.funds().held()));
            return;
        }
        long first = MinorUnits.toMinor(placed.payment().total());
        assertEquals(total, first + MinorUnits.toMinor(awaiting.balanceDue()), "first stage + balance = the priced total");
        if (!advance) {
            assertEquals(units * deposit, first, "the deposit is what the pre-sale asks per unit");
        }
        Journal journal = commerce.journal().orElseThrow();
        if (path == 0 || path == 4) {
            clock.advance(Duration.ofDays(advance ? 1 : 11));
            assertInstanceOf(BalanceResult.Paid.class, commerce.payBalance(ANN, id, CARD));
            assertEquals(total, MinorUnits.toMinor(journal.balance(Account.escrowHeld(id.value()), CNY)));
            Order.StockAllocated allocated = assertInstanceOf(Order.StockAllocated.class, commerce.order(SCHEDULER, id).orElseThrow());
            assertInstanceOf(OrderResult.Done.class, commerce.ship(new Actor.Seller("tv-shop"), id, "SF1",
                    allocated.facts().snapshot().lines().stream().map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList()));
            assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, id));
            assertEquals(0, MinorUnits.toMinor(journal.balance(Account.escrowHeld(id.value()), CNY)), "all released");
            if (path == 4) {
                int refundUnits = 1 + depositPercent % units;
                assertInstanceOf(OrderResult.Done.class, commerce.requestAfterSale(ANN, id, "c1",
                        dev.mercato.core.order.AfterSaleCase.Kind.REFUND_ONLY,
                        List.of(dev.mercato.core.order.AfterSaleCase.Item.units(1, refundUnits)), Optional.of("flaw")));
                Actor.PlatformOperator ops = new Actor.PlatformOperator("ops");
                assertInstanceOf(OrderResult.Done.class, commerce.approveAfterSale(ops, id, "c1"));
                assertInstanceOf(OrderResult.Done.class, commerce.refundAfterSale(ops, id, "c1"));
                commerce.runDueTimers(SCHEDULER);
                assertEquals(MinorUnits.toMinor(commerce.escrow(SCHEDULER, id).orElseThrow().funds().refunded()),
                        MinorUnits.toMinor(journal.balance(Account.refunds(), CNY)), "the refund after release reached the books");
                assertEquals(refundUnits == units ? total : MinorUnits.toMinor(commerce.escrow(SCHEDULER, id).orElseThrow()
                        .funds().refunded()), MinorUnits.toMinor(journal.balance(Account.refunds(), CNY)));
            } else if (!heldByProvider) {
                assertEquals(total, MinorUnits.toMinor(journal.balance(Account.sellerPayable("tv-shop"), CNY))
                        + MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.COMMISSION), CNY))
                        + MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.SERVICE_FEE), CNY))
                        + MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.PAYMENT_FEE), CNY)),
                        "the release pays out the priced total");
            }
        } else if (path == 3) {
            assertInstanceOf(OrderResult.Done.class, commerce.refundBeforeShipment(new Actor.Seller("tv-shop"), id));
            assertInstanceOf(Order.Closed.class, commerce.order(SCHEDULER, id).orElseThrow());
            assertEquals(first, MinorUnits.toMinor(journal.balance(Account.refunds(), CNY)), "the first stage went back");
            assertEquals(0, MinorUnits.toMinor(journal.balance(Account.escrowHeld(id.value()), CNY)), "nothing held");
        } else {
            clock.advance(Duration.ofDays(12));
            commerce.runDueTimers(SCHEDULER);
            assertInstanceOf(Order.Closed.class, commerce.order(SCHEDULER, id).orElseThrow());
            assertEquals(0, MinorUnits.toMinor(journal.balance(Account.escrowHeld(id.value()), CNY)), "nothing held");
            assertEquals(0, commerce.inventory().stock(SkuId.of("tv")).stream().mapToLong(StockLevel::reserved).sum());
            long refunds = MinorUnits.toMinor(journal.balance(Account.refunds(), CNY));
            // The seller's part: payable by the platform, or with provider-held funds split to its sub-account.
            long payable = MinorUnits.toMinor(journal.balance(heldByProvider
                    ? Account.providerSubAccount("seller", "sub_tv-shop") : Account.sellerPayable("tv-shop"), CNY));
            long commission = MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.COMMISSION), CNY));
            if (advance || rule == ForfeitRule.REFUND) {
                assertEquals(first, refunds, "the first stage went back");
                assertEquals(0, payable);
            } else {
                assertEquals(0, refunds);
                assertEquals(first, payable + commission, "the deposit is split between seller and platform");
            }
        }
        assertEquals(path == 0 || path == 4 ? total : first, -MinorUnits.toMinor(journal.balance(Account.buyerFundsIn("ann"), CNY)),
                "every captured unit is in the ledger");
        LedgerChecks.assertConsistent(journal);
        if (heldByProvider) {
            commerce.runDueTimers(SCHEDULER);
            checkSplits(commerce, payments, tape, id, placed.payment().paymentId(), journal);
        }
    }

    static final FundsAccount PLATFORM = FundsAccount.platform("acct_platform");
    static final FundsAccount TV_SHOP = FundsAccount.seller("sub_tv-shop");
    static final FundsAccounts ACCOUNTS = FundsAccounts.of(PLATFORM,
            seller -> Optional.of(FundsAccount.seller("sub_" + seller)));

    /**
     * The split invariants of a staged order in the provider-held model, once everything is final:
     * per hold (the checkout's, and the balance sale's when it was paid) splits less returns are
     * its capture less its refunds less what it still holds, as the provider's books say; over the
     * order, they are what the escrow released; the seller's sub-account holds the seller's net and
     * nothing is payable; no instruction was sent again after a final answer, none declined.
     */
    private static void checkSplits(Commerce commerce, SandboxPaymentProvider sandbox, HeldFundsTape tape, OrderId id,
            String paymentId, Journal journal) {
        assertEquals(List.of(), tape.violations(), "no split is sent twice");
        List<String> holds = new ArrayList<>();
        holds.add(paymentId);
        for (ProviderOperation op : commerce.escrowService().orElseThrow().operations(id.value())) {
            assertTrue(op.isFinal(), "settled: " + op);
            if (op.kind() == ProviderOperation.Kind.PAYMENT && op.outcome() instanceof PaymentOutcome.Succeeded
                    && op.transactionId().value().contains(".balance-")) {
                holds.add(op.transactionId().value());
            }
        }
        long splitsLessReturns = 0;
        for (String hold : holds) {
            ProviderFunds.HeldPayment held = commerce.storage().inTransaction(uow -> uow.repository(ProviderFunds.TYPE)
                    .find(hold)).orElseThrow(() -> new AssertionError("hold " + hold + " is recorded")).value();
            long splits = 0;
            long returns = 0;
            for (ProviderFunds.Instruction i : held.instructions()) {
                assertEquals(ProviderFunds.Status.SUCCEEDED, i.status(), "settled and not declined: " + i);
                splits += i.kind() == ProviderFunds.Kind.SPLIT ? i.totalMinor() : 0;
                returns += i.kind() == ProviderFunds.Kind.RETURN ? i.totalMinor() : 0;
            }
            HeldFunds books = sandbox.heldFunds(new TransactionId(held.hold())).orElseThrow();
            assertEquals(splits, MinorUnits.toMinor(books.splitOut()), "the provider split what was recorded on " + hold);
            assertEquals(returns, MinorUnits.toMinor(books.returned()), "returns on " + hold);
            assertEquals(MinorUnits.toMinor(books.held()) - MinorUnits.toMinor(books.refunded())
                    - MinorUnits.toMinor(books.stillHeld()) - MinorUnits.toMinor(books.unfrozen()), splits - returns,
                    "per hold, splits less returns = captured - refunds - still held - unfrozen: " + hold);
            assertEquals(0, MinorUnits.toMinor(books.stillHeld()), "nothing is left held on " + hold);
            assertEquals(0, MinorUnits.toMinor(books.unfrozen()), "every captured unit went to a split or a refund");
            splitsLessReturns += splits - returns;
        }
        Escrow escrow = commerce.escrow(SCHEDULER, id).orElseThrow();
        assertEquals(MinorUnits.toMinor(escrow.funds().captured()) - MinorUnits.toMinor(escrow.funds().refunded()),
                splitsLessReturns, "the splits per payment are what was captured less what was refunded");
        assertEquals(MinorUnits.toMinor(escrow.funds().released()), splitsLessReturns, "what the splits sent is released");
        assertEquals(MinorUnits.toMinor(escrow.funds().sellerNet()),
                sandbox.subAccountBalance(TV_SHOP, CNY).map(MinorUnits::toMinor).orElse(0L), "the seller's net is on its sub-account");
        assertEquals(0, MinorUnits.toMinor(journal.balance(Account.sellerPayable("tv-shop"), CNY)), "nothing payable");
        assertEquals(MinorUnits.toMinor(escrow.funds().sellerNet()),
                MinorUnits.toMinor(journal.balance(Account.providerSubAccount("seller", "sub_tv-shop"), CNY)),
                "the ledger mirrors the sub-account");
    }

    static Money money(long minor) {
        return Money.of(BigDecimal.valueOf(minor, 2), "CNY");
    }

    static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
