package no.kontor.adapters.web.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import no.kontor.domain.shared.ValidationException;

/**
 * Exports as CSV a Norwegian spreadsheet opens as it is: UTF-8 with a byte-order mark,
 * {@code ;} between cells (or {@code ,} on request), amounts in kroner with a decimal comma
 * (or point), dates as ISO (or dd.mm.yyyy). The rows are written as they come, to the
 * response as the client takes them, never gathered first. A text cell that a spreadsheet would take for a
 * formula ({@code = + - @}, a tab or a carriage return first) is written with a leading
 * apostrophe; numbers and amounts are never touched, so a negative amount stays a number.
 */
public final class CsvExport {
    public static final MediaType TEXT_CSV = new MediaType("text/csv; charset=utf-8");
    private static final Logger LOG = LoggerFactory.getLogger(CsvExport.class);
    private static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private CsvExport() {
    }

    /** How the file is written; from the query parameters {@code separator}, {@code decimal} and {@code dates}. */
    public record Options(char separator, boolean decimalComma, boolean norwegianDates) {

        public static Options of(String separator, String decimal, String dates) {
            char sep = switch (separator == null ? "semicolon" : separator) {
                case "semicolon" -> ';';
                case "comma" -> ',';
                default -> throw new ValidationException("separator", "csv.separator-invalid", "separator is semicolon (default) or comma");
            };
            boolean comma = switch (decimal == null ? "comma" : decimal) {
                case "comma" -> true;
                case "point" -> false;
                default -> throw new ValidationException("decimal", "csv.decimal-invalid", "decimal is comma (default) or point");
            };
            boolean norwegian = switch (dates == null ? "iso" : dates) {
                case "iso" -> false;
                case "norwegian" -> true;
                default -> throw new ValidationException("dates", "csv.dates-invalid", "dates is iso (default) or norwegian (dd.mm.yyyy)");
            };
            if (sep == ',' && comma) {
                throw new ValidationException("decimal", "csv.decimal-clashes", "with separator=comma, use decimal=point");
            }
            return new Options(sep, comma, norwegian);
        }
    }

    /**
     * The cells of the current row, typed: text is neutralised, amounts and numbers are
     * written as numbers; {@link #end()} ends the row and starts the next.
     */
    public static final class Row {
        private final Options options;
        private final CSVPrinter printer;

        Row(Options options, CSVPrinter printer) {
            this.options = options;
            this.printer = printer;
        }

        public Row text(String value) {
            return cell(value == null ? "" : neutralised(value));
        }

        /** An amount in øre, written in kroner with two decimals. */
        public Row amount(long ore) {
            String kroner = BigDecimal.valueOf(ore, 2).toPlainString();
            return cell(options.decimalComma() ? kroner.replace('.', ',') : kroner);
        }

        /** An amount in øre, or an empty cell when there is none. */
        public Row optionalAmount(Long ore) {
            return ore == null ? cell("") : amount(ore);
        }

        /** A number, or an empty cell when there is none. */
        public Row optionalNumber(Long value) {
            return value == null ? cell("") : number(value);
        }

        /** A decimal number (a percentage, a rate) with the file's decimal mark, or an empty cell when there is none. */
        public Row decimal(BigDecimal value) {
            if (value == null) {
                return cell("");
            }
            String plain = value.toPlainString();
            return cell(options.decimalComma() ? plain.replace('.', ',') : plain);
        }

        public Row number(long value) {
            return cell(Long.toString(value));
        }

        public Row date(LocalDate day) {
            return cell(day == null ? "" : options.norwegianDates() ? NORWEGIAN.format(day) : day.toString());
        }

        public void end() {
            try {
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Row cell(String value) {
            try {
                printer.print(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }

    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }

    /**
     * A download named {@code fileName}: the header, then the rows {@code rows} writes, each
     * ended with {@link Row#end()}. The rows are written on a thread of {@code executor} into a
     * pipe the server reads from as the client takes them (Micronaut would gather a Writable
     * in memory), so a million rows take the pipe's 64 KiB, not the heap. A failure half-way
     * breaks the pipe and with it the response: a client never takes a cut file for a whole one.
     */
    public static HttpResponse<InputStream> attachment(String fileName, Options options, List<String> header, Consumer<Row> rows,
                                                       Executor executor) {
        var in = new PipedInputStream(64 * 1024);
        PipedOutputStream sink;
        try {
            sink = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor.execute(() -> {
            try (var out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 16 * 1024)) {
                out.write('\ufeff');
                var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(options.separator()).setRecordSeparator("\r\n").get());
                printer.printRecord(header);
                rows.accept(new Row(options, printer));
                printer.flush();
            } catch (IOException | RuntimeException e) {
                LOG.warn("CSV export {} broke off: {}", fileName, e.toString());
                closeQuietly(in);
            }
        });
        return HttpResponse.ok((InputStream) in).contentType(TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader is gone already
        }
    }
}
