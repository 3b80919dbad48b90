package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.settlement.Payee;
import dev.mercato.core.settlement.SettlementStatement;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.MonetaryAmount;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Settlement statements read the same in both funds models (docs/funds-models.md): the same
 * orders (any quantities, a refund after release of any number of units, an order refunded before
 * shipment, a provider payout of any part of the seller's sub-account) give each seller the same
 * gross, commission, fees, refunds and net; and in each model the statement balances to the cent
 * against the ledger: {@code net = payable + sub-account + payouts}, with nothing sent or returned
 * when the platform holds the funds and nothing payable when the provider does, whose sub-account
 * holds what was sent less returned and paid out.
 */
class StatementFundsModelProperties {
    private static final List<String> SELLERS = List.of("tea-shop", "studio");

    @Property(tries = 40)
    void bothFundsModelsGiveEachSellerTheSameStatementAndEachBalancesToTheCent(
            @ForAll @IntRange(min = 1, max = 3) int teaUnits,
            @ForAll @IntRange(min = 0, max = 3) int refundedUnits,
            @ForAll @IntRange(min = 1, max = 3) int setUnits,
            @ForAll boolean refundTheSetBeforeShipment,
            @ForAll @IntRange(min = 0, max = 100) int payoutPercent) {
        int refunded = Math.min(refundedUnits, teaUnits);
        SettlementStatement[] platform = run(false, teaUnits, refunded, setUnits, refundTheSetBeforeShipment, 0);
        SettlementStatement[] provider = run(true, teaUnits, refunded, setUnits, refundTheSetBeforeShipment, payoutPercent);
        for (int i = 0; i < SELLERS.size(); i++) {
            SettlementStatement p = platform[i];
            SettlementStatement h = provider[i];
            String who = SELLERS.get(i) + ": ";
            assertEquals(p.gross(), h.gross(), who + "gross");
            assertEquals(p.commission(), h.commission(), who + "commission");
            assertEquals(p.fees(), h.fees(), who + "fees");
            assertEquals(p.refunds(), h.refunds(), who + "refunds");
            assertEquals(p.clawedBackFromBalance(), h.clawedBackFromBalance(), who + "clawed back");
            assertEquals(p.net(), h.net(), who + "the same seller net in both models");
            assertEquals(0, MinorUnits.toMinor(p.sentToSubAccount()), who + "nothing sent with platform-held funds");
            assertEquals(0, MinorUnits.toMinor(p.returnedFromSubAccount()), who + "nothing returned with platform-held funds");
        }
    }

    /** Runs the orders in one model; returns the sellers' statements after checking each against the ledger. */
    private static SettlementStatement[] run(boolean heldByProvider, int teaUnits, int refundedUnits, int setUnits,
            boolean refundSet, int payoutPercent) {
        ProviderHeldFundsExamples.World w = world(heldByProvider);
        w.commerce.addToCart(ProviderHeldFundsExamples.ANN, ProviderHeldFundsExamples.CART, SkuId.of("longjing"), teaUnits);
        w.commerce.addToCart(ProviderHeldFundsExamples.ANN, ProviderHeldFundsExamples.CART, SkuId.of("tea-set"), setUnits);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class, w.commerce.checkout(
                ProviderHeldFundsExamples.ANN, ProviderHeldFundsExamples.CART, "k", Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class, w.commerce.pay(ProviderHeldFundsExamples.ANN,
                placed.payment().paymentId(), ProviderHeldFundsExamples.CARD));
        Order tea = w.of(placed, "tea-shop");
        Order set = w.of(placed, "studio");
        w.shipAndConfirm(tea, ProviderHeldFundsExamples.TEA_SHOP);
        if (refundedUnits > 0) {
            assertInstanceOf(OrderResult.Done.class, w.commerce.requestAfterSale(ProviderHeldFundsExamples.ANN, tea.id(),
                    "c1", AfterSaleCase.Kind.REFUND_ONLY, List.of(AfterSaleCase.Item.units(1, refundedUnits)),
                    Optional.of("flaw")));
            assertInstanceOf(OrderResult.Done.class, w.commerce.approveAfterSale(ProviderHeldFundsExamples.OPERATOR, tea.id(), "c1"));
            assertInstanceOf(OrderResult.Done.class, w.commerce.refundAfterSale(ProviderHeldFundsExamples.OPERATOR, tea.id(), "c1"));
        }
        if (refundSet) {
            assertInstanceOf(OrderResult.Done.class, w.commerce.refundBeforeShipment(ProviderHeldFundsExamples.STUDIO, set.id()));
        } else {
            w.shipAndConfirm(set, ProviderHeldFundsExamples.STUDIO);
        }
        w.commerce.runDueTimers(ProviderHeldFundsExamples.SCHEDULER);
        Journal journal = w.journal();
        SettlementStatement[] statements = new SettlementStatement[SELLERS.size()];
        for (int i = 0; i < SELLERS.size(); i++) {
            String seller = SELLERS.get(i);
            FundsAccount account = FundsAccount.seller("sub_" + seller.replace('-', '_'));
            if (heldByProvider && payoutPercent > 0) {
                long holds = MinorUnits.toMinor(w.subAccount(account));
                long paid = holds * payoutPercent / 100;
                if (paid > 0) {
                    MonetaryAmount amount = MinorUnits.toAmount(paid, ProviderHeldFundsExamples.CNY);
                    w.sandbox.withdrawFromSubAccount(account, amount);
                    assertInstanceOf(Payouts.ProviderPayout.Recorded.class, w.commerce.payouts().recordProviderPayout(
                            ProviderHeldFundsExamples.OPERATOR, new Payee.Seller(seller), amount, "wd-" + seller));
                }
            }
            SettlementStatement s = w.commerce.statement(ProviderHeldFundsExamples.OPERATOR, seller,
                    ProviderHeldFundsExamples.CNY, Instant.EPOCH, w.clock.instant().plusSeconds(1));
            long payable = MinorUnits.toMinor(journal.balance(Account.sellerPayable(seller), ProviderHeldFundsExamples.CNY));
            long sent = MinorUnits.toMinor(s.sentToSubAccount());
            long returned = MinorUnits.toMinor(s.returnedFromSubAccount());
            long payouts = MinorUnits.toMinor(s.payouts());
            long mirror = MinorUnits.toMinor(journal.balance(Account.providerSubAccount("seller", account.token()),
                    ProviderHeldFundsExamples.CNY));
            assertEquals(MinorUnits.toMinor(s.net()), payable + mirror + payouts,
                    seller + ": net = payable + sub-account + payouts, " + s);
            if (heldByProvider) {
                assertEquals(0, payable, seller + ": nothing payable when the provider holds the funds");
                assertEquals(sent - returned - payouts, mirror, seller + ": the sub-account holds what was sent less returned and paid");
                assertEquals(mirror, MinorUnits.toMinor(w.subAccount(account)), seller + ": as the provider's books say");
            } else {
                assertEquals(0, payouts + sent + returned);
            }
            statements[i] = s;
        }
        LedgerChecks.assertConsistent(journal);
        return statements;
    }

    private static ProviderHeldFundsExamples.World world(boolean heldByProvider) {
        SandboxSettings settings = SandboxSettings.of(new TestClock(Instant.EPOCH), "whsec-statements",
                Set.of(ProviderHeldFundsExamples.CNY));
        return heldByProvider ? new ProviderHeldFundsExamples.World(settings)
                : new ProviderHeldFundsExamples.World(settings, false);
    }
}
