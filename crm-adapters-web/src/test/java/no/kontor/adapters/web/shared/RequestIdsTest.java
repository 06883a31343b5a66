package no.kontor.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The id rule, with what no HTTP client sends (a line break in a header), and how an import is counted. */
class RequestIdsTest {

    @Test
    void aShortPlainIdIsKept() {
        for (String id : List.of("a", "edge-7f3a.B_2", "0123456789".repeat(6) + "abcd", "550e8400-e29b-41d4-a716-446655440000")) {
            assertThat(RequestIds.accepted(id)).isEqualTo(id);
        }
    }

    @Test
    void anythingElseIsReplacedByANewId() {
        var offered = new ArrayList<String>(List.of("", "x".repeat(65), "a\r\nX-Injected: yes", "a\nb", "a\rb", "quote\"d", "single'quote",
                "two words", "tab\tinside", "<script>", "semi;colon", "æøå", "a\u0000b", "a\u2028b"));
        offered.add(null);
        for (String id : offered) {
            assertThat(RequestIds.accepted(id)).as(String.valueOf(id)).isNotEqualTo(id).matches("[0-9a-f]{16}");
        }
        assertThat(RequestIds.accepted(null)).isNotEqualTo(RequestIds.accepted(null));
    }

    @Test
    void anImportIsCountedTakenWithItsRecordsOrRefused() {
        var seen = new ArrayList<String>();
        ImportCounts counts = new ImportCounts() {
            @Override
            public void taken(Kind kind, long records) {
                seen.add(kind.tag() + " taken " + records);
            }

            @Override
            public void refused(Kind kind) {
                seen.add(kind.tag() + " refused");
            }
        };
        assertThat(counts.counted(ImportCounts.Kind.POSTAL_CODES, () -> 4321, Integer::longValue)).isEqualTo(4321);
        var bad = new IllegalStateException("a bad file");
        assertThatThrownBy(() -> counts.counted(ImportCounts.Kind.OCR_PAYMENTS, () -> {
            throw bad;
        }, r -> 1L)).isSameAs(bad);
        assertThat(seen).containsExactly("postal-codes taken 4321", "ocr-payments refused");
    }
}
