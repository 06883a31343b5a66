package no.kontor.adapters.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;

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
                    .isEqualTo(query(TestPostgres.maintenanceUrl().replace("/postgres", "/" + databaseOf(first)),
                            "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"));
            assertThat(query(url, "SELECT string_agg(x, ',' ORDER BY x) FROM (VALUES ('Å'),('Ø'),('Æ'),('Z')) v(x)"))
                    .isEqualTo("Z,Æ,Ø,Å");
        }
        assertThat(query(TestPostgres.maintenanceUrl(), "SELECT datistemplate::text || ' ' || datallowconn::text"
                + " FROM pg_database WHERE datname = '" + TestPostgres.templateName() + "'")).isEqualTo("true false");

        // independent: what one test writes, the other does not see
        try (Connection c = connect(first); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE only_in_first (x int)");
        }
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

    private static String databaseOf(String url) {
        String path = url.substring(url.indexOf("//") + 2);
        path = path.substring(path.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query >= 0 ? path.substring(0, query) : path;
    }
}
