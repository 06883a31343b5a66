package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.schema.DatabaseRoles;
import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;

/** What a configured (production-like) start does and does not do, and what it refuses. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupTest implements UsesTestDatabase {
    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;

    @Test
    void aConfiguredDatabaseGetsTheConfiguredAdminAndNoDemoData() {
        assertThat(context.containsBean(DemoData.class)).isFalse();
        assertThat(Db.count(dataSource, "SELECT count(*) FROM staff_user")).isEqualTo(1);
        assertThat(Db.text(dataSource, "SELECT username || ':' || role FROM staff_user")).isEqualTo("admin:ADMIN");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM company")).isZero();
    }

    @Test
    void theServerListensOnTheLoopbackAddressUnlessToldOtherwise() {
        assertThat(context.getProperty("micronaut.server.host", String.class)).hasValue("127.0.0.1");
        assertThat(Application.isLoopback("127.0.0.1")).isTrue();
        assertThat(Application.isLoopback("localhost")).isTrue();
        assertThat(Application.isLoopback("::1")).isTrue();
        assertThat(Application.isLoopback("0.0.0.0")).isFalse();
        assertThat(Application.isLoopback("")).as("empty: every interface").isFalse();
    }

    @Test
    void theServerConnectsAsTheApplicationRoleNotAsASuperuser() {
        assertThat(Db.text(dataSource, "SELECT current_user")).isEqualTo(TestPostgres.username());
        assertThat(Db.text(dataSource, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
    }

    @Test
    void withoutTheSellerTheServerDoesNotStart() {
        for (String missing : new String[] {"name", "organisation-number", "account"}) {
            var properties = database("StartupNoSeller");
            properties.put("kontor.invoicing.seller." + missing, "");
            assertThatThrownBy(() -> ApplicationContext.run(properties, "test").close()).as(missing)
                    .hasStackTraceContaining("Kontor does not start without the organisation that invoices")
                    .hasStackTraceContaining("KONTOR_SELLER_" + missing.toUpperCase().replace('-', '_'));
        }
    }

    @Test
    void demoUsersAreNeverOnTheNetwork() {
        var withDemo = database("StartupDemoOnNetwork");
        withDemo.put("micronaut.server.host", "0.0.0.0");
        withDemo.put("kontor.demo.enabled", "true");
        assertThatThrownBy(() -> ApplicationContext.run(withDemo, "test").close())
                .hasStackTraceContaining("does not start with demo users on 0.0.0.0");

        // the demo turned off, but a demo login still works: still refused
        var demoPassword = database("StartupDemoPasswordOnNetwork");
        demoPassword.put("kontor.admin.password", Application.DEMO_PASSWORD);
        ApplicationContext.run(demoPassword, "test").close(); // on loopback: the admin is made, with the demo password
        demoPassword.put("micronaut.server.host", "0.0.0.0");
        assertThatThrownBy(() -> ApplicationContext.run(demoPassword, "test").close())
                .hasStackTraceContaining("the user admin still has the demo password");
    }

    @Test
    void aDatabaseWithPendingMigrationsIsRefusedByTheApplicationRole() throws Exception {
        String name = "startup_unmigrated_" + System.nanoTime();
        try (var admin = TestPostgres.connectAsAdmin(TestPostgres.maintenanceUrl()); var st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name + " OWNER " + TestPostgres.ownerUsername());
        }
        var properties = database("unused");
        properties.put("datasources.default.url", TestPostgres.maintenanceUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1"));
        assertThatThrownBy(() -> ApplicationContext.run(properties, "test").close())
                .hasStackTraceContaining("The database schema is not up to date")
                .hasStackTraceContaining("java -jar kontor.jar migrate");
    }

    @Test
    void theEmbeddedDefaultsSecretsAreGeneratedOncePrivateAndKept(@TempDir Path dir) throws Exception {
        var first = EmbeddedSecrets.load(dir);
        var second = EmbeddedSecrets.load(dir);
        assertThat(first.applicationProperties()).containsKeys("kontor.audit.key", "kontor.security.jwt-secret",
                "kontor.invoicing.pin-key").isEqualTo(second.applicationProperties());
        assertThat(first.applicationProperties()).doesNotContainKeys(EmbeddedSecrets.SUPERUSER_PASSWORD,
                EmbeddedSecrets.OWNER_PASSWORD, EmbeddedSecrets.APP_PASSWORD);
        assertThat(first.get(EmbeddedSecrets.APP_PASSWORD)).hasSizeGreaterThanOrEqualTo(32)
                .isEqualTo(second.get(EmbeddedSecrets.APP_PASSWORD)).isNotEqualTo(first.get(EmbeddedSecrets.OWNER_PASSWORD));
        assertThat(first.applicationProperties().get("kontor.audit.key").toString()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(dir.resolve("secrets.properties")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(EmbeddedSecrets.load(dir.resolve("other/kontor")).applicationProperties().get("kontor.audit.key"))
                .as("each installation its own, its directory made on the first start")
                .isNotEqualTo(first.applicationProperties().get("kontor.audit.key"));
        assertThat(dir.resolve("other/kontor/secrets.properties")).isRegularFile();
    }

    @Test
    void aSecretsFileOthersCanReadStopsTheStartEveryTime(@TempDir Path dir) throws Exception {
        EmbeddedSecrets.load(dir);
        Path file = dir.resolve("secrets.properties");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> EmbeddedSecrets.load(dir)).hasMessageContaining("chmod 600").hasMessageContaining(file.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        assertThatThrownBy(() -> EmbeddedSecrets.load(dir)).hasMessageContaining("readable by nobody else");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(EmbeddedSecrets.load(dir).get(EmbeddedSecrets.APP_PASSWORD)).isNotBlank();
    }

    @Test
    void theEmbeddedDefaultRunsWithPasswordsAndConnectsTheServerAsTheApplicationRole(@TempDir Path temp) throws Exception {
        Path base = Files.createDirectory(temp.resolve("kontor"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        var secrets = EmbeddedSecrets.load(base);
        var datasource = EmbeddedDefault.start(base, secrets, DatabaseRoles.Timeouts.DEFAULTS);
        String url = (String) datasource.get("datasources.default.url");
        try (var c = DriverManager.getConnection(url, (String) datasource.get("datasources.default.username"),
                (String) datasource.get("datasources.default.password")); var st = c.createStatement();
                var rs = st.executeQuery("SELECT current_user, r.rolsuper, current_setting('statement_timeout'),"
                        + " (SELECT count(*) FROM flyway_schema_history WHERE success), has_table_privilege('payment', 'UPDATE')"
                        + " FROM pg_roles r WHERE r.rolname = current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("kontor_app");
            assertThat(rs.getBoolean(2)).as("superuser").isFalse();
            assertThat(rs.getString(3)).isEqualTo("30s");
            assertThat(rs.getLong(4)).as("migrated").isGreaterThanOrEqualTo(9);
            assertThat(rs.getBoolean(5)).as("payments cannot be rewritten").isFalse();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).as("nobody is trusted")
                .hasMessageContaining("password");
        assertThat(Files.readString(base.resolve("data/pg_hba.conf"))).doesNotContainPattern("(?m)^\\s*(local|host).*\\btrust\\s*$");
    }

    /** A fresh database (as the application role) and this module's test configuration. */
    private Map<String, Object> database(String hint) {
        var properties = new HashMap<String, Object>(UsesTestDatabase.super.getProperties());
        properties.put("datasources.default.url", TestPostgres.newDatabase(hint)); // named for the case, not the class
        properties.put("micronaut.server.port", -1);
        return properties;
    }
}
