package no.kontor.adapters.persistence.shared;

import java.util.function.Supplier;

import io.micronaut.data.exceptions.OptimisticLockException;
import no.kontor.domain.shared.StaleVersionException;

/** A Micronaut Data update of a {@code @Version}ed row, speaking the domain's language when it is stale. */
public final class VersionedUpdate {
    private VersionedUpdate() {
    }

    public static <T> T run(String kind, Object id, long version, Supplier<T> update) {
        try {
            return update.get();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(kind, id, version);
        }
    }
}
