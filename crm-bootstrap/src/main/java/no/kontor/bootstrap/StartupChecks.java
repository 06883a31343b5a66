package no.kontor.bootstrap;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import no.kontor.adapters.persistence.schema.Migrations;
import no.kontor.application.identity.port.PasswordHasher;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.invoice.InvoiceSettings;

/**
 * What must hold before Kontor serves anyone, checked as the context starts (before the
 * HTTP server listens), each failure a message that says what to do:
 * <ul>
 *   <li>the schema is migrated (the server runs as the application role and cannot
 *       migrate; {@code java -jar kontor.jar migrate} does, as the owner);</li>
 *   <li>the organisation that invoices is configured (name, organisation number, bank
 *       account): an install that forgot them must not issue binding invoices as the
 *       demo seller, whose values exist only in the demo environment ({@link #requireSeller},
 *       where the seller's settings are made, so that whichever bean needs them first stops
 *       the start with this message);</li>
 *   <li>demo users are never reachable from the network: with demo data on, or any demo
 *       login still working, the server listens on a loopback address only.</li>
 * </ul>
 */
@Context
final class StartupChecks {
    private static final Logger LOG = LoggerFactory.getLogger(StartupChecks.class);
    static final List<String> DEMO_USERNAMES = List.of("admin", "mona", "sindre");
    /** Set when this process has just migrated the schema as its owner: asking Flyway again would cost the start half a second. */
    static final String MIGRATED_AT_START = "kontor.database.migrated-at-start";

    StartupChecks(DataSource dataSource, StaffUsers users, PasswordHasher hasher,
                  @Nullable @Value("${micronaut.server.host:}") String host,
                  @Value("${kontor.demo.enabled:false}") boolean demo,
                  @Value("${" + MIGRATED_AT_START + ":false}") boolean migratedAtStart,
                  InvoiceSettings seller) {
        DataSource plain = DelegatingDataSource.unwrapDataSource(dataSource);
        if (!migratedAtStart) {
            requireMigrated(plain);
        }
        requireNoDemoOnTheNetwork(host, demo, users, hasher);
        warnAboutRoleDefaults(plain);
    }

    static void requireMigrated(DataSource dataSource) {
        List<String> pending = Migrations.pending(dataSource);
        if (!pending.isEmpty()) {
            throw new IllegalStateException("The database schema is not up to date: migration(s) " + String.join(", ", pending)
                    + " are pending. The server runs as the application role, which may not change the schema: migrate as the"
                    + " owner first (java -jar kontor.jar migrate with KONTOR_DATABASE_OWNER_USER and"
                    + " KONTOR_DATABASE_OWNER_PASSWORD, or give those two to the server's start). See README.md.");
        }
    }

    static void requireSeller(String name, String organisationNumber, String account) {
        var missing = new ArrayList<String>();
        if (name == null || name.isBlank()) {
            missing.add("KONTOR_SELLER_NAME");
        }
        if (organisationNumber == null || organisationNumber.isBlank()) {
            missing.add("KONTOR_SELLER_ORGANISATION_NUMBER");
        }
        if (account == null || account.isBlank()) {
            missing.add("KONTOR_SELLER_ACCOUNT");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kontor does not start without the organisation that invoices: set "
                    + String.join(", ", missing) + " (kontor.invoicing.seller.*). Invoices are binding documents; there is no"
                    + " default seller outside the demo. See README.md, 'Running in production'.");
        }
    }

    static void requireNoDemoOnTheNetwork(String host, boolean demo, StaffUsers users, PasswordHasher hasher) {
        if (Application.isLoopback(host)) {
            return;
        }
        String where = host == null || host.isBlank() ? "every interface" : host;
        if (demo) {
            throw new IllegalStateException("Kontor does not start with demo users on " + where + ": anyone who can reach it"
                    + " could log in as admin / " + Application.DEMO_PASSWORD + ". Listen on 127.0.0.1 (unset KONTOR_HOST),"
                    + " or turn the demo off (KONTOR_DEMO=false) and change the demo users' passwords.");
        }
        for (String username : DEMO_USERNAMES) {
            users.findByUsername(username).filter(u -> u.isActive())
                    .filter(u -> hasher.matches(Application.DEMO_PASSWORD.toCharArray(), u.getPasswordHash()))
                    .ifPresent(u -> {
                        throw new IllegalStateException("Kontor does not start on " + where + ": the user " + username
                                + " still has the demo password. Change it (or deactivate the user) while listening on"
                                + " 127.0.0.1, then open the server.");
                    });
        }
    }

    /** The timeouts are the application role's defaults; on an external database the operator sets them (README). */
    private static void warnAboutRoleDefaults(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('statement_timeout'), current_setting('lock_timeout'),"
                        + " current_setting('idle_in_transaction_session_timeout'), r.rolsuper FROM pg_roles r"
                        + " WHERE r.rolname = current_user")) {
            if (rs.next()) {
                if ("0".equals(rs.getString(1)) || "0".equals(rs.getString(2)) || "0".equals(rs.getString(3))) {
                    LOG.warn("The database role has no statement, lock or idle-in-transaction timeout: one stuck transaction"
                            + " can stall every write. Set them for the application role (README.md, 'Database roles').");
                }
                if (rs.getBoolean(4)) {
                    LOG.warn("Kontor connects to the database as a superuser: it could switch off the triggers that freeze"
                            + " issued invoices, payments and the audit log. Connect as the application role (README.md).");
                }
            }
        } catch (SQLException e) {
            LOG.warn("cannot read the database role's settings: {}", e.getMessage());
        }
    }
}
