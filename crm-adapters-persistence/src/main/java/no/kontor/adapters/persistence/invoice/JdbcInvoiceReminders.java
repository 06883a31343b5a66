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

/** Reminders through a Micronaut Data repository; the keyset page is SQL of its own (the house's {@link Keyset}). */
@Singleton
public class JdbcInvoiceReminders implements InvoiceReminders {
    private final ReminderRepository repository;
    private final ReminderEntityMapper mapper;
    private final Jdbc jdbc;

    public JdbcInvoiceReminders(ReminderRepository repository, ReminderEntityMapper mapper, Jdbc jdbc) {
        this.repository = repository;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    public Reminder add(Reminder r) {
        return mapper.toDomain(repository.save(mapper.toEntity(r)));
    }

    @Override
    public Optional<Reminder> find(long id) {
        return repository.findById(id).map(mapper::toDomain);
    }

    @Override
    public List<Reminder> of(InvoiceId invoice) {
        return repository.findByInvoiceIdOrderByNumber(invoice.value()).stream().map(mapper::toDomain).toList();
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
