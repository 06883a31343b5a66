package no.kontor.bootstrap;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import no.kontor.embedded.postgres.EmbeddedPostgres;
import no.kontor.adapters.persistence.schema.DatabaseRoles;
import no.kontor.adapters.persistence.schema.Migrations;

/**
 * The embedded default: Kontor's own PostgreSQL under the data directory, with the
 * roles a production install has — the owner migrates, the server connects as the
 * application role — and every password from the private secrets file. One process
 * holds all three passwords here (the superuser's, the owner's and the application
 * role's); the split still keeps the server's own connections from switching off the
 * triggers that freeze the books.
 */
public final class EmbeddedDefault {
    public static final String DATABASE = "kontor";

    private EmbeddedDefault() {
    }

    /** Starts the server, prepares roles, database and schema, and returns the application's datasource properties. */
    public static Map<String, Object> start(Path base, EmbeddedSecrets secrets, DatabaseRoles.Timeouts timeouts) {
        return start(base, secrets, timeouts, DATABASE);
    }

    /** The same for a database of another name (benchmarks make one per run). */
    public static Map<String, Object> start(Path base, EmbeddedSecrets secrets, DatabaseRoles.Timeouts timeouts, String database) {
        return startServer(base, secrets, timeouts, database).properties();
    }

    /** The running server and the application's datasource properties. */
    public record Started(EmbeddedPostgres postgres, Map<String, Object> properties) {
    }

    /** {@link #start}, keeping the server's handle (tests stop it themselves). */
    public static Started startServer(Path base, EmbeddedSecrets secrets, DatabaseRoles.Timeouts timeouts, String database) {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(base,
                EmbeddedPostgres.Options.durable().withSuperuserPassword(secrets.get(EmbeddedSecrets.SUPERUSER_PASSWORD)));
        postgres.registerShutdownHook();
        String owner = Migrations.DEFAULT_OWNER_ROLE;
        String app = Migrations.DEFAULT_APP_ROLE;
        String url = postgres.jdbcUrl(database);
        try {
            try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password())) {
                DatabaseRoles.ensureLoginRole(admin, owner, secrets.get(EmbeddedSecrets.OWNER_PASSWORD));
                DatabaseRoles.ensureLoginRole(admin, app, secrets.get(EmbeddedSecrets.APP_PASSWORD));
                DatabaseRoles.applyTimeouts(admin, app, null, timeouts);
                DatabaseRoles.ensureDatabase(admin, database, owner);
            }
            try (Connection inDatabase = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
                DatabaseRoles.adoptSchema(inDatabase, owner);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the embedded database's roles: " + e.getMessage(), e);
        }
        Migrations.migrate(url, owner, secrets.get(EmbeddedSecrets.OWNER_PASSWORD), app);
        var properties = new HashMap<String, Object>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", app);
        properties.put("datasources.default.password", secrets.get(EmbeddedSecrets.APP_PASSWORD));
        return new Started(postgres, properties);
    }
}
