package dev.mercato.pricing.revenue;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/**
 * A refund asks for more than is left to refund on a line (or for a negative amount). The caller
 * (the escrow) must check the refundable amount first; nothing was changed.
 */
public final class ExcessiveRefundException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String lineId;
    private final String requested;
    private final String refundable;

    /**
     * Creates the exception.
     *
     * @param lineId the order and line, e.g. {@code o-1/l-2}
     * @param requested the refund asked for, as text
     * @param refundable what is left to refund, as text
     */
    public ExcessiveRefundException(String lineId, String requested, String refundable) {
        super("refund of " + requested + " on line " + lineId + " is negative or exceeds the " + refundable
                + " left to refund");
        this.lineId = lineId;
        this.requested = requested;
        this.refundable = refundable;
    }

    /**
     * The line.
     *
     * @return {@code orderId/lineId}
     */
    public String lineId() {
        return lineId;
    }

    /**
     * The refund asked for.
     *
     * @return the amount as text
     */
    public String requested() {
        return requested;
    }

    /**
     * What was left to refund.
     *
     * @return the amount as text
     */
    public String refundable() {
        return refundable;
    }
}
