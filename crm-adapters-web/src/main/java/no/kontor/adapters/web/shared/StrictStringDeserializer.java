package no.kontor.adapters.web.shared;

import java.io.IOException;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

/**
 * Text in bodies is a JSON string: serde took a number (42 → "42") or a
 * one-element array (["X"] → "X"). And it is text XML 1.0 can carry, one line
 * unless the field is {@link MultiLine} (see {@link Text}): every string of every
 * body passes here, nested objects and list items included, and a refusal is a 400
 * naming the field's path.
 */
@Singleton
@Primary
public class StrictStringDeserializer extends StrictJsonType<String> {
    private final boolean multiLine;

    public StrictStringDeserializer() {
        this(false);
    }

    private StrictStringDeserializer(boolean multiLine) {
        super(String.class, "a text (a JSON string)");
        this.multiLine = multiLine;
    }

    @Override
    public Deserializer<String> createSpecific(DecoderContext context, Argument<? super String> type) {
        boolean wanted = type.getAnnotationMetadata().hasAnnotation(MultiLine.class);
        return wanted == multiLine ? this : new StrictStringDeserializer(wanted);
    }

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> argument) throws IOException {
        String value = super.deserialize(decoder, context, argument);
        String refusal = Text.refusal(value, multiLine);
        if (refusal != null) {
            throw new RefusedText("The text " + refusal);
        }
        return value;
    }

    /** Text a field may not hold; a 400 with the code {@value Text#CODE} and the field's path. */
    static final class RefusedText extends SerdeException {
        RefusedText(String message) {
            super(message);
        }
    }
}
