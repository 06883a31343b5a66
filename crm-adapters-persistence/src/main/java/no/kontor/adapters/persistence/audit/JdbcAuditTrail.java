package no.kontor.adapters.persistence.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;

/**
 * Appends an entry in the caller's transaction: lock the head (last, so it is held
 * briefly), serialise the entry once, chain it with the keyed hash, insert it and
 * move the head.
 */
@Singleton
public class JdbcAuditTrail implements AuditTrail {
    private final Jdbc jdbc;
    private final AuditKeys keys;
    private final PersonalDataVault vault;

    public JdbcAuditTrail(Jdbc jdbc, AuditKeys keys, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.vault = vault;
    }

    @Override
    public void record(AuditEvent event) {
        var changes = new TreeMap<String, Object>();
        event.changes().forEach((field, change) -> {
            Map<String, Object> beforeAfter = new TreeMap<>();
            beforeAfter.put("before", change.before());
            beforeAfter.put("after", change.after());
            if (event.personal() != null && event.personal().fields().contains(field)) {
                changes.put(field, Map.of("sealed", vault.encrypt(event.personal().subject(), CanonicalJson.write(beforeAfter))));
            } else {
                changes.put(field, beforeAfter);
            }
        });

        var head = jdbc.query("SELECT seq, hash FROM audit_head WHERE id FOR UPDATE", List.of(),
                rs -> new Head(rs.getLong(1), rs.getString(2))).get(0);
        long seq = head.seq() + 1;
        var entry = new TreeMap<String, Object>();
        entry.put("seq", seq);
        entry.put("at", event.at());
        entry.put("actor", event.actor());
        entry.put("record", Map.of("type", event.recordType(), "id", event.recordId()));
        entry.put("action", event.action());
        entry.put("changes", changes);
        if (event.personal() != null) {
            entry.put("subject", event.personal().subject());
        }
        String text = CanonicalJson.write(entry);
        String hash = keys.chain(head.hash(), text);
        jdbc.update("""
                INSERT INTO audit_entry (seq, recorded_at, actor, record_type, record_id, action, entry_text, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                List.of(seq, event.at(), event.actor(), event.recordType(), event.recordId(), event.action(), text, hash));
        jdbc.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id", List.of(seq, hash));
    }

    record Head(long seq, String hash) {
    }
}
