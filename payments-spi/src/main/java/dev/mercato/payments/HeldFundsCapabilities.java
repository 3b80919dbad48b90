package dev.mercato.payments;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which parts of provider-held funds a {@link HeldFundsProvider} supports. A host checks them
 * once, when it is built, with {@link #requireSupports(String, Collection)}: a flow that needs a
 * missing part is refused then, not at the first sale. A request for a part not declared is
 * refused by the provider with {@code UNSUPPORTED_OPERATION} and moves nothing.
 *
 * <p>Immutable. Implementers return the same value on every call.
 *
 * @param parts the parts supported, never {@code null}; {@link Part#SPLIT}, {@link Part#UNFREEZE}
 *        and {@link Part#RETURN} need {@link Part#HOLD}, {@link Part#PARTIAL_SPLIT} needs
 *        {@link Part#SPLIT}
 * @param maxPartsPerSplit the most parts the provider accepts in one split, 1 to
 *        {@link SplitRequest#MAX_PARTS}
 */
public record HeldFundsCapabilities(Set<Part> parts, int maxPartsPerSplit) {

    /** One part of the provider-held funds model. */
    public enum Part {
        /** {@link HeldFundsProvider#holdSale}: take a payment and keep its funds frozen for later splits. */
        HOLD,
        /** {@link HeldFundsProvider#split}: send the held funds to accounts, all of them in one split. */
        SPLIT,
        /** Splits that leave some of the funds held, and several splits per payment. */
        PARTIAL_SPLIT,
        /** {@link HeldFundsProvider#unfreeze}: release what is still held to the settlement account. */
        UNFREEZE,
        /** {@link HeldFundsProvider#returnFunds}: take money back from an account the payment paid, to refund it. */
        RETURN,
        /** {@link HeldFundsProvider#heldFunds}: what is held for a payment and where the rest went. */
        QUERY
    }

    /**
     * Copies and validates the parts.
     *
     * @throws NullPointerException if the set or an element is {@code null}
     * @throws IllegalArgumentException if a part lacks the part it needs, or the bound is outside
     *         1 to {@link SplitRequest#MAX_PARTS}
     */
    public HeldFundsCapabilities {
        parts = Set.copyOf(parts);
        for (Part part : EnumSet.of(Part.SPLIT, Part.UNFREEZE, Part.RETURN)) {
            if (parts.contains(part) && !parts.contains(Part.HOLD)) {
                throw new IllegalArgumentException(part + " needs " + Part.HOLD + " (declared: " + parts + ")");
            }
        }
        if (parts.contains(Part.PARTIAL_SPLIT) && !parts.contains(Part.SPLIT)) {
            throw new IllegalArgumentException(Part.PARTIAL_SPLIT + " needs " + Part.SPLIT + " (declared: " + parts + ")");
        }
        if (maxPartsPerSplit < 1 || maxPartsPerSplit > SplitRequest.MAX_PARTS) {
            throw new IllegalArgumentException("maxPartsPerSplit must be 1 to " + SplitRequest.MAX_PARTS
                    + " (was: " + maxPartsPerSplit + ")");
        }
    }

    /**
     * No part supported: what a provider that is not a {@link HeldFundsProvider} offers.
     *
     * @return the capabilities
     */
    public static HeldFundsCapabilities none() {
        return new HeldFundsCapabilities(Set.of(), 1);
    }

    /**
     * Every part, with up to {@link SplitRequest#MAX_PARTS} parts per split.
     *
     * @return the capabilities
     */
    public static HeldFundsCapabilities all() {
        return new HeldFundsCapabilities(EnumSet.allOf(Part.class), SplitRequest.MAX_PARTS);
    }

    /**
     * What a payment provider supports of provider-held funds.
     *
     * @param provider a provider, never {@code null}
     * @return its {@link HeldFundsProvider#heldFundsCapabilities()}, or {@link #none()} if it is
     *         not a {@link HeldFundsProvider}
     */
    public static HeldFundsCapabilities of(PaymentProvider provider) {
        Objects.requireNonNull(provider, "provider");
        return provider instanceof HeldFundsProvider held ? held.heldFundsCapabilities() : none();
    }

    /**
     * Whether a part is supported.
     *
     * @param part a part, never {@code null}
     * @return true if declared
     */
    public boolean supports(Part part) {
        return parts.contains(Objects.requireNonNull(part, "part"));
    }

    /**
     * The parts of {@code needed} that are not supported.
     *
     * @param needed the parts a flow needs, never {@code null}
     * @return the missing ones, never {@code null}, empty if all are supported
     */
    public Set<Part> missing(Collection<Part> needed) {
        Set<Part> missing = EnumSet.noneOf(Part.class);
        for (Part part : Objects.requireNonNull(needed, "needed")) {
            if (!supports(part)) {
                missing.add(part);
            }
        }
        return Set.copyOf(missing);
    }

    /**
     * Refuses a flow that needs parts this provider lacks; call it when the host is built.
     *
     * @param flow what needs the parts, for the message (e.g. "provider-held funds with line refunds"),
     *        never {@code null}
     * @param needed the parts the flow needs, never {@code null}
     * @throws UnsupportedCapabilityException naming the flow and every missing part
     */
    public void requireSupports(String flow, Collection<Part> needed) {
        Objects.requireNonNull(flow, "flow");
        Set<Part> missing = missing(needed);
        if (!missing.isEmpty()) {
            throw new UnsupportedCapabilityException(flow, missing);
        }
    }

    /**
     * Refuses a flow that needs parts this provider lacks.
     *
     * @param flow what needs the parts, for the message, never {@code null}
     * @param needed the parts the flow needs, never {@code null}
     * @throws UnsupportedCapabilityException naming the flow and every missing part
     */
    public void requireSupports(String flow, Part... needed) {
        requireSupports(flow, Arrays.asList(needed));
    }
}
