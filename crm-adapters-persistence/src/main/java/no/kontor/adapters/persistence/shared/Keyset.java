package no.kontor.adapters.persistence.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

import no.kontor.application.shared.Page;

/**
 * One keyset-paginated list: rows in the order of its key columns (the last one
 * unique, usually the id, so the order is total), each page resumed after the
 * last row shown with a row comparison, never an OFFSET. The cursor carries the
 * last row's keys, read from the result row, tagged with the list's name.
 */
public final class Keyset {
    /** How a key column reads from a row and from a cursor. */
    public enum Type {
        LONG, DATE, TEXT, INSTANT;

        Object read(ResultSet rs, String column) throws SQLException {
            return switch (this) {
                case LONG -> rs.getLong(column);
                case DATE -> rs.getObject(column, LocalDate.class);
                case TEXT -> rs.getString(column);
                case INSTANT -> Jdbc.instant(rs, column);
            };
        }

        Object parse(String text) {
            return switch (this) {
                case LONG -> Long.parseLong(text);
                case DATE -> LocalDate.parse(text);
                case TEXT -> text;
                case INSTANT -> Instant.parse(text);
            };
        }
    }

    public record Key(String column, Type type) {
    }

    private final String tag;
    private final List<Key> keys;
    private final boolean descending;

    private Keyset(String tag, boolean descending, List<Key> keys) {
        this.tag = tag;
        this.keys = List.copyOf(keys);
        this.descending = descending;
    }

    public static Keyset ascending(String tag, Key... keys) {
        return new Keyset(tag, false, List.of(keys));
    }

    public static Keyset descending(String tag, Key... keys) {
        return new Keyset(tag, true, List.of(keys));
    }

    public static Key key(String column, Type type) {
        return new Key(column, type);
    }

    /**
     * One page of {@code select} (a {@code SELECT … FROM … WHERE …} that returns the
     * key columns by name) with {@code params}, after {@code cursor} (null: the first page).
     */
    public <T> Page<T> page(Jdbc jdbc, String select, List<?> params, String cursor, int limit, Jdbc.RowMapper<T> mapper) {
        var all = new ArrayList<Object>(params);
        var sql = new StringBuilder(select);
        var columns = new StringJoiner(", ", "(", ")");
        var marks = new StringJoiner(", ", "(", ")");
        var order = new StringJoiner(", ");
        for (Key k : keys) {
            columns.add(k.column());
            marks.add("?");
            order.add(k.column() + (descending ? " DESC" : ""));
        }
        if (cursor != null) {
            all.addAll(Cursor.read(cursor, tag, keys.size(), texts -> {
                var values = new ArrayList<Object>();
                for (int i = 0; i < keys.size(); i++) {
                    values.add(keys.get(i).type().parse(texts.get(i)));
                }
                return values;
            }));
            sql.append(" AND ").append(columns).append(descending ? " < " : " > ").append(marks);
        }
        sql.append(" ORDER BY ").append(order).append(" LIMIT ?");
        all.add(limit + 1);
        var rows = jdbc.query(sql.toString(), all, rs -> {
            var rowKeys = new Object[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                rowKeys[i] = keys.get(i).type().read(rs, keys.get(i).column());
            }
            return new Row<>(mapper.map(rs), rowKeys);
        });
        var shown = rows.stream().limit(limit).toList();
        String next = rows.size() > limit ? Cursor.encode(tag, shown.get(shown.size() - 1).keys()) : null;
        return new Page<>(shown.stream().map(Row::item).toList(), next);
    }

    /** A page whose items are loaded in the page's order by {@code load} (e.g. ids read through a repository). */
    public static <I, T> Page<T> load(Page<I> page, Function<List<I>, List<T>> load) {
        return new Page<>(load.apply(page.items()), page.nextCursor());
    }

    /** {@code rows} (loaded by id, in any order) in the order of {@code ids}. */
    public static <E> List<E> inOrderOf(List<Long> ids, Iterable<E> rows, Function<E, Long> idOf) {
        var byId = new java.util.HashMap<Long, E>();
        rows.forEach(r -> byId.put(idOf.apply(r), r));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private record Row<T>(T item, Object[] keys) {
    }
}
