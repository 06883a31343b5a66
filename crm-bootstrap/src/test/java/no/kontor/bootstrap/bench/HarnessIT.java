package no.kontor.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The benchmark harness end to end at a small scale (a heavy proof: {@code ./mvnw verify -Pheavy}):
 * the packaged jar started as a user starts it, every operation driven by wrk, pgbench beside it,
 * the report and chart written, no error. It proves the harness runs; the figures come from
 * {@code bench/run} on the full data set (docs/benchmarks/harness.md).
 */
class HarnessIT {

    @Test
    void everyOperationRunsWithoutAnErrorAndTheReportIsWritten() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path out = Path.of("target", "bench-harness-it-report").toAbsolutePath();
        var options = new Harness.Options(0.001, List.of(16), 1, 1, Pattern.compile(".*"), out, "bench-harness-it", root, null, 1);

        var report = Harness.run(options);

        assertThat(report.rows()).extracting(HarnessReport.Row::operation).containsExactlyElementsOf(Harness.OPERATIONS);
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.result().requests()).as(row.operation()).isPositive();
            assertThat(row.result().errors()).as(row.operation() + ": " + row.result().refusals()).isZero();
        });
        String markdown = Files.readString(out.resolve(HarnessReport.MARKDOWN));
        assertThat(markdown).contains("| GET company card | 16 |", "| issue an invoice | 16 |", "start to first served request",
                "pgbench's keyed read", "**0** (must be 0)");
        var chart = ImageIO.read(out.resolve(HarnessReport.CHART).toFile());
        assertThat(chart.getWidth()).isEqualTo(1200);
    }
}
