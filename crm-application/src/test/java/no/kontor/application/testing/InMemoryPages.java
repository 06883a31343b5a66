package no.kontor.application.testing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import no.kontor.application.shared.Page;
import no.kontor.domain.shared.ValidationException;

/**
 * Keyset pages in memory, the way the JDBC adapters page: rows in the order of
 * their keys (the last one unique), a page resumes strictly after the last row
 * shown, and a cursor is opaque and belongs to one list; any other is refused
 * naming the {@code cursor} field.
 */
public final class InMemoryPages {
    private static final Map<String, Cursor> CURSORS = new ConcurrentHashMap<>();

    private record Cursor(String tag, List<Comparable<?>> keys) {
    }

    private InMemoryPages() {
    }

    public static <T> Page<T> ascending(String tag, Collection<T> rows, Function<T, List<Comparable<?>>> keys, String cursor,
                                        int limit) {
        return page(tag, rows, keys, false, cursor, limit);
    }

    public static <T> Page<T> descending(String tag, Collection<T> rows, Function<T, List<Comparable<?>>> keys, String cursor,
                                         int limit) {
        return page(tag, rows, keys, true, cursor, limit);
    }

    private static <T> Page<T> page(String tag, Collection<T> rows, Function<T, List<Comparable<?>>> keys, boolean descending,
                                    String cursor, int limit) {
        Comparator<List<Comparable<?>>> byKeys = descending ? (a, b) -> compare(b, a) : InMemoryPages::compare;
        List<Comparable<?>> after = cursor == null ? null : decode(tag, cursor);
        var sorted = rows.stream().filter(r -> after == null || byKeys.compare(keys.apply(r), after) > 0)
                .sorted(Comparator.comparing(keys, byKeys)).toList();
        var shown = sorted.stream().limit(limit).toList();
        String next = null;
        if (sorted.size() > limit) {
            next = UUID.randomUUID().toString();
            CURSORS.put(next, new Cursor(tag, keys.apply(shown.get(shown.size() - 1))));
        }
        return new Page<>(shown, next);
    }

    private static List<Comparable<?>> decode(String tag, String cursor) {
        var c = CURSORS.get(cursor);
        if (c == null || !c.tag().equals(tag)) {
            throw new ValidationException("cursor", "cursor.invalid", "The cursor does not belong to this list");
        }
        return c.keys();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(List<Comparable<?>> a, List<Comparable<?>> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
