package no.kontor.domain.reporting;

/** What a goal measures. Counts and revenue add up over a period; rates are a percentage of the period as a whole. */
public enum GoalMetric {
    /** Net invoiced (invoiced less credited), øre. */
    REVENUE(false),
    /** Companies whose first invoice was issued in the period. */
    NEW_CUSTOMERS(false),
    /** Of the sales opened in the period, the percentage that reached ordered. */
    CONVERSION(true),
    /** Activities logged by staff in the period. */
    ACTIVITIES(false),
    /** Of a mail-out's recipients, the percentage who answered within seven days. */
    MAILOUT_RETURN_RATE(true);

    private final boolean rate;

    GoalMetric(boolean rate) {
        this.rate = rate;
    }

    public boolean isRate() {
        return rate;
    }
}
