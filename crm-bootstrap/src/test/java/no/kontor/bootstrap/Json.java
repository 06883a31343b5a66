package no.kontor.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

/** Reads a response body as maps and lists, for assertions on nested documents. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.createDefault();

    private Json() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String body) {
        try {
            return MAPPER.readValue(body, Argument.of(Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
