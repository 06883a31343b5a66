package no.kontor.adapters.persistence.shared;

import java.sql.SQLException;
import java.util.Optional;

/** Finds the PostgreSQL error behind a wrapped exception, to translate it into a domain error. */
public final class SqlStates {
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    public static final String CHECK_VIOLATION = "23514";
    public static final String EXCLUSION_VIOLATION = "23P01";

    private SqlStates() {
    }

    public static Optional<SQLException> sqlCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** True when {@code error} was caused by {@code state} on the named constraint (or any, if null). */
    public static boolean is(Throwable error, String state, String constraint) {
        return sqlCause(error)
                .filter(sql -> state.equals(sql.getSQLState()))
                .filter(sql -> constraint == null || String.valueOf(sql.getMessage()).contains(constraint))
                .isPresent();
    }
}
