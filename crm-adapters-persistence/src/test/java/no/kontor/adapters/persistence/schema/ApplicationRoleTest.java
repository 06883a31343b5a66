package no.kontor.adapters.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import no.kontor.adapters.persistence.testing.TestPostgres;

/**
 * The server connects as the application role, which the migrations give only the
 * statements it needs: it cannot switch off the triggers that freeze the books, cannot
 * truncate, cannot change the schema, cannot rewrite a payment. Behind the grants, the
 * triggers hold the same rules for the owner too. And the role's timeouts end a stuck
 * transaction before it stalls every other write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationRoleTest {
    private static final String PERMISSION_DENIED = "42501";

    String url;
    long invoiceId;
    long unmatchedPaymentId;
    long importId;

    @BeforeAll
    void aDatabaseWithAnIssuedInvoiceAPaymentAReminderAnImportAndAStageChange() throws SQLException {
        url = TestPostgres.newDatabase("ApplicationRoleTest");
        try (Connection app = asApp(); Statement st = app.createStatement()) {
            st.execute("INSERT INTO company (id, name, status, created_by, created_at, changed_by, changed_at)"
                    + " VALUES (1, 'Fjordbladet AS', 'CUSTOMER', 't', now(), 't', now())");
            st.execute("INSERT INTO sale (id, company_id, stage, created_by, created_at, changed_by, changed_at)"
                    + " VALUES (1, 1, 'LEAD', 't', now(), 't', now())");
            st.execute("INSERT INTO sale_stage_change (sale_id, to_stage, changed_by, changed_at) VALUES (1, 'LEAD', 't', now())");
            st.execute("INSERT INTO invoice (id, kind, company_id, status, number, buyer_reference, issue_date, due_date, kid,"
                    + " seller_name, buyer_name, net, vat, gross, ubl, created_by, created_at, changed_by, changed_at)"
                    + " VALUES (1, 'INVOICE', 1, 'ISSUED', 1, 'Ola', current_date, current_date + 14, '000000100000018',"
                    + " 'Seller AS', 'Fjordbladet AS', 1000, 250, 1250, '<Invoice/>', 't', now(), 't', now())");
            invoiceId = 1;
            st.execute("INSERT INTO invoice_reminder (invoice_id, number, sent_on, pay_by, principal, fee, interest, sent_by, sent_at)"
                    + " VALUES (1, 1, current_date, current_date + 14, 1250, 0, 0, 't', now())");
            importId = single(st, "INSERT INTO ocr_import (transmission_number, file_sha256, imported_by, imported_at)"
                    + " VALUES ('1000001', repeat('a', 64), 't', now()) RETURNING id");
            single(st, "INSERT INTO payment (invoice_id, kind, source, amount, paid_on, registered_by, registered_at)"
                    + " VALUES (1, 'PAYMENT', 'MANUAL', 500, current_date, 't', now()) RETURNING id");
            unmatchedPaymentId = single(st, "INSERT INTO payment (kind, source, amount, paid_on, kid, bank_reference, import_id,"
                    + " ocr_agreement_id, ocr_assignment_number, ocr_transaction_number, registered_by, registered_at)"
                    + " VALUES ('PAYMENT', 'OCR', 700, current_date, '123', 'ref-1', " + importId
                    + ", '000000001', '0000001', '0000001', 't', now()) RETURNING id");
        }
    }

    @Test
    void theApplicationRoleIsNoSuperuserAndCannotTouchTriggersTablesOrTheSchema() throws SQLException {
        try (Connection app = asApp(); Statement st = app.createStatement()) {
            assertThat(single(st, "SELECT count(*) FROM pg_roles WHERE rolname = current_user AND NOT rolsuper"
                    + " AND NOT rolcreaterole AND NOT rolcreatedb AND NOT rolbypassrls")).isEqualTo(1);
            for (String sql : new String[] {
                    "ALTER TABLE invoice DISABLE TRIGGER invoice_frozen",
                    "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
                    "ALTER TABLE payment DISABLE TRIGGER payment_append_only",
                    "DROP TRIGGER audit_entry_append_only ON audit_entry",
                    "DROP FUNCTION refuse_audit_change() CASCADE",
                    "SET session_replication_role = replica",
                    "TRUNCATE audit_entry", "TRUNCATE payment", "TRUNCATE invoice CASCADE", "TRUNCATE invoice_line",
                    "TRUNCATE invoice_reminder", "TRUNCATE ocr_import", "TRUNCATE sale_stage_change", "TRUNCATE invoice_series",
                    "CREATE TABLE smuggled (x int)",
                    "ALTER TABLE company ADD COLUMN smuggled int",
                    "DROP TABLE activity",
                    "CREATE OR REPLACE FUNCTION refuse_change_of_kept_rows() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
                    "INSERT INTO flyway_schema_history (installed_rank, description, type, script, installed_by, execution_time, success)"
                            + " VALUES (999, 'x', 'SQL', 'x', 'x', 0, true)",
                    "UPDATE vat_rate SET percent = 0"}) {
                assertRefused(app, sql, PERMISSION_DENIED);
            }
        }
    }

    @Test
    void theApplicationRoleCannotRewriteWhatTheBooksKeep() throws SQLException {
        try (Connection app = asApp()) {
            for (String sql : new String[] {
                    "UPDATE payment SET amount = 1", "UPDATE payment SET paid_on = paid_on - 1", "UPDATE payment SET kid = '999'",
                    "DELETE FROM payment",
                    "UPDATE audit_entry SET actor = 'x'", "DELETE FROM audit_entry", "DELETE FROM audit_head",
                    "UPDATE invoice SET company_id = company_id", "UPDATE invoice SET kind = kind", "UPDATE invoice SET created_at = now()",
                    "UPDATE invoice_reminder SET fee = 0", "DELETE FROM invoice_reminder",
                    "UPDATE sale_stage_change SET to_stage = 'LOST'", "DELETE FROM sale_stage_change",
                    "UPDATE ocr_import SET transmission_number = '1'", "DELETE FROM ocr_import",
                    "DELETE FROM invoice_series", "INSERT INTO invoice_series VALUES (2, 1)"}) {
                assertRefused(app, sql, PERMISSION_DENIED);
            }
            // granted columns of an issued invoice still meet the trigger that freezes it
            assertRefused(app, "UPDATE invoice SET gross = gross + 1 WHERE id = " + invoiceId, "23000");
        }
    }

    @Test
    void theTriggersHoldTheSameRulesForTheOwner() throws SQLException {
        try (Connection owner = asOwner(); Statement st = owner.createStatement()) {
            for (String sql : new String[] {
                    "UPDATE payment SET amount = 1", "UPDATE payment SET kid = '1' WHERE invoice_id IS NULL",
                    "DELETE FROM payment", "TRUNCATE payment",
                    "UPDATE invoice_reminder SET fee = 0", "DELETE FROM invoice_reminder", "TRUNCATE invoice_reminder CASCADE",
                    "UPDATE sale_stage_change SET reason = 'x'", "DELETE FROM sale_stage_change", "TRUNCATE sale_stage_change",
                    "DELETE FROM ocr_import", "TRUNCATE ocr_import CASCADE", "UPDATE ocr_import SET imported_by = 'x'",
                    "DELETE FROM invoice_series", "DELETE FROM audit_head"}) {
                assertRefused(owner, sql, "23000");
            }
            // the one change a payment allows: an unmatched one gets its invoice, once
            assertThat(st.executeUpdate("UPDATE payment SET invoice_id = " + invoiceId + " WHERE id = " + unmatchedPaymentId)).isEqualTo(1);
            assertRefused(owner, "UPDATE payment SET invoice_id = NULL WHERE id = " + unmatchedPaymentId, "23000");
            // the import's report is written once
            assertThat(st.executeUpdate("UPDATE ocr_import SET transactions = 1, applied = 1, unmatched = 0, reversals = 0,"
                    + " duplicates = 0, applied_amount = 700 WHERE id = " + importId)).isEqualTo(1);
            assertRefused(owner, "UPDATE ocr_import SET applied = 0 WHERE id = " + importId, "23000");
        }
    }

    @Test
    void theRoleHasTimeoutsAndAStuckTransactionIsEndedBeforeItStallsOtherWrites() throws Exception {
        try (Connection app = asApp(); Statement st = app.createStatement()) {
            assertThat(text(st, "SHOW statement_timeout")).isEqualTo("30s");
            assertThat(text(st, "SHOW lock_timeout")).isEqualTo("10s");
            assertThat(text(st, "SHOW idle_in_transaction_session_timeout")).isEqualTo("1min");
        }
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection admin = TestPostgres.connectAsAdmin(TestPostgres.maintenanceUrl())) {
            DatabaseRoles.applyTimeouts(admin, TestPostgres.username(), database,
                    new DatabaseRoles.Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(1)));
        }
        try {
            // a statement that runs too long is cancelled
            try (Connection app = asApp()) {
                assertRefused(app, "SELECT pg_sleep(10)", "57014");
            }
            // a transaction that takes the audit head and then hangs is ended; the writer waiting behind it goes on
            try (Connection stuck = asApp(); Connection writer = asApp()) {
                stuck.setAutoCommit(false);
                try (Statement st = stuck.createStatement()) {
                    st.execute("SELECT seq FROM audit_head FOR UPDATE");
                }
                var write = CompletableFuture.supplyAsync(() -> {
                    try (Statement st = writer.createStatement()) {
                        return st.executeUpdate("UPDATE audit_head SET seq = seq WHERE id");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(write.get(30, TimeUnit.SECONDS)).isEqualTo(1);
                assertThatThrownBy(() -> stuck.createStatement().execute("SELECT 1"))
                        .as("the stuck transaction was terminated by idle_in_transaction_session_timeout")
                        .isInstanceOf(SQLException.class);
            }
        } finally {
            try (Connection admin = TestPostgres.connectAsAdmin(TestPostgres.maintenanceUrl()); Statement st = admin.createStatement()) {
                st.execute("ALTER ROLE " + TestPostgres.username() + " IN DATABASE \"" + database + "\" RESET ALL");
            }
        }
    }

    private static void assertRefused(Connection c, String sql, String sqlState) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThatThrownBy(() -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(sql + ": " + e.getMessage())
                .isEqualTo(sqlState));
    }

    private Connection asApp() throws SQLException {
        return DriverManager.getConnection(url, TestPostgres.username(), TestPostgres.password());
    }

    private Connection asOwner() throws SQLException {
        return DriverManager.getConnection(url, TestPostgres.ownerUsername(), TestPostgres.ownerPassword());
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
