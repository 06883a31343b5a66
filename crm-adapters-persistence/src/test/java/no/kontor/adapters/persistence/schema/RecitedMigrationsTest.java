package no.kontor.adapters.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.kontor.adapters.persistence.testing.TestPostgres;

/**
 * A database that applied V4–V6 before their comments cited the project's own docs migrates on
 * start as before (their old checksums are moved to the new ones), while any other change to an
 * applied migration still stops it.
 */
class RecitedMigrationsTest {

    @Test
    void aDatabaseMigratedWithTheOldCommentsStartsAndAnyOtherChangeStillStopsIt() throws SQLException {
        String url = TestPostgres.newDatabase("RecitedMigrationsTest");
        try (var c = TestPostgres.connectAsAdmin(url); var st = c.createStatement()) {
            for (var e : Migrations.RECITED.entrySet()) {
                st.executeUpdate("UPDATE flyway_schema_history SET checksum = " + e.getValue()[0] + " WHERE version = '" + e.getKey() + "'");
            }
        }
        assertThat(Migrations.migrate(url, TestPostgres.ownerUsername(), TestPostgres.ownerPassword(), TestPostgres.username()))
                .as("nothing to apply, nothing refused").isZero();
        assertThat(checksums(url)).containsExactlyInAnyOrderEntriesOf(Map.of("4", Migrations.RECITED.get("4")[1], "5",
                Migrations.RECITED.get("5")[1], "6", Migrations.RECITED.get("6")[1]));

        try (var c = TestPostgres.connectAsAdmin(url); var st = c.createStatement()) {
            st.executeUpdate("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '5'");
        }
        assertThatThrownBy(() -> Migrations.migrate(url, TestPostgres.ownerUsername(), TestPostgres.ownerPassword(), TestPostgres.username()))
                .as("another difference is a changed migration").hasMessageContaining("checksum");
    }

    private static Map<String, Integer> checksums(String url) throws SQLException {
        var found = new LinkedHashMap<String, Integer>();
        try (var c = TestPostgres.connectAsAdmin(url); var st = c.createStatement();
             var rs = st.executeQuery("SELECT version, checksum FROM flyway_schema_history WHERE version IN ('4', '5', '6')")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getInt(2));
            }
        }
        return found;
    }
}
