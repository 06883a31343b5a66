package no.kontor.adapters.web.shared;

import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;

/** Text in bodies is a JSON string: serde took a number (42 → "42") or a one-element array (["X"] → "X"). */
@Singleton
@Primary
public class StrictStringDeserializer extends StrictJsonType<String> {
    public StrictStringDeserializer() {
        super(String.class, "a text (a JSON string)");
    }
}
