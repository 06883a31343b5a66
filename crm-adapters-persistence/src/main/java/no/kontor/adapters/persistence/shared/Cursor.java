package no.kontor.adapters.persistence.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import no.kontor.domain.shared.ValidationException;

/**
 * An opaque keyset cursor: the sort key of the last row shown, tagged with the
 * list it belongs to so that a cursor from one list is refused by another.
 */
public final class Cursor {
    private static final char SEP = '\u001f';

    private Cursor() {
    }

    public static String encode(String tag, Object... keys) {
        var sb = new StringBuilder(tag);
        for (Object key : keys) {
            sb.append(SEP).append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor made with {@code tag}, or a validation error naming the {@code cursor} field. */
    public static List<String> decode(String cursor, String tag, int keyCount) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            var parts = Arrays.asList(text.split(String.valueOf(SEP), -1));
            if (parts.size() == keyCount + 1 && parts.get(0).equals(tag)) {
                return parts.subList(1, parts.size());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new ValidationException("cursor", "cursor.invalid", "The cursor does not belong to this list");
    }

    /** The cursor's keys read by {@code read}; keys that do not read (a forged cursor) are refused like a foreign one. */
    public static <T> T read(String cursor, String tag, int keyCount, java.util.function.Function<List<String>, T> read) {
        var keys = decode(cursor, tag, keyCount);
        try {
            return read.apply(keys);
        } catch (RuntimeException e) {
            throw new ValidationException("cursor", "cursor.invalid", "The cursor does not belong to this list");
        }
    }
}
