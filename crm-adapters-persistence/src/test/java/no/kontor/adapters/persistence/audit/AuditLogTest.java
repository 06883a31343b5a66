package no.kontor.adapters.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditLog;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;

/**
 * The audit log on real PostgreSQL, as docs/decisions/audit-chain.md asks: entries changed or
 * deleted behind the application's back are found and named; the database refuses
 * changes itself; concurrent writers chain without gaps; forgetting a person makes
 * their values unreadable and leaves the chain intact.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest implements UsesTestDatabase {
    @Inject
    AuditTrail trail;
    @Inject
    AuditLog log;
    @Inject
    Transactions tx;
    @Inject
    DataSource dataSource;
    @io.micronaut.context.annotation.Property(name = "datasources.default.url")
    String url;

    final Actor seller = Actor.staff(7, "sindre", Role.SELLER);

    void record(String type, Object id, Map<String, Object> after) {
        tx.inTransaction(() -> {
            trail.record(AuditEvent.created(seller, Instant.now(), type, id, after));
            return null;
        });
    }

    /** As the server's administrator: the application role may not even try (it cannot switch a trigger off). */
    void sql(String... statements) throws SQLException {
        try (var c = TestPostgres.connectAsAdmin(url); var st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    @Test
    void aChangedOrDeletedEntryIsNamedAndTheDatabaseRefusesChanges() throws Exception {
        for (int i = 1; i <= 6; i++) {
            record("company", "tamper-" + i, Map.of("name", "Firma " + i));
        }
        long last = log.head().seq();
        assertThat(log.verify().valid()).isTrue();

        assertThatThrownBy(() -> sql("UPDATE audit_entry SET entry_text = entry_text WHERE seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM audit_entry WHERE seq = 1")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("TRUNCATE audit_entry")).hasMessageContaining("append-only");

        long changed = last - 3;
        sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
                "UPDATE audit_entry SET entry_text = replace(entry_text, 'Firma', 'Falsk') WHERE seq = " + changed,
                "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        var afterChange = log.verify();
        assertThat(afterChange.valid()).isFalse();
        assertThat(afterChange.firstBroken()).isEqualTo(changed);
        assertThat(afterChange.reason()).contains("does not match its hash");

        sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
                "UPDATE audit_entry SET entry_text = replace(entry_text, 'Falsk', 'Firma') WHERE seq = " + changed,
                "UPDATE audit_entry SET actor = 'user:1' WHERE seq = " + (changed + 1),
                "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        var columnChanged = log.verify();
        assertThat(columnChanged.firstBroken()).as("a column that disagrees with its hashed text").isEqualTo(changed + 1);

        sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
                "UPDATE audit_entry SET actor = 'user:7' WHERE seq = " + (changed + 1),
                "DELETE FROM audit_entry WHERE seq = " + (changed + 2),
                "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        var afterDelete = log.verify();
        assertThat(afterDelete.valid()).isFalse();
        assertThat(afterDelete.firstBroken()).isEqualTo(changed + 2);
        assertThat(afterDelete.reason()).contains("missing");

        sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
                "DELETE FROM audit_entry WHERE seq >= " + (changed + 2),
                "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        var truncatedTail = log.verify();
        assertThat(truncatedTail.valid()).as("entries removed from the end are caught by the head").isFalse();
        assertThat(truncatedTail.reason()).contains("head");
    }

    /**
     * Entries appended while verification runs are not half seen: the walk and the head come from one snapshot.
     * Here an entry commits after the walk and before the head is read (the moment a writer could slip in).
     */
    @Test
    void verificationReadsOneSnapshotWhileOthersWrite() {
        for (int i = 1; i <= 3; i++) {
            record("company", "snapshot-" + i, Map.of("name", "Firma " + i));
        }
        long before = log.head().seq();
        var jdbcLog = (JdbcAuditLog) log;
        jdbcLog.beforeHeadRead = () -> java.util.concurrent.CompletableFuture
                .runAsync(() -> record("company", "written-meanwhile", Map.of("name", "Midt i"))).join();
        try {
            var verification = log.verify();
            assertThat(verification.valid()).as(String.valueOf(verification.reason())).isTrue();
            assertThat(verification.head().seq()).as("the head as of the snapshot").isEqualTo(before);
        } finally {
            jdbcLog.beforeHeadRead = () -> { };
        }
        assertThat(log.head().seq()).as("the entry written meanwhile is there").isEqualTo(before + 1);
        assertThat(log.verify().valid()).isTrue();
    }
}
