package dev.mercato.storage.postgres;

import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.pricing.money.MoneyOverflowException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Statement helpers and the mapping of SQLSTATEs to Mercato's exceptions. */
final class Sql {
    static final String UNIQUE_VIOLATION = "23505";
    static final String SERIALIZATION_FAILURE = "40001";
    static final String DEADLOCK = "40P01";
    static final String NUMERIC_OVERFLOW = "22003";

    private Sql() {}

    /** A lost race (unique key taken, serialization failure, deadlock), else a storage failure. */
    static RuntimeException translate(String action, SQLException e) {
        String state = e.getSQLState();
        if (UNIQUE_VIOLATION.equals(state) || SERIALIZATION_FAILURE.equals(state) || DEADLOCK.equals(state)) {
            ConcurrencyConflictException conflict = new ConcurrencyConflictException("database", action,
                    ConcurrencyConflictException.ABSENT, ConcurrencyConflictException.ABSENT);
            conflict.initCause(e);
            return conflict;
        }
        if (NUMERIC_OVERFLOW.equals(state)) {
            return new MoneyOverflowException(action, e);
        }
        return new PostgresStorageException(action, e);
    }

    static void setInstant(PreparedStatement statement, int secondIndex, Instant at) throws SQLException {
        statement.setLong(secondIndex, at.getEpochSecond());
        statement.setInt(secondIndex + 1, at.getNano());
    }

    static Instant instant(ResultSet rows, String secondColumn, String nanoColumn) throws SQLException {
        return Instant.ofEpochSecond(rows.getLong(secondColumn), rows.getInt(nanoColumn));
    }
}
