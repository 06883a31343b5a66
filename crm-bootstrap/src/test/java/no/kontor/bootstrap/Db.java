package no.kontor.bootstrap;

import java.sql.SQLException;

import javax.sql.DataSource;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

/**
 * Plain SQL for tests that look behind the API: the injected DataSource is bound
 * to Micronaut's transactions, so tests use the pool underneath it.
 */
public final class Db {
    private Db() {
    }

    public static long count(DataSource dataSource, String sql, Object... params) {
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            return count(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row, a number, on a connection the caller holds. */
    public static long count(java.sql.Connection c, String sql, Object... params) {
        try (var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static String text(DataSource dataSource, String sql, Object... params) {
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
