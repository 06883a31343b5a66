package no.kontor.adapters.persistence.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.invoice.port.InvoiceReminders;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.Reminder;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.application.shared.Page;

@Singleton
public class JdbcInvoiceReminders implements InvoiceReminders {
    private final Jdbc jdbc;

    public JdbcInvoiceReminders(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Reminder add(Reminder r) {
        long id = jdbc.query("INSERT INTO invoice_reminder (invoice_id, number, sent_on, pay_by, principal, fee, interest, sent_by, sent_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", List.of(r.invoiceId().value(), r.number(), r.sentOn(), r.payBy(),
                        r.principal(), r.fee(), r.interest(), r.sentBy(), r.sentAt()), rs -> rs.getLong(1)).get(0);
        return r.withId(id);
    }

    @Override
    public Optional<Reminder> find(long id) {
        return jdbc.query("SELECT * FROM invoice_reminder WHERE id = ?", List.of(id), JdbcInvoiceReminders::row).stream().findFirst();
    }

    @Override
    public List<Reminder> of(InvoiceId invoice) {
        return jdbc.query("SELECT * FROM invoice_reminder WHERE invoice_id = ? ORDER BY number", List.of(invoice.value()),
                JdbcInvoiceReminders::row);
    }

    private static final Keyset BY_NUMBER = Keyset.ascending("reminders", Keyset.key("number", Keyset.Type.LONG),
            Keyset.key("id", Keyset.Type.LONG));

    @Override
    public Page<Reminder> of(InvoiceId invoice, String cursor, int limit) {
        return BY_NUMBER.page(jdbc, "SELECT * FROM invoice_reminder WHERE invoice_id = ?", List.of(invoice.value()), cursor, limit,
                JdbcInvoiceReminders::row);
    }

    private static Reminder row(ResultSet rs) throws SQLException {
        return new Reminder(rs.getLong("id"), new InvoiceId(rs.getLong("invoice_id")), rs.getInt("number"),
                rs.getObject("sent_on", LocalDate.class), rs.getObject("pay_by", LocalDate.class), rs.getLong("principal"),
                rs.getLong("fee"), rs.getLong("interest"), rs.getString("sent_by"), Jdbc.instant(rs, "sent_at"));
    }
}
