package no.kontor.domain.advertising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import no.kontor.domain.shared.ValidationException;

/** The ad server's daily statistics file is taken whole or refused whole, naming each bad line and why. */
class AdStatisticsFileTest {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

    @Test
    void theSampleBannerExportFromReviveIsRead() throws IOException {
        var file = AdStatisticsFile.parse(resource("revive-banner-daily.csv"));
        assertThat(file.kind()).isEqualTo(AdServerKey.Kind.BANNER);
        assertThat(file.statistics()).hasSize(7).startsWith(new AdStatistic(NOV_1, AdServerKey.banner("12"), 1498, 7))
                .contains(new AdStatistic(LocalDate.of(2026, 11, 4), AdServerKey.banner("12"), 0, 1))
                .endsWith(new AdStatistic(LocalDate.of(2026, 11, 7), AdServerKey.banner("12"), 1096, 3));
        assertThat(file.days()).hasSize(7).first().isEqualTo(NOV_1);
        assertThat(file.days().last()).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(file.keys()).containsExactly(AdServerKey.banner("12"));
    }

    @Test
    void aZoneFileWithAByteOrderMarkSemicolonsNorwegianDatesAndQuotedCellsIsRead() {
        var file = AdStatisticsFile.parse("\ufeffDay;Zone ID;Impressions;Clicks;Revenue\r\n01.11.2026;\"7\";\"48000\";\"120\";\"1;5\"\r\n"
                + "2.11.2026; 8 ;900;0;\"say \"\"hi\"\"\"\r\n\r\n");
        assertThat(file.kind()).isEqualTo(AdServerKey.Kind.ZONE);
        assertThat(file.statistics()).containsExactly(new AdStatistic(NOV_1, AdServerKey.zone("7"), 48000, 120),
                new AdStatistic(NOV_2, AdServerKey.zone("8"), 900, 0));
    }

    @Test
    void aBannerFileWithCommasIsoDatesAndAQuotedSeparatorInAnIgnoredCellIsRead() {
        var file = AdStatisticsFile.parse("\"Day\",\"Banner ID\",\"Impressions\",\"Clicks\",\"Revenue\"\n"
                + "2026-11-01,12,1000,3,\"1,234.50\"\n2026-11-01,13,10,0,\"\"\n");
        assertThat(file.statistics()).containsExactly(new AdStatistic(NOV_1, AdServerKey.banner("12"), 1000, 3),
                new AdStatistic(NOV_1, AdServerKey.banner("13"), 10, 0));
        assertThat(file.days()).containsExactly(NOV_1);
        assertThat(file.keys()).containsExactly(AdServerKey.banner("12"), AdServerKey.banner("13"));
    }

    @Test
    void reviveOwnDayFirstDatesWithHyphensAreRead() {
        var file = AdStatisticsFile.parse("Day,Banner ID,Impressions,Clicks\n13-06-2018,1,5,1\n");
        assertThat(file.statistics()).extracting(AdStatistic::day).containsExactly(LocalDate.of(2018, 6, 13));
    }

    @Test
    void headerNamesAreMatchedWithoutCaseSpacesOrUnderscoresInAnyOrderAndUnknownColumnsAreIgnored() {
        var file = AdStatisticsFile.parse("CLICKS;ZONE_ID;Something Else;impressions;date\n4;3;=cmd|' /C calc'!A0;10;2026-11-02\n");
        assertThat(file.statistics()).containsExactly(new AdStatistic(NOV_2, AdServerKey.zone("3"), 10, 4));
    }

    @Test
    void clicksMayExceedImpressionsAndTheLargestLongIsTaken() {
        var file = AdStatisticsFile.parse("Day,Banner ID,Impressions,Clicks\n2026-11-01,1,0,5\n2026-11-02,1,9223372036854775807,0\n");
        assertThat(file.statistics()).containsExactly(new AdStatistic(NOV_1, AdServerKey.banner("1"), 0, 5),
                new AdStatistic(NOV_2, AdServerKey.banner("1"), Long.MAX_VALUE, 0));
    }

    @Test
    void theDaysCoveredAreSortedAndEachNamedOnce() {
        var file = AdStatisticsFile.parse("Day,Zone ID,Impressions,Clicks\n2026-11-02,1,1,0\n2026-11-01,1,1,0\n2026-11-02,2,1,0\n");
        assertThat(file.days()).containsExactly(NOV_1, NOV_2);
        assertThat(file.statistics()).hasSize(3);
    }

    @Test
    void oldMacLineBreaksWork() {
        assertThat(AdStatisticsFile.parse("Day,Zone ID,Impressions,Clicks\r2026-11-01,1,1,0\r2026-11-02,1,2,0\r").statistics()).hasSize(2);
    }

    @Test
    void everyBadLineIsNamedWithItsReasonAndNothingIsTaken() {
        var file = "Day;Banner ID;Impressions;Clicks\n"
                + "2026-11-31;12;1;1\n"        // 2: no such day
                + "2026-11-01;;1;1\n"          // 3: no id
                + "2026-11-01;12;-1;1\n"       // 4: negative impressions
                + "2026-11-01;12;1;1 000\n"    // 5: thousands separator
                + "2026-11-01;12;1;1\n"        // 6: fine
                + "01.11.2026;12;5;0\n"        // 7: the same day and banner again
                + "2026-11-01;13;1\n"          // 8: a cell short
                + "2026-11-01;\"14;1;1\n";     // 9: a quote never closed
        assertThatThrownBy(() -> AdStatisticsFile.parse(file)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(ValidationException.FieldError::field, ValidationException.FieldError::code,
                        ValidationException.FieldError::message)
                .containsExactly(
                        tuple("line 2", "ad-statistics.day", "line 2: '2026-11-31' is no date (yyyy-mm-dd, dd.mm.yyyy or dd-mm-yyyy)"),
                        tuple("line 3", "ad-statistics.id", "line 3: '' is no banner id (a whole number from 1, at most 18 digits)"),
                        tuple("line 4", "ad-statistics.impressions",
                                "line 4: '-1' impressions is no whole number from 0 to 9223372036854775807"),
                        tuple("line 5", "ad-statistics.clicks", "line 5: '1 000' clicks is no whole number from 0 to 9223372036854775807"),
                        tuple("line 7", "ad-statistics.duplicate", "line 7: 2026-11-01 banner 12 appears twice (first on line 6)"),
                        tuple("line 8", "ad-statistics.cells", "line 8: has 3 cells, expected 4"),
                        tuple("line 9", "ad-statistics.quote", "line 9: cell 2 opens a quote that is not closed on its line")));
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedNamingEachMissingOne() {
        assertThatThrownBy(() -> AdStatisticsFile.parse("Date;Requests;Revenue\n2026-11-01;1;2\n")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field, ValidationException.FieldError::message)
                        .containsExactly(tuple("line 1", "line 1: the column Impressions is missing"),
                                tuple("line 1", "line 1: the column Clicks is missing"),
                                tuple("line 1", "line 1: the column Banner ID or Zone ID is missing")));
    }

    @Test
    void aFileIsForBannersOrForZonesNotBoth() {
        assertThatThrownBy(() -> AdStatisticsFile.parse("Day,Banner ID,Zone ID,Impressions,Clicks\n2026-11-01,1,2,3,4\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::code, ValidationException.FieldError::message)
                        .containsExactly(tuple("ad-statistics.both-keys", "line 1: a file has a Banner ID or a Zone ID column, not both")));
    }

    @Test
    void aRequiredColumnNamedTwiceIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> AdStatisticsFile.parse("Day,Zone ID,Impressions,Clicks,clicks\n2026-11-01,1,3,4,5\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::code, ValidationException.FieldError::message)
                        .containsExactly(tuple("ad-statistics.duplicate-column", "line 1: the column Clicks appears twice")));
    }

    static Stream<Arguments> fileLevelRefusals() {
        return Stream.of(
                Arguments.of("", "file", "ad-statistics.empty"),
                Arguments.of("\ufeff", "file", "ad-statistics.empty"),
                Arguments.of("\n \r\n\n", "file", "ad-statistics.empty"),
                Arguments.of("Day,Zone ID,Impressions,Clicks\r\n\r\n", "file", "ad-statistics.no-rows"),
                Arguments.of("Day,Zone ID,Impressions,\"Clicks\n", "line 1", "ad-statistics.header"),
                Arguments.of("Day,Zone ID,Impressions,Clicks," + "x".repeat(AdStatisticsFile.MAX_FIELD + 1) + "\n2026-11-01,1,1,1,1\n",
                        "line 1", "ad-statistics.header"),
                Arguments.of("Day,Zone ID,Impres\u0000sions,Clicks\n2026-11-01,1,1,1\n", "line 1", "ad-statistics.header"));
    }

    @ParameterizedTest
    @MethodSource("fileLevelRefusals")
    void emptyOrHeaderlessFilesAreRefusedWhole(String file, String field, String code) {
        assertThatThrownBy(() -> AdStatisticsFile.parse(file)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field, ValidationException.FieldError::code)
                        .containsExactly(tuple(field, code)));
    }

    static Stream<Arguments> hostileLines() {
        String tooLong = "y".repeat(AdStatisticsFile.MAX_FIELD + 1);
        return Stream.of(
                Arguments.of("2026-11-01;1;=1+1;0", "ad-statistics.impressions"),
                Arguments.of("2026-11-01;1;+1;0", "ad-statistics.impressions"),
                Arguments.of("2026-11-01;1;1;@SUM(A1)", "ad-statistics.clicks"),
                Arguments.of("2026-11-01;=HYPERLINK(\"http://x\");1;0", "ad-statistics.id"),
                Arguments.of("=2026-11-01;1;1;0", "ad-statistics.day"),
                Arguments.of("2026-11-01;1;9223372036854775808;0", "ad-statistics.impressions"),
                Arguments.of("2026-11-01;1;1;99999999999999999999", "ad-statistics.clicks"),
                Arguments.of("2026-11-01;1;12.0;0", "ad-statistics.impressions"),
                Arguments.of("2026-11-01;1;\"1,000\";0", "ad-statistics.impressions"),
                Arguments.of("2026-11-01;1;;0", "ad-statistics.impressions"),
                Arguments.of("2026-11-01;1;1;-", "ad-statistics.clicks"),
                Arguments.of("2026-11-01;1;1;-5", "ad-statistics.clicks"),
                Arguments.of("2026-11-01;1;1;\uff11", "ad-statistics.clicks"),
                Arguments.of("2026-11-01;012;1;0", "ad-statistics.id"),
                Arguments.of("2026-11-01;0;1;0", "ad-statistics.id"),
                Arguments.of("2026-11-01;1234567890123456789;1;0", "ad-statistics.id"),
                Arguments.of("11/01/2026;1;1;0", "ad-statistics.day"),
                Arguments.of("2026-13-01;1;1;0", "ad-statistics.day"),
                Arguments.of("29.02.2026;1;1;0", "ad-statistics.day"),
                Arguments.of("2026-11-01\u0000;1;1;0", "ad-statistics.control-character"),
                Arguments.of("2026-11-01;1;1;0\t", "ad-statistics.control-character"),
                Arguments.of("2026-11-01;1\u001b[31m;1;0", "ad-statistics.control-character"),
                Arguments.of("2026-11-01;1;1;0;note", "ad-statistics.cells"),
                Arguments.of("2026-11-01;\"1\"x;1;0", "ad-statistics.quote"),
                Arguments.of("2026-11-01;" + tooLong + ";1;0", "ad-statistics.field-too-long"),
                Arguments.of("2026-11-01;1;1;" + "9".repeat(AdStatisticsFile.MAX_LINE_LENGTH), "ad-statistics.line-too-long"));
    }

    @ParameterizedTest
    @MethodSource("hostileLines")
    void hostileLinesAreRefusedByNumberAndReason(String line, String code) {
        assertThatThrownBy(() -> AdStatisticsFile.parse("Day;Zone ID;Impressions;Clicks\n2026-11-02;1;1;0\n" + line + "\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field, ValidationException.FieldError::code)
                        .containsExactly(tuple("line 3", code)));
    }

    @Test
    void aControlCharacterIsRefusedEvenInAColumnThatIsIgnored() {
        assertThatThrownBy(() -> AdStatisticsFile.parse("Day,Zone ID,Impressions,Clicks,Note\n2026-11-01,1,1,0,a\u0007b\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::message)
                        .containsExactly("line 2: cell 5 holds a control character"));
    }

    @Test
    void aBlankLineBetweenRowsIsNamed() {
        assertThatThrownBy(() -> AdStatisticsFile.parse("Day,Zone ID,Impressions,Clicks\n2026-11-01,1,1,0\n\n2026-11-02,1,1,0\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::message).containsExactly("line 3: has 1 cells, expected 4"));
    }

    @Test
    void atMostTwentyBadLinesAreNamedThenOneErrorSaysThereAreMore() {
        var file = new StringBuilder("Day;Zone ID;Impressions;Clicks\n");
        for (int i = 0; i < 50; i++) {
            file.append("x;1;1;1\n");
        }
        assertThatThrownBy(() -> AdStatisticsFile.parse(file.toString())).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).hasSize(AdStatisticsFile.MAX_ERRORS + 1);
            assertThat(e.errors().get(AdStatisticsFile.MAX_ERRORS - 1).field()).isEqualTo("line 21");
            assertThat(e.errors().get(AdStatisticsFile.MAX_ERRORS)).isEqualTo(new ValidationException.FieldError("file",
                    "ad-statistics.more-errors", "More lines are bad from line 22 on; only the first 20 are named"));
        });
    }

    @Test
    void aFileOfMoreThanTheMostLinesIsRefusedBeforeItsLinesAreRead() {
        var file = "Day;Zone ID;Impressions;Clicks\n" + "\n".repeat(AdStatisticsFile.MAX_LINES) + "2026-11-01;1;1;1\n";
        assertThatThrownBy(() -> AdStatisticsFile.parse(file)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::code).containsExactly("ad-statistics.too-many-lines"));
    }

    @Test
    void aFileOfExactlyTheMostLinesIsReadLineByLine() {
        var file = "Day;Zone ID;Impressions;Clicks\n" + "\n".repeat(AdStatisticsFile.MAX_LINES - 1) + "2026-11-01;1;1;1\n";
        assertThatThrownBy(() -> AdStatisticsFile.parse(file)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::code).first().isEqualTo("ad-statistics.cells"));
    }

    @Test
    void theRowsAndKeysRefuseWhatTheFileWouldRefuse() {
        assertThatThrownBy(() -> new AdStatistic(NOV_1, AdServerKey.zone("1"), 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdServerKey.banner("01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdServerKey.banner("1 OR 1=1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AdServerKey.zone("123").toString()).isEqualTo("zone 123");
    }

    @Test
    void theResultCannotBeChangedByTheCaller() {
        var file = AdStatisticsFile.parse("Day,Zone ID,Impressions,Clicks\n2026-11-01,1,1,0\n");
        assertThatThrownBy(() -> file.statistics().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> file.days().add(NOV_2)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AdStatisticsFileTest.class.getResourceAsStream("/advertising/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
