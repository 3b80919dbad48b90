package dev.mercato.storage.postgres;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;
import java.sql.SQLException;

/**
 * The database failed a statement for a reason other than a lost race: unreachable, out of
 * connections, a missing migration, a refused write. Nothing of the unit of work was committed,
 * unless the failure came from the commit itself, in which case the outcome is unknown and the
 * caller's idempotency keys make a retry safe.
 */
public final class PostgresStorageException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Wraps a driver exception.
     *
     * @param action what was being done, e.g. {@code "commit"}
     * @param cause the driver's exception
     */
    public PostgresStorageException(String action, SQLException cause) {
        super("PostgreSQL storage failed to " + action + ": " + cause.getMessage() + " (SQLSTATE "
                + cause.getSQLState() + ")", cause);
        this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
    }

    /**
     * The SQLSTATE code of the failure.
     *
     * @return e.g. {@code "08006"}; empty if the driver gave none
     */
    public String sqlState() {
        return sqlState;
    }
}
