package no.kontor.adapters.web.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A page of a list; pass {@code nextCursor} as {@code cursor} to get the next one. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, @Nullable String nextCursor) {

    /** The page with each item answered by {@code respond}. */
    public static <A, T> PageResponse<T> of(no.kontor.application.shared.Page<A> page, java.util.function.Function<A, T> respond) {
        return new PageResponse<>(page.items().stream().map(respond).toList(), page.nextCursor());
    }
}
