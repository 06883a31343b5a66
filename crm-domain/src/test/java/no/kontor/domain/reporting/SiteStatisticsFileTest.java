package no.kontor.domain.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import no.kontor.domain.shared.ValidationException;

/** The site's statistics file is taken whole or refused whole, naming each bad line and why. */
class SiteStatisticsFileTest {

    @Test
    void aFileWithAByteOrderMarkSemicolonsAndNorwegianDatesIsRead() {
        var rows = SiteStatisticsFile.parse("\ufeffdate;channel;articles;page_views\r\n2026-11-01;Sport;12;48000\r\n02.11.2026;Kultur;3;900\r\n\r\n");
        assertThat(rows).containsExactly(new SiteStatistic(LocalDate.of(2026, 11, 1), "Sport", 12, 48000),
                new SiteStatistic(LocalDate.of(2026, 11, 2), "Kultur", 3, 900));
    }

    @Test
    void commasWorkToo() {
        assertThat(SiteStatisticsFile.parse("date,channel,articles,page_views\n2026-11-01,Sport,0,0\n")).hasSize(1);
    }

    @Test
    void everyBadLineIsNamedAndNothingIsTaken() {
        var file = "date;channel;articles;page_views\n2026-11-31;Sport;1;1\n2026-11-01;;1;1\n2026-11-01;Sport;-1;1\n"
                + "2026-11-01;Sport;1;1 000\n2026-11-01;Sport;1;1\n2026-11-01;SPORT;1;1\n2026-11-01;Sport;1\n";
        assertThatThrownBy(() -> SiteStatisticsFile.parse(file)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(ValidationException.FieldError::field, ValidationException.FieldError::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("line 2", "site-statistics.date"),
                        org.assertj.core.groups.Tuple.tuple("line 3", "site-statistics.channel"),
                        org.assertj.core.groups.Tuple.tuple("line 4", "site-statistics.articles"),
                        org.assertj.core.groups.Tuple.tuple("line 5", "site-statistics.page-views"),
                        org.assertj.core.groups.Tuple.tuple("line 7", "site-statistics.duplicate"),
                        org.assertj.core.groups.Tuple.tuple("line 8", "site-statistics.cells")));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> hostileFiles() {
        String header = "date;channel;articles;page_views\n";
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("", "site-statistics.empty"),
                org.junit.jupiter.params.provider.Arguments.of("day;section;a;b\n", "site-statistics.header"),
                org.junit.jupiter.params.provider.Arguments.of(header + "2026-11-01;Sp\u0000ort;1;1\n", "site-statistics.channel"),
                org.junit.jupiter.params.provider.Arguments.of(header + "2026-11-01;Sport;9999999999999999;1\n", "site-statistics.articles"),
                org.junit.jupiter.params.provider.Arguments.of(header + "2026-11-01;" + "x".repeat(101) + ";1;1\n", "site-statistics.channel"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("hostileFiles")
    void hostileFilesAreRefused(String file, String code) {
        assertThatThrownBy(() -> SiteStatisticsFile.parse(file)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::code).contains(code));
    }

    @Test
    void atMostTwentyErrorsAreNamed() {
        var file = new StringBuilder("date;channel;articles;page_views\n");
        for (int i = 0; i < 50; i++) {
            file.append("x;Sport;1;1\n");
        }
        assertThatThrownBy(() -> SiteStatisticsFile.parse(file.toString())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).hasSize(SiteStatisticsFile.MAX_ERRORS));
    }
}
