package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.Settlement;
import dev.mercato.pricing.revenue.Totals;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.mercato.pricing.revenue.LineSettlement;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * What an escrow was opened with and never changes: who buys from whom, the amount, what the
 * platform keeps on release, and the timings.
 *
 * <p>Defaults ({@link #of}): pay within 3 days, auto-confirm 10 days after shipment, one buyer
 * extension of 5 days, no group-buy deadline. Immutable and thread-safe.
 *
 * @param escrowId the escrow's id, one per order; also names its held-funds account
 * @param buyerId the buyer
 * @param sellerId the seller
 * @param amount what the buyer pays, positive
 * @param deductions what the platform keeps from a full release; at most {@code amount}
 * @param payWithin how long the buyer has to pay before the escrow closes, positive
 * @param autoConfirmAfter how long after shipment receipt is confirmed automatically, positive
 * @param extension how much one buyer extension adds to the auto-confirm timer, positive
 * @param groupDeadline for a group-buy, when the group must have formed; empty otherwise
 * @param platformSubsidy platform-funded discounts: the platform pays them to the seller on
 *     release, in proportion to the buyer's money released; zero when none
 * @param lines the order's lines as settled at sale time, when the escrow knows them (terms
 *     {@link #fromSettlement settled} from the order): refunds then reverse each line's own
 *     commission, fees, shares and subsidy (docs/escrow-and-ledger.md, "Refunds by line"); empty
 *     for an escrow opened with an amount alone, whose refunds prorate over the whole order
 * @param cashAdjustment what the buyer paid on top of {@code amount} (negative: below it) because
 *     the checkout's payable was rounded to a cash increment ({@code Commerce.Builder.cashRounding});
 *     it belongs to no line, seller or split: posted to the platform's cash-rounding account with
 *     the capture and returned, once, by the refund that gives the buyer everything back
 *     (docs/escrow-and-ledger.md, "Tax and cash rounding"); zero otherwise
 * @param costsOfGoods for a {@link #selfOperated() self-operated} order, the cost of the goods of
 *     each line that has one: posted to cost of goods on release and reversed by refunds after
 *     release in proportion (docs/escrow-and-ledger.md, "Self-operated goods"); empty otherwise
 */
public record EscrowTerms(String escrowId, String buyerId, String sellerId, MonetaryAmount amount,
        Deductions deductions, Duration payWithin, Duration autoConfirmAfter, Duration extension,
        Optional<Instant> groupDeadline, MonetaryAmount platformSubsidy, List<LineSettlement> lines,
        MonetaryAmount cashAdjustment, List<LineCost> costsOfGoods) {

    /**
     * Terms without costs of goods.
     *
     * @param escrowId the escrow's id
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param amount what the buyer pays, positive
     * @param deductions what the platform keeps from a full release
     * @param payWithin how long the buyer has to pay
     * @param autoConfirmAfter the auto-confirm timer
     * @param extension what one buyer extension adds
     * @param groupDeadline the group-buy deadline, if any
     * @param platformSubsidy platform-funded discounts
     * @param lines the order's lines as settled, or empty
     * @param cashAdjustment the cash adjustment
     * @throws InvalidInputException as the canonical constructor
     */
    public EscrowTerms(String escrowId, String buyerId, String sellerId, MonetaryAmount amount,
            Deductions deductions, Duration payWithin, Duration autoConfirmAfter, Duration extension,
            Optional<Instant> groupDeadline, MonetaryAmount platformSubsidy, List<LineSettlement> lines,
            MonetaryAmount cashAdjustment) {
        this(escrowId, buyerId, sellerId, amount, deductions, payWithin, autoConfirmAfter, extension, groupDeadline,
                platformSubsidy, lines, cashAdjustment, List.of());
    }

    /**
     * Terms without a cash adjustment.
     *
     * @param escrowId the escrow's id
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param amount what the buyer pays, positive
     * @param deductions what the platform keeps from a full release
     * @param payWithin how long the buyer has to pay
     * @param autoConfirmAfter the auto-confirm timer
     * @param extension what one buyer extension adds
     * @param groupDeadline the group-buy deadline, if any
     * @param platformSubsidy platform-funded discounts
     * @param lines the order's lines as settled, or empty
     * @throws InvalidInputException as the canonical constructor
     */
    public EscrowTerms(String escrowId, String buyerId, String sellerId, MonetaryAmount amount,
            Deductions deductions, Duration payWithin, Duration autoConfirmAfter, Duration extension,
            Optional<Instant> groupDeadline, MonetaryAmount platformSubsidy, List<LineSettlement> lines) {
        this(escrowId, buyerId, sellerId, amount, deductions, payWithin, autoConfirmAfter, extension, groupDeadline,
                platformSubsidy, lines, MinorUnits.toAmount(0, amount.getCurrency()));
    }

    /** The most lines one escrow carries: bounds the work of every refund. */
    public static final int MAX_LINES = 1_000;

    /** The default time to pay. */
    public static final Duration DEFAULT_PAY_WITHIN = Duration.ofDays(3);
    /** The default auto-confirm timer. */
    public static final Duration DEFAULT_AUTO_CONFIRM_AFTER = Duration.ofDays(10);
    /** The default extension. */
    public static final Duration DEFAULT_EXTENSION = Duration.ofDays(5);

    /**
     * Validates the terms.
     *
     * @throws InvalidInputException if a value is missing, blank, not positive, or the
     *     deductions exceed the amount
     */
    public EscrowTerms {
        requireId(escrowId, "escrowId");
        requireId(buyerId, "buyerId");
        requireId(sellerId, "sellerId");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(deductions, "deductions");
        InvalidInputException.requireNonNull(groupDeadline, "groupDeadline");
        long units = MinorUnits.toMinor(amount);
        if (units <= 0) {
            throw new InvalidInputException("amount", amount, "must be positive");
        }
        MinorUnits.requireCurrency(deductions.commission(), amount.getCurrency());
        InvalidInputException.requireNonNull(platformSubsidy, "platformSubsidy");
        long subsidy = MinorUnits.toMinor(platformSubsidy, amount.getCurrency());
        if (subsidy < 0) {
            throw new InvalidInputException("platformSubsidy", platformSubsidy, "must not be negative");
        }
        if (Exact.sum(deductions.minor()) > Exact.add(units, subsidy)) {
            throw new InvalidInputException("deductions", deductions,
                    "must not exceed the amount plus the platform subsidy " + amount + " + " + platformSubsidy);
        }
        requirePositive(payWithin, "payWithin");
        requirePositive(autoConfirmAfter, "autoConfirmAfter");
        requirePositive(extension, "extension");
        lines = List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
        requireLines(lines, units, subsidy, amount.getCurrency(), deductions);
        InvalidInputException.requireNonNull(cashAdjustment, "cashAdjustment");
        long adjustment = MinorUnits.toMinor(cashAdjustment, amount.getCurrency());
        if (Exact.add(units, adjustment) <= 0) {
            throw new InvalidInputException("cashAdjustment", cashAdjustment, "must leave the buyer paying more than"
                    + " nothing on " + amount);
        }
        costsOfGoods = List.copyOf(InvalidInputException.requireNonNull(costsOfGoods, "costsOfGoods"));
        requireCosts(costsOfGoods, lines, amount.getCurrency());
    }

    /**
     * Costs of goods belong to the lines of a self-operated order, one at most per line.
     */
    private static void requireCosts(List<LineCost> costs, List<LineSettlement> lines, CurrencyUnit currency) {
        if (costs.isEmpty()) {
            return;
        }
        if (lines.isEmpty() || !isSelfOperated(lines)) {
            throw new InvalidInputException("costsOfGoods", costs.size() + " costs",
                    "are only for the lines of a self-operated order");
        }
        Set<String> seen = new HashSet<>();
        for (LineCost cost : costs) {
            InvalidInputException.requireNonNull(cost, "cost");
            MinorUnits.requireCurrency(cost.cost(), currency);
            if (!seen.add(cost.lineId())) {
                throw new InvalidInputException("costsOfGoods", cost.lineId(), "names the same line twice");
            }
            if (lines.stream().noneMatch(l -> l.line().lineId().equals(cost.lineId()))) {
                throw new InvalidInputException("costsOfGoods", cost.lineId(), "is not a line of these terms");
            }
        }
    }

    private static boolean isSelfOperated(List<LineSettlement> lines) {
        return lines.stream().allMatch(l -> !l.line().sellerType().isThirdParty());
    }

    /**
     * Whether the seller is the platform itself: the terms carry lines and every one was sold as
     * {@link dev.mercato.pricing.commission.SellerType#SELF_OPERATED}. A self-operated escrow
     * releases into the platform's sales revenue, not a seller's payable balance, and keeps no
     * commission or seller fees (docs/escrow-and-ledger.md, "Self-operated goods").
     *
     * @return {@code true} for self-operated terms
     */
    public boolean selfOperated() {
        return !lines.isEmpty() && isSelfOperated(lines);
    }

    /**
     * These terms with the costs of their lines' goods.
     *
     * @param costs one cost at most per line of these self-operated terms
     * @return new terms
     * @throws InvalidInputException if the terms are not self-operated and costs are given, or a
     *     cost names no line of them
     */
    public EscrowTerms withCostsOfGoods(List<LineCost> costs) {
        return new EscrowTerms(escrowId, buyerId, sellerId, amount, deductions, payWithin, autoConfirmAfter,
                extension, groupDeadline, platformSubsidy, lines, cashAdjustment, costs);
    }

    /**
     * The cost of the goods on line {@code index} of {@link #lines()}.
     *
     * @return the cost in minor units, zero when the line has none
     */
    long costMinor(int index) {
        String lineId = lines.get(index).line().lineId();
        for (LineCost cost : costsOfGoods) {
            if (cost.lineId().equals(lineId)) {
                return MinorUnits.toMinor(cost.cost());
            }
        }
        return 0;
    }

    /**
     * These terms with a cash adjustment: the buyer paid {@code amount + adjustment} in cash.
     *
     * @param adjustment the rounded payable minus the exact one (negative when rounded down)
     * @return new terms
     * @throws InvalidInputException if the buyer would pay nothing or less
     */
    public EscrowTerms withCashAdjustment(MonetaryAmount adjustment) {
        return new EscrowTerms(escrowId, buyerId, sellerId, amount, deductions, payWithin, autoConfirmAfter,
                extension, groupDeadline, platformSubsidy, lines, adjustment, costsOfGoods);
    }

    /**
     * What the buyer paid in cash: the amount plus the cash adjustment.
     *
     * @return positive
     */
    public MonetaryAmount paidInCash() {
        return MinorUnits.toAmount(Exact.add(MinorUnits.toMinor(amount), MinorUnits.toMinor(cashAdjustment)),
                amount.getCurrency());
    }

    /**
     * Terms without lines: refunds prorate over the whole order.
     *
     * @param escrowId the escrow's id
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param amount what the buyer pays, positive
     * @param deductions what the platform keeps from a full release
     * @param payWithin how long the buyer has to pay
     * @param autoConfirmAfter the auto-confirm timer
     * @param extension what one buyer extension adds
     * @param groupDeadline the group-buy deadline, if any
     * @param platformSubsidy platform-funded discounts
     * @throws InvalidInputException as the canonical constructor
     */
    public EscrowTerms(String escrowId, String buyerId, String sellerId, MonetaryAmount amount,
            Deductions deductions, Duration payWithin, Duration autoConfirmAfter, Duration extension,
            Optional<Instant> groupDeadline, MonetaryAmount platformSubsidy) {
        this(escrowId, buyerId, sellerId, amount, deductions, payWithin, autoConfirmAfter, extension, groupDeadline,
                platformSubsidy, List.of());
    }

    /**
     * Lines must add up to the terms: what the buyer paid for them is the amount, their subsidies
     * the subsidy, their seller-borne charges the deductions; ids are distinct.
     */
    private static void requireLines(List<LineSettlement> lines, long amount, long subsidy, CurrencyUnit currency,
            Deductions deductions) {
        if (lines.isEmpty()) {
            return;
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("lines", lines.size() + " lines", "must be at most " + MAX_LINES);
        }
        Set<String> ids = new HashSet<>();
        long paid = 0;
        long subsidies = 0;
        for (LineSettlement line : lines) {
            InvalidInputException.requireNonNull(line, "line");
            if (!ids.add(line.line().lineId())) {
                throw new InvalidInputException("lines", line.line().lineId(), "names the same line twice");
            }
            paid = Exact.add(paid, MinorUnits.toMinor(line.buyerPaid(), currency));
            subsidies = Exact.add(subsidies, MinorUnits.toMinor(line.platformSubsidy(), currency));
        }
        if (paid != amount) {
            throw new InvalidInputException("lines", MinorUnits.format(paid, currency),
                    "must add up to the amount " + MinorUnits.format(amount, currency));
        }
        if (subsidies != subsidy) {
            throw new InvalidInputException("lines", MinorUnits.format(subsidies, currency) + " of subsidy",
                    "must add up to the platform subsidy " + MinorUnits.format(subsidy, currency));
        }
        if (!Deductions.ofLines(lines, currency).equals(deductions)) {
            throw new InvalidInputException("deductions", deductions, "must be the lines' own charges "
                    + Deductions.ofLines(lines, currency) + " (set other deductions on terms without lines)");
        }
    }

    /**
     * The line with this id.
     *
     * @param lineId the line id
     * @return its index in {@link #lines()}, or -1
     */
    int lineIndex(String lineId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).line().lineId().equals(lineId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * These terms without their lines: refunds then prorate over the whole order, and other
     * deductions may be set.
     *
     * @return new terms
     */
    public EscrowTerms withoutLines() {
        return new EscrowTerms(escrowId, buyerId, sellerId, amount, deductions, payWithin, autoConfirmAfter,
                extension, groupDeadline, platformSubsidy, List.of(), cashAdjustment, List.of());
    }

    /**
     * Terms with the default timings and no deductions.
     *
     * @param escrowId the escrow (order) id
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param amount what the buyer pays
     * @return the terms
     */
    public static EscrowTerms of(String escrowId, String buyerId, String sellerId, MonetaryAmount amount) {
        return new EscrowTerms(escrowId, buyerId, sellerId, amount, Deductions.none(amount.getCurrency()),
                DEFAULT_PAY_WITHIN, DEFAULT_AUTO_CONFIRM_AFTER, DEFAULT_EXTENSION, Optional.empty(),
                MinorUnits.toAmount(0, amount.getCurrency()));
    }

    /**
     * Terms for one order as settled by the revenue calculators: the buyer pays what the order's
     * lines were paid (shipping included), the platform adds its subsidies on release, and the
     * deductions are {@link Deductions#fromSettlement}. The terms keep the order's lines, so its
     * refunds reverse each line's own charges.
     *
     * @param escrowId the escrow id
     * @param buyerId the buyer
     * @param settlement the settlement of the checkout's lines
     * @param orderId the order (one seller's part of the checkout)
     * @return the terms, with default timings
     * @throws InvalidInputException if the order is not in the settlement
     */
    public static EscrowTerms fromSettlement(String escrowId, String buyerId, Settlement settlement, String orderId) {
        InvalidInputException.requireNonNull(settlement, "settlement");
        Deductions deductions = Deductions.fromSettlement(settlement, orderId);
        Totals totals = settlement.byOrder().stream().filter(t -> t.key().equals(orderId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("orderId", orderId, "has no totals in the settlement"));
        String sellerId = settlement.lines().stream().filter(l -> l.line().orderId().equals(orderId)).findFirst()
                .orElseThrow().line().sellerId();
        List<LineSettlement> lines = settlement.lines().stream().filter(l -> l.line().orderId().equals(orderId))
                .toList();
        EscrowTerms plain = of(escrowId, buyerId, sellerId, totals.buyerPaid())
                .withPlatformSubsidy(totals.platformSubsidy()).withDeductions(deductions);
        return new EscrowTerms(escrowId, buyerId, sellerId, plain.amount, deductions, plain.payWithin,
                plain.autoConfirmAfter, plain.extension, plain.groupDeadline, plain.platformSubsidy, lines);
    }

    /**
     * Terms for one order from its lines as settled (for example {@link LineSettlement#withTax
     * with their tax}): the buyer pays what the lines were paid (shipping and exclusive tax
     * included), the platform adds their subsidies on release, and the deductions are the lines'
     * own charges. Refunds reverse each line's own charges and tax; release posts the tax left on
     * the lines to tax payable (docs/escrow-and-ledger.md, "Tax and cash rounding").
     *
     * @param escrowId the escrow id
     * @param buyerId the buyer
     * @param lines the lines of one order, of one seller, at least one
     * @return the terms, with default timings
     * @throws InvalidInputException if there is no line or the lines name several sellers
     */
    public static EscrowTerms fromLines(String escrowId, String buyerId, List<LineSettlement> lines) {
        InvalidInputException.requireNonNull(lines, "lines");
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", "no line", "must have at least one line");
        }
        CurrencyUnit currency = lines.get(0).line().currency();
        String sellerId = lines.get(0).line().sellerId();
        long paid = 0;
        long subsidy = 0;
        for (LineSettlement line : lines) {
            InvalidInputException.requireNonNull(line, "line");
            if (!line.line().sellerId().equals(sellerId)) {
                throw new InvalidInputException("lines", line.line().sellerId(), "must all be sold by " + sellerId);
            }
            paid = Exact.add(paid, MinorUnits.toMinor(line.buyerPaid(), currency));
            subsidy = Exact.add(subsidy, MinorUnits.toMinor(line.platformSubsidy(), currency));
        }
        return new EscrowTerms(escrowId, buyerId, sellerId, MinorUnits.toAmount(paid, currency),
                Deductions.ofLines(lines, currency), DEFAULT_PAY_WITHIN, DEFAULT_AUTO_CONFIRM_AFTER, DEFAULT_EXTENSION,
                Optional.empty(), MinorUnits.toAmount(subsidy, currency), lines);
    }

    /**
     * The tax the lines carry ({@link LineSettlement#tax()}), all of it: what release and refunds
     * post to and reverse from tax payable.
     *
     * @return zero for terms without lines or without tax
     */
    public MonetaryAmount tax() {
        long tax = 0;
        for (LineSettlement line : lines) {
            tax = Exact.add(tax, MinorUnits.toMinor(line.tax(), currency()));
        }
        return MinorUnits.toAmount(tax, currency());
    }

    /**
     * These terms with other deductions.
     *
     * @param newDeductions commission and fees for a full release
     * @return new terms
     * @throws InvalidInputException if these terms have lines and the deductions are not their
     *     charges (call {@link #withoutLines()} first)
     */
    public EscrowTerms withDeductions(Deductions newDeductions) {
        return new EscrowTerms(escrowId, buyerId, sellerId, amount, newDeductions, payWithin, autoConfirmAfter,
                extension, groupDeadline, platformSubsidy, lines, cashAdjustment, costsOfGoods);
    }

    /**
     * These terms with another time to pay.
     *
     * @param newPayWithin the time to pay
     * @return new terms
     */
    public EscrowTerms withPayWithin(Duration newPayWithin) {
        return new EscrowTerms(escrowId, buyerId, sellerId, amount, deductions, newPayWithin, autoConfirmAfter,
                extension, groupDeadline, platformSubsidy, lines, cashAdjustment, costsOfGoods);
    }

    /**
     * These terms with another auto-confirm timer and extension.
     *
     * @param newAutoConfirmAfter the timer after shipment
     * @param newExtension what one buyer extension adds
     * @return new terms
     */
    public EscrowTerms withAutoConfirm(Duration newAutoConfirmAfter, Duration newExtension) {
        return new EscrowTerms(escrowId, buyerId, sellerId, amount, deductions, payWithin, newAutoConfirmAfter,
                newExtension, groupDeadline, platformSubsidy, lines, cashAdjustment, costsOfGoods);
    }

    /**
     * These terms as a group-buy: the payment stays held until the group forms and is refunded
     * when the deadline passes unfilled.
     *
     * @param deadline when the group must have formed
     * @return new terms
     */
    public EscrowTerms withGroupDeadline(Instant deadline) {
        return new EscrowTerms(escrowId, buyerId, sellerId, amount, deductions, payWithin, autoConfirmAfter,
                extension, Optional.of(deadline), platformSubsidy, lines, cashAdjustment, costsOfGoods);
    }

    /**
     * These terms with a platform subsidy: platform-funded discounts the seller is paid on
     * release on top of the buyer's money (the seller's gross is {@code amount + subsidy}).
     *
     * @param subsidy the subsidy, non-negative
     * @return new terms
     */
    public EscrowTerms withPlatformSubsidy(MonetaryAmount subsidy) {
        return new EscrowTerms(escrowId, buyerId, sellerId, amount, deductions, payWithin, autoConfirmAfter,
                extension, groupDeadline, subsidy, lines, cashAdjustment, costsOfGoods);
    }

    /**
     * The currency of every amount of this escrow.
     *
     * @return the amount's currency
     */
    public CurrencyUnit currency() {
        return amount.getCurrency();
    }

    private static void requireId(String id, String field) {
        InvalidInputException.requireNonNull(id, field);
        if (id.isBlank()) {
            throw new InvalidInputException(field, "\"" + id + "\"", "must not be blank");
        }
    }

    private static void requirePositive(Duration d, String field) {
        InvalidInputException.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidInputException(field, d, "must be positive");
        }
    }
}
