package dev.mercato.payments.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProviderException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.money.MonetaryAmount;

/** What the payment kits ({@link PaymentProviderContract}, {@link HeldFundsContract}) share. */
final class KitSupport {
    private KitSupport() {}

    /** {@code units} minor units in the currency (and amount type) of {@code template}. */
    static MonetaryAmount minorUnits(MonetaryAmount template, long units) {
        int digits = Math.max(template.getCurrency().getDefaultFractionDigits(), 0);
        return template.getFactory().setNumber(BigDecimal.valueOf(units, digits)).create();
    }

    /** The amount in minor units; an amount finer than its currency's minor unit fails. */
    static long minor(MonetaryAmount amount) {
        int digits = Math.max(amount.getCurrency().getDefaultFractionDigits(), 0);
        return amount.getNumber().numberValue(BigDecimal.class).movePointRight(digits).longValueExact();
    }

    /** The call is refused because its transaction id was used with other content. */
    static void assertReused(Runnable call, String what) {
        InvalidPaymentRequestException e = PaymentProviderContract.refused(call);
        assertEquals(Problem.TRANSACTION_ID_REUSED, e.problem(), "the same id with " + what + ": " + e.getMessage());
    }

    /**
     * Runs a call through an armed fault: its answer may be {@code Unknown}, a
     * {@link PaymentProviderException} (empty) or an approval; never a decline, a refusal or
     * another exception. {@code whyNotARefusal} says, in the failure, why a refusal is wrong here.
     */
    static Optional<PaymentOutcome> throughFault(Fault fault, Supplier<PaymentOutcome> call, String whyNotARefusal) {
        PaymentOutcome outcome;
        try {
            outcome = call.get();
        } catch (PaymentProviderException expected) {
            return Optional.empty();
        } catch (InvalidPaymentRequestException e) {
            throw new AssertionError("a " + fault + " was reported as a refusal (" + e.getMessage() + "); "
                    + whyNotARefusal + ": it must be Unknown or a PaymentProviderException", e);
        } catch (RuntimeException e) {
            throw new AssertionError("a " + fault + " leaked " + e + "; wrap it in a PaymentProviderException", e);
        }
        assertFalse(outcome instanceof PaymentOutcome.Declined, () -> "a " + fault + " was reported as " + outcome
                + "; a timeout or server error is Unknown, never Declined");
        return Optional.of(outcome);
    }

    /** Runs {@code calls} calls on the pool, released together, and waits for all (30 s at most). */
    static <T> List<T> concurrently(ExecutorService pool, int calls, Function<Integer, T> call) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                start.await();
                return call.apply(index);
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a concurrent call failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("concurrent calls did not finish: " + e, e);
        }
        return results;
    }
}
