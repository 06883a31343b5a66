package no.kontor.domain.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A figure that changes on given days and holds until the next change: the
 * late-payment interest rate (reset every 1 January and 1 July), the reminder fee
 * (1/20 of the collection rate, set yearly). Configuration, not code (docs/norway.md#reminders),
 * written as {@code 2026-01-01=12.00,2026-07-01=…}.
 */
public record DatedRates(NavigableMap<LocalDate, BigDecimal> changes) {

    public DatedRates {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a dated table needs at least one row");
        }
        changes = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(changes));
    }

    /** Reads {@code day=value,day=value…}; a malformed table is a configuration error. */
    public static DatedRates parse(String table) {
        var changes = new TreeMap<LocalDate, BigDecimal>();
        try {
            for (String row : table.split(",")) {
                String[] parts = row.strip().split("=");
                if (parts.length != 2 || changes.put(LocalDate.parse(parts[0].strip()), new BigDecimal(parts[1].strip())) != null) {
                    throw new IllegalArgumentException("a row is day=value, each day once: " + row);
                }
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot read the dated table " + table + ": " + e.getMessage(), e);
        }
        return new DatedRates(changes);
    }

    /** The value on {@code day}; refused for a day before the table begins. */
    public BigDecimal on(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> row = changes.floorEntry(day);
        if (row == null) {
            throw new IllegalArgumentException("the table begins " + changes.firstKey() + ", after " + day);
        }
        return row.getValue();
    }
}
