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
        recite(url, ownerUser, ownerPassword);
        return configure(url, ownerUser, ownerPassword, appRole).load().migrate().migrationsExecuted;
    }

    /**
     * V4, V5 and V6 once named, in five comments, hand-over documents that were never part of the
     * repository; those comments now cite the project's own docs (docs/decisions/migrations.md). Only
     * comments changed, so a database that applied them as they were is told their new checksums —
     * version by version, and only where its checksum is exactly the old one: any other difference
     * still stops the migration, as Flyway's validation should.
     */
    static final Map<String, int[]> RECITED = Map.of(
            "4", new int[] {-1904434161, 1751711722},
            "5", new int[] {-533673741, -734872324},
            "6", new int[] {-1937764140, 1998678247});

    private static void recite(String url, String user, String password) {
        try (var c = java.sql.DriverManager.getConnection(url, user, password); var st = c.createStatement();
             var rs = st.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return; // a database Flyway has not touched yet
            }
            try (var ps = c.prepareStatement("UPDATE flyway_schema_history SET checksum = ? WHERE version = ? AND checksum = ?")) {
                for (var e : RECITED.entrySet()) {
                    ps.setInt(1, e.getValue()[1]);
                    ps.setString(2, e.getKey());
                    ps.setInt(3, e.getValue()[0]);
                    ps.executeUpdate();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read the migration history of " + url + ": " + e.getMessage(), e);
        }
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
