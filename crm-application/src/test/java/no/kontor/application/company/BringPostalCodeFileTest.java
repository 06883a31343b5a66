package no.kontor.application.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import no.kontor.domain.shared.ValidationException;

class BringPostalCodeFileTest {
    static byte[] cp1252(String s) {
        return s.getBytes(Charset.forName("windows-1252"));
    }

    @Test
    void readsBringsWindows1252Register() {
        var places = BringPostalCodeFile.parse(cp1252("0150\tOSLO\t0301\tOSLO\tG\r\n9008\tTROMSØ\t5501\tTROMSØ\tB\r\n"));
        assertThat(places).hasSize(2);
        assertThat(places.get(1).place()).isEqualTo("TROMSØ");
        assertThat(places.get(1).municipalityNumber()).isEqualTo("5501");
        assertThat(places.get(1).category()).isEqualTo("B");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            too few columns        | 0150\\tOSLO\\t0301\\tOSLO                  | Line 1
            letters in the code    | 01A0\\tOSLO\\t0301\\tOSLO\\tG             | postcode
            unknown category       | 0150\\tOSLO\\t0301\\tOSLO\\tX             | category
            a place too long       | 0150\\tOSLOOSLOOSLOOSLOOSLOOSLOOSLOOSLOOSLO\\t0301\\tOSLO\\tG | place
            a duplicate code       | 0150\\tOSLO\\t0301\\tOSLO\\tG\\n0150\\tOSLO\\t0301\\tOSLO\\tG | Line 2
            """)
    void aBadLineRefusesTheWholeFileNamingIt(String name, String content, String expected) {
        assertThatThrownBy(() -> BringPostalCodeFile.parse(cp1252(content.replace("\\t", "\t").replace("\\n", "\n"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining(expected).hasMessageContaining("nothing was imported");
    }

    @Test
    void bytesThatAreNotWindows1252AndEmptyFilesAreRefused() {
        assertThatThrownBy(() -> BringPostalCodeFile.parse(new byte[] {'0', '1', '5', '0', '\t', (byte) 0x81}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Windows-1252");
        assertThatThrownBy(() -> BringPostalCodeFile.parse(new byte[0])).isInstanceOf(ValidationException.class);
    }
}
