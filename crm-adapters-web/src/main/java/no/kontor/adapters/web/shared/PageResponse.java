package no.kontor.adapters.web.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A page of a list; pass {@code nextCursor} as {@code cursor} to get the next one. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, @Nullable String nextCursor) {
}
