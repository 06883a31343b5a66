package no.kontor.adapters.persistence.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Kontor's schema: the Flyway migrations in {@code db/migration}, run as the schema's
 * owner. The migrations grant the application's role (the placeholder
 * {@code appRole}) only the statements it needs, so the role the server runs as can
 * neither change the schema nor switch off the triggers that freeze issued documents,
 * payments and the audit log. See {@code docs/decisions/database-roles.md}.
 */
public final class Migrations {
    /** The application role's name when nothing else is said. */
    public static final String DEFAULT_APP_ROLE = "kontor_app";
    /** The owner role's name when nothing else is said. */
    public static final String DEFAULT_OWNER_ROLE = "kontor_owner";
    static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /**
     * Migrates the database as its owner and returns how many migrations were applied.
     *
     * @param appRole the role the application connects as; it must exist (the grants name it)
     */
    public static int migrate(String url, String ownerUser, String ownerPassword, String appRole) {
        requireRoleName(appRole);
        return configure(url, ownerUser, ownerPassword, appRole).load().migrate().migrationsExecuted;
    }

    /**
     * The versions not yet applied, as the given (any) user sees them: the server's
     * start-up check when it runs as the application role, which may read Flyway's
     * history but not migrate.
     */
    public static List<String> pending(DataSource dataSource) {
        MigrationInfo[] pending = Flyway.configure().dataSource(dataSource).locations(LOCATION)
                .placeholders(Map.of("appRole", DEFAULT_APP_ROLE)).load().info().pending();
        return Arrays.stream(pending).filter(m -> m.getState() == MigrationState.PENDING)
                .map(m -> m.getVersion() == null ? m.getDescription() : m.getVersion().getVersion()).toList();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(String url, String user, String password,
            String appRole) {
        return Flyway.configure().dataSource(url, user, password).locations(LOCATION)
                .placeholders(Map.of("appRole", appRole)).placeholderReplacement(true);
    }

    /** Role names go into SQL as identifiers: lower-case letters, digits and underscores only. */
    public static String requireRoleName(String name) {
        if (name == null || !name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("a role name is lower-case letters, digits and underscores (at most 63): " + name);
        }
        return name;
    }
}
