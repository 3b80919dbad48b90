package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/**
 * The actor of a command may not do it (another buyer's cart, a seller acting on another seller's
 * order, a buyer approving their own return). Nothing was changed.
 */
public final class NotPermittedException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String actor;
    private final String action;
    private final String target;

    /**
     * Creates the exception.
     *
     * @param actor the actor
     * @param action what it tried, e.g. {@code "ship"}
     * @param target what it tried it on, e.g. {@code "order o-1"}
     */
    public NotPermittedException(Actor actor, String action, String target) {
        super(actor + " may not " + action + " " + target);
        this.actor = actor.toString();
        this.action = action;
        this.target = target;
    }

    /**
     * The actor, as text.
     *
     * @return e.g. {@code Seller[sellerId=s-2]}
     */
    public String actor() {
        return actor;
    }

    /**
     * The action refused.
     *
     * @return e.g. {@code "ship"}
     */
    public String action() {
        return action;
    }

    /**
     * The target of the action.
     *
     * @return e.g. {@code "order o-1"}
     */
    public String target() {
        return target;
    }
}
