package dev.mercato.payments.contract;

import static dev.mercato.payments.contract.PaymentProviderContract.assertSameOutcome;
import static dev.mercato.payments.contract.PaymentProviderContract.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mercato.payments.Capabilities.Feature;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.HeldFundsCapabilities;
import dev.mercato.payments.HeldFundsCapabilities.Part;
import dev.mercato.payments.HeldFundsProvider;
import dev.mercato.payments.HoldRequest;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.Operation;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProviderException;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.ReturnRequest;
import dev.mercato.payments.SplitPart;
import dev.mercato.payments.SplitRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.UnfreezeRequest;
import dev.mercato.payments.UnsupportedCapabilityException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conformance kit for {@link HeldFundsProvider} plug-ins: what a provider that holds the
 * buyers' funds and moves them on Mercato's instructions must pass, beside
 * {@link PaymentProviderContract}. Extend it in your plug-in's tests, name the subclass
 * {@code *ContractTest} and implement the factory methods. Checks that need a
 * {@link HeldFundsCapabilities.Part} you do not declare, a fault you cannot inject or a hook you
 * leave empty are skipped (JUnit assumptions), not failed.
 *
 * <p>What it checks: held sales, splits, unfreezes and returns replayed with the same id have one
 * effect (a split never sends its parts twice, also with 8 threads replaying it); the same id
 * with other content is refused ({@code TRANSACTION_ID_REUSED}), while the same parts in another
 * order are the same split; splits never exceed the hold, over several partial splits, with
 * splits still pending, and from 8 threads at once; a split that would leave funds held is
 * refused without {@code PARTIAL_SPLIT}; an unfreeze releases exactly the remainder (nothing
 * after a full split) and ends the hold; a refund after the release needs a return first; a
 * return is bounded by what the payment sent to the account, and one the account's balance cannot
 * cover is declined ({@code INSUFFICIENT_FUNDS}) and moves nothing; a split to a frozen account is
 * declined as a whole ({@code ACCOUNT_UNAVAILABLE}) and the funds stay held; timeouts and server
 * errors on a split or a return are unknown, never failed, status tells once the money moved,
 * and a replay with the same id settles them with one effect; the held-funds query balances and
 * agrees with every instruction's outcome; undeclared parts and over-long splits are refused and
 * leave no record; instructions about a plain sale are refused.
 *
 * <p>Pending answers are legal for every operation kind not declared synchronous in
 * {@link dev.mercato.payments.Capabilities#synchronousOperations()}; the kit follows them up
 * with {@link #awaitFinal}.
 */
public abstract class HeldFundsContract {
    private static final int THREADS = 8;

    private ContractClock clock;
    private HeldFundsProvider provider;
    private ExecutorService pool;

    /**
     * Creates the provider under test; called before every test with a fresh clock.
     *
     * @param clock the only time source the provider may read; the kit moves it
     * @return the provider, never {@code null}
     */
    protected abstract HeldFundsProvider newProvider(ContractClock clock);

    /**
     * An amount in a supported currency, of at least 100 minor units, that
     * {@link #approvedSource()} can pay.
     *
     * @return the amount, never {@code null}
     */
    protected abstract MonetaryAmount testAmount();

    /**
     * A payment source the provider approves.
     *
     * @return the source, never {@code null}
     */
    protected abstract PaymentSource approvedSource();

    /**
     * A seller's sub-account that can receive splits; also the settlement account of the kit's holds.
     *
     * @return the account, never {@code null}
     */
    protected abstract FundsAccount sellerAccount();

    /**
     * The platform's account that receives commission and fees.
     *
     * @return the account, never {@code null}
     */
    protected abstract FundsAccount platformAccount();

    /**
     * A creator's account that can receive splits, different from the other two.
     *
     * @return the account, never {@code null}
     */
    protected abstract FundsAccount creatorAccount();

    /**
     * Arranges that the next mutating call reaching the provider fails this way (see
     * {@link PaymentProviderContract#injectFault}); {@code false} skips the checks that need it.
     *
     * @param provider the provider of the running test
     * @param fault the failure to arrange
     * @return whether the fault is armed
     */
    protected boolean injectFault(HeldFundsProvider provider, Fault fault) {
        return false;
    }

    /**
     * Takes money out of an account, as the seller's own withdrawal would, so that a return of
     * that much finds the balance short; {@code false} skips the check.
     *
     * @param provider the provider of the running test
     * @param account an account the kit split money to
     * @param amount what to take out, all the account holds
     * @return whether it was done
     */
    protected boolean withdrawFrom(HeldFundsProvider provider, FundsAccount account, MonetaryAmount amount) {
        return false;
    }

    /**
     * Freezes an account at the provider (as for a seller under review); {@code false} skips the check.
     *
     * @param provider the provider of the running test
     * @param account the account to freeze
     * @return whether it was done
     */
    protected boolean freeze(HeldFundsProvider provider, FundsAccount account) {
        return false;
    }

    /**
     * How long the kit waits for a pending instruction to settle. Default: two days.
     *
     * @return the horizon
     */
    protected Duration settlementHorizon() {
        return Duration.ofDays(2);
    }

    /**
     * Waits until the instruction with this id has a final outcome; by default asks
     * {@code status} and moves the clock a minute at a time.
     *
     * @param provider the provider of the running test
     * @param transactionId the pending instruction
     * @return its final outcome
     */
    protected PaymentOutcome awaitFinal(HeldFundsProvider provider, TransactionId transactionId) {
        return PaymentProviderContract.awaitFinal(clock, settlementHorizon(), provider::status, transactionId);
    }

    /**
     * A fresh transaction id; by default {@code hf-} and a random UUID.
     *
     * @return the id
     */
    protected TransactionId newTransactionId() {
        return new TransactionId("hf-" + UUID.randomUUID());
    }

    /**
     * The provider of the running test.
     *
     * @return the provider
     */
    protected final HeldFundsProvider provider() {
        return provider;
    }

    @BeforeEach
    final void createProvider() {
        clock = new ContractClock();
        provider = newProvider(clock);
        assertTrue(minor(testAmount()) >= 100, "testAmount() must be at least 100 minor units");
        assertEquals(3, Set.of(sellerAccount(), platformAccount(), creatorAccount()).size(),
                "the seller, platform and creator accounts must differ");
    }

    @AfterEach
    final void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------ capabilities

    @Test
    void declaresHoldAndItsCapabilitiesAreConstant() {
        HeldFundsCapabilities declared = provider.heldFundsCapabilities();
        assertTrue(declared.supports(Part.HOLD), "a HeldFundsProvider must declare " + Part.HOLD + ": " + declared);
        assertEquals(declared, provider.heldFundsCapabilities(), "heldFundsCapabilities() must be constant");
        assertEquals(declared, HeldFundsCapabilities.of(provider));
        declared.requireSupports("the kit", declared.parts());
        Set<Part> undeclared = EnumSet.complementOf(EnumSet.copyOf(declared.parts()));
        if (!undeclared.isEmpty()) {
            UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                    () -> HeldFundsProvider.require(provider, "the kit", Part.values()));
            assertEquals(undeclared, e.missing(), e.getMessage());
        }
    }

    @Test
    void undeclaredPartsAreRefusedAndLeaveNoRecord() {
        HeldFundsCapabilities declared = provider.heldFundsCapabilities();
        assumeTrue(!declared.parts().containsAll(EnumSet.allOf(Part.class)), "the provider declares every part");
        TransactionId payment = held(testAmount());
        if (!declared.supports(Part.SPLIT)) {
            assertRefusedWithoutRecord(Problem.UNSUPPORTED_OPERATION,
                    id -> provider.split(new SplitRequest(id, payment, List.of(part(sellerAccount(), minor(testAmount()))))));
        } else if (!declared.supports(Part.PARTIAL_SPLIT)) {
            assertRefusedWithoutRecord(Problem.UNSUPPORTED_OPERATION,
                    id -> provider.split(new SplitRequest(id, payment, List.of(part(sellerAccount(), 1)))));
        }
        if (!declared.supports(Part.UNFREEZE)) {
            assertRefusedWithoutRecord(Problem.UNSUPPORTED_OPERATION,
                    id -> provider.unfreeze(new UnfreezeRequest(id, payment, "kit: unfreeze")));
        }
        if (!declared.supports(Part.QUERY)) {
            InvalidPaymentRequestException e = refused(() -> provider.heldFunds(payment));
            assertEquals(Problem.UNSUPPORTED_OPERATION, e.problem(), e.getMessage());
        }
        if (!declared.supports(Part.RETURN)) {
            assertRefusedWithoutRecord(Problem.UNSUPPORTED_OPERATION,
                    id -> provider.returnFunds(new ReturnRequest(id, payment, sellerAccount(), minorUnits(1), "kit: return")));
        }
    }

    @Test
    void aSplitWithMorePartsThanDeclaredIsRefused() {
        requireParts(Part.SPLIT);
        int max = provider.heldFundsCapabilities().maxPartsPerSplit();
        assumeTrue(max < 3, "the kit has three accounts, the provider accepts " + max + " parts");
        TransactionId payment = held(testAmount());
        long each = minor(testAmount()) / 3;
        List<SplitPart> parts = List.of(part(sellerAccount(), minor(testAmount()) - 2 * each), part(platformAccount(), each),
                part(creatorAccount(), each));
        assertRefusedWithoutRecord(Problem.TOO_MANY_PARTS, id -> provider.split(new SplitRequest(id, payment, parts)));
    }

    // ------------------------------------------------------------ idempotency

    @Test
    void aHeldSaleReplayedWithTheSameIdHasOneEffect() {
        HoldRequest request = hold(newTransactionId(), testAmount());
        PaymentOutcome.Succeeded first = approved(Operation.HOLD, provider.holdSale(request));
        assertSameOutcome(first, provider.holdSale(request));
        assertStillHeld(request.transactionId(), minor(testAmount()));
        refundedInFull(request.transactionId(), minor(testAmount()));
    }

    @Test
    void aSplitReplayedWithTheSameIdSendsItsPartsOnce() {
        requireParts(Part.SPLIT, Part.PARTIAL_SPLIT);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        long share = total / 2;
        SplitRequest split = new SplitRequest(newTransactionId(), payment, List.of(part(sellerAccount(), share - 10),
                part(platformAccount(), 10)));
        PaymentOutcome answer = provider.split(split);
        PaymentOutcome replay = provider.split(split);
        assertEquals(split.transactionId(), replay.transactionId());
        PaymentOutcome.Succeeded done = approved(Operation.SPLIT, answer);
        assertSameOutcome(done, approved(Operation.SPLIT, provider.split(split)));
        assertTrue(PaymentOutcome.sameAmount(split.total(), done.amount()), "a split's outcome reports its total: " + done);
        // the replays sent nothing more: exactly the rest is still held
        assertStillHeld(payment, total - share);
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), total - share)))));
        assertStillHeld(payment, 0);
    }

    @Test
    void concurrentReplaysOfOneSplitSendItsPartsOnce() {
        requireParts(Part.SPLIT);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        long units = splitUnits(total);
        SplitRequest split = new SplitRequest(newTransactionId(), payment, List.of(part(sellerAccount(), units)));
        List<Object> answers = concurrently(THREADS, i -> answerOrRefusal(() -> provider.split(split)));
        for (Object answer : answers) {
            assertInstanceOf(PaymentOutcome.class, answer, "a replay of one split was refused: " + answer);
            assertEquals(split.transactionId(), ((PaymentOutcome) answer).transactionId());
        }
        approved(Operation.SPLIT, (PaymentOutcome) answers.get(0));
        assertStillHeld(payment, total - units);
    }

    @Test
    void theSameSplitIdWithOtherContentIsRefused() {
        requireParts(Part.SPLIT, Part.PARTIAL_SPLIT);
        TransactionId payment = held(testAmount());
        TransactionId otherPayment = held(testAmount());
        long units = minor(testAmount()) / 4;
        TransactionId id = newTransactionId();
        SplitRequest split = new SplitRequest(id, payment, List.of(part(sellerAccount(), units), part(platformAccount(), 7)));
        PaymentOutcome.Succeeded first = approved(Operation.SPLIT, provider.split(split));
        assertSameOutcome(first, provider.split(new SplitRequest(id, payment, List.of(split.parts().get(1), split.parts().get(0)))));
        assertReused(() -> provider.split(new SplitRequest(id, payment, List.of(part(sellerAccount(), units + 1),
                part(platformAccount(), 7)))), "another amount");
        assertReused(() -> provider.split(new SplitRequest(id, payment, List.of(part(creatorAccount(), units),
                part(platformAccount(), 7)))), "another recipient");
        assertReused(() -> provider.split(new SplitRequest(id, payment, List.of(part(sellerAccount(), units)))),
                "a part left out");
        assertReused(() -> provider.split(new SplitRequest(id, otherPayment, split.parts())), "another payment");
        if (provider.heldFundsCapabilities().supports(Part.UNFREEZE)) {
            assertReused(() -> provider.unfreeze(new UnfreezeRequest(id, payment, "kit: unfreeze")),
                    "another operation (unfreeze)");
        }
        assertSameOutcome(first, provider.status(id).orElseThrow());
        assertStillHeld(payment, minor(testAmount()) - units - 7);
    }

    @Test
    void theSameHoldIdWithOtherContentIsRefused() {
        TransactionId id = newTransactionId();
        HoldRequest request = hold(id, testAmount());
        PaymentOutcome.Succeeded first = approved(Operation.HOLD, provider.holdSale(request));
        assertReused(() -> provider.holdSale(hold(id, minorUnits(minor(testAmount()) + 1))), "another amount");
        assertReused(() -> provider.holdSale(new HoldRequest(id, testAmount(), approvedSource(), request.reference(),
                creatorAccount())), "another settlement account");
        assertReused(() -> provider.holdSale(new HoldRequest(id, testAmount(), approvedSource(), "kit-other-reference",
                sellerAccount())), "another reference");
        assertReused(() -> provider.sale(new PaymentRequest(id, testAmount(), approvedSource(), request.reference())),
                "another operation (a plain sale)");
        assertSameOutcome(first, provider.status(id).orElseThrow());
    }

    @Test
    void theSameReturnOrUnfreezeIdWithOtherContentIsRefused() {
        requireParts(Part.SPLIT, Part.PARTIAL_SPLIT, Part.RETURN, Part.UNFREEZE);
        TransactionId payment = held(testAmount());
        long half = minor(testAmount()) / 2;
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), half), part(creatorAccount(), 5)))));
        ReturnRequest back = new ReturnRequest(newTransactionId(), payment, sellerAccount(), minorUnits(3), "kit: return");
        PaymentOutcome.Succeeded returned = approved(Operation.RETURN, provider.returnFunds(back));
        assertSameOutcome(returned, provider.returnFunds(back));
        TransactionId id = back.transactionId();
        assertReused(() -> provider.returnFunds(new ReturnRequest(id, payment, sellerAccount(), minorUnits(4), back.reason())),
                "another amount");
        assertReused(() -> provider.returnFunds(new ReturnRequest(id, payment, creatorAccount(), minorUnits(3), back.reason())),
                "another account");
        assertReused(() -> provider.returnFunds(new ReturnRequest(id, payment, sellerAccount(), minorUnits(3), "kit: other")),
                "another reason");
        UnfreezeRequest unfreeze = new UnfreezeRequest(newTransactionId(), payment, "kit: order complete");
        PaymentOutcome.Succeeded released = approved(Operation.UNFREEZE, provider.unfreeze(unfreeze));
        assertSameOutcome(released, provider.unfreeze(unfreeze));
        assertReused(() -> provider.unfreeze(new UnfreezeRequest(unfreeze.transactionId(), held(testAmount()), unfreeze.reason())),
                "another payment");
        assertReused(() -> provider.returnFunds(new ReturnRequest(unfreeze.transactionId(), payment, sellerAccount(),
                minorUnits(1), "kit: return")), "another operation (return)");
    }

    // ------------------------------------------------------------ splits never exceed the hold

    @Test
    void aSplitAboveTheHoldIsRefusedAndMovesNothing() {
        requireParts(Part.SPLIT);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        assertRefusedWithoutRecord(Problem.EXCEEDS_HELD, id -> provider.split(new SplitRequest(id, payment,
                List.of(part(sellerAccount(), total - 10), part(platformAccount(), 11)))));
        assertStillHeld(payment, total);
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), total - 10), part(platformAccount(), 10)))));
        assertStillHeld(payment, 0);
    }

    @Test
    void partialSplitsNeverExceedTheHold() {
        requireParts(Part.SPLIT, Part.PARTIAL_SPLIT);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        long quarter = total / 4;
        for (int i = 0; i < 3; i++) {
            // not followed up before the next split: pending ones must already count
            approvedOrPending(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                    List.of(part(i == 1 ? creatorAccount() : sellerAccount(), quarter)))));
        }
        long rest = total - 3 * quarter;
        assertRefusedWithoutRecord(Problem.EXCEEDS_HELD, id -> provider.split(new SplitRequest(id, payment,
                List.of(part(platformAccount(), rest + 1)))));
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(platformAccount(), rest)))));
        assertRefusedWithoutRecord(Problem.EXCEEDS_HELD, id -> provider.split(new SplitRequest(id, payment,
                List.of(part(platformAccount(), 1)))));
    }

    @Test
    void concurrentSplitsNeverExceedTheHold() {
        requireParts(Part.SPLIT, Part.PARTIAL_SPLIT);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        long third = total / 3;
        List<Object> answers = concurrently(THREADS, i -> answerOrRefusal(() -> provider.split(new SplitRequest(
                newTransactionId(), payment, List.of(part(sellerAccount(), third))))));
        long accepted = 0;
        for (Object answer : answers) {
            if (answer instanceof InvalidPaymentRequestException e) {
                assertEquals(Problem.EXCEEDS_HELD, e.problem(), e.getMessage());
            } else {
                approved(Operation.SPLIT, (PaymentOutcome) answer);
                accepted += third;
            }
        }
        long sent = accepted;
        assertTrue(sent <= total, () -> THREADS + " concurrent splits of a third sent " + sent + " of " + total);
        assertStillHeld(payment, total - sent);
    }

    @Test
    void aSplitThatLeavesFundsHeldNeedsPartialSplits() {
        requireParts(Part.SPLIT);
        assumeTrue(!provider.heldFundsCapabilities().supports(Part.PARTIAL_SPLIT), "the provider declares PARTIAL_SPLIT");
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        assertRefusedWithoutRecord(Problem.UNSUPPORTED_OPERATION, id -> provider.split(new SplitRequest(id, payment,
                List.of(part(sellerAccount(), total - 1)))));
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), total - 1), part(platformAccount(), 1)))));
    }

    @Test
    void instructionsAboutAPlainSaleOrAnUnknownPaymentAreRefused() {
        requireParts(Part.SPLIT);
        TransactionId sale = newTransactionId();
        PaymentOutcome outcome = provider.sale(new PaymentRequest(sale, testAmount(), approvedSource(), "kit-plain-sale"));
        approved(Operation.SALE, outcome);
        InvalidPaymentRequestException plain = refused(() -> provider.split(new SplitRequest(newTransactionId(), sale,
                List.of(part(sellerAccount(), minor(testAmount()))))));
        assertTrue(plain.problem() == Problem.INVALID_STATE || plain.problem() == Problem.UNKNOWN_PAYMENT, plain.getMessage());
        InvalidPaymentRequestException unknown = refused(() -> provider.split(new SplitRequest(newTransactionId(),
                newTransactionId(), List.of(part(sellerAccount(), 1)))));
        assertEquals(Problem.UNKNOWN_PAYMENT, unknown.problem(), unknown.getMessage());
    }

    // ------------------------------------------------------------ unfreeze

    @Test
    void anUnfreezeReleasesOnlyTheRemainderAndEndsTheHold() {
        requireParts(Part.SPLIT, Part.PARTIAL_SPLIT, Part.UNFREEZE);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        long split = total / 3;
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(creatorAccount(), split - 20), part(platformAccount(), 20)))));
        PaymentOutcome.Succeeded released = approved(Operation.UNFREEZE,
                provider.unfreeze(new UnfreezeRequest(newTransactionId(), payment, "kit: order complete")));
        assertEquals(total - split, minor(released.amount()), "an unfreeze after a split of " + split + " of " + total
                + " minor units released " + released.amount());
        assertStillHeld(payment, 0);
        InvalidPaymentRequestException again = refused(() -> provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), 1)))));
        assertTrue(again.problem() == Problem.INVALID_STATE || again.problem() == Problem.EXCEEDS_HELD, again.getMessage());
        InvalidPaymentRequestException twice = refused(() -> provider.unfreeze(new UnfreezeRequest(newTransactionId(), payment,
                "kit: again")));
        assertEquals(Problem.INVALID_STATE, twice.problem(), twice.getMessage());
    }

    @Test
    void anUnfreezeAfterAFullSplitReleasesNothing() {
        requireParts(Part.SPLIT, Part.UNFREEZE);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), total - 30), part(platformAccount(), 30)))));
        PaymentOutcome outcome;
        try {
            outcome = provider.unfreeze(new UnfreezeRequest(newTransactionId(), payment, "kit: nothing left"));
        } catch (InvalidPaymentRequestException nothingLeft) {
            assertEquals(Problem.INVALID_STATE, nothingLeft.problem(), nothingLeft.getMessage());
            return;
        }
        PaymentOutcome.Succeeded released = approved(Operation.UNFREEZE, outcome);
        assertEquals(0, minor(released.amount()), "an unfreeze after a full split released " + released.amount());
        assertStillHeld(payment, 0);
    }

    // ------------------------------------------------------------ returns and refunds after release

    @Test
    void aRefundAfterTheReleaseNeedsAReturnFirst() {
        requireParts(Part.SPLIT, Part.RETURN);
        requirePartialRefunds();
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        long commission = total / 10;
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), total - commission), part(platformAccount(), commission)))));
        InvalidPaymentRequestException early = refused(() -> provider.refund(new RefundRequest(newTransactionId(), payment,
                minorUnits(1), "kit: refund before the return")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, early.problem(), early.getMessage());
        long back = (total - commission) / 2;
        approved(Operation.RETURN, provider.returnFunds(new ReturnRequest(newTransactionId(), payment, sellerAccount(),
                minorUnits(back), "kit: for a refund")));
        assertStillHeld(payment, back);
        approved(Operation.REFUND, provider.refund(new RefundRequest(newTransactionId(), payment, minorUnits(back),
                "kit: refund after the return")));
        InvalidPaymentRequestException after = refused(() -> provider.refund(new RefundRequest(newTransactionId(), payment,
                minorUnits(1), "kit: one more unit")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, after.problem(), after.getMessage());
    }

    @Test
    void aReturnIsBoundedByWhatThePaymentSentThere() {
        requireParts(Part.SPLIT, Part.RETURN);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        long commission = total / 10;
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), total - commission), part(platformAccount(), commission)))));
        assertRefusedWithoutRecord(Problem.EXCEEDS_RETURNABLE, id -> provider.returnFunds(new ReturnRequest(id, payment,
                platformAccount(), minorUnits(commission + 1), "kit: more than sent")));
        assertRefusedWithoutRecord(Problem.EXCEEDS_RETURNABLE, id -> provider.returnFunds(new ReturnRequest(id, payment,
                creatorAccount(), minorUnits(1), "kit: an account the payment never paid")));
        approved(Operation.RETURN, provider.returnFunds(new ReturnRequest(newTransactionId(), payment, platformAccount(),
                minorUnits(commission), "kit: all of the commission")));
        assertRefusedWithoutRecord(Problem.EXCEEDS_RETURNABLE, id -> provider.returnFunds(new ReturnRequest(id, payment,
                platformAccount(), minorUnits(1), "kit: one unit more")));
        assertStillHeld(payment, commission);
    }

    @Test
    void aReturnTheAccountCannotCoverIsDeclinedAndMovesNothing() {
        requireParts(Part.SPLIT, Part.RETURN);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), total - 10), part(platformAccount(), 10)))));
        assumeTrue(withdrawFrom(provider, sellerAccount(), minorUnits(total - 10)), "withdrawFrom() is not arranged");
        PaymentOutcome outcome = settled(provider.returnFunds(new ReturnRequest(newTransactionId(), payment, sellerAccount(),
                minorUnits(total / 2), "kit: the seller withdrew the money")));
        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome,
                "a return the account's balance cannot cover must be declined: " + outcome);
        assertEquals(DeclineReason.INSUFFICIENT_FUNDS, declined.reason(), declined.toString());
        assertStillHeld(payment, 0);
        InvalidPaymentRequestException refund = refused(() -> provider.refund(new RefundRequest(newTransactionId(), payment,
                minorUnits(1), "kit: nothing came back")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, refund.problem(), refund.getMessage());
    }

    @Test
    void aSplitToAFrozenAccountIsDeclinedAsAWholeAndTheFundsStayHeld() {
        requireParts(Part.SPLIT);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        assumeTrue(freeze(provider, creatorAccount()), "freeze() is not arranged");
        PaymentOutcome outcome = settled(provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), total - 30), part(creatorAccount(), 30)))));
        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome,
                "a split with a part to a frozen account must be declined as a whole: " + outcome);
        assertEquals(DeclineReason.ACCOUNT_UNAVAILABLE, declined.reason(), declined.toString());
        assertStillHeld(payment, total);
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), total - 10), part(platformAccount(), 10)))));
        assertStillHeld(payment, 0);
    }

    // ------------------------------------------------------------ faults: unknown, never failed

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFaultOnASplitIsUnknownNeverFailedAndAReplaySendsOnce(Fault fault) {
        requireParts(Part.SPLIT);
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        long units = splitUnits(total);
        SplitRequest split = new SplitRequest(newTransactionId(), payment, List.of(part(sellerAccount(), units)));
        assumeTrue(injectFault(provider, fault), "the subclass cannot inject " + fault);
        Optional<PaymentOutcome> answer = throughFault(fault, () -> provider.split(split));
        Optional<PaymentOutcome> status = provider.status(split.transactionId());
        if (fault.moneyMoved()) {
            assertTrue(status.isPresent(), "after a " + fault + " the split was made: status must not be empty");
            PaymentOutcome settled = status.get().isFinal() ? status.get() : awaitFinal(provider, split.transactionId());
            assertInstanceOf(PaymentOutcome.Succeeded.class, settled, "status after a " + fault + " must tell the split was made");
        }
        status.ifPresent(s -> assertFalse(s instanceof PaymentOutcome.Declined, "after a " + fault + " status reports " + s));
        PaymentOutcome.Succeeded replayed = approved(Operation.SPLIT, provider.split(split));
        answer.filter(PaymentOutcome::isFinal).ifPresent(first -> assertSameOutcome(first, replayed));
        assertStillHeld(payment, total - units);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFaultOnAReturnIsUnknownNeverFailedAndAReplayReturnsOnce(Fault fault) {
        requireParts(Part.SPLIT, Part.RETURN);
        requirePartialRefunds();
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), total - 10), part(platformAccount(), 10)))));
        ReturnRequest back = new ReturnRequest(newTransactionId(), payment, sellerAccount(), minorUnits(total / 4), "kit: return");
        assumeTrue(injectFault(provider, fault), "the subclass cannot inject " + fault);
        throughFault(fault, () -> provider.returnFunds(back));
        if (fault.moneyMoved()) {
            assertTrue(provider.status(back.transactionId()).isPresent(),
                    "after a " + fault + " the return was made: status must not be empty");
        }
        approved(Operation.RETURN, provider.returnFunds(back));
        assertStillHeld(payment, total / 4);
        approved(Operation.REFUND, provider.refund(new RefundRequest(newTransactionId(), payment, minorUnits(total / 4),
                "kit: refund the returned money")));
        assertStillHeld(payment, 0);
    }

    // ------------------------------------------------------------ the query

    @Test
    void theHeldFundsQueryBalancesAndAgreesWithEveryInstruction() {
        requireParts(Part.SPLIT, Part.PARTIAL_SPLIT, Part.RETURN, Part.UNFREEZE, Part.QUERY);
        requirePartialRefunds();
        TransactionId payment = held(testAmount());
        long total = minor(testAmount());
        assertEquals(Optional.empty(), provider.heldFunds(newTransactionId()), "the query about an unknown payment");
        long seller = total / 2;
        long fee = 10;
        long creator = total / 5;
        approved(Operation.SPLIT, provider.split(new SplitRequest(newTransactionId(), payment,
                List.of(part(sellerAccount(), seller), part(platformAccount(), fee), part(creatorAccount(), creator)))));
        approved(Operation.RETURN, provider.returnFunds(new ReturnRequest(newTransactionId(), payment, creatorAccount(),
                minorUnits(creator / 2), "kit: return half the creator share")));
        long refund = creator / 2 + 3;
        approved(Operation.REFUND, provider.refund(new RefundRequest(newTransactionId(), payment, minorUnits(refund),
                "kit: partial refund")));
        long rest = total - seller - fee - creator + creator / 2 - refund;
        HeldFunds before = provider.heldFunds(payment).orElseThrow();
        assertBalances(before, total, seller + fee + creator, 0, creator / 2, refund, rest, false);
        assertEquals(seller, minor(before.returnableFrom(sellerAccount()).orElseThrow()), "returnable from the seller");
        assertEquals(creator - creator / 2, minor(before.returnableFrom(creatorAccount()).orElseThrow()),
                "returnable from the creator");
        PaymentOutcome.Succeeded released = approved(Operation.UNFREEZE, provider.unfreeze(new UnfreezeRequest(
                newTransactionId(), payment, "kit: order complete")));
        assertEquals(rest, minor(released.amount()), "the unfreeze released " + released.amount());
        assertBalances(provider.heldFunds(payment).orElseThrow(), total, seller + fee + creator, rest, creator / 2, refund, 0,
                true);
    }

    // ------------------------------------------------------------ helpers for subclasses

    /**
     * An amount of {@code units} minor units in the currency of {@link #testAmount()}.
     *
     * @param units minor units
     * @return the amount
     */
    protected final MonetaryAmount minorUnits(long units) {
        return KitSupport.minorUnits(testAmount(), units);
    }

    /**
     * The amount in minor units.
     *
     * @param amount an amount with no more decimals than its currency's minor unit
     * @return minor units
     */
    protected static long minor(MonetaryAmount amount) {
        return KitSupport.minor(amount);
    }

    // ------------------------------------------------------------ the kit's own helpers

    private HoldRequest hold(TransactionId id, MonetaryAmount amount) {
        return new HoldRequest(id, amount, approvedSource(), "kit-" + id.value().hashCode(), sellerAccount());
    }

    private TransactionId held(MonetaryAmount amount) {
        TransactionId id = newTransactionId();
        approved(Operation.HOLD, provider.holdSale(hold(id, amount)));
        return id;
    }

    /** Half the hold where partial splits are declared, else all of it. */
    private long splitUnits(long total) {
        return provider.heldFundsCapabilities().supports(Part.PARTIAL_SPLIT) ? total / 2 : total;
    }

    private SplitPart part(FundsAccount account, long units) {
        return new SplitPart(account, minorUnits(units), "kit: " + account.role().name().toLowerCase(Locale.ROOT) + " share");
    }

    /**
     * Exactly {@code units} are still held: the query says so (with {@code QUERY}), a split of one
     * unit more is refused (with a split the provider accepts), and a refund of one unit more is
     * refused. Moves nothing.
     */
    private void assertStillHeld(TransactionId payment, long units) {
        if (provider.heldFundsCapabilities().supports(Part.QUERY)) {
            HeldFunds funds = provider.heldFunds(payment).orElseThrow(() -> new AssertionError("no held funds for " + payment));
            assertEquals(units, minor(funds.stillHeld()), "still held for " + payment + ": " + funds);
        }
        HeldFundsCapabilities parts = provider.heldFundsCapabilities();
        // without the query the kit cannot tell whether the hold was released: a refusal as released is then accepted
        boolean mayBeReleased = !parts.supports(Part.QUERY) || provider.heldFunds(payment).map(HeldFunds::released).orElse(false);
        if (parts.supports(Part.SPLIT) && (parts.supports(Part.PARTIAL_SPLIT) || units == 0)) {
            InvalidPaymentRequestException e = refused(() -> provider.split(new SplitRequest(newTransactionId(), payment,
                    List.of(part(platformAccount(), units + 1)))));
            assertTrue(e.problem() == Problem.EXCEEDS_HELD || (mayBeReleased && e.problem() == Problem.INVALID_STATE),
                    "a split of " + (units + 1) + " minor units, one more than should be held for " + payment + ": "
                            + e.getMessage());
        }
        InvalidPaymentRequestException refund = refused(() -> provider.refund(new RefundRequest(newTransactionId(), payment,
                minorUnits(units + 1), "kit: one unit more than held")));
        assertTrue(refund.problem() == Problem.EXCEEDS_REFUNDABLE || refund.problem() == Problem.UNSUPPORTED_OPERATION,
                "a refund of " + (units + 1) + " minor units, one more than should be held for " + payment + ": "
                        + refund.getMessage());
    }

    private void refundedInFull(TransactionId payment, long units) {
        approved(Operation.REFUND, provider.refund(new RefundRequest(newTransactionId(), payment, minorUnits(units),
                "kit: refund in full")));
        assertStillHeld(payment, 0);
    }

    private void assertBalances(HeldFunds funds, long held, long split, long unfrozen, long returned, long refunded,
                                long stillHeld, boolean released) {
        String all = funds.toString();
        assertEquals(held, minor(funds.held()), "held: " + all);
        assertEquals(split, minor(funds.splitOut()), "split out: " + all);
        assertEquals(unfrozen, minor(funds.unfrozen()), "unfrozen: " + all);
        assertEquals(returned, minor(funds.returned()), "returned: " + all);
        assertEquals(refunded, minor(funds.refunded()), "refunded: " + all);
        assertEquals(stillHeld, minor(funds.stillHeld()), "still held: " + all);
        assertEquals(released, funds.released(), "released: " + all);
    }

    private static void assertReused(Runnable call, String what) {
        KitSupport.assertReused(call, what);
    }

    private void assertRefusedWithoutRecord(Problem expected, Function<TransactionId, PaymentOutcome> call) {
        TransactionId id = newTransactionId();
        InvalidPaymentRequestException e = refused(() -> call.apply(id));
        assertEquals(expected, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), provider.status(id), "a refused instruction must leave no record");
    }

    private PaymentOutcome.Succeeded approved(Operation operation, PaymentOutcome outcome) {
        return PaymentProviderContract.approved(provider.capabilities().isSynchronous(operation), operation, outcome,
                id -> awaitFinal(provider, id));
    }

    private void approvedOrPending(Operation operation, PaymentOutcome outcome) {
        if (outcome instanceof PaymentOutcome.Pending) {
            assertFalse(provider.capabilities().isSynchronous(operation), operation + " is declared synchronous but answered "
                    + outcome);
        } else {
            approved(operation, outcome);
        }
    }

    /** The final outcome: a pending one followed up, anything else as it is. */
    private PaymentOutcome settled(PaymentOutcome outcome) {
        return outcome instanceof PaymentOutcome.Pending pending ? awaitFinal(provider, pending.transactionId()) : outcome;
    }

    private void requirePartialRefunds() {
        assumeTrue(provider.capabilities().supports(Feature.PARTIAL_REFUND), "the provider does not declare PARTIAL_REFUND");
    }

    private void requireParts(Part... parts) {
        Set<Part> missing = provider.heldFundsCapabilities().missing(List.of(parts));
        assumeTrue(missing.isEmpty(), "the provider does not declare " + missing);
    }

    private static Object answerOrRefusal(Supplier<PaymentOutcome> call) {
        try {
            return call.get();
        } catch (InvalidPaymentRequestException e) {
            return e;
        }
    }

    /**
     * Runs an instruction through an armed fault: its answer may be {@code Unknown}, a
     * {@link PaymentProviderException} (empty) or an approval; never a decline, a refusal or
     * another exception.
     */
    private static Optional<PaymentOutcome> throughFault(Fault fault, Supplier<PaymentOutcome> call) {
        return KitSupport.throughFault(fault, call, "the money may have moved");
    }

    private <T> List<T> concurrently(int calls, Function<Integer, T> call) {
        pool = Executors.newFixedThreadPool(THREADS);
        return KitSupport.concurrently(pool, calls, call);
    }
}
