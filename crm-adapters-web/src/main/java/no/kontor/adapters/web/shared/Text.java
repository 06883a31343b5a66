package no.kontor.adapters.web.shared;

/**
 * What text may cross the HTTP boundary: only characters that XML 1.0 can carry
 * and that are not control characters, so that nothing typed into a form can
 * later break an EHF document, a PDF or a log line. Refused: C0 controls
 * (U+0000–U+001F), DEL and the C1 controls (U+007F–U+009F), the non-characters
 * U+FFFE and U+FFFF, and a surrogate that is not half of a pair. A multi-line
 * field may hold TAB, CR and LF; a single-line field may not.
 */
public final class Text {
    public static final String CODE = "text.invalid-character";

    private Text() {
    }

    /** The index of the first character that may not be in such a field, or -1 when all may. */
    public static int firstRefused(CharSequence text, boolean multiLine) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (!(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                    return i;
                }
            } else if (c >= 0x7F && c <= 0x9F || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Why a field's text is refused: the character, by code point, and where it is. */
    public static String refusal(CharSequence text, boolean multiLine) {
        int at = firstRefused(text, multiLine);
        if (at < 0) {
            return null;
        }
        String what = String.format("U+%04X", (int) text.charAt(at));
        return "contains the character " + what + " at position " + (at + 1) + "; control characters"
                + (multiLine ? " other than tab and line breaks" : ", tabs and line breaks")
                + ", U+FFFE, U+FFFF and unpaired surrogates are not accepted";
    }

    /** An uploaded file's bytes as UTF-8 text; bytes that are not UTF-8 are {@code 400} naming the field {@code file}. */
    public static String utf8File(byte[] bytes, String code) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes == null ? new byte[0]
                            : bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new no.kontor.domain.shared.ValidationException("file", code, "The file is not UTF-8");
        }
    }
}
