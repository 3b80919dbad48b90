package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.InvalidLogisticsInputException;
import java.time.Duration;

/**
 * A misbehaviour the sandbox carrier plays for one shipment, scripted with
 * {@link SandboxCarrier#script} before the shipment is created. Faults combine: a delayed
 * parcel may also have its notifications duplicated.
 */
public sealed interface SandboxFault {

    /**
     * The parcel is lost after leaving the origin hub: no delivery, and an exception event
     * one day after the planned delivery.
     */
    record LostParcel() implements SandboxFault {}

    /**
     * Everything after pickup happens later by a fixed duration, so the promise may break.
     *
     * @param by how much later, positive
     */
    record Delay(Duration by) implements SandboxFault {

        /**
         * Validates the duration.
         *
         * @throws InvalidLogisticsInputException if it is {@code null}, zero or negative
         */
        public Delay {
            InvalidLogisticsInputException.requireNonNull(by, "by");
            if (by.isZero() || by.isNegative()) {
                throw new InvalidLogisticsInputException("by", by, "must be positive");
            }
        }
    }

    /** Every notification of the parcel is pushed twice. */
    record DuplicateNotifications() implements SandboxFault {}

    /**
     * Notifications are pushed in swapped pairs: the second event of each pair before the
     * first (each pair is held back until both events happened).
     */
    record OutOfOrderNotifications() implements SandboxFault {}

    /**
     * Delivery fails: an exception event at the planned delivery, then the parcel goes back
     * to the sender two days later.
     */
    record Undeliverable() implements SandboxFault {}

    /**
     * A lost parcel.
     *
     * @return the fault
     */
    static SandboxFault lostParcel() {
        return new LostParcel();
    }

    /**
     * A delay.
     *
     * @param by how much later, positive
     * @return the fault
     */
    static SandboxFault delay(Duration by) {
        return new Delay(by);
    }

    /**
     * Duplicated notifications.
     *
     * @return the fault
     */
    static SandboxFault duplicateNotifications() {
        return new DuplicateNotifications();
    }

    /**
     * Out-of-order notifications.
     *
     * @return the fault
     */
    static SandboxFault outOfOrderNotifications() {
        return new OutOfOrderNotifications();
    }

    /**
     * A failed delivery and a return to sender.
     *
     * @return the fault
     */
    static SandboxFault undeliverable() {
        return new Undeliverable();
    }
}
