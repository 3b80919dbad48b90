package dev.mercato.pricing.testkit;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.RemainingCaps;
import dev.mercato.pricing.promotion.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/** The immutable {@link FakePromotionContext}: every {@code with...} copies the arrays. */
final class FakeContext implements FakePromotionContext {
    private final PricingRequest request;
    private final List<PricingLine> lines;
    private final List<String> sellers;
    private final long[] laneStart;
    private final long[] current;
    private final long[] shippingLeft;
    private final RoundingPolicy rounding;

    private FakeContext(PricingRequest request, List<PricingLine> lines, List<String> sellers, long[] laneStart,
            long[] current, long[] shippingLeft, RoundingPolicy rounding) {
        this.request = request;
        this.lines = lines;
        this.sellers = sellers;
        this.laneStart = laneStart;
        this.current = current;
        this.shippingLeft = shippingLeft;
        this.rounding = rounding;
    }

    static FakeContext of(PricingRequest request) {
        InvalidInputException.requireNonNull(request, "request");
        List<PricingLine> sorted = new ArrayList<>(request.lines());
        sorted.sort(Comparator.comparing(PricingLine::seller).thenComparing(PricingLine::sku)
                .thenComparing(PricingLine::lineId));
        List<String> sellers = List.copyOf(new TreeSet<>(sorted.stream().map(PricingLine::seller).toList()));
        long[] amounts = new long[sorted.size()];
        for (int i = 0; i < amounts.length; i++) {
            PricingLine l = sorted.get(i);
            amounts[i] = Exact.multiply(MinorUnits.toMinor(l.listUnitPrice()), l.quantity());
        }
        long[] shipping = new long[sellers.size()];
        for (int s = 0; s < shipping.length; s++) {
            MonetaryAmount charge = request.shipping().get(sellers.get(s));
            shipping[s] = charge == null ? 0 : MinorUnits.toMinor(charge);
        }
        return new FakeContext(request, List.copyOf(sorted), sellers, amounts, amounts.clone(), shipping,
                RoundingPolicy.HALF_UP);
    }

    private long checked(MonetaryAmount amount, String field) {
        long minor = minor(amount);
        if (minor < 0) {
            throw new InvalidInputException(field, amount, "must not be negative");
        }
        return minor;
    }

    @Override
    public FakePromotionContext withCurrentAmount(String lineId, MonetaryAmount amount) {
        long[] copy = current.clone();
        copy[lineIndex(lineId)] = checked(amount, "currentAmount");
        return new FakeContext(request, lines, sellers, laneStart, copy, shippingLeft, rounding);
    }

    @Override
    public FakePromotionContext withLaneStartAmount(String lineId, MonetaryAmount amount) {
        long[] copy = laneStart.clone();
        copy[lineIndex(lineId)] = checked(amount, "laneStartAmount");
        return new FakeContext(request, lines, sellers, copy, current, shippingLeft, rounding);
    }

    @Override
    public FakePromotionContext withShippingLeft(String sellerId, MonetaryAmount amount) {
        int s = sellerIndex(sellerId);
        if (s < 0) {
            throw new InvalidInputException("sellerId", sellerId, "is not a seller of the cart");
        }
        long[] copy = shippingLeft.clone();
        copy[s] = checked(amount, "shippingLeft");
        return new FakeContext(request, lines, sellers, laneStart, current, copy, rounding);
    }

    @Override
    public FakePromotionContext withRounding(RoundingPolicy policy) {
        return new FakeContext(request, lines, sellers, laneStart, current, shippingLeft,
                InvalidInputException.requireNonNull(policy, "policy"));
    }

    @Override
    public int lineIndex(String lineId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineId().equals(lineId)) {
                return i;
            }
        }
        throw new InvalidInputException("lineId", lineId, "is not a line of the cart");
    }

    @Override
    public long[] askedPerLine(Outcome outcome) {
        long[] asked = new long[lines.size()];
        if (!(outcome instanceof Outcome.Applied applied)) {
            return asked;
        }
        Effect effect = applied.effect();
        if (effect instanceof Effect.LineDiscounts d) {
            add(asked, d.amounts());
        } else if (effect instanceof Effect.Deposits d) {
            add(asked, d.bonus());
        } else if (effect instanceof Effect.Pooled pooled) {
            for (Effect.Pool pool : pooled.pools()) {
                long[] weights = pool.weights();
                requireLength(weights);
                long sum = 0;
                for (long w : weights) {
                    sum = Exact.add(sum, Math.max(0, w));
                }
                if (sum > 0 && pool.amount() > 0) {
                    add(asked, Allocation.allocate(pool.amount(), weights));
                }
            }
        }
        return asked;
    }

    private void add(long[] into, long[] values) {
        requireLength(values);
        for (int i = 0; i < into.length; i++) {
            into[i] = Exact.add(into[i], values[i]);
        }
    }

    private void requireLength(long[] values) {
        if (values.length != lines.size()) {
            throw new InvalidInputException("effect", values.length, "must have one entry per line (" + lines.size() + ")");
        }
    }

    @Override
    public CurrencyUnit currency() {
        return request.currency();
    }

    @Override
    public RoundingPolicy rounding() {
        return rounding;
    }

    @Override
    public Instant at() {
        return request.at();
    }

    @Override
    public BuyerContext buyer() {
        return request.buyer();
    }

    @Override
    public RemainingCaps caps() {
        return request.caps();
    }

    @Override
    public int lineCount() {
        return lines.size();
    }

    @Override
    public PricingLine line(int line) {
        return lines.get(line);
    }

    @Override
    public long listUnitPrice(int line) {
        return MinorUnits.toMinor(lines.get(line).listUnitPrice());
    }

    @Override
    public long listAmount(int line) {
        return Exact.multiply(listUnitPrice(line), lines.get(line).quantity());
    }

    @Override
    public long laneStartAmount(int line) {
        return laneStart[line];
    }

    @Override
    public long currentAmount(int line) {
        return current[line];
    }

    @Override
    public int sellerOf(int line) {
        return sellers.indexOf(lines.get(line).seller());
    }

    @Override
    public int sellerCount() {
        return sellers.size();
    }

    @Override
    public String seller(int seller) {
        return sellers.get(seller);
    }

    @Override
    public int sellerIndex(String sellerId) {
        return sellers.indexOf(sellerId);
    }

    @Override
    public long shippingCharge(int seller) {
        MonetaryAmount charge = request.shipping().get(sellers.get(seller));
        return charge == null ? 0 : MinorUnits.toMinor(charge);
    }

    @Override
    public long shippingLeft(int seller) {
        return shippingLeft[seller];
    }

    @Override
    public boolean[] linesIn(Scope scope) {
        boolean[] in = new boolean[lines.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = scope.matches(lines.get(i));
        }
        return in;
    }

    @Override
    public String format(long minorUnits) {
        return MinorUnits.format(minorUnits, request.currency());
    }

    @Override
    public long minor(MonetaryAmount amount) {
        return MinorUnits.toMinor(amount, request.currency());
    }

    @Override
    public MonetaryAmount amount(long minorUnits) {
        return MinorUnits.toAmount(minorUnits, request.currency());
    }

    @Override
    public String toString() {
        return "FakePromotionContext[" + Describe.request(request) + "]";
    }
}
