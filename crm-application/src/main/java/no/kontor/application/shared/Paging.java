package no.kontor.application.shared;

import no.kontor.domain.shared.ValidationException;

/**
 * The page size of the lists that had none: every list of a parent's children
 * (prices, credit notes, reminders, jobs, payments, histories, bookings, contacts)
 * and the staff and placement lists. Same range and code as the company search.
 */
public final class Paging {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    private Paging() {
    }

    /** {@code limit} when it is 1–{@value #MAX_LIMIT}, else a validation error naming the {@code limit} field. */
    public static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "search.limit-out-of-range", "limit is 1–" + MAX_LIMIT);
        }
        return limit;
    }
}
