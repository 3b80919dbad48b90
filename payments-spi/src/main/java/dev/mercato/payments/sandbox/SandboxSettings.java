package dev.mercato.payments.sandbox;

import dev.mercato.payments.Capabilities;
import dev.mercato.payments.HeldFundsCapabilities;
import dev.mercato.payments.Operation;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.money.CurrencyUnit;

/**
 * How a {@link SandboxPaymentProvider} behaves: its clock, its notification secret, what it
 * supports and how old a notification may be.
 *
 * <p>Immutable. {@link #toString()} does not print the secret.
 *
 * @param clock the only source of time (settlement of pending answers, notification timestamps
 *        and replay window), never {@code null}
 * @param signingSecret the HMAC-SHA256 key shared with whoever verifies the notifications,
 *        never {@code null} or blank
 * @param capabilities what the sandbox declares and enforces, never {@code null}; an operation
 *        kind not in {@link Capabilities#synchronousOperations()} answers an approved request
 *        {@code Pending} and settles it {@code settlementDelay} later
 * @param notificationTolerance how far a notification's timestamp may be from the clock before
 *        it is rejected as {@code EXPIRED}, positive, never {@code null}
 * @param settlementDelay how long after the call an asynchronous operation settles, zero or
 *        positive, never {@code null}
 * @param heldFunds the parts of provider-held funds the sandbox declares and enforces, never {@code null}
 */
public record SandboxSettings(InstantSource clock, String signingSecret, Capabilities capabilities,
                              Duration notificationTolerance, Duration settlementDelay, HeldFundsCapabilities heldFunds) {

    /** The default replay window for notifications. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** The default delay after which an asynchronous operation settles. */
    public static final Duration DEFAULT_SETTLEMENT_DELAY = Duration.ofMinutes(10);

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws IllegalArgumentException if the secret is blank, the tolerance not positive or the
     *         settlement delay negative
     */
    public SandboxSettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(notificationTolerance, "notificationTolerance");
        Objects.requireNonNull(settlementDelay, "settlementDelay");
        Objects.requireNonNull(heldFunds, "heldFunds");
        if (signingSecret.isBlank()) {
            throw new IllegalArgumentException("signingSecret must not be blank");
        }
        if (notificationTolerance.isNegative() || notificationTolerance.isZero()) {
            throw new IllegalArgumentException("notificationTolerance must be positive (was: " + notificationTolerance + ")");
        }
        if (settlementDelay.isNegative()) {
            throw new IllegalArgumentException("settlementDelay must not be negative (was: " + settlementDelay + ")");
        }
    }

    /**
     * Settings that declare every part of provider-held funds ({@link HeldFundsCapabilities#all()}).
     *
     * @param clock the clock, never {@code null}
     * @param signingSecret the notification key, never {@code null} or blank
     * @param capabilities what the sandbox declares and enforces, never {@code null}
     * @param notificationTolerance the replay window, positive, never {@code null}
     * @param settlementDelay the delay of asynchronous operations, zero or positive, never {@code null}
     * @throws NullPointerException if a field is {@code null}
     * @throws IllegalArgumentException as the canonical constructor
     */
    public SandboxSettings(InstantSource clock, String signingSecret, Capabilities capabilities,
                           Duration notificationTolerance, Duration settlementDelay) {
        this(clock, signingSecret, capabilities, notificationTolerance, settlementDelay, HeldFundsCapabilities.all());
    }

    /**
     * Settings with every {@link Capabilities.Feature}, every part of provider-held funds, every operation synchronous and the
     * {@link #DEFAULT_TOLERANCE}.
     *
     * @param clock the clock, never {@code null}
     * @param signingSecret the notification key, never {@code null} or blank
     * @param currencies the currencies accepted, never {@code null}
     * @return the settings
     */
    public static SandboxSettings of(InstantSource clock, String signingSecret, Set<CurrencyUnit> currencies) {
        return new SandboxSettings(clock, signingSecret,
                new Capabilities(currencies, EnumSet.allOf(Capabilities.Feature.class)).allSynchronous(),
                DEFAULT_TOLERANCE, DEFAULT_SETTLEMENT_DELAY);
    }

    /**
     * The same settings with other features.
     *
     * @param features the features to declare and enforce, never {@code null}
     * @return new settings
     */
    public SandboxSettings withFeatures(Set<Capabilities.Feature> features) {
        return new SandboxSettings(clock, signingSecret, new Capabilities(capabilities.currencies(), features,
                capabilities.synchronousOperations()), notificationTolerance, settlementDelay, heldFunds);
    }

    /**
     * The same settings with some operation kinds asynchronous: an approved request of such a
     * kind answers {@code Pending} and settles {@code delay} later, as providers whose refunds
     * (or captures, voids, payouts) take a while do. The capabilities say so.
     *
     * @param operations the kinds to make asynchronous, never {@code null}
     * @param delay how long after the call they settle, zero or positive, never {@code null}
     * @return new settings
     */
    public SandboxSettings withAsynchronous(Set<Operation> operations, Duration delay) {
        Set<Operation> synchronous = EnumSet.allOf(Operation.class);
        synchronous.retainAll(capabilities.synchronousOperations());
        synchronous.removeAll(operations);
        return new SandboxSettings(clock, signingSecret, capabilities.withSynchronousOperations(synchronous),
                notificationTolerance, delay, heldFunds);
    }

    /**
     * The same settings with another replay window.
     *
     * @param tolerance positive, never {@code null}
     * @return new settings
     */
    public SandboxSettings withNotificationTolerance(Duration tolerance) {
        return new SandboxSettings(clock, signingSecret, capabilities, tolerance, settlementDelay, heldFunds);
    }

    /**
     * The same settings with other parts of provider-held funds.
     *
     * @param parts what to declare and enforce, never {@code null}
     * @return new settings
     */
    public SandboxSettings withHeldFunds(HeldFundsCapabilities parts) {
        return new SandboxSettings(clock, signingSecret, capabilities, notificationTolerance, settlementDelay, parts);
    }

    @Override
    public String toString() {
        return "SandboxSettings[clock=" + clock + ", signingSecret=***, capabilities=" + capabilities
                + ", notificationTolerance=" + notificationTolerance + ", settlementDelay=" + settlementDelay
                + ", heldFunds=" + heldFunds + "]";
    }
}
