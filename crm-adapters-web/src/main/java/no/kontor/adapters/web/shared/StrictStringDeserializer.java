package no.kontor.adapters.web.shared;

import java.io.IOException;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

/**
 * Text in request bodies is a JSON string. Serde would otherwise take a number
 * ({@code 42} → "42") or a one-element array ({@code ["X"]} → "X") for text,
 * accepting a client's wrong type as if it were right; this refuses it with a 400
 * naming the field.
 */
@Singleton
@Primary
public class StrictStringDeserializer implements Deserializer<String> {

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof String s) {
            return s;
        }
        throw decoder.createDeserializationException("expected a text (a JSON string), not " + value, value);
    }

    @Override
    public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, type);
    }
}
