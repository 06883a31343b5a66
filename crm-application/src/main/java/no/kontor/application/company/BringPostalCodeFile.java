package no.kontor.application.company;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import no.kontor.domain.shared.ValidationException;

/**
 * Bring's postal-code register as Bring publishes it: tab-separated, Windows-1252,
 * columns postcode (4 digits), place (≤ 32), municipality number (4 digits),
 * municipality name (≤ 30), category (G, P, B, F or S). A file with any bad line
 * is refused whole, naming the line.
 */
public final class BringPostalCodeFile {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Set<String> CATEGORIES = Set.of("G", "P", "B", "F", "S");

    private BringPostalCodeFile() {
    }

    public static List<PostalPlace> parse(byte[] content) {
        String text;
        try {
            text = WINDOWS_1252.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw refused(0, "the file is not Windows-1252 text");
        }
        var places = new ArrayList<PostalPlace>();
        var seen = new HashSet<String>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            int n = i + 1;
            if (f.length != 5) {
                throw refused(n, "expected 5 tab-separated columns, found " + f.length);
            }
            String code = f[0].strip();
            String place = f[1].strip();
            String municipalityNumber = f[2].strip();
            String municipalityName = f[3].strip();
            String category = f[4].strip();
            if (!FOUR_DIGITS.matcher(code).matches()) {
                throw refused(n, "the postcode '" + code + "' is not four digits");
            }
            if (place.isEmpty() || place.length() > 32) {
                throw refused(n, "the place must be 1–32 characters");
            }
            if (!FOUR_DIGITS.matcher(municipalityNumber).matches()) {
                throw refused(n, "the municipality number '" + municipalityNumber + "' is not four digits");
            }
            if (municipalityName.isEmpty() || municipalityName.length() > 30) {
                throw refused(n, "the municipality name must be 1–30 characters");
            }
            if (!CATEGORIES.contains(category)) {
                throw refused(n, "the category '" + category + "' is not one of G, P, B, F, S");
            }
            if (!seen.add(code)) {
                throw refused(n, "the postcode " + code + " appears twice");
            }
            places.add(new PostalPlace(code, place, municipalityNumber, municipalityName, category));
        }
        if (places.isEmpty()) {
            throw refused(0, "the file holds no postcodes");
        }
        return places;
    }

    private static ValidationException refused(int line, String why) {
        return new ValidationException("file", "postal-codes.file-invalid",
                (line > 0 ? "Line " + line + ": " : "") + why + "; nothing was imported");
    }
}
