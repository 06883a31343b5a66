package no.kontor.adapters.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The test-database support: one server per JVM, a migrated template, a clone per caller. */
class TestPostgresTest {

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, TestPostgres.username(), TestPostgres.password());
    }

    static String query(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void everyCallGetsItsOwnDatabaseClonedFromTheMigratedTemplate() throws Exception {
        String first = TestPostgres.newDatabase("CompanyRepositoryTest");
        String second = TestPostgres.newDatabase("CompanyRepositoryTest");

        assertThat(first).isNotEqualTo(second).contains("/companyrepositorytest_");
        assertThat(query(first, "SELECT current_database()")).isNotEqualTo(query(second, "SELECT current_database()"));

        // both are clones of the template: Flyway's history is there, every migration applied
        for (String url : new String[] {first, second}) {
            assertThat(query(url, "SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isEqualTo("0");
            assertThat(query(url, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"))
                    .isEqualTo(String.valueOf(versionedMigrations()));
            assertThat(query(url, "SELECT string_agg(x, ',' ORDER BY x) FROM (VALUES ('Å'),('Ø'),('Æ'),('Z')) v(x)"))
                    .isEqualTo("Z,Æ,Ø,Å");
        }
        assertThat(query(TestPostgres.maintenanceUrl(), "SELECT datistemplate::text || ' ' || datallowconn::text"
                + " FROM pg_database WHERE datname = '" + TestPostgres.templateName() + "'")).isEqualTo("true false");

        // independent: what one test writes, the other does not see
        try (Connection c = TestPostgres.connectAsAdmin(first); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE only_in_first (x int)");
        }
        // tests connect as the application role, like the server: no schema changes
        assertThat(query(first, "SELECT current_user")).isEqualTo(TestPostgres.username()).startsWith("kontor_app_");
        assertThat(query(first, "SELECT has_schema_privilege('public', 'CREATE')::text")).isEqualTo("false");
        assertThat(query(first, "SELECT to_regclass('only_in_first')::text")).isEqualTo("only_in_first");
        assertThat(query(second, "SELECT to_regclass('only_in_first')::text")).isNull();
    }

    @Test
    void aMicronautTestGetsADatabaseNamedAfterItsClass() throws Exception {
        class SomeRepositoryTest implements UsesTestDatabase {
        }
        Map<String, String> properties = new SomeRepositoryTest().getProperties();

        assertThat(properties).containsEntry("datasources.default.driver-class-name", "org.postgresql.Driver")
                .containsEntry("datasources.default.maximum-pool-size", "4")
                .containsEntry("datasources.default.minimum-idle", "1")
                .containsEntry("datasources.default.username", TestPostgres.username())
                .containsEntry("datasources.default.password", TestPostgres.password());
        String url = properties.get("datasources.default.url");
        assertThat(url).contains("/somerepositorytest_");
        assertThat(query(url, "SELECT current_database()")).startsWith("somerepositorytest_");
    }

    /** The V…__….sql files in this module's db/migration. */
    private static long versionedMigrations() throws Exception {
        URL location = TestPostgresTest.class.getClassLoader().getResource("db/migration");
        if (location == null) {
            return 0;
        }
        try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+(_\\d+)*__.+\\.sql")).count();
        }
    }
}
