package dev.mercato.core.settlement;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import javax.money.CurrencyUnit;

/** Reads settlement statements from journal entries, by the escrow event named in each entry's key. */
final class Statements {

    /**
     * The event of a payout the provider made from a seller's sub-account (provider-held funds),
     * its reference's aggregate {@code seller:<id>}.
     */
    static final String PROVIDER_PAYOUT = "provider-payout";

    /** The events of a split's and a return's entries that touch the seller's payable (provider-held funds). */
    static final String SPLIT_SENT = "provider-split-sent";
    static final String SPLIT_DECLINED = "provider-split-declined";
    static final String RETURN_SUCCEEDED = "provider-return-succeeded";

    private Statements() {}

    static SettlementStatement build(Journal journal, String sellerId, CurrencyUnit currency, Instant from, Instant to,
            Function<String, Optional<DiscountFunding>> discounts) {
        InvalidInputException.requireNonNull(journal, "journal");
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(currency, "currency");
        InvalidInputException.requireNonNull(discounts, "discounts");
        Account payable = Account.sellerPayable(sellerId);
        Account deposit = Account.sellerDeposit(sellerId);
        long gross = 0;
        long sellerDiscounts = 0;
        long subsidies = 0;
        long commission = 0;
        long fees = 0;
        long shares = 0;
        long tax = 0;
        long refunds = 0;
        long fromBalance = 0;
        long fromDeposit = 0;
        long compensation = 0;
        long payouts = 0;
        long sent = 0;
        long returned = 0;
        long other = 0;
        for (JournalEntry entry : journal.entries()) {
            if (entry.at().isBefore(from) || !entry.at().isBefore(to)) {
                continue;
            }
            Sums s = sums(entry, payable, deposit, currency);
            EntryReference ref = reference(entry);
            if (ref.kind() == EntryReference.Kind.PAYOUT && ref.event().equals(PROVIDER_PAYOUT)
                    && ref.aggregateId().equals("seller:" + sellerId)) {
                // Provider-held funds: the provider paid the seller from its sub-account, not from the payable.
                payouts = Exact.add(payouts, s.payouts);
                continue;
            }
            if (!s.touchesSeller()) {
                continue;
            }
            String event = ref.kind() == EntryReference.Kind.ESCROW ? ref.event() : "";
            if (ref.kind() == EntryReference.Kind.ESCROW && (event.equals(SPLIT_SENT) || event.equals(SPLIT_DECLINED))) {
                // Provider-held funds: a split takes the seller's share from the payable (a declined one gives it back).
                sent = Exact.add(sent, -s.payable);
            } else if (ref.kind() == EntryReference.Kind.ESCROW && event.equals(RETURN_SUCCEEDED)) {
                returned = Exact.add(returned, s.payable);
            } else if (ref.kind() == EntryReference.Kind.PAYOUT) {
                payouts = Exact.add(payouts, s.payouts);
            } else if (ref.kind() == EntryReference.Kind.FEE || ref.kind() == EntryReference.Kind.HOST) {
                // Charged outside the seller's orders: fees, coupons it funded, host entries (credits negative).
                other = Exact.add(other, -s.payable);
            } else if (EntryReference.RELEASE_EVENTS.contains(event)) {
                gross = Exact.add(gross, Exact.sum(s.payable, s.commission, s.fees, s.shares, s.tax));
                tax = Exact.add(tax, s.tax);
                subsidies = Exact.add(subsidies, -s.clearing);
                commission = Exact.add(commission, s.commission);
                fees = Exact.add(fees, s.fees);
                shares = Exact.add(shares, s.shares);
                // A kept forfeited deposit releases money for goods never sold: no discount was given.
                Optional<DiscountFunding> funding = event.equals(EntryReference.DEPOSIT_FORFEIT_KEPT)
                        ? Optional.empty() : discounts.apply(ref.aggregateId());
                if (funding.isPresent()) {
                    sellerDiscounts = Exact.add(sellerDiscounts, MinorUnits.toMinor(funding.get().sellerFunded(), currency));
                }
            } else if (EntryReference.COMPENSATION_EVENTS.contains(event)) {
                compensation = Exact.add(compensation, -Exact.add(s.payable, s.deposit));
            } else if (EntryReference.REFUND_AFTER_RELEASE_EVENTS.contains(event)) {
                refunds = Exact.add(refunds, s.refunds);
                gross = Exact.add(gross, -s.clearing);
                subsidies = Exact.add(subsidies, -s.clearing);
                commission = Exact.add(commission, s.commission);
                fees = Exact.add(fees, s.fees);
                shares = Exact.add(shares, s.shares);
                tax = Exact.add(tax, s.tax);
                fromDeposit = Exact.add(fromDeposit, -s.deposit);
                fromBalance = Exact.add(fromBalance, -s.payable);
            }
        }
        long net = gross - commission - fees - shares - tax - refunds - compensation;
        return new SettlementStatement(sellerId, currency, from, to, amount(gross, currency),
                amount(sellerDiscounts, currency), amount(subsidies, currency), amount(commission, currency),
                amount(fees, currency), amount(shares, currency), amount(refunds, currency), amount(fromBalance, currency),
                amount(fromDeposit, currency), amount(compensation, currency), amount(payouts, currency),
                amount(net, currency), amount(tax, currency), amount(sent, currency), amount(returned, currency),
                amount(other, currency));
    }

    private static javax.money.MonetaryAmount amount(long minor, CurrencyUnit currency) {
        return MinorUnits.toAmount(minor, currency);
    }

    /** Sums of one entry's postings on the accounts a statement reads. */
    private static final class Sums {
        long payable;
        long deposit;
        long commission;
        long fees;
        long shares;
        long tax;
        long refunds;
        long payouts;
        long clearing;

        boolean touchesSeller() {
            return payable != 0 || deposit != 0;
        }
    }

    private static Sums sums(JournalEntry entry, Account payable, Account deposit, CurrencyUnit currency) {
        Sums s = new Sums();
        for (Posting p : entry.postings()) {
            if (!p.currency().equals(currency)) {
                continue;
            }
            long v = MinorUnits.toMinor(p.amount());
            Account a = p.account();
            if (a.equals(payable)) {
                s.payable += v;
            } else if (a.equals(deposit)) {
                s.deposit += v;
            } else if (a instanceof Account.PlatformRevenue r && r.stream() == RevenueStream.COMMISSION) {
                s.commission += v;
            } else if (a instanceof Account.PlatformRevenue r
                    && (r.stream() == RevenueStream.SERVICE_FEE || r.stream() == RevenueStream.PAYMENT_FEE)) {
                s.fees += v;
            } else if (a instanceof Account.CreatorPayable) {
                s.shares += v;
            } else if (a instanceof Account.TaxPayable) {
                s.tax += v;
            } else if (a instanceof Account.Refunds) {
                s.refunds += v;
            } else if (a instanceof Account.Payouts) {
                s.payouts += v;
            } else if (a instanceof Account.PlatformClearing) {
                s.clearing += v;
            }
        }
        return s;
    }

    /**
     * The entry's typed reference; entries stored before references existed are read from their
     * keys ({@code escrow:<id>:<step>:<event>}, {@code payout:<id>}), others count as the host's.
     */
    static EntryReference reference(JournalEntry entry) {
        if (entry.reference().isPresent()) {
            return entry.reference().get();
        }
        String key = entry.key();
        if (key.startsWith(PayoutService.ENTRY_PREFIX)) {
            return new EntryReference(EntryReference.Kind.PAYOUT, key.substring(PayoutService.ENTRY_PREFIX.length()), 0, entry.reverses().isPresent() ? "reversal" : "payout");
        }
        Optional<String> escrow = escrowId(key);
        if (escrow.isPresent()) {
            return new EntryReference(EntryReference.Kind.ESCROW, escrow.get(), 0, event(key));
        }
        return new EntryReference(EntryReference.Kind.HOST, key, 0, "entry");
    }

    /** The escrow event of a key {@code escrow:<id>:<step>:<event>}; empty text for other keys. */
    static String event(String key) {
        if (!key.startsWith("escrow:")) {
            return "";
        }
        return key.substring(key.lastIndexOf(':') + 1);
    }

    static Optional<String> escrowId(String key) {
        if (!key.startsWith("escrow:")) {
            return Optional.empty();
        }
        int last = key.lastIndexOf(':');
        int step = key.lastIndexOf(':', last - 1);
        return step <= "escrow:".length() ? Optional.empty() : Optional.of(key.substring("escrow:".length(), step));
    }
}
