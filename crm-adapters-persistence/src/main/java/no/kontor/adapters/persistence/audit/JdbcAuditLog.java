package no.kontor.adapters.persistence.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import java.sql.Connection;
import java.time.Duration;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Cursor;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.audit.port.AuditLog;
import no.kontor.application.shared.Page;
import no.kontor.domain.shared.ValidationException;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.application.audit.AuditRecord;
import no.kontor.application.audit.AuditQuery;
import no.kontor.application.audit.AuditHead;
import no.kontor.application.audit.AuditVerification;

/**
 * Reads the audit log and verifies its chain. AuditVerification hashes the text as
 * stored, in sequence order, in batches, and names the first entry that breaks:
 * a changed entry (its hash no longer follows), a missing one (a gap in the
 * sequence), a column that disagrees with the hashed text, or a head that does
 * not match the last entry; given the head exported earlier, also a tail cut off.
 *
 * <p>The walk and the head are read in one read-only REPEATABLE READ transaction:
 * one snapshot, so entries appended while it runs are neither half seen nor taken
 * for a broken head. It may take long on a big log, so it sets its own
 * {@code statement_timeout} ({@code kontor.audit.verify-statement-timeout}) for
 * that transaction only, above the application role's short default.
 */
@Singleton
public class JdbcAuditLog implements AuditLog {
    static final String FORGOTTEN = "[forgotten]";
    private static final int BATCH = 1000;
    private static final String COLUMNS = "seq, recorded_at, actor, record_type, record_id, action, entry_text, hash";

    private final Jdbc jdbc;
    private final AuditKeys keys;
    private final PersonalDataVault vault;
    private final TransactionOperations<Connection> transactions;
    private final Duration verifyTimeout;
    /** For a test of the snapshot: runs after the walk, before the head is read. */
    volatile Runnable beforeHeadRead = () -> { };

    public JdbcAuditLog(Jdbc jdbc, AuditKeys keys, PersonalDataVault vault, TransactionOperations<Connection> transactions,
                        @Value("${kontor.audit.verify-statement-timeout:15m}") Duration verifyTimeout) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.vault = vault;
        this.transactions = transactions;
        this.verifyTimeout = verifyTimeout;
    }

    private record Row(long seq, Instant at, String actor, String recordType, String recordId, String action,
                       String text, String hash) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("seq"), Jdbc.instant(rs, "recorded_at"), rs.getString("actor"), rs.getString("record_type"),
                    rs.getString("record_id"), rs.getString("action"), rs.getString("entry_text"), rs.getString("hash"));
        }
    }

    @Override
    public List<AuditRecord> history(String recordType, String recordId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry WHERE record_type = ? AND record_id = ? ORDER BY seq",
                List.of(recordType, recordId), Row::of).stream().map(this::record).toList();
    }

    private static final Keyset HISTORY = Keyset.ascending("history", Keyset.key("seq", Keyset.Type.LONG));

    @Override
    public Page<AuditRecord> history(String recordType, String recordId, String cursor, int limit) {
        var page = HISTORY.page(jdbc, "SELECT " + COLUMNS + " FROM audit_entry WHERE record_type = ? AND record_id = ?",
                List.of(recordType, recordId), cursor, limit, Row::of);
        return new Page<>(page.items().stream().map(this::record).toList(), page.nextCursor());
    }

    @Override
    public Page<AuditRecord> search(AuditQuery query) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (query.actor() != null) {
            where.add("actor = ?");
            params.add(query.actor());
        }
        if (query.recordType() != null) {
            where.add("record_type = ?");
            params.add(query.recordType());
        }
        if (query.from() != null) {
            where.add("recorded_at >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            where.add("recorded_at < ?");
            params.add(query.to());
        }
        if (query.cursor() != null) {
            String seq = Cursor.decode(query.cursor(), "audit", 1).get(0);
            where.add("seq < ?");
            try {
                params.add(Long.parseLong(seq));
            } catch (NumberFormatException e) {
                throw new ValidationException("cursor", "cursor.invalid", "The cursor does not belong to this list");
            }
        }
        params.add(query.limit() + 1);
        var rows = jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY seq DESC LIMIT ?", params, Row::of);
        var records = rows.stream().limit(query.limit()).map(this::record).toList();
        String next = rows.size() > query.limit() ? Cursor.encode("audit", records.get(records.size() - 1).seq()) : null;
        return new Page<>(records, next);
    }

    @Override
    public AuditVerification verify(AuditHead expected) {
        var snapshot = new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.Isolation.REPEATABLE_READ);
        snapshot.setReadOnly(true);
        snapshot.setName("audit-verification");
        return transactions.execute(snapshot, status -> {
            jdbc.query("SELECT set_config('statement_timeout', ?, true)", List.of(verifyTimeout.toMillis() + "ms"), rs -> null);
            return walk(expected);
        });
    }

    private AuditVerification walk(AuditHead expected) {
        String previous = AuditKeys.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        String expectedHeadProblem = null;
        while (true) {
            var batch = jdbc.query("SELECT " + COLUMNS + " FROM audit_entry WHERE seq >= ? ORDER BY seq LIMIT " + BATCH,
                    List.of(expectedSeq), Row::of);
            for (Row row : batch) {
                if (row.seq() != expectedSeq) {
                    return broken(checked, expectedSeq, "entry " + expectedSeq + " is missing: the sequence jumps to " + row.seq());
                }
                String problem = problemWith(row, previous);
                if (problem != null) {
                    return broken(checked, row.seq(), problem);
                }
                if (expected != null && row.seq() == expected.seq() && !row.hash().equals(expected.hash())) {
                    expectedHeadProblem = "entry " + row.seq() + ", the expected head, has another hash than was exported: "
                            + "the log was cut off before it and written on from there";
                }
                previous = row.hash();
                expectedSeq++;
                checked++;
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        beforeHeadRead.run();
        AuditHead head = head();
        if (head.seq() != expectedSeq - 1 || !head.hash().equals(previous)) {
            return broken(checked, expectedSeq, "the head (entry " + head.seq() + ") does not match the last entry in the log ("
                    + (expectedSeq - 1) + "): entries at the end are missing or the head was changed");
        }
        if (expected != null && expected.seq() > head.seq()) {
            return new AuditVerification(false, checked, expected.seq(), "entry " + expected.seq() + ", the expected head, is missing: "
                    + "the log ends at entry " + head.seq() + ", so its tail was cut off", head, true);
        }
        if (expected != null && expected.seq() == 0 && !expected.hash().equals(AuditKeys.GENESIS)) {
            expectedHeadProblem = "entry 0, the expected head, has another hash than the start of every chain";
        }
        if (expectedHeadProblem != null) {
            return new AuditVerification(false, checked, expected.seq(), expectedHeadProblem, head, true);
        }
        return new AuditVerification(true, checked, null, null, head);
    }

    private String problemWith(Row row, String previous) {
        if (!keys.chain(previous, row.text()).equals(row.hash())) {
            return "entry " + row.seq() + " does not match its hash: its text was changed, or the entry before it";
        }
        Map<?, ?> entry;
        try {
            entry = (Map<?, ?>) CanonicalJson.read(row.text());
        } catch (RuntimeException e) {
            return "entry " + row.seq() + " is not readable JSON";
        }
        Map<?, ?> record = entry.get("record") instanceof Map<?, ?> r ? r : Map.of();
        boolean columnsAgree = Objects.equals(entry.get("seq"), row.seq())
                && Objects.equals(entry.get("actor"), row.actor())
                && Objects.equals(entry.get("action"), row.action())
                && Objects.equals(record.get("type"), row.recordType())
                && Objects.equals(record.get("id"), row.recordId());
        return columnsAgree ? null : "entry " + row.seq() + " has columns that disagree with its hashed text";
    }

    private AuditVerification broken(long checked, long seq, String reason) {
        return new AuditVerification(false, checked, seq, reason, head());
    }

    @Override
    public AuditHead head() {
        return jdbc.query("SELECT seq, hash FROM audit_head WHERE id", List.of(), rs -> new AuditHead(rs.getLong(1), rs.getString(2))).get(0);
    }

    /** The entry as readers see it, personal values opened where the person's key still exists. */
    private AuditRecord record(Row row) {
        Map<?, ?> entry = (Map<?, ?>) CanonicalJson.read(row.text());
        String subject = (String) entry.get("subject");
        var changes = new TreeMap<String, Object>();
        if (entry.get("changes") instanceof Map<?, ?> raw) {
            raw.forEach((field, value) -> {
                if (subject != null && value instanceof Map<?, ?> m && m.get("sealed") instanceof String sealed) {
                    changes.put((String) field, vault.decrypt(subject, sealed).<Object>map(CanonicalJson::read).orElse(FORGOTTEN));
                } else {
                    changes.put((String) field, value);
                }
            });
        }
        return new AuditRecord(row.seq(), row.at(), row.actor(), row.recordType(), row.recordId(), row.action(), changes);
    }
}
