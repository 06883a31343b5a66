package no.kontor.domain.payment;

import static java.util.stream.Collectors.joining;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * What an assignment end (88) or the transmission end (89) must state about the
 * transactions it closes. Totals are summed exactly: a file may hold more 17-digit
 * amounts than a long can add up.
 *
 * @param mandateRecords the AvtaleGiro mandate records among them, which the 89's
 *                       transaction count may or may not include
 */
record Tally(List<OcrTransaction> transactions, int mandateRecords) {

    /** An OCR giro assignment's transactions, no mandates among them. */
    static Tally of(List<OcrTransaction> transactions) {
        return new Tally(transactions, 0);
    }

    boolean allowsTransactionCount(long stated) {
        return stated == transactions.size() || stated == transactions.size() + mandateRecords;
    }

    String expectedTransactionCount() {
        return mandateRecords == 0
                ? String.valueOf(transactions.size())
                : "%d (or %d counting the AvtaleGiro mandates)".formatted(transactions.size(), transactions.size() + mandateRecords);
    }

    boolean hasTotal(TotalsReading reading, long stated) {
        return total(reading).equals(BigInteger.valueOf(stated));
    }

    /** The totals the readings still open give, e.g. {@code 300 øre with '-' amounts deducted or 700 øre with '-' amounts added}. */
    String expectedTotal(Set<TotalsReading> readings) {
        boolean oneValue = readings.stream().map(this::total).distinct().count() == 1;
        if (oneValue && readings.size() > 1) {
            return total(readings.iterator().next()) + " øre";
        }
        return readings.stream().map(reading -> total(reading) + " øre " + reading.description()).collect(joining(" or "));
    }

    private BigInteger total(TotalsReading reading) {
        return transactions.stream()
                .map(transaction -> BigInteger.valueOf(reading.contribution(transaction.amountOre())))
                .reduce(BigInteger.ZERO, BigInteger::add);
    }
}
