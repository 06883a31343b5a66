package no.kontor.adapters.persistence.sale;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Cursor;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.sale.port.TimeEntries;
import no.kontor.application.shared.Page;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.TimeEntry;
import no.kontor.application.sale.TimeEntryFilter;

@Singleton
public class JdbcTimeEntries implements TimeEntries {
    private final TimeEntryRepository repository;
    private final TimeEntryEntityMapper mapper;
    private final Jdbc jdbc;

    public JdbcTimeEntries(TimeEntryRepository repository, TimeEntryEntityMapper mapper, Jdbc jdbc) {
        this.repository = repository;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    public TimeEntry add(TimeEntry e) {
        return mapper.toDomain(repository.save(mapper.toEntity(e)));
    }

    @Override
    public Optional<TimeEntry> find(long id) {
        return repository.findById(id).map(mapper::toDomain);
    }

    @Override
    public void remove(long id) {
        repository.deleteById(id);
    }

    /** Hand SQL: a keyset page over optional filters, which a derived query cannot say. */
    @Override
    public Page<TimeEntry> list(TimeEntryFilter filter, String cursor, int limit) {
        var where = new StringBuilder("TRUE");
        var params = new ArrayList<Object>();
        if (filter.saleId() != null) {
            where.append(" AND sale_id = ?");
            params.add(filter.saleId().value());
        }
        if (filter.staffUserId() != null) {
            where.append(" AND staff_user_id = ?");
            params.add(filter.staffUserId());
        }
        if (filter.from() != null) {
            where.append(" AND work_date >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND work_date <= ?");
            params.add(filter.to());
        }
        if (cursor != null) {
            where.append(" AND (work_date, id) > (?, ?)");
            params.addAll(Cursor.read(cursor, "time", 2, keys -> List.of(LocalDate.parse(keys.get(0)), Long.parseLong(keys.get(1)))));
        }
        params.add(limit + 1);
        var rows = jdbc.query("SELECT * FROM time_entry WHERE " + where + " ORDER BY work_date, id LIMIT ?", params, JdbcTimeEntries::row);
        var items = rows.stream().limit(limit).toList();
        var last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page<>(items, rows.size() > limit ? Cursor.encode("time", last.workDate(), last.id()) : null);
    }

    private static TimeEntry row(ResultSet rs) throws SQLException {
        return new TimeEntry(rs.getLong("id"), new SaleId(rs.getLong("sale_id")), rs.getLong("staff_user_id"),
                rs.getObject("work_date", LocalDate.class), rs.getBigDecimal("hours").stripTrailingZeros(), rs.getString("description"),
                rs.getLong("line_id"), Jdbc.instant(rs, "created_at"));
    }
}
