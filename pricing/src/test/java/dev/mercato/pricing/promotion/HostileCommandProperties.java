package dev.mercato.pricing.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.MoneyOverflowException;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.javamoney.moneta.Money;

/**
 * Hostile pricing commands against an engine holding every built-in kind: negative, zero and
 * huge quantities, amounts beyond the minor-unit range or with too many decimals, amounts in
 * another currency. Each command is priced or refused with a typed exception, and a refusal
 * leaves the engine as it was: a reference cart prices the same before and after.
 */
class HostileCommandProperties {
    private static final Duration GUARD = Duration.ofSeconds(10);
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final CurrencyUnit USD = Monetary.getCurrency("USD");
    private static final Instant AT = Instant.parse("2026-11-11T12:00:00Z");
    private static final PricingEngine ENGINE = PricingEngine.of(PromotionJson.standard().read(docsExample()));
    private static final PricingRequest REFERENCE = PricingRequest.of(CNY, AT, List.of(
            PricingLine.of("r1", "tea", "shop-a", List.of("drinks", "tea"), 3, MinorUnits.toAmount(12_000, CNY)),
            PricingLine.of("r2", "cup", "shop-b", List.of("kitchen"), 2, MinorUnits.toAmount(4_500, CNY))));
    private static final PricingResult REFERENCE_RESULT = ENGINE.price(REFERENCE);

    private static String docsExample() {
        try {
            String doc = Files.readString(Path.of("..", "docs", "pricing.md"), StandardCharsets.UTF_8);
            int start = doc.indexOf("```json\n") + "```json\n".length();
            return doc.substring(start, doc.indexOf("```", start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line as a hostile caller might send it: any quantity, any amount. */
    record RawLine(String sku, String seller, long quantity, MonetaryAmount unitPrice) {}

    @Provide
    Arbitrary<Long> quantities() {
        return Arbitraries.oneOf(Arbitraries.of(1L, 1L, 1L), Arbitraries.of(Long.MIN_VALUE, -1L, 0L, 1L, 2L, 1_000_000L, 1_000_000_000_000_000L,
                Long.MAX_VALUE / 2, Long.MAX_VALUE - 1, Long.MAX_VALUE), Arbitraries.longs());
    }

    @Provide
    Arbitrary<MonetaryAmount> amounts() {
        Arbitrary<MonetaryAmount> minor = Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, 199L, 12_000L, Long.MAX_VALUE / 4, Long.MAX_VALUE / 3, Long.MAX_VALUE / 2 + 1,
                        Long.MAX_VALUE - 1, Long.MAX_VALUE, -1L, Long.MIN_VALUE),
                Arbitraries.longs()).map(m -> Money.of(BigDecimal.valueOf(m, 2), CNY));
        Arbitrary<MonetaryAmount> odd = Arbitraries.of(
                Money.of(new BigDecimal("1e30"), CNY),
                Money.of(new BigDecimal("-1e30"), CNY),
                Money.of(new BigDecimal("0.001"), CNY),
                Money.of(new BigDecimal("92233720368547758.08"), CNY),
                Money.of(new BigDecimal("1.00"), USD));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, minor), net.jqwik.api.Tuple.of(1, odd));
    }

    @Provide
    Arbitrary<List<RawLine>> lines() {
        return Combinators.combine(Arbitraries.of("tea", "cup", "gift-box", "pot"), Arbitraries.of("shop-a", "shop-b"),
                quantities(), amounts()).as(RawLine::new).list().ofMinSize(0).ofMaxSize(4);
    }

    @Property
    void aHostileCommandIsPricedOrRefusedWithATypedExceptionAndChangesNothing(
            @ForAll("lines") List<RawLine> raw, @ForAll("amounts") MonetaryAmount shipping, @ForAll boolean member) {
        Object outcome = assertTimeoutPreemptively(GUARD, () -> {
            try {
                List<PricingLine> lines = new ArrayList<>();
                Map<String, MonetaryAmount> charges = new HashMap<>();
                for (int i = 0; i < raw.size(); i++) {
                    RawLine r = raw.get(i);
                    lines.add(PricingLine.of("l" + i, r.sku(), r.seller(), List.of("tea"), r.quantity(), r.unitPrice()));
                    charges.put(r.seller(), shipping);
                }
                PricingRequest request = PricingRequest.of(CNY, AT, lines).withShipping(charges)
                        .withBuyer(member ? BuyerContext.anonymous().withNewUser(true).withTiers("GOLD", "VIP")
                                : BuyerContext.anonymous());
                return ENGINE.price(request);
            } catch (InvalidInputException | MoneyOverflowException | InvalidAmountException
                    | CurrencyMismatchException e) {
                return e;
            }
        });
        boolean malformed = raw.isEmpty() || !acceptable(shipping);
        boolean tooPrecise = precise(shipping);
        for (RawLine r : raw) {
            malformed |= r.quantity() < 1 || !acceptable(r.unitPrice());
            tooPrecise |= precise(r.unitPrice());
        }
        if (malformed) {
            assertTrue(outcome instanceof InvalidInputException || outcome instanceof CurrencyMismatchException,
                    "a malformed command was " + outcome);
        } else {
            // A well-formed command is priced, or refused as an overflow or (only for sub-minor amounts) a bad amount.
            assertTrue(outcome instanceof PricingResult || outcome instanceof MoneyOverflowException
                    || (tooPrecise && outcome instanceof InvalidAmountException), "a well-formed command was " + outcome);
        }
        if (outcome instanceof PricingResult result) {
            long payable = MinorUnits.toMinor(result.payable());
            long ceiling = Math.addExact(MinorUnits.toMinor(result.totals().list()), MinorUnits.toMinor(result.totals().shipping()));
            assertTrue(payable >= 0 && payable <= ceiling, payable + " outside [0, " + ceiling + "]");
        }
        PricingResult again = ENGINE.price(REFERENCE);
        assertEquals(REFERENCE_RESULT.totals(), again.totals());
        assertEquals(REFERENCE_RESULT.lines(), again.lines());
    }

    private static boolean acceptable(MonetaryAmount amount) {
        return amount.getCurrency().equals(CNY) && !amount.isNegative();
    }

    private static boolean precise(MonetaryAmount amount) {
        return amount.getNumber().numberValue(BigDecimal.class).stripTrailingZeros().scale() > 2;
    }

    @Property
    void aLineWithoutAPositiveQuantityIsRefusedNamingTheQuantity(
            @ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long quantity) {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> PricingLine.of("l", "tea", "shop-a", List.of(), quantity, MinorUnits.toAmount(100, CNY)));
        assertEquals("line.quantity", e.field());
    }
}
