package no.kontor.application.testing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.kontor.application.reporting.port.Goals;
import no.kontor.domain.reporting.Goal;
import no.kontor.domain.shared.StaleVersionException;

/** Goals in memory, as the table keeps them. */
public final class InMemoryGoals implements Goals {
    private final Map<Long, Goal> rows = new LinkedHashMap<>();
    private long next = 1;

    @Override
    public synchronized Goal add(Goal g) {
        var stored = new Goal(next++, g.metric(), g.firstDay(), g.lastDay(), g.team(), g.sellerId(), g.campaign(), g.target(), g.createdBy(),
                g.createdAt(), g.changedBy(), g.changedAt(), 0);
        rows.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Goal> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Goal update(Goal g) {
        var current = rows.get(g.id());
        if (current == null || current.version() != g.version()) {
            throw new StaleVersionException("goal", g.id(), g.version());
        }
        var stored = new Goal(g.id(), g.metric(), g.firstDay(), g.lastDay(), g.team(), g.sellerId(), g.campaign(), g.target(), g.createdBy(),
                g.createdAt(), g.changedBy(), g.changedAt(), g.version() + 1);
        rows.put(g.id(), stored);
        return stored;
    }

    @Override
    public synchronized void delete(long id, long version) {
        var current = rows.get(id);
        if (current == null || current.version() != version) {
            throw new StaleVersionException("goal", id, version);
        }
        rows.remove(id);
    }

    @Override
    public synchronized List<Goal> overlapping(LocalDate from, LocalDate to) {
        return rows.values().stream().filter(g -> !g.lastDay().isBefore(from) && !g.firstDay().isAfter(to))
                .sorted(Comparator.comparing(Goal::firstDay).thenComparing(Goal::id)).toList();
    }
}
