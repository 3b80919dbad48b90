package dev.mercato.core.event;

/**
 * Receives domain events after a successful commit. A host plugs in its message bus or
 * listeners here. Events arrive in the order they were recorded within one unit of work.
 *
 * <p>An implementation must be thread-safe: several commits may publish at once. An exception
 * thrown by {@link #publish} is logged by the caller and does not undo the commit.
 */
@FunctionalInterface
public interface EventPublisher {
    /**
     * Delivers one committed event.
     *
     * @param event the event, never {@code null}
     */
    void publish(DomainEvent event);

    /**
     * A publisher that drops every event: the default when the host listens to nothing.
     *
     * @return a stateless no-op publisher
     */
    static EventPublisher none() {
        return event -> { };
    }

    /**
     * A publisher that hands each event to several publishers in order; one failing does not stop
     * the others (its exception is rethrown after all were called, with the others suppressed).
     *
     * @param publishers the publishers, e.g. the host's bus and the escrow service's listener
     * @return the combined publisher
     */
    static EventPublisher fanOut(java.util.List<EventPublisher> publishers) {
        java.util.List<EventPublisher> all = java.util.List.copyOf(publishers);
        return event -> {
            RuntimeException first = null;
            for (EventPublisher publisher : all) {
                try {
                    publisher.publish(event);
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        };
    }
}
