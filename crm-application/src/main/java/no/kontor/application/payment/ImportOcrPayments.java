package no.kontor.application.payment;

import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import no.kontor.application.shared.Fingerprint;
import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.payment.OcrAssignment;
import no.kontor.domain.payment.OcrFile;
import no.kontor.domain.payment.OcrTransaction;
import no.kontor.domain.payment.Payment;
import no.kontor.domain.shared.ConflictException;
import no.kontor.application.payment.port.OcrImports;
import no.kontor.application.payment.port.Payments;

/**
 * A manager imports the bank's OCR giro file. The file is checked whole first (a bad
 * file is refused with the reason and nothing is imported); then, in one transaction,
 * each transaction is registered once: matched by KID (leading zeros kept) to an
 * issued invoice and booked, or put on the unmatched list; reversals kept and never
 * booked; a transaction registered before skipped.
 *
 * <p>A transaction is known by what makes it unique at the bank (agreement, assignment
 * number, transaction number, settlement date), not by its archive reference, which
 * another bank may repeat. A file is known by its transmission number: the same number
 * with the same records (line ends aside) registers nothing and answers with the first
 * import's report; the same number with other records is a conflict naming the earlier
 * import, and nothing of the file is imported — its payments are never dropped silently.
 */
public final class ImportOcrPayments {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private final OcrImports imports;
    private final Payments payments;
    private final Invoices invoices;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ImportOcrPayments(OcrImports imports, Payments payments, Invoices invoices, AuditTrail audit, Transactions tx, Clock clock) {
        this.imports = imports;
        this.payments = payments;
        this.invoices = invoices;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public record Result(OcrImportReport report, boolean alreadyImported) {
    }

    public Result execute(Actor actor, byte[] file) {
        actor.require(Role.MANAGER);
        var transmission = OcrFile.parse(file);
        String number = transmission.transmissionNumber();
        String fileSha256 = Fingerprint.of(file);
        String contentSha256 = OcrFile.contentSha256(file);
        return tx.inTransaction(() -> {
            // as the database keeps it, so the report answered now and the one read back later are equal
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var claim = imports.claim(number, fileSha256, contentSha256, actor.auditName(), now);
            if (claim.isEmpty()) {
                var earlier = imports.byTransmission(number).orElseThrow();
                if (!imports.sameContent(number, contentSha256, fileSha256)) {
                    throw reused(earlier);
                }
                return new Result(earlier, true);
            }
            long importId = claim.getAsLong();
            var transactions = transmission.transactions();
            var matched = lockInvoices(transactions);
            var paid = new LinkedHashMap<InvoiceId, Invoice>();
            int applied = 0, unmatched = 0, reversals = 0, duplicates = 0;
            long appliedAmount = 0;
            for (OcrAssignment assignment : transmission.assignments()) {
                for (OcrTransaction t : assignment.transactions()) {
                    var invoice = t.kid() == null ? null : matched.get(t.kid());
                    var added = payments.addFromBank(Payment.fromOcr(assignment, t, invoice == null ? null : invoice.getId(), importId,
                            actor.auditName(), now));
                    if (added.isEmpty()) {
                        duplicates++;
                        continue;
                    }
                    var payment = added.get();
                    if (payment.kind() == Payment.Kind.REVERSAL) {
                        reversals++;
                    } else if (invoice == null) {
                        unmatched++;
                    } else {
                        var current = paid.getOrDefault(invoice.getId(), invoice);
                        paid.put(invoice.getId(), current.paidBy(payment.amount(), actor.auditName(), now));
                        applied++;
                        appliedAmount += payment.amount();
                    }
                }
            }
            var before = new HashMap<InvoiceId, Invoice>();
            matched.values().forEach(i -> before.put(i.getId(), i));
            for (var after : paid.values()) {
                invoices.updateMoney(after);
                audit.record(AuditEvent.of(actor, now, "invoice", after.getId(), "paid", before.get(after.getId()).auditFields(),
                        after.auditFields(), null));
            }
            var report = new OcrImportReport(importId, transmission.transmissionNumber(), transactions.size(), applied, unmatched,
                    reversals, duplicates, appliedAmount, actor.auditName(), now);
            imports.complete(report);
            audit.record(AuditEvent.created(actor, now, "ocr-import", importId, Map.of("transmissionNumber",
                    transmission.transmissionNumber(), "transactions", transactions.size(), "applied", applied, "unmatched", unmatched,
                    "reversals", reversals, "duplicates", duplicates, "appliedAmount", appliedAmount)));
            return new Result(report, false);
        });
    }

    private static ConflictException reused(OcrImportReport earlier) {
        String when = earlier.importedAt().atZone(OSLO).toOffsetDateTime().toString();
        return new ConflictException("ocr.transmission-reused", "Transmission number " + earlier.transmissionNumber()
                + " was imported before, as import " + earlier.importId() + " at " + when + ", from a file with other content: "
                + "nothing of this file was imported", Map.of("importId", earlier.importId(), "importedAt", when,
                "transmissionNumber", earlier.transmissionNumber()));
    }

    /** The issued invoices the file's KIDs name, locked in KID order (one order for every importer). */
    private Map<String, Invoice> lockInvoices(java.util.List<OcrTransaction> transactions) {
        var kids = new TreeSet<String>();
        transactions.stream().filter(t -> !t.isReversal() && t.kid() != null).forEach(t -> kids.add(t.kid()));
        var found = new HashMap<String, Invoice>();
        for (String kid : kids) {
            invoices.lockByKid(kid).filter(i -> i.getKind() == InvoiceKind.INVOICE).ifPresent(i -> found.put(kid, i));
        }
        return found;
    }
}
