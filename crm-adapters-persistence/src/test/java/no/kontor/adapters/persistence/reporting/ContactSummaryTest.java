package no.kontor.adapters.persistence.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;

/**
 * The facts kept in each write (V13) equal a from-scratch computation after four writers
 * have logged activities at random times (back-dated too) and changed companies' status at
 * the same time, in transactions of their own that sometimes roll back: the per-company
 * contact summary, and each contact's reply (the next contact the other way within 90 days).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactSummaryTest implements UsesTestDatabase {
    static final int COMPANIES = 3;
    static final String[] KINDS = {"EMAIL", "PHONE_CALL", "MEETING", "NOTE", "PROSPECT_REGISTERED", "INCOMING_ORDER"};
    static final String CONTACT = "kind NOT IN ('NOTE', 'PROSPECT_REGISTERED')";
    static final String SUMMARY_FROM_SCRATCH = "SELECT c.id, c.status, c.responsible_seller_id, "
            + "max(a.occurred_at) FILTER (WHERE a." + CONTACT + "), "
            + "max(a.occurred_at) FILTER (WHERE a." + CONTACT + " AND a.direction = 'INBOUND'), "
            + "max(a.occurred_at) FILTER (WHERE a." + CONTACT + " AND a.direction = 'OUTBOUND'), "
            + "count(a.id) FROM company c LEFT JOIN activity a ON a.company_id = c.id GROUP BY c.id ORDER BY c.id";
    static final String SUMMARY = "SELECT c.id, s.status, s.responsible_seller_id, s.last_contact_at, s.last_inbound_at, "
            + "s.last_outbound_at, s.activities FROM company c LEFT JOIN company_contact_summary s ON s.company_id = c.id ORDER BY c.id";
    static final String REPLIES_FROM_SCRATCH = "SELECT a.id, r.occurred_at, r.staff_user_id FROM activity a LEFT JOIN LATERAL ("
            + "SELECT x.occurred_at, x.staff_user_id FROM activity x WHERE x.company_id = a.company_id AND x.direction <> a.direction "
            + "AND x." + CONTACT + " AND x.occurred_at > a.occurred_at AND x.occurred_at <= a.occurred_at + interval '90 days' "
            + "ORDER BY x.occurred_at, x.id LIMIT 1) r ON a." + CONTACT + " ORDER BY a.id";
    static final String REPLIES = "SELECT id, next_reply_at, next_reply_by FROM activity ORDER BY id";

    @Value("${datasources.default.url}")
    String url;
    long[] staff = new long[2];

    @BeforeAll
    void companiesAndStaff() throws SQLException {
        try (var c = connect(); var st = c.createStatement()) {
            for (int i = 1; i <= COMPANIES; i++) {
                st.execute("INSERT INTO company (name, status, created_by, created_at, changed_by, changed_at) "
                        + "VALUES ('Firma " + i + "', 'CUSTOMER', 't', now(), 't', now())");
            }
            for (int i = 0; i < staff.length; i++) {
                try (var rs = st.executeQuery("INSERT INTO staff_user (username, display_name, password_hash, role, created_at, changed_at) "
                        + "VALUES ('writer" + i + "', 'Writer', 'x', 'SELLER', now(), now()) RETURNING id")) {
                    rs.next();
                    staff[i] = rs.getLong(1);
                }
            }
        }
    }

    @Test
    void theFactsEqualAFromScratchComputationAfterConcurrentRandomWrites() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        var writers = new ArrayList<Callable<Integer>>();
        for (int w = 0; w < 4; w++) {
            long seed = 17L * (w + 1);
            writers.add(() -> write(new Random(seed), 150));
        }
        int committed = 0;
        for (var done : pool.invokeAll(writers)) {
            committed += done.get();
        }
        pool.shutdown();

        assertThat(committed).as("the writers did write").isGreaterThan(300);
        assertThat(rows(SUMMARY, 7)).isEqualTo(rows(SUMMARY_FROM_SCRATCH, 7));
        assertThat(rows(SUMMARY, 7)).as("some company kept a contact").anySatisfy(r -> assertThat(r.get(3)).isNotNull());
        var replies = rows(REPLIES, 3);
        assertThat(replies).isEqualTo(rows(REPLIES_FROM_SCRATCH, 3));
        assertThat(replies).as("some contacts were answered").anySatisfy(r -> assertThat(r.get(1)).isNotNull());
    }

    @Test
    void anActivityIsKeptAsLogged() throws SQLException {
        try (var c = connect(); var st = c.createStatement()) {
            st.execute("INSERT INTO activity (company_id, kind, direction, occurred_at, actor, subject, created_at, changed_at) "
                    + "VALUES (1, 'EMAIL', 'INBOUND', now(), 't', 's', now(), now())");
            assertThatThrownBy(() -> st.execute("UPDATE activity SET occurred_at = occurred_at - interval '1 day' WHERE company_id = 1"))
                    .hasMessageContaining("kept as logged");
            assertThatThrownBy(() -> st.execute("DELETE FROM activity WHERE company_id = 1")).hasMessageContaining("kept as logged");
            assertThat(st.executeUpdate("UPDATE activity SET subject = 'skrubbet' WHERE company_id = 1")).as("its text may be scrubbed")
                    .isPositive();
        }
    }

    /** Random writes in small transactions, one in ten rolled back; returns the transactions committed. */
    private int write(Random random, int transactions) throws SQLException {
        var base = Instant.parse("2026-06-01T00:00:00Z");
        int committed = 0;
        try (var c = connect()) {
            c.setAutoCommit(false);
            for (int t = 0; t < transactions; t++) {
                try {
                    long company = 1 + random.nextInt(COMPANIES); // one company a transaction, as the application writes
                    for (int op = 0; op < 1 + random.nextInt(3); op++) {
                        if (random.nextInt(5) > 0) {
                            try (var ps = c.prepareStatement("INSERT INTO activity (company_id, kind, direction, occurred_at, actor, "
                                    + "staff_user_id, subject, created_at, changed_at) VALUES (?, ?, ?, ?, 't', ?, 's', now(), now())")) {
                                ps.setLong(1, company);
                                ps.setString(2, KINDS[random.nextInt(KINDS.length)]);
                                ps.setString(3, random.nextBoolean() ? "INBOUND" : "OUTBOUND");
                                ps.setTimestamp(4, Timestamp.from(base.plus(random.nextInt(20 * 24 * 3600), ChronoUnit.SECONDS)));
                                ps.setObject(5, random.nextBoolean() ? null : staff[random.nextInt(staff.length)]);
                                ps.executeUpdate();
                            }
                        } else {
                            try (var ps = c.prepareStatement("UPDATE company SET status = ? WHERE id = ?")) {
                                ps.setString(1, random.nextBoolean() ? "CUSTOMER" : "FORMER_CUSTOMER");
                                ps.setLong(2, company);
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
                    c.rollback();
                    throw e;
                }
            }
        }
        return committed;
    }

    private List<List<Object>> rows(String sql, int columns) throws SQLException {
        try (var c = connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            var rows = new ArrayList<List<Object>>();
            while (rs.next()) {
                var row = new ArrayList<Object>();
                for (int i = 1; i <= columns; i++) {
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
