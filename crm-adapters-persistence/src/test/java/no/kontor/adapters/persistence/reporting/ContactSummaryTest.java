package no.kontor.adapters.persistence.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;

/**
 * The per-company contact summary (V13) equals a from-scratch computation over the
 * activities after four writers have inserted, moved, re-kinded and deleted activities at
 * random at the same time, each in transactions of their own that sometimes roll back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactSummaryTest implements UsesTestDatabase {
    static final int COMPANIES = 12;
    static final String[] KINDS = {"EMAIL", "PHONE_CALL", "MEETING", "NOTE", "PROSPECT_REGISTERED", "INCOMING_ORDER"};
    static final String FROM_SCRATCH = "SELECT c.id, max(a.occurred_at) FILTER (WHERE a.kind NOT IN ('NOTE', 'PROSPECT_REGISTERED')), "
            + "max(a.occurred_at) FILTER (WHERE a.kind NOT IN ('NOTE', 'PROSPECT_REGISTERED') AND a.direction = 'INBOUND'), "
            + "max(a.occurred_at) FILTER (WHERE a.kind NOT IN ('NOTE', 'PROSPECT_REGISTERED') AND a.direction = 'OUTBOUND'), "
            + "count(a.id) FROM company c LEFT JOIN activity a ON a.company_id = c.id GROUP BY c.id ORDER BY c.id";
    static final String SUMMARY = "SELECT c.id, s.last_contact_at, s.last_inbound_at, s.last_outbound_at, coalesce(s.activities, 0) "
            + "FROM company c LEFT JOIN company_contact_summary s ON s.company_id = c.id ORDER BY c.id";

    @Value("${datasources.default.url}")
    String url;

    @Test
    void theSummaryEqualsTheActivitiesAfterConcurrentRandomWrites() throws Exception {
        try (var c = connect(); var st = c.createStatement()) {
            for (int i = 1; i <= COMPANIES; i++) {
                st.execute("INSERT INTO company (name, status, created_by, created_at, changed_by, changed_at) "
                        + "VALUES ('Firma " + i + "', 'CUSTOMER', 't', now(), 't', now())");
            }
        }
        var pool = Executors.newFixedThreadPool(4);
        var writers = new ArrayList<Callable<Integer>>();
        for (int w = 0; w < 4; w++) {
            long seed = 17L * (w + 1);
            writers.add(() -> write(new Random(seed), 120));
        }
        int committed = 0;
        for (var done : pool.invokeAll(writers)) {
            committed += done.get();
        }
        pool.shutdown();

        assertThat(committed).as("the writers did write").isGreaterThan(250);
        assertThat(rows(SUMMARY)).isEqualTo(rows(FROM_SCRATCH));
        assertThat(rows(SUMMARY)).as("some company kept a contact").anySatisfy(r -> assertThat(r.get(1)).isNotNull());
    }

    /** Random writes in small transactions, one in ten rolled back; returns the transactions committed. */
    private int write(Random random, int transactions) throws SQLException {
        var base = Instant.parse("2026-06-01T00:00:00Z");
        int committed = 0;
        try (var c = connect()) {
            c.setAutoCommit(false);
            for (int t = 0; t < transactions; t++) {
                try {
                for (int op = 0; op < 1 + random.nextInt(3); op++) {
                    int which = random.nextInt(10);
                    long company = 1 + random.nextInt(COMPANIES);
                    var at = Timestamp.from(base.plus(random.nextInt(400 * 24), ChronoUnit.HOURS));
                    if (which < 6) {
                        try (var ps = c.prepareStatement("INSERT INTO activity (company_id, kind, direction, occurred_at, actor, subject, "
                                + "created_at, changed_at) VALUES (?, ?, ?, ?, 't', 's', now(), now())")) {
                            ps.setLong(1, company);
                            ps.setString(2, KINDS[random.nextInt(KINDS.length)]);
                            ps.setString(3, random.nextBoolean() ? "INBOUND" : "OUTBOUND");
                            ps.setTimestamp(4, at);
                            ps.executeUpdate();
                        }
                    } else if (which < 8) {
                        try (var ps = c.prepareStatement("UPDATE activity SET occurred_at = ?, kind = ?, company_id = ? WHERE id = "
                                + "(SELECT id FROM activity WHERE company_id = ? ORDER BY random() LIMIT 1)")) {
                            ps.setTimestamp(1, at);
                            ps.setString(2, KINDS[random.nextInt(KINDS.length)]);
                            ps.setLong(3, 1 + random.nextInt(COMPANIES));
                            ps.setLong(4, company);
                            ps.executeUpdate();
                        }
                    } else {
                        try (var ps = c.prepareStatement("DELETE FROM activity WHERE id = "
                                + "(SELECT id FROM activity WHERE company_id = ? ORDER BY occurred_at DESC LIMIT 1)")) {
                            ps.setLong(1, company);
                            ps.executeUpdate();
                        }
                    }
                }
                    if (random.nextInt(10) == 0) {
                        c.rollback();
                    } else {
                        c.commit();
                        committed++;
                    }
                } catch (SQLException e) {
                    // random writes across companies may deadlock: PostgreSQL breaks it, the survivors' summaries must still be right
                    assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("40P01");
                    c.rollback();
                }
            }
        }
        return committed;
    }

    private List<List<Object>> rows(String sql) throws SQLException {
        try (var c = connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            var rows = new ArrayList<List<Object>>();
            while (rs.next()) {
                var row = new ArrayList<Object>();
                for (int i = 1; i <= 5; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestPostgres.username(), TestPostgres.password());
    }
}
