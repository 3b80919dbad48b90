package dev.mercato.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.payments.HeldFundsCapabilities.Part;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** The held-funds records refuse bad input when they are built, with a problem that names it. */
class HeldFundsRecordsExamples {
    private static final TransactionId PAY = new TransactionId("hold-1");
    private static final TransactionId SPLIT = new TransactionId("split-1");
    private static final FundsAccount SELLER = FundsAccount.seller("sub_mch_1900000109");
    private static final FundsAccount PLATFORM = FundsAccount.platform("sp_mch_1230000109");

    private static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    private static InvalidPaymentRequestException refused(Problem problem, Runnable build) {
        InvalidPaymentRequestException e = assertThrows(InvalidPaymentRequestException.class, build::run);
        assertEquals(problem, e.problem(), e.getMessage());
        return e;
    }

    @Test
    void anAmountFinerThanTheMinorUnitIsRefusedNeverRounded() {
        InvalidPaymentRequestException hold = refused(Problem.INVALID_AMOUNT, () -> new HoldRequest(PAY, cny("99.995"),
                new PaymentSource("tok"), "order-1", SELLER));
        assertTrue(hold.getMessage().contains("99.995"), hold.getMessage());
        refused(Problem.INVALID_AMOUNT, () -> new SplitPart(SELLER, cny("10.001"), "seller share"));
        refused(Problem.INVALID_AMOUNT, () -> new SplitPart(SELLER, Money.of(new BigDecimal("5.5"), "JPY"), "seller share"));
        refused(Problem.INVALID_AMOUNT, () -> new ReturnRequest(new TransactionId("ret-1"), PAY, SELLER, cny("0.001"), "refund"));
        assertEquals(new BigDecimal("8"), new SplitPart(SELLER, cny("8.000"), "same value, other scale").amount().getNumber()
                .numberValue(BigDecimal.class).stripTrailingZeros());
    }

    @Test
    void aZeroOrNegativeAmountIsRefused() {
        refused(Problem.NON_POSITIVE_AMOUNT, () -> new SplitPart(SELLER, cny("0"), "nothing"));
        InvalidPaymentRequestException e = refused(Problem.NON_POSITIVE_AMOUNT, () -> new ReturnRequest(
                new TransactionId("ret-1"), PAY, SELLER, cny("-1.00"), "refund"));
        assertEquals(Optional.of(new TransactionId("ret-1")), e.transactionId());
    }

    @Test
    void splitPartsInDifferentCurrenciesAreRefused() {
        InvalidPaymentRequestException e = refused(Problem.CURRENCY_MISMATCH, () -> new SplitRequest(SPLIT, PAY,
                List.of(new SplitPart(SELLER, cny("90.00"), "seller share"),
                        new SplitPart(PLATFORM, Money.of(10, "USD"), "commission"))));
        assertTrue(e.getMessage().contains("part 2 is in USD"), e.getMessage());
    }

    @Test
    void twoPartsToOneAccountAreRefusedNamingBoth() {
        InvalidPaymentRequestException e = refused(Problem.DUPLICATE_RECIPIENT, () -> new SplitRequest(SPLIT, PAY,
                List.of(new SplitPart(SELLER, cny("50.00"), "seller share"), new SplitPart(PLATFORM, cny("5.00"), "fee"),
                        new SplitPart(FundsAccount.seller("sub_mch_1900000109"), cny("40.00"), "seller again"))));
        assertTrue(e.getMessage().contains("parts 1 and 3"), e.getMessage());
        assertFalse(e.getMessage().contains("1900000109"), "the message shows no whole account token: " + e.getMessage());
        // the same token in another role is another account
        new SplitRequest(SPLIT, PAY, List.of(new SplitPart(SELLER, cny("1.00"), "seller"),
                new SplitPart(FundsAccount.creator(SELLER.token()), cny("1.00"), "creator")));
    }

    @Test
    void aHostileNumberOfPartsIsRefusedBeforeTheyAreRead() {
        List<SplitPart> parts = new ArrayList<>();
        for (int i = 0; i <= SplitRequest.MAX_PARTS; i++) {
            parts.add(new SplitPart(FundsAccount.creator("creator-" + i), cny("1.00"), "creator share"));
        }
        InvalidPaymentRequestException e = refused(Problem.TOO_MANY_PARTS, () -> new SplitRequest(SPLIT, PAY, parts));
        assertTrue(e.getMessage().contains("at most " + SplitRequest.MAX_PARTS), e.getMessage());
        assertEquals(SplitRequest.MAX_PARTS, new SplitRequest(SPLIT, PAY, parts.subList(0, SplitRequest.MAX_PARTS)).parts().size());
        refused(Problem.MALFORMED, () -> new SplitRequest(SPLIT, PAY, List.of()));
    }

    @Test
    void partsThatSumBeyondWhatMinorUnitsCanCountAreRefused() {
        MonetaryAmount huge = Money.of(new BigDecimal(Long.MAX_VALUE).movePointLeft(2), "CNY");
        refused(Problem.INVALID_AMOUNT, () -> new SplitRequest(SPLIT, PAY, List.of(new SplitPart(SELLER, huge, "a"),
                new SplitPart(PLATFORM, huge, "b"))));
    }

    @Test
    void textsAndTokensAreBounded() {
        refused(Problem.MALFORMED, () -> new SplitPart(SELLER, cny("1.00"), " "));
        refused(Problem.MALFORMED, () -> new UnfreezeRequest(new TransactionId("unf-1"), PAY, "x".repeat(257)));
        refused(Problem.MALFORMED, () -> FundsAccount.seller("a".repeat(FundsAccount.MAX_TOKEN_LENGTH + 1)));
        refused(Problem.MALFORMED, () -> FundsAccount.platform(""));
        assertFalse(SELLER.toString().contains("1900000109"), SELLER.toString());
    }

    @Test
    void aSplitTotalsItsPartsInMinorUnits() {
        SplitRequest split = new SplitRequest(SPLIT, PAY, List.of(new SplitPart(SELLER, cny("90.35"), "seller share"),
                new SplitPart(PLATFORM, cny("9.65"), "commission")));
        assertEquals(10_000, split.totalMinorUnits());
        assertTrue(PaymentOutcome.sameAmount(cny("100"), split.total()));
    }

    @Test
    void heldFundsBalanceOrTheProviderContradictsItself() {
        HeldFunds funds = new HeldFunds(PAY, cny("100.00"), cny("60.00"), cny("0"), cny("10.00"), cny("10.00"), cny("40.00"),
                false, Map.of(SELLER, cny("50.00")));
        assertEquals(Optional.of(cny("50.00")), funds.returnableFrom(SELLER));
        assertEquals(Optional.empty(), funds.returnableFrom(PLATFORM));
        IllegalStateException unbalanced = assertThrows(IllegalStateException.class, () -> new HeldFunds(PAY, cny("100.00"),
                cny("60.00"), cny("0"), cny("0"), cny("0"), cny("40.01"), false, Map.of()));
        assertTrue(unbalanced.getMessage().contains("must equal"), unbalanced.getMessage());
        assertThrows(IllegalStateException.class, () -> new HeldFunds(PAY, cny("100.00"), cny("60.00"), cny("0"), cny("0"),
                cny("0"), cny("40.00"), false, Map.of(SELLER, cny("60.01"))));
        assertThrows(IllegalStateException.class, () -> new HeldFunds(PAY, cny("100.00"), cny("110.00"), cny("0"), cny("0"),
                cny("0"), cny("-10.00"), false, Map.of()));
    }

    @Test
    void aSplitAboveWhatIsStillHeldIsRefusedBeforeItIsSent() {
        HeldFunds funds = new HeldFunds(PAY, cny("100.00"), cny("60.00"), cny("0"), cny("0"), cny("0"), cny("40.00"), false,
                Map.of());
        funds.requireCovers(new SplitRequest(SPLIT, PAY, List.of(new SplitPart(SELLER, cny("40.00"), "the rest"))));
        InvalidPaymentRequestException e = refused(Problem.EXCEEDS_HELD, () -> funds.requireCovers(new SplitRequest(SPLIT, PAY,
                List.of(new SplitPart(SELLER, cny("39.99"), "seller"), new SplitPart(PLATFORM, cny("0.02"), "fee")))));
        assertTrue(e.getMessage().contains("40.01"), e.getMessage());
        refused(Problem.UNKNOWN_PAYMENT, () -> funds.requireCovers(new SplitRequest(SPLIT, new TransactionId("other"),
                List.of(new SplitPart(SELLER, cny("1.00"), "seller")))));
        refused(Problem.CURRENCY_MISMATCH, () -> funds.requireCovers(new SplitRequest(SPLIT, PAY,
                List.of(new SplitPart(SELLER, Money.of(1, "USD"), "seller")))));
        HeldFunds released = new HeldFunds(PAY, cny("100.00"), cny("60.00"), cny("40.00"), cny("0"), cny("0"), cny("0"), true,
                Map.of());
        refused(Problem.INVALID_STATE, () -> released.requireCovers(new SplitRequest(SPLIT, PAY,
                List.of(new SplitPart(SELLER, cny("0.01"), "seller")))));
    }

    @Test
    void aFlowNeedingAMissingPartIsRefusedWhenTheHostIsBuilt() {
        HeldFundsCapabilities fullSplitsOnly = new HeldFundsCapabilities(EnumSet.of(Part.HOLD, Part.SPLIT, Part.QUERY), 10);
        fullSplitsOnly.requireSupports("provider-held funds", Part.HOLD, Part.SPLIT);
        UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                () -> fullSplitsOnly.requireSupports("line refunds after release", Part.SPLIT, Part.RETURN, Part.UNFREEZE));
        assertEquals(EnumSet.of(Part.UNFREEZE, Part.RETURN), e.missing());
        assertEquals("line refunds after release", e.flow());
        assertTrue(e.getMessage().contains("[UNFREEZE, RETURN]") && e.getMessage().contains("line refunds after release"),
                e.getMessage());
        assertEquals(Set.of(Part.PARTIAL_SPLIT), fullSplitsOnly.missing(List.of(Part.SPLIT, Part.PARTIAL_SPLIT)));
    }

    @Test
    void aPlainPaymentProviderSupportsNoPart() {
        PaymentProvider plain = (PaymentProvider) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PaymentProvider.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        assertEquals(Set.of(), HeldFundsCapabilities.of(plain).parts());
        UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                () -> HeldFundsProvider.require(plain, "provider-held funds", Part.HOLD, Part.SPLIT));
        assertEquals(EnumSet.of(Part.HOLD, Part.SPLIT), e.missing());
    }

    @Test
    void capabilitiesAreConsistent() {
        assertThrows(IllegalArgumentException.class, () -> new HeldFundsCapabilities(EnumSet.of(Part.SPLIT), 5));
        assertThrows(IllegalArgumentException.class, () -> new HeldFundsCapabilities(EnumSet.of(Part.HOLD, Part.PARTIAL_SPLIT), 5));
        assertThrows(IllegalArgumentException.class, () -> new HeldFundsCapabilities(EnumSet.of(Part.HOLD), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new HeldFundsCapabilities(EnumSet.of(Part.HOLD), SplitRequest.MAX_PARTS + 1));
        assertEquals(EnumSet.allOf(Part.class), HeldFundsCapabilities.all().parts());
    }
}
