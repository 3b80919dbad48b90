package dev.mercato.core.actor;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * Who issues a command. Every command carries an actor and is refused, with nothing changed,
 * when that actor may not do it: a seller cannot confirm a buyer's receipt or release another
 * seller's funds.
 */
public sealed interface Actor {

    /**
     * A buyer, identified by the host application's id.
     *
     * @param buyerId the buyer's id, not blank
     */
    record Buyer(String buyerId) implements Actor {
        /** Validates the id. */
        public Buyer {
            requireId(buyerId, "buyerId");
        }
    }

    /**
     * A seller (shop), identified by the host application's id.
     *
     * @param sellerId the seller's id, not blank
     */
    record Seller(String sellerId) implements Actor {
        /** Validates the id. */
        public Seller {
            requireId(sellerId, "sellerId");
        }
    }

    /**
     * A person operating the platform: customer service, arbitration, finance.
     *
     * @param operatorId the operator's id, not blank
     */
    record PlatformOperator(String operatorId) implements Actor {
        /** Validates the id. */
        public PlatformOperator {
            requireId(operatorId, "operatorId");
        }
    }

    /**
     * Mercato itself, acting on a timer: unpaid close, auto-confirm, payout cycle.
     *
     * @param process the name of the process that acts, not blank
     */
    record System(String process) implements Actor {
        /** Validates the name. */
        public System {
            requireId(process, "process");
        }
    }

    private static void requireId(String id, String field) {
        InvalidInputException.requireNonNull(id, field);
        if (id.isBlank()) {
            throw new InvalidInputException(field, "\"" + id + "\"", "must not be blank");
        }
    }
}
