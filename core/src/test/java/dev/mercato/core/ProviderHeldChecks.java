package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.storage.Versioned;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.money.MinorUnits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The invariants of {@link GuaranteedTransactionProperties} that only the provider-held funds model
 * has, checked against the sandbox's own books: the journal's in-transit accounts are exactly the
 * open instructions; no instruction id reached the provider again after a final answer; and once
 * everything is final, per payment the succeeded splits less the succeeded returns are what its
 * escrows released (the captured amount less refunds, what is still held and what an unfreeze
 * released), the provider's split-out, returned, refunded and still-held amounts are Mercato's,
 * every sub-account holds what the ledger says and what the escrows released to it, nothing is
 * payable to a seller and no instruction is declined.
 */
final class ProviderHeldChecks {
    private static final CurrencyUnit CNY = GuaranteedTransactionProperties.CNY;
    private static final List<String> SELLERS = List.of("tea-shop", "studio");

    private ProviderHeldChecks() {}

    static Optional<ProviderFunds.HeldPayment> record(GuaranteedTransactionProperties.Model m, String paymentId) {
        return m.commerce.storage().inTransaction(uow -> uow.repository(ProviderFunds.TYPE).find(paymentId))
                .map(Versioned::value);
    }

    /** Every instruction's outcome and every escrow refund's outcome is final. */
    static boolean settled(GuaranteedTransactionProperties.Model m) {
        for (String paymentId : m.payments) {
            Optional<ProviderFunds.HeldPayment> held = record(m, paymentId);
            if (held.isPresent() && held.get().instructions().stream().anyMatch(i -> !i.status().isFinal())) {
                return false;
            }
        }
        for (OrderId id : m.orders) {
            if (m.commerce.escrowService().orElseThrow().operations(id.value()).stream().anyMatch(op -> !op.isFinal())) {
                return false;
            }
        }
        return true;
    }

    static void check(GuaranteedTransactionProperties.Model m, boolean settled) {
        assertEquals(List.of(), m.tape.violations(), "an instruction id is sent again only while its outcome is open");
        Journal journal = m.journal();
        long inTransit = 0;
        for (Map.Entry<Account, Map<CurrencyUnit, MonetaryAmount>> balance : journal.balances().entrySet()) {
            if (balance.getKey() instanceof Account.ProviderInTransit) {
                inTransit += MinorUnits.toMinor(balance.getValue().getOrDefault(CNY, GuaranteedTransactionProperties.cny("0")));
            }
        }
        long open = 0;
        for (String paymentId : m.payments) {
            BuyerPayment payment = m.commerce.payment(GuaranteedTransactionProperties.ANN, paymentId).orElseThrow();
            Optional<ProviderFunds.HeldPayment> held = record(m, paymentId);
            assertEquals(payment.paid().isPresent(), held.isPresent(), "a held payment is recorded exactly when paid");
            if (held.isEmpty()) {
                continue;
            }
            long splits = 0;
            long returns = 0;
            for (ProviderFunds.Instruction i : held.get().instructions()) {
                if (!i.status().isFinal() && i.kind() != ProviderFunds.Kind.UNFREEZE) {
                    open += i.totalMinor();
                }
                if (i.status() == ProviderFunds.Status.SUCCEEDED && i.kind() == ProviderFunds.Kind.SPLIT) {
                    splits += i.totalMinor();
                }
                if (i.status() == ProviderFunds.Status.SUCCEEDED && i.kind() == ProviderFunds.Kind.RETURN) {
                    returns += i.totalMinor();
                }
                if (settled) {
                    assertTrue(i.status() != ProviderFunds.Status.DECLINED, "nothing declined in this model: " + i);
                }
            }
            HeldFunds provider = m.sandbox.heldFunds(new TransactionId(held.get().hold())).orElseThrow();
            assertEquals(MinorUnits.toMinor(payment.total()), MinorUnits.toMinor(provider.held()), "the provider held the payment");
            if (!settled) {
                continue;
            }
            long released = 0;
            long refunded = 0;
            long stillHeld = 0;
            for (OrderId id : payment.orderIds()) {
                Escrow escrow = m.escrow(id).orElseThrow();
                released += MinorUnits.toMinor(escrow.funds().released());
                refunded += MinorUnits.toMinor(escrow.funds().refunded());
                stillHeld += MinorUnits.toMinor(escrow.funds().held());
            }
            long unfrozen = MinorUnits.toMinor(provider.unfrozen());
            assertEquals(MinorUnits.toMinor(payment.total()) - refunded - stillHeld - unfrozen, splits - returns,
                    "per payment, succeeded splits less returns = captured - refunds - still held - unfrozen");
            assertEquals(released, splits - returns, "what the splits sent is what the escrows released");
            assertEquals(splits, MinorUnits.toMinor(provider.splitOut()), "the provider split what Mercato recorded");
            assertEquals(returns, MinorUnits.toMinor(provider.returned()), "the provider returned what Mercato recorded");
            assertEquals(refunded, MinorUnits.toMinor(provider.refunded()), "the provider refunded what the escrows did");
            assertEquals(stillHeld, MinorUnits.toMinor(provider.stillHeld()), "the provider holds what the escrows hold");
            assertEquals(0, unfrozen, "every captured unit went to an order's split or refund");
        }
        assertEquals(open, inTransit, "the in-transit accounts are the open instructions");
        if (!settled) {
            return;
        }
        long platform = 0;
        for (RevenueStream stream : List.of(RevenueStream.COMMISSION, RevenueStream.SERVICE_FEE,
                RevenueStream.PAYMENT_FEE, RevenueStream.SALES)) {
            platform += MinorUnits.toMinor(journal.balance(Account.revenue(stream), CNY));
        }
        platform += MinorUnits.toMinor(journal.balance(Account.taxPayable(), CNY));
        // The annual fees are revenue once charged; what the sellers still owe of them is not on the platform's account yet.
        platform += MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.ANNUAL_FEE), CNY));
        for (String seller : SELLERS) {
            platform += balanceOutside(m, seller);
        }
        assertEquals(platform, minor(m.sandbox.subAccountBalance(GuaranteedTransactionProperties.PLATFORM, CNY)),
                "the platform's account holds its revenue and the tax it collected, less what sellers still owe");
        for (String seller : SELLERS) {
            FundsAccount account = FundsAccount.seller("sub_" + seller);
            long net = 0;
            for (OrderId id : m.orders) {
                Optional<Escrow> escrow = m.escrow(id);
                if (escrow.isPresent() && escrow.get().terms().sellerId().equals(seller) && !escrow.get().terms().selfOperated()) {
                    net += MinorUnits.toMinor(escrow.get().funds().sellerNet())
                            - MinorUnits.toMinor(escrow.get().funds().platformSubsidy());
                }
            }
            long collected = collected(m, seller);
            long charged = 0;
            for (dev.mercato.core.fee.AnnualFeeYear year : m.commerce.fees().annualFeeYears(GuaranteedTransactionProperties.OPERATOR,
                    seller)) {
                charged += MinorUnits.toMinor(year.charged());
            }
            long owes = balanceOutside(m, seller);
            assertEquals(collected - charged, owes, seller + " owes what its fees charged less what splits collected");
            assertTrue(owes <= 0, seller + " is owed nothing outside its escrows here");
            assertTrue(collected >= 0 && collected <= charged, "splits collect a fee once at most");
            assertEquals(net - collected, minor(m.sandbox.subAccountBalance(account, CNY)), "the sub-account of " + seller
                    + " holds the net its releases sent less the debts they collected");
            assertEquals(net - collected, MinorUnits.toMinor(journal.balance(Account.providerSubAccount("seller", "sub_"
                    + seller), CNY)), "the ledger mirrors the sub-account of " + seller);
            assertEquals(owes, MinorUnits.toMinor(journal.balance(Account.sellerPayable(seller), CNY)),
                    "the platform owes " + seller + " nothing, and it owes only its uncollected fees: the provider holds its money");
        }
        for (OrderId id : m.orders) {
            for (ProviderOperation op : m.commerce.escrowService().orElseThrow().operations(id.value())) {
                assertTrue(op.isFinal(), "settled: " + op);
            }
        }
    }

    /** What a seller owes the platform outside its escrows (negative), as the facade tracks it. */
    static long balanceOutside(GuaranteedTransactionProperties.Model m, String seller) {
        return m.commerce.storage().inTransaction(uow -> ProviderFunds.sellerBalance(uow, seller, CNY));
    }

    /** What succeeded splits of a seller's escrows sent to the platform for its debts, less what returns took back. */
    static long collected(GuaranteedTransactionProperties.Model m, String seller) {
        long collected = 0;
        for (String paymentId : m.payments) {
            Optional<ProviderFunds.HeldPayment> held = record(m, paymentId);
            if (held.isEmpty()) {
                continue;
            }
            for (ProviderFunds.Instruction i : held.get().instructions()) {
                if (i.status() != ProviderFunds.Status.SUCCEEDED || i.kind() == ProviderFunds.Kind.UNFREEZE
                        || !m.escrow(new OrderId(i.target())).orElseThrow().terms().sellerId().equals(seller)) {
                    continue;
                }
                for (ProviderFunds.Part part : i.parts()) {
                    if (part.stream().equals(ProviderFunds.DEBTS)) {
                        collected += i.kind() == ProviderFunds.Kind.SPLIT ? part.minor() : -part.minor();
                    }
                }
            }
        }
        return collected;
    }

    private static long minor(Optional<MonetaryAmount> amount) {
        return amount.map(MinorUnits::toMinor).orElse(0L);
    }
}
