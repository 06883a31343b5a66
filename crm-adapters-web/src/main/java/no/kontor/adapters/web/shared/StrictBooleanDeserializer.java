package no.kontor.adapters.web.shared;

import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;

/** Booleans in bodies are JSON {@code true} or {@code false}: serde read any string as one ("maybe" → false). */
@Singleton
@Primary
public class StrictBooleanDeserializer extends StrictJsonType<Boolean> {
    public StrictBooleanDeserializer() {
        super(Boolean.class, "true or false");
    }
}
