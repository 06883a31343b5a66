package no.kontor.application.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import no.kontor.application.reporting.port.LedgerQueries;

/** A report test's ledger: each test overrides what its report reads; reading anything else fails the test. */
abstract class UnreadLedger implements LedgerQueries {

    @Override
    public List<DayAmount> daily(LocalDate from, LocalDate to, SalesDimension dimension, Set<Measure> measures) {
        throw new AssertionError("this report reads no daily amounts");
    }

    @Override
    public List<PriceDeviation> priceDeviations(LocalDate from, LocalDate to) {
        throw new AssertionError("this report reads no price deviations");
    }

    @Override
    public List<UnmatchedPayment> unmatchedPayments() {
        throw new AssertionError("this report reads no payments");
    }

    @Override
    public void salesData(LocalDate from, LocalDate to, Consumer<SalesDataRow> sink) {
        throw new AssertionError("this report reads no sales data");
    }
}
