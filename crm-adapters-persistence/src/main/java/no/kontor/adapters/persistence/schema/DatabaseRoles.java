package no.kontor.adapters.persistence.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two roles Kontor's database is used with, made and kept by a connection that may
 * manage roles (the embedded server's superuser, a test server's administrator):
 * <ul>
 *   <li>the <b>owner</b> owns the database and its schema, and runs the migrations;</li>
 *   <li>the <b>application</b> role is what the server connects as: it logs in, reads and
 *       writes what the migrations grant it, and nothing else — no DDL, no TRUNCATE, no
 *       trigger switched off, not a superuser — with timeouts as its defaults so that one
 *       stuck transaction cannot hold the audit head for long.</li>
 * </ul>
 * On an external database the operator does the same by hand; README.md says what to run.
 */
public final class DatabaseRoles {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRoles.class);

    private DatabaseRoles() {
    }

    /** The application role's defaults: how long a statement, a lock wait and an idle transaction may last. */
    public record Timeouts(Duration statement, Duration lock, Duration idleInTransaction) {
        /** A request's statement 30 s, a lock wait 10 s, a transaction left idle 60 s. */
        public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60));

        public Timeouts {
            for (Duration d : new Duration[] {statement, lock, idleInTransaction}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("a timeout is positive: " + d);
                }
            }
        }
    }

    /**
     * Creates the role with a password if it does not exist, or sets its password (a
     * changed secrets file wins); never a superuser, never able to create roles or
     * databases.
     */
    public static void ensureLoginRole(Connection admin, String role, String password) throws SQLException {
        Migrations.requireRoleName(role);
        boolean exists;
        try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement st = admin.createStatement()) {
            st.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD " + literal(password));
        }
        if (!exists) {
            LOG.info("Created the database role {}", role);
        }
    }

    /**
     * The application role's timeouts, as its defaults for every session it opens (in one
     * database only when {@code database} is given). A job that needs longer (verifying
     * the audit chain, a large import) says so with {@code SET LOCAL}.
     */
    public static void applyTimeouts(Connection admin, String appRole, String database, Timeouts timeouts) throws SQLException {
        Migrations.requireRoleName(appRole);
        String target = "ALTER ROLE " + appRole + (database == null ? "" : " IN DATABASE " + identifier(database));
        try (Statement st = admin.createStatement()) {
            st.execute(target + " SET statement_timeout = " + literal(timeouts.statement().toMillis() + "ms"));
            st.execute(target + " SET lock_timeout = " + literal(timeouts.lock().toMillis() + "ms"));
            st.execute(target + " SET idle_in_transaction_session_timeout = "
                    + literal(timeouts.idleInTransaction().toMillis() + "ms"));
        }
    }

    /**
     * Makes the database owned by the owner role if it does not exist. An existing one
     * (made before roles were split, when everything belonged to the superuser) is handed
     * over: the database, and every table, view, function and collation of its
     * {@code public} schema, then belong to the owner, so later migrations can change them.
     *
     * @param admin a connection to the server's maintenance database, as a role that may create databases
     * @return true when the database was made now
     */
    public static boolean ensureDatabase(Connection admin, String database, String owner) throws SQLException {
        Migrations.requireRoleName(owner);
        boolean exists;
        try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement st = admin.createStatement()) {
            if (!exists) {
                st.execute("CREATE DATABASE " + identifier(database) + " OWNER " + owner);
                LOG.info("Created database {} owned by {}", database, owner);
            } else {
                st.execute("ALTER DATABASE " + identifier(database) + " OWNER TO " + owner);
            }
        }
        return !exists;
    }

    /**
     * Hands the objects of the {@code public} schema that another role owns (a database
     * migrated before the roles were split) to the owner; extension members stay where
     * they are. Idempotent.
     */
    public static void adoptSchema(Connection superuserInDatabase, String owner) throws SQLException {
        Migrations.requireRoleName(owner);
        try (Statement st = superuserInDatabase.createStatement()) {
            st.execute("""
                    DO $adopt$
                    DECLARE
                        r record;
                    BEGIN
                        FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                                   AND c.relowner <> '%1$s'::regrole
                                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') LOOP
                            EXECUTE format('ALTER %%s public.%%I OWNER TO %1$s',
                                CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname);
                        END LOOP;
                        FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                 WHERE n.nspname = 'public' AND p.proowner <> '%1$s'::regrole
                                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
                            EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', r.fn);
                        END LOOP;
                        FOR r IN SELECT c.collname FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
                                 WHERE n.nspname = 'public' AND c.collowner <> '%1$s'::regrole LOOP
                            EXECUTE format('ALTER COLLATION public.%%I OWNER TO %1$s', r.collname);
                        END LOOP;
                    END
                    $adopt$""".formatted(owner));
        }
    }

    static String literal(String value) {
        if (value == null || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a usable SQL text");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    static String identifier(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a usable name: " + name);
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
