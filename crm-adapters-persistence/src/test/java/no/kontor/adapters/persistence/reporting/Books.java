package no.kontor.adapters.persistence.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import no.kontor.adapters.persistence.testing.TestPostgres;

/** Loads a hand-made data set (an SQL script in the test resources) as the application's role. */
final class Books {
    private Books() {
    }

    static void load(String url, String resource) throws IOException, SQLException {
        String sql;
        try (var in = Books.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (var c = java.sql.DriverManager.getConnection(url, TestPostgres.username(), TestPostgres.password());
             var st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute(sql);
        }
    }
}
