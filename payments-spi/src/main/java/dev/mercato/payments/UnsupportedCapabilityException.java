package dev.mercato.payments;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A host was configured with a flow its payment provider cannot perform: the provider does not
 * declare a part of provider-held funds the flow needs (see
 * {@link HeldFundsCapabilities#requireSupports(String, java.util.Collection)}). Thrown when the
 * host is built, before any money moves; the fix is another provider, or a flow that does not
 * need the part (e.g. the platform-held funds model).
 */
public class UnsupportedCapabilityException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String flow;
    private final EnumSet<HeldFundsCapabilities.Part> missing;

    /**
     * Creates the exception.
     *
     * @param flow what needs the parts, never {@code null}
     * @param missing the parts the provider lacks, never {@code null} or empty
     */
    public UnsupportedCapabilityException(String flow, Set<HeldFundsCapabilities.Part> missing) {
        super("the payment provider does not support " + sorted(missing) + ", which " + Objects.requireNonNull(flow, "flow")
                + " needs; use a provider that declares them in heldFundsCapabilities(), or a flow without them");
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("no part is missing");
        }
        this.flow = flow;
        this.missing = EnumSet.copyOf(missing);
    }

    private static Set<HeldFundsCapabilities.Part> sorted(Set<HeldFundsCapabilities.Part> parts) {
        return parts.isEmpty() ? Set.of() : EnumSet.copyOf(Objects.requireNonNull(parts, "missing"));
    }

    /**
     * What needed the parts.
     *
     * @return the flow, never {@code null}
     */
    public String flow() {
        return flow;
    }

    /**
     * The parts the provider lacks.
     *
     * @return the parts, never {@code null} or empty
     */
    public Set<HeldFundsCapabilities.Part> missing() {
        return Collections.unmodifiableSet(EnumSet.copyOf(missing));
    }
}
