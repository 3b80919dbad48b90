package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.escrow.CheckoutCapture;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.EscrowCommand;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.escrow.EscrowTerms;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.escrow.RefusalReason;
import dev.mercato.core.escrow.Transition;
import dev.mercato.core.escrow.UnknownEscrowException;
import dev.mercato.core.ledger.TransactionalJournal;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.SaleLines;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.Settlement;
import java.time.Duration;
import java.time.Instant;
import dev.mercato.core.escrow.LineAmount;
import dev.mercato.core.order.Refund;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.money.CurrencyUnit;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The guaranteed transaction the facade runs for every order (docs/core.md, "Guaranteed
 * transactions"): each paid order's money is held in its own escrow, opened in the unit of work
 * that marks the order paid; every later order transition moves the escrow along in the unit of
 * work that commits it; an escrow's own timers move the order along. The escrow of an order has
 * the order's id.
 */
final class Guarantee {
    private static final Actor DELIVERY = new Actor.System("order-delivery");
    private static final Actor PAYMENTS = new Actor.System("order-payment");

    private final RevenueSchedule schedule;
    private final String paymentMethod;
    private final Duration autoConfirmAfter;
    private final Duration extension;
    private final EscrowService escrows;
    private final TransactionalJournal journal;
    private final Optional<Taxing> taxing;
    private final Optional<dev.mercato.pricing.money.CashRounding> cashRounding;
    private final java.util.function.Function<dev.mercato.core.catalog.SkuId, Optional<javax.money.MonetaryAmount>> unitCosts;
    /** With provider-held funds ({@code Commerce.Builder.fundsHeldByProvider}): what instructs the provider. */
    private final Optional<ProviderFunds> providerFunds;

    /**
     * How the facade taxes orders ({@code Commerce.Builder.tax}): the calculator, the region of an
     * order and the tax category of each of its lines.
     */
    record Taxing(dev.mercato.pricing.tax.TaxCalculator calculator,
            java.util.function.Function<dev.mercato.core.order.OrderFacts, String> region,
            java.util.function.Function<dev.mercato.core.order.OrderLine, String> category) {}

    Guarantee(RevenueSchedule schedule, String paymentMethod, Duration autoConfirmAfter, Duration extension,
            EscrowService escrows, TransactionalJournal journal) {
        this(schedule, paymentMethod, autoConfirmAfter, extension, escrows, journal, Optional.empty());
    }

    Guarantee(RevenueSchedule schedule, String paymentMethod, Duration autoConfirmAfter, Duration extension,
            EscrowService escrows, TransactionalJournal journal, Optional<Taxing> taxing) {
        this(schedule, paymentMethod, autoConfirmAfter, extension, escrows, journal, taxing, Optional.empty());
    }

    Guarantee(RevenueSchedule schedule, String paymentMethod, Duration autoConfirmAfter, Duration extension,
            EscrowService escrows, TransactionalJournal journal, Optional<Taxing> taxing,
            Optional<dev.mercato.pricing.money.CashRounding> cashRounding) {
        this(schedule, paymentMethod, autoConfirmAfter, extension, escrows, journal, taxing, cashRounding,
                sku -> Optional.empty(), Optional.empty());
    }

    private Guarantee(RevenueSchedule schedule, String paymentMethod, Duration autoConfirmAfter, Duration extension,
            EscrowService escrows, TransactionalJournal journal, Optional<Taxing> taxing,
            Optional<dev.mercato.pricing.money.CashRounding> cashRounding,
            java.util.function.Function<dev.mercato.core.catalog.SkuId, Optional<javax.money.MonetaryAmount>> unitCosts,
            Optional<ProviderFunds> providerFunds) {
        this.unitCosts = unitCosts;
        this.providerFunds = providerFunds;
        this.taxing = taxing;
        this.cashRounding = cashRounding;
        this.schedule = schedule;
        this.paymentMethod = paymentMethod;
        this.autoConfirmAfter = autoConfirmAfter;
        this.extension = extension;
        this.escrows = escrows;
        this.journal = journal;
    }

    /**
     * This guarantee with the unit cost of each SKU the platform sells itself ({@code
     * Commerce.Builder.costsOfGoods}).
     */
    Guarantee withUnitCosts(java.util.function.Function<dev.mercato.core.catalog.SkuId, Optional<javax.money.MonetaryAmount>> costs) {
        return new Guarantee(schedule, paymentMethod, autoConfirmAfter, extension, escrows, journal, taxing,
                cashRounding, costs, providerFunds);
    }

    /**
     * This guarantee in the provider-held funds model: the provider holds the money, and releases
     * and refunds after release become instructions to it ({@link ProviderFunds}).
     */
    Guarantee withProviderFunds(ProviderFunds funds) {
        return new Guarantee(schedule, paymentMethod, autoConfirmAfter, extension, escrows, journal, taxing,
                cashRounding, unitCosts, Optional.of(funds));
    }

    /** What instructs the provider in the provider-held funds model; empty when the platform holds the funds. */
    Optional<ProviderFunds> providerFunds() {
        return providerFunds;
    }

    EscrowService escrows() {
        return escrows;
    }

    /** The platform's revenue schedule, which settles every order. */
    RevenueSchedule schedule() {
        return schedule;
    }

    /** The payment method the schedule's payment-channel fees are looked up by. */
    String paymentMethod() {
        return paymentMethod;
    }

    /**
     * Whether orders may be paid in stages: staged escrows carry no tax or cash adjustment (with
     * provider-held funds each stage is a held sale, docs/funds-models.md).
     */
    boolean allowsStages() {
        return taxing.isEmpty() && cashRounding.isEmpty();
    }

    TransactionalJournal journal() {
        return journal;
    }

    static String escrowId(OrderId order) {
        return order.value();
    }

    /**
     * The order's escrow terms, settled from its own snapshot with the platform's schedule; with
     * the tax recorded on the snapshot, each line carries its own tax and its part of the
     * shipping's (split like the shipping, by the snapshot's weights).
     */
    EscrowTerms terms(Order order) {
        EscrowTerms terms = settledTerms(order);
        return terms.selfOperated() ? terms.withCostsOfGoods(costsOfGoods(order)) : terms;
    }

    /**
     * The cost of the goods of each line of a self-operated order: the SKU's unit cost times the
     * line's quantity; lines whose SKU has no cost have none.
     */
    private List<dev.mercato.core.escrow.LineCost> costsOfGoods(Order order) {
        List<dev.mercato.core.escrow.LineCost> costs = new ArrayList<>();
        CurrencyUnit currency = order.facts().snapshot().currency();
        for (dev.mercato.core.order.OrderLine line : order.facts().snapshot().lines()) {
            Optional<javax.money.MonetaryAmount> unit = unitCosts.apply(line.sku());
            if (unit == null || unit.isEmpty()) {
                continue;
            }
            long cost = dev.mercato.pricing.money.Exact.multiply(MinorUnits.toMinor(unit.get(), currency),
                    line.quantity());
            costs.add(new dev.mercato.core.escrow.LineCost(SaleLines.lineId(line.lineNo()),
                    MinorUnits.toAmount(cost, currency)));
        }
        return costs;
    }

    private EscrowTerms settledTerms(Order order) {
        Settlement settlement = schedule.settle(SaleLines.of(order.facts(), paymentMethod));
        Optional<dev.mercato.core.order.OrderTax> tax = order.facts().snapshot().tax();
        Optional<dev.mercato.pricing.money.CashRounding.CashAdjustment> cash = order.facts().snapshot().cash();
        if (tax.isEmpty()) {
            EscrowTerms terms = EscrowTerms.fromSettlement(escrowId(order.id()), order.facts().buyerId(), settlement,
                    order.id().value()).withAutoConfirm(autoConfirmAfter, extension);
            return cash.isEmpty() ? terms : terms.withCashAdjustment(cash.get().adjustment());
        }
        CurrencyUnit currency = order.facts().snapshot().currency();
        List<dev.mercato.pricing.revenue.LineSettlement> lines = settlement.lines().stream()
                .filter(l -> l.line().orderId().equals(order.id().value())).toList();
        long shippingTax = MinorUnits.toMinor(tax.get().shippingTax(), currency);
        long[] weights = lines.stream().mapToLong(l -> MinorUnits.toMinor(l.line().shipping())).toArray();
        long[] shippingParts = shippingTax == 0 ? new long[lines.size()]
                : dev.mercato.pricing.money.Allocation.allocate(shippingTax, weights);
        List<dev.mercato.pricing.revenue.LineSettlement> taxed = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            taxed.add(lines.get(i).withTax(tax.get().mode(), tax.get().lines().get(i).tax(),
                    MinorUnits.toAmount(shippingParts[i], currency)));
        }
        EscrowTerms terms = EscrowTerms.fromLines(escrowId(order.id()), order.facts().buyerId(), taxed)
                .withAutoConfirm(autoConfirmAfter, extension);
        return cash.isEmpty() ? terms : terms.withCashAdjustment(cash.get().adjustment());
    }

    /**
     * The facts of an order being placed as the facade records them: with its tax ({@link
     * #taxed}) and its payable rounded to the cash increment when the facade rounds ({@code
     * Commerce.Builder.cashRounding}; each order on its own, so a checkout's total, their sum, is a
     * multiple of the increment too). Unchanged without either option.
     */
    dev.mercato.core.order.OrderFacts recorded(dev.mercato.core.order.OrderFacts facts) {
        dev.mercato.core.order.OrderFacts taxed = taxed(facts);
        if (cashRounding.isEmpty()) {
            return taxed;
        }
        return new dev.mercato.core.order.OrderFacts(taxed.id(), taxed.buyerId(), taxed.sellerId(), taxed.paymentId(),
                taxed.placedAt(), taxed.snapshot().withCashRounding(cashRounding.get()), taxed.destinationRegion(),
                taxed.flashSale(), taxed.destination(), taxed.deliveryPromise());
    }

    /**
     * The facts of an order being placed, with its tax recorded on the snapshot when the facade
     * taxes orders: each line ({@code line-<lineNo>}) at its category's rate in the order's
     * region at the placing instant, and the shipping (after shipping discounts) at the region's
     * shipping rate. Unchanged without tax.
     *
     * @throws dev.mercato.pricing.tax.NoTaxRateException if the region or a rate is unknown
     */
    dev.mercato.core.order.OrderFacts taxed(dev.mercato.core.order.OrderFacts facts) {
        if (taxing.isEmpty()) {
            return facts;
        }
        Taxing t = taxing.get();
        dev.mercato.core.order.PricedSnapshot snapshot = facts.snapshot();
        CurrencyUnit currency = snapshot.currency();
        List<dev.mercato.pricing.tax.TaxLine> lines = new ArrayList<>();
        for (dev.mercato.core.order.OrderLine line : snapshot.lines()) {
            lines.add(new dev.mercato.pricing.tax.TaxLine(SaleLines.lineId(line.lineNo()), t.category().apply(line),
                    line.payable(), MinorUnits.toAmount(line.platformFundedMinor(), currency)));
        }
        List<dev.mercato.pricing.tax.TaxLine> shipping = new ArrayList<>();
        if (snapshot.shipping().isPositive()) {
            shipping.add(new dev.mercato.pricing.tax.TaxLine(dev.mercato.pricing.tax.TaxRequest.SHIPPING_PREFIX
                    + facts.sellerId(), "shipping", snapshot.shipping(),
                    MinorUnits.toAmount(snapshot.shippingSubsidyMinor(), currency)));
        }
        dev.mercato.pricing.tax.TaxResult result = t.calculator().calculate(new dev.mercato.pricing.tax.TaxRequest(
                currency, t.region().apply(facts), facts.placedAt(), lines, shipping));
        dev.mercato.core.order.PricedSnapshot taxed = snapshot.withTax(new dev.mercato.core.order.OrderTax(
                result.region(), result.mode(), result.lines(), result.shipping()));
        return new dev.mercato.core.order.OrderFacts(facts.id(), facts.buyerId(), facts.sellerId(), facts.paymentId(),
                facts.placedAt(), taxed, facts.destinationRegion(), facts.flashSale(), facts.destination(),
                facts.deliveryPromise());
    }

    /**
     * Holds a captured payment's share for one of its orders, in the unit of work that records the
     * capture. An order that is no longer payable (cancelled, closed unpaid, refunded before the
     * money arrived) still gets its share booked, and refunded at once: no captured unit is left
     * outside the ledger. A member of an open group-buy group holds it until the group forms
     * ({@link dev.mercato.core.escrow.AwaitingGroup}).
     */
    void hold(UnitOfWork uow, BuyerPayment payment, Order order, boolean payable, Instant paidAt) {
        TransactionId sale = new TransactionId(payment.lastAttempt().orElseThrow());
        CheckoutCapture capture = new CheckoutCapture(sale, payment.total(), payment.orderIds().size(), paidAt);
        EscrowTerms terms = terms(order);
        if (payable) {
            // A member of an open group-buy group: the money waits for the group (AwaitingGroup).
            java.util.Optional<Instant> groupDeadline = GroupBuyCommands.openDeadline(uow, payment.paymentId());
            if (groupDeadline.isPresent()) {
                terms = terms.withGroupDeadline(groupDeadline.get());
            }
        }
        Optional<dev.mercato.core.escrow.StagedOrder> staged = uow.repository(dev.mercato.core.escrow.StagedOrder.TYPE)
                .find(order.id().value()).map(dev.mercato.core.storage.Versioned::value);
        Escrow held = staged.isPresent() ? escrows.openPaidInStages(uow, terms, staged.get().schedule(), capture)
                : escrows.openPaid(uow, terms, capture);
        providerFunds.ifPresent(funds -> funds.register(uow, payment, held.id()));
        if (!payable && held instanceof dev.mercato.core.escrow.AwaitingBalance) {
            // The first stage of an order that closed before the money arrived goes straight back.
            Transition refund = escrows.stage(uow, held.id(), new EscrowCommand.RefundFirstStage(PAYMENTS));
            if (!(refund instanceof Transition.Accepted)) {
                throw new ConcurrencyConflictException("escrow", held.id(), ConcurrencyConflictException.ABSENT, 1);
            }
        }
        if (!payable && held instanceof dev.mercato.core.escrow.Held) {
            Transition refund = escrows.stage(uow, held.id(), new EscrowCommand.Refund(seller(order),
                    held.terms().amount()));
            if (!(refund instanceof Transition.Accepted)) {
                // Only a concurrent run recording the same capture moves this escrow meanwhile: its
                // commit wins, and this unit of work is run again (and then finds the payment paid).
                throw new ConcurrencyConflictException("escrow", held.id(), ConcurrencyConflictException.ABSENT, 1);
            }
        }
    }

    /**
     * Moves the escrow of an order along with the order's transition, in the order's unit of work.
     *
     * @return a refusal when the escrow cannot follow (the order's change must then not commit)
     */
    Optional<Transition.Refused> follow(UnitOfWork uow, Order before, Order after) {
        Optional<EscrowCommand> command = commandFor(before, after);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Transition t;
        try {
            t = escrows.stage(uow, escrowId(after.id()), command.get());
        } catch (UnknownEscrowException noEscrow) {
            // An order paid without a sale of its own (confirmed by hand) has no escrow to move.
            return Optional.empty();
        }
        if (t instanceof Transition.Refused refused && refused.reason() != RefusalReason.ALREADY_DONE) {
            return Optional.of(refused);
        }
        return Optional.empty();
    }

    private static Optional<EscrowCommand> commandFor(Order before, Order after) {
        if (after instanceof Order.Shipped shipped && !(before instanceof Order.Shipped)) {
            return Optional.of(new EscrowCommand.Ship(seller(after), tracking(shipped)));
        }
        if (after instanceof Order.Delivered delivered && !(before instanceof Order.Delivered)) {
            Instant shippedAt = delivered.shipments().stream().map(Shipment::shippedAt)
                    .filter(at -> !at.isAfter(delivered.deliveredAt())).min(Comparator.naturalOrder())
                    .orElse(delivered.deliveredAt());
            return Optional.of(new EscrowCommand.Deliver(DELIVERY, delivered.shipments().stream()
                    .map(Shipment::trackingNumber).collect(Collectors.joining(",")), shippedAt, delivered.deliveredAt()));
        }
        if (after instanceof Order.RefundedBeforeShipment refunded && !(before instanceof Order.RefundedBeforeShipment)) {
            return byLine(after, List.of(), List.of(refunded.refund()));
        }
        if (after instanceof Order.Delivered now && before instanceof Order.Delivered was
                && now.refunds().size() > was.refunds().size()) {
            return byLine(after, was.refunds(), now.refunds().subList(was.refunds().size(), now.refunds().size()));
        }
        return Optional.empty();
    }

    /**
     * The order's refunds as one escrow refund by line: each line gives back what the order's
     * refund gave of it (so it reverses that line's own commission, fees and subsidy), and what the
     * refunds gave beyond their lines is shipping. Empty when they gave nothing.
     */
    static Optional<EscrowCommand> byLine(Order order, List<Refund> earlier, List<Refund> refunds) {
        Optional<dev.mercato.core.order.OrderTax> tax = order.facts().snapshot().tax();
        if (tax.isEmpty() || tax.get().mode() != dev.mercato.pricing.tax.TaxMode.EXCLUSIVE) {
            return exactByLine(order, refunds);
        }
        return withExclusiveTax(order, tax.get(), earlier, refunds);
    }

    /**
     * The order's refunds, which are in its prices before exclusive tax, as an escrow refund in
     * what the buyer paid: each line's (and the shipping's) refunded amount grossed up by its tax
     * in proportion, cumulatively over the order's refunds, so the refund that completes a line
     * returns exactly its price plus its tax.
     */
    private static Optional<EscrowCommand> withExclusiveTax(Order order, dev.mercato.core.order.OrderTax tax,
            List<Refund> earlier, List<Refund> refunds) {
        dev.mercato.core.order.PricedSnapshot snapshot = order.facts().snapshot();
        CurrencyUnit currency = snapshot.currency();
        int n = snapshot.lines().size();
        long[] before = new long[n + 1];
        long[] after = new long[n + 1];
        addUp(earlier, before, currency);
        addUp(earlier, after, currency);
        addUp(refunds, after, currency);
        List<LineAmount> amounts = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            long payable = MinorUnits.toMinor(snapshot.lines().get(i).payable());
            long lineTax = MinorUnits.toMinor(tax.lines().get(i).tax());
            long delta = grossed(after[i], payable, lineTax) - grossed(before[i], payable, lineTax);
            if (delta > 0) {
                amounts.add(new LineAmount(SaleLines.lineId(i + 1), MinorUnits.toAmount(delta, currency)));
                total = Math.addExact(total, delta);
            }
        }
        long shipping = MinorUnits.toMinor(snapshot.shipping());
        long shippingTax = MinorUnits.toMinor(tax.shippingTax());
        long shippingDelta = grossed(after[n], shipping, shippingTax) - grossed(before[n], shipping, shippingTax);
        if (Math.addExact(total, shippingDelta) == 0) {
            return Optional.empty();
        }
        return Optional.of(new EscrowCommand.RefundLines(seller(order), amounts,
                MinorUnits.toAmount(shippingDelta, currency)));
    }

    /** Cumulative refunds per line (by line number) and, at the end, of shipping. */
    private static void addUp(List<Refund> refunds, long[] sums, CurrencyUnit currency) {
        for (Refund refund : refunds) {
            long lines = 0;
            for (Refund.LineRefund line : refund.lines()) {
                long units = MinorUnits.toMinor(line.amount(), currency);
                sums[line.lineNo() - 1] = Math.addExact(sums[line.lineNo() - 1], units);
                lines = Math.addExact(lines, units);
            }
            sums[sums.length - 1] = Math.addExact(sums[sums.length - 1],
                    MinorUnits.toMinor(refund.total(), currency) - lines);
        }
    }

    /** {@code refunded} of {@code price} with its part of {@code tax}: all of it once fully refunded. */
    private static long grossed(long refunded, long price, long tax) {
        if (refunded <= 0 || tax == 0) {
            return Math.max(0, refunded);
        }
        if (refunded >= price) {
            return Math.addExact(refunded, tax);
        }
        return Math.addExact(refunded, dev.mercato.pricing.money.Allocation.allocate(tax,
                new long[] {refunded, price - refunded})[0]);
    }

    static Optional<EscrowCommand> exactByLine(Order order, List<Refund> refunds) {
        CurrencyUnit currency = order.facts().snapshot().currency();
        Map<Integer, Long> perLine = new TreeMap<>();
        long total = 0;
        long lines = 0;
        for (Refund refund : refunds) {
            total = Math.addExact(total, MinorUnits.toMinor(refund.total(), currency));
            for (Refund.LineRefund line : refund.lines()) {
                long units = MinorUnits.toMinor(line.amount(), currency);
                lines = Math.addExact(lines, units);
                if (units > 0) {
                    perLine.merge(line.lineNo(), units, Math::addExact);
                }
            }
        }
        List<LineAmount> amounts = new ArrayList<>(perLine.size());
        perLine.forEach((lineNo, units) -> amounts.add(new LineAmount(SaleLines.lineId(lineNo),
                MinorUnits.toAmount(units, currency))));
        if (total == 0) {
            return Optional.empty();
        }
        return Optional.of(new EscrowCommand.RefundLines(seller(order), amounts,
                MinorUnits.toAmount(total - lines, currency)));
    }

    private static String tracking(Order.Shipped shipped) {
        return shipped.shipments().stream().map(Shipment::trackingNumber).collect(Collectors.joining(","));
    }

    private static Actor seller(Order order) {
        return new Actor.Seller(order.facts().sellerId());
    }

    /**
     * Whether the escrow of an order is settled: released to the seller, refunded or closed (or
     * the order has none). An order completes only then.
     */
    boolean settled(UnitOfWork uow, OrderId order) {
        Optional<Escrow> escrow = escrows.find(uow, escrowId(order));
        return escrow.isEmpty() || escrow.get() instanceof Released || escrow.get() instanceof dev.mercato.core.escrow.Refunded
                || escrow.get() instanceof dev.mercato.core.escrow.Closed;
    }

    /** Sends refunds an order's escrow owes after its unit of work committed. */
    void afterCommit(OrderId order) {
        // Returns a refund after release needs go out before the refund does.
        providerFunds.ifPresent(funds -> funds.afterCommit(order));
        try {
            escrows.sendOwedRefunds(escrowId(order));
        } catch (RuntimeException e) {
            // The refund stays recorded as owed; reconciliation sends it.
            org.slf4j.LoggerFactory.getLogger(Guarantee.class).warn("sending the refunds of {} failed; reconciliation"
                    + " retries", order, e);
        }
        // With the refunds answered, a payment whose orders are all settled can close its hold.
        providerFunds.ifPresent(funds -> funds.afterCommit(order));
    }
}
