package no.kontor.application.identity;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import no.kontor.domain.shared.ValidationException;

/**
 * What a password may be. At least {@link #MIN_CHARACTERS} characters; at most
 * {@link #MAX_BYTES} bytes in UTF-8, because the slow hash reads no further (bcrypt
 * stops at 72 bytes, and the library refuses more rather than silently ignoring the
 * rest). The limit is in bytes, not characters: 72 ASCII characters fit, 36 "æ" do.
 */
public final class Passwords {
    public static final int MIN_CHARACTERS = 10;
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    /** Refuses a new password that is too short, too long, or not text, naming {@code field}. */
    public static void checkNew(String field, char[] password) {
        if (password == null || password.length < MIN_CHARACTERS) {
            throw new ValidationException(field, "user.password-too-short",
                    "A password has at least " + MIN_CHARACTERS + " characters");
        }
        if (!fitsTheHash(password)) {
            throw new ValidationException(field, "user.password-too-long",
                    "A password has at most " + MAX_BYTES + " bytes in UTF-8 (72 plain letters, fewer with æ, ø, å)");
        }
    }

    /** Whether the hash can take the password: valid UTF-16 of at most {@link #MAX_BYTES} bytes in UTF-8. */
    public static boolean fitsTheHash(char[] password) {
        if (password == null || password.length > MAX_BYTES) {
            return false;
        }
        try {
            var bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(password));
            int length = bytes.remaining();
            java.util.Arrays.fill(bytes.array(), (byte) 0);
            return length <= MAX_BYTES;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
