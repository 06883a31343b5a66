package no.kontor.application.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** A map of rows by id with snapshot and restore, the base of every in-memory port. */
public class InMemoryStore<T> {
    protected final TreeMap<Long, T> rows = new TreeMap<>();
    protected final AtomicLong ids = new AtomicLong();

    Map<Long, T> snapshot() {
        synchronized (rows) {
            return new TreeMap<>(rows);
        }
    }

    @SuppressWarnings("unchecked")
    void restore(Map<Long, ?> snapshot) {
        synchronized (rows) {
            rows.clear();
            rows.putAll((Map<Long, T>) snapshot);
        }
    }

    protected long nextId() {
        return ids.incrementAndGet();
    }

    public int size() {
        synchronized (rows) {
            return rows.size();
        }
    }
}
