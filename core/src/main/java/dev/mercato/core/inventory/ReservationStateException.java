package dev.mercato.core.inventory;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/** A reservation was asked to move in a way its status forbids: commit after release, or release after commit. */
public final class ReservationStateException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String reservationId;
    private final Reservation.Status status;

    /**
     * Creates the exception.
     *
     * @param id the reservation
     * @param status its current status
     * @param attempted what was attempted, e.g. {@code "commit"}
     */
    public ReservationStateException(ReservationId id, Reservation.Status status, String attempted) {
        super("cannot " + attempted + " reservation " + id + ": it is " + status);
        this.reservationId = id.value();
        this.status = status;
    }

    /**
     * The reservation id.
     *
     * @return the id
     */
    public String reservationId() {
        return reservationId;
    }

    /**
     * The status that forbade the move.
     *
     * @return the status
     */
    public Reservation.Status status() {
        return status;
    }
}
