package no.kontor.domain.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import no.kontor.domain.shared.Validator;

/**
 * Hours a consultant worked for a sale on one day. Registering it adds an hour line
 * to the sale ({@link #toLine}); removing it removes that line.
 */
public record TimeEntry(Long id, SaleId saleId, long staffUserId, LocalDate workDate, BigDecimal hours, String description,
                        Long lineId, Instant createdAt) {
    public static final int MAX_DESCRIPTION = 400;
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** A new entry, checked: 0 &lt; hours ≤ 24 with at most 3 decimals, worked today or earlier (Europe/Oslo). */
    public static TimeEntry check(SaleId saleId, long staffUserId, LocalDate workDate, BigDecimal hours, String description,
                                  LocalDate today, Instant now) {
        String text = description == null ? null : description.strip();
        new Validator()
                .require(workDate != null, "workDate", "time.date-missing", "A time entry needs the day the work was done")
                .require(workDate == null || !workDate.isAfter(today), "workDate", "time.date-in-future",
                        "Hours are registered for today or earlier, not " + workDate)
                .require(hours != null && hours.signum() > 0 && hours.compareTo(MAX_HOURS) <= 0, "hours", "time.hours-out-of-range",
                        "Hours are above 0 and at most 24 per entry")
                .require(hours == null || Math.max(0, hours.stripTrailingZeros().scale()) <= 3, "hours", "time.hours-too-precise",
                        "Hours have at most 3 decimals")
                .require(text != null && !text.isEmpty() && text.length() <= MAX_DESCRIPTION, "description",
                        "time.description-invalid", "A time entry's description is 1–" + MAX_DESCRIPTION + " characters")
                .throwIfInvalid();
        return new TimeEntry(null, saleId, staffUserId, workDate, hours.stripTrailingZeros(), text, null, now);
    }

    /** The sale line these hours become: "24.11.2026: description", HOUR × hours at the hourly rate. */
    public SaleLine.Input toLine(Long hourlyRate, BigDecimal vatPercent) {
        return new SaleLine.Input(null, DAY.format(workDate) + ": " + description, hours, SaleUnit.HOUR, hourlyRate, null,
                VatCategory.S, vatPercent, null);
    }

    public TimeEntry with(Long newId, Long newLineId) {
        return new TimeEntry(newId, saleId, staffUserId, workDate, hours, description, newLineId, createdAt);
    }

    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("saleId", saleId.value());
        m.put("staffUserId", staffUserId);
        m.put("workDate", workDate.toString());
        m.put("hours", hours.toPlainString());
        m.put("description", description);
        m.put("lineId", lineId);
        return m;
    }
}
