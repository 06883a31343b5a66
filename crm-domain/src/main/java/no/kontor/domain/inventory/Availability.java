package no.kontor.domain.inventory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A placement's calendar over a window: the booked periods (clipped to the window)
 * and the free periods between them, in day order.
 */
public record Availability(PlacementId placementId, Period window, List<Slot> slots) {

    public record Slot(Period period, boolean free, BookingId bookingId) {
    }

    public Availability {
        slots = List.copyOf(slots);
    }

    /** The calendar of {@code window} given the active bookings that touch it. */
    public static Availability of(PlacementId placementId, Period window, List<Booking> active) {
        var slots = new ArrayList<Slot>();
        var next = window.firstDay();
        for (Booking b : active.stream().sorted(Comparator.comparing(b -> b.period().firstDay())).toList()) {
            var from = b.period().firstDay().isBefore(window.firstDay()) ? window.firstDay() : b.period().firstDay();
            var to = b.period().lastDay().isAfter(window.lastDay()) ? window.lastDay() : b.period().lastDay();
            if (to.isBefore(window.firstDay()) || from.isAfter(window.lastDay())) {
                continue;
            }
            if (from.isAfter(next)) {
                slots.add(new Slot(new Period(next, from.minusDays(1)), true, null));
            }
            slots.add(new Slot(new Period(from, to), false, b.id()));
            next = to.plusDays(1);
        }
        if (!next.isAfter(window.lastDay())) {
            slots.add(new Slot(new Period(next, window.lastDay()), true, null));
        }
        return new Availability(placementId, window, slots);
    }

    public boolean isFree(Period period) {
        return slots.stream().noneMatch(s -> !s.free() && s.period().overlaps(period));
    }

    /**
     * Free periods as long as {@code wanted}, nearest to it first (by first day; the
     * earlier of two equally near), at most one from each free stretch of the window
     * and at most {@code count} of them.
     */
    public List<Period> nearestFree(Period wanted, int count) {
        long length = wanted.days();
        return slots.stream().filter(Slot::free).filter(s -> s.period().days() >= length)
                .map(s -> {
                    LocalDate latestStart = s.period().lastDay().minusDays(length - 1);
                    LocalDate start = wanted.firstDay().isBefore(s.period().firstDay()) ? s.period().firstDay()
                            : wanted.firstDay().isAfter(latestStart) ? latestStart : wanted.firstDay();
                    return new Period(start, start.plusDays(length - 1));
                })
                .sorted(Comparator.comparingLong((Period p) -> Math.abs(ChronoUnit.DAYS.between(wanted.firstDay(), p.firstDay())))
                        .thenComparing(Period::firstDay))
                .limit(count).toList();
    }
}
