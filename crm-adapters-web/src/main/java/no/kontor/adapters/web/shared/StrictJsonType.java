package no.kontor.adapters.web.shared;

import java.io.IOException;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;

/**
 * A request body's value must have the JSON type its field has. Serde would
 * otherwise coerce ({@code "maybe"} → false, {@code 42} → "42", {@code ["X"]} → "X"),
 * quietly storing a client's mistake; a subclass per type refuses it with a 400
 * naming the field.
 */
abstract class StrictJsonType<T> implements Deserializer<T> {
    private final Class<T> type;
    private final String expected;

    StrictJsonType(Class<T> type, String expected) {
        this.type = type;
        this.expected = expected;
    }

    @Override
    public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> argument) throws IOException {
        Object value = decoder.decodeArbitrary();
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw decoder.createDeserializationException("expected " + expected + ", not " + value, value);
    }

    @Override
    public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> argument) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, argument);
    }
}
