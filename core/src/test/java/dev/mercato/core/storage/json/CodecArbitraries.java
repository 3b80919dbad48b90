package dev.mercato.core.storage.json;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.escrow.EscrowFunds;
import dev.mercato.core.escrow.EscrowTerms;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.groupbuy.GroupBuy;
import dev.mercato.core.groupbuy.GroupMember;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.PricedSnapshot;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.pricing.money.Rate;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The value builders of the codec properties: the generic one, plus hand-written builders for the
 * types whose invariants span components (a line adds up, a snapshot sums its lines, an entry
 * balances), each built through the type's public constructors and factories.
 */
final class CodecArbitraries {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private CodecArbitraries() {}

    static StructuralValues values() {
        return new StructuralValues()
                .with(Rate.class, (g, r) -> Rate.basisPoints(r.nextInt(10_001)))
                .with(OrderLine.class, (g, r) -> line(g, r, 1))
                .with(PricedSnapshot.class, CodecArbitraries::snapshot)
                .with(JournalEntry.class, CodecArbitraries::entry)
                .with(Posting.class, (g, r) -> Posting.debit(account(g, r), g.amount(r, 1, 100_000)))
                .with(EscrowFunds.class, CodecArbitraries::funds)
                .with(EscrowTerms.class, CodecArbitraries::terms)
                .with(Address.class, (g, r) -> new Address(List.of("CN", "DE", "JP").get(r.nextInt(3)), g.text(r),
                        g.text(r), g.text(r), g.text(r)))
                .with(GroupBuy.class, CodecArbitraries::groupBuy)
                .with(TrackedParcel.class, (g, r) -> g.pinning(TrackingNumber.class,
                        new TrackingNumber("T" + r.nextInt(1_000_000)), TrackedParcel.class, r));
    }

    /** A group in any state: members distinct, within the size; a formed group full and paid. */
    private static GroupBuy groupBuy(StructuralValues g, Random r) {
        int size = 2 + r.nextInt(4);
        int state = r.nextInt(3);
        int count = state == 1 ? size : r.nextInt(size + 1);
        List<GroupMember> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<dev.mercato.core.order.OrderId> orders = new ArrayList<>();
            for (int o = 0; o <= r.nextInt(2); o++) {
                orders.add(new dev.mercato.core.order.OrderId("ord-" + i + "-" + o + "-" + g.text(r)));
            }
            members.add(new GroupMember("buyer-" + i + g.text(r), "pay-" + i + g.text(r), orders, state == 1 || r.nextBoolean()));
        }
        Instant opened = T0.plusSeconds(r.nextInt(1_000_000));
        Instant deadline = opened.plusSeconds(1 + r.nextInt(200_000));
        String id = "grp-" + g.text(r);
        String campaign = "campaign-" + g.text(r);
        return switch (state) {
            case 0 -> new GroupBuy.Open(id, campaign, size, opened, deadline, members);
            case 1 -> new GroupBuy.Formed(id, campaign, size, deadline, members, deadline.minusSeconds(r.nextInt(1_000)));
            default -> new GroupBuy.Failed(id, campaign, size, deadline, members, deadline.plusSeconds(r.nextInt(1_000)));
        };
    }

    private static OrderLine line(StructuralValues g, Random r, int lineNo) {
        long quantity = 1 + r.nextInt(5);
        MonetaryAmount unit = g.amount(r, 0, 50_000);
        long subtotal = MinorUnits.toMinor(unit) * quantity;
        long discount = subtotal == 0 ? 0 : (long) (r.nextDouble() * subtotal);
        CurrencyUnit c = g.currency();
        return new OrderLine(lineNo, new SkuId("sku-" + r.nextInt(9)), g.text(r), quantity, unit,
                MinorUnits.toAmount(subtotal, c), MinorUnits.toAmount(discount, c), MinorUnits.toAmount(subtotal - discount, c));
    }

    private static PricedSnapshot snapshot(StructuralValues g, Random r) {
        int count = 1 + r.nextInt(3);
        List<OrderLine> lines = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        long sum = 0;
        for (int i = 1; i <= count; i++) {
            OrderLine line = line(g, r, i);
            lines.add(line);
            weights.add(MinorUnits.toMinor(line.payable()));
            sum += MinorUnits.toMinor(line.payable());
        }
        long shipping = r.nextInt(2_000);
        CurrencyUnit c = g.currency();
        return new PricedSnapshot(c, lines, MinorUnits.toAmount(shipping, c), MinorUnits.toAmount(sum + shipping, c),
                weights, List.of(g.text(r)));
    }

    private static Account account(StructuralValues g, Random r) {
        return (Account) g.any(Account.class, r, 3);
    }

    private static JournalEntry entry(StructuralValues g, Random r) {
        List<Posting> postings = new ArrayList<>();
        long total = 0;
        int debits = 1 + r.nextInt(3);
        for (int i = 0; i < debits; i++) {
            MonetaryAmount amount = g.amount(r, 1, 100_000);
            total += MinorUnits.toMinor(amount);
            postings.add(Posting.debit(account(g, r), amount));
        }
        postings.add(Posting.credit(account(g, r), MinorUnits.toAmount(total, g.currency())));
        Optional<String> reverses = r.nextBoolean() ? Optional.empty() : Optional.of("k-" + r.nextInt(100));
        Optional<dev.mercato.core.ledger.EntryReference> reference = r.nextBoolean() ? Optional.empty()
                : Optional.of(new dev.mercato.core.ledger.EntryReference(dev.mercato.core.ledger.EntryReference.Kind.values()[
                        r.nextInt(dev.mercato.core.ledger.EntryReference.Kind.values().length)], "a-" + r.nextInt(100),
                        r.nextInt(20), List.of("confirm-receipt", "payout", "fee").get(r.nextInt(3))));
        return new JournalEntry("k-" + r.nextInt(1_000_000), T0.plusSeconds(r.nextInt(100_000)), g.text(r), postings, reverses,
                reference);
    }

    /** Terms settled from a few sale lines (so they carry lines), or the same without lines. */
    private static EscrowTerms terms(StructuralValues g, Random r) {
        CurrencyUnit c = g.currency();
        RevenueSchedule platform = new RevenueSchedule("codec", CommissionSchedule.of("codec", c, ChargeBase.PAID,
                RoundingPolicy.HALF_UP, List.of(CommissionRule.flat("default", new RuleScope.Everything(),
                        Rate.basisPoints(r.nextInt(1_500))))), FeeSchedule.none("codec", c, RoundingPolicy.HALF_UP));
        List<SaleLine> lines = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            lines.add(SaleLine.builder().ids("o-1", "line-" + (i + 1)).sku("sku-" + i)
                    .seller("s-1", SellerType.ENTERPRISE).category("food/tea").quantity(1 + r.nextInt(3))
                    .paid(g.amount(r, 1, 100_000)).shipping(g.amount(r, 0, 1_000)).orderedAt(T0).paymentMethod("card")
                    .build());
        }
        EscrowTerms terms = EscrowTerms.fromSettlement("e-" + r.nextInt(1_000), "b-1", platform.settle(lines), "o-1");
        return r.nextBoolean() ? terms : terms.withoutLines();
    }

    /** Funds built by the escrow package's own steps (reached reflectively: they are package-private). */
    private static EscrowFunds funds(StructuralValues g, Random r) {
        try {
            Method none = EscrowFunds.class.getDeclaredMethod("none", CurrencyUnit.class, int.class);
            Method capture = EscrowFunds.class.getDeclaredMethod("capture", long.class);
            Method refundLines = EscrowFunds.class.getDeclaredMethod("refundHeldLines", long[].class);
            Method release = EscrowFunds.class.getDeclaredMethod("release", long[].class);
            none.setAccessible(true);
            capture.setAccessible(true);
            refundLines.setAccessible(true);
            release.setAccessible(true);
            int shares = r.nextInt(3);
            Object funds = none.invoke(null, g.currency(), shares);
            funds = capture.invoke(funds, (long) r.nextInt(1_000_000) + 20);
            if (r.nextBoolean()) {
                funds = refundLines.invoke(funds, (Object) new long[] {r.nextInt(10), 0, r.nextInt(10)});
            }
            if (r.nextBoolean()) {
                // A release whose lines carried tax: [net, commission, fees, subsidy, shares, tax].
                long[] parts = new long[6 + shares];
                parts[0] = 1;
                parts[parts.length - 1] = 1 + r.nextInt(9);
                funds = release.invoke(funds, (Object) parts);
            }
            return (EscrowFunds) funds;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
