package no.kontor.adapters.web.shared;

import java.io.IOException;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

/**
 * Booleans in request bodies are JSON {@code true} or {@code false}. Serde would
 * otherwise read any string as a boolean ({@code "maybe"} → false), quietly turning
 * a client's mistake into a stored value; this refuses it with a 400 naming the field.
 */
@Singleton
@Primary
public class StrictBooleanDeserializer implements Deserializer<Boolean> {

    @Override
    public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof Boolean b) {
            return b;
        }
        throw decoder.createDeserializationException("expected true or false, not " + value, value);
    }

    @Override
    public Boolean deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, type);
    }
}
