package no.kontor.application.testing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import no.kontor.application.invoice.InvoiceFilter;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.Page;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.CompanyBalance;

/**
 * Invoices in memory, with the database's guarantees that matter to use cases: a write
 * names its version, an issued document's content does not change, a PDF is archived
 * once. (No paging: one page holds everything.)
 */
public final class InMemoryInvoices extends InMemoryStore<InMemoryInvoices.Row> implements Invoices {

    /** A stored document with what issuing and rendering added. */
    public record Row(Invoice invoice, String ubl, byte[] pinHash, int pinVersion, byte[] pdf, byte[] preprinted) {
        Row(Invoice invoice, String ubl, byte[] pinHash, byte[] pdf, byte[] preprinted) {
            this(invoice, ubl, pinHash, 1, pdf, preprinted);
        }

        Row with(Invoice changed) {
            return new Row(bumped(changed), ubl, pinHash, pinVersion, pdf, preprinted);
        }

        private Invoice bumped(Invoice i) {
            return new Invoice(i.getId(), i.getKind(), i.getCompanyId(), i.getStatus(), i.getNumber(), i.getCreditedInvoiceId(),
                    i.getBuyerReference(), i.getNote(), i.getLines(), i.getIssueDate(), i.getDueDate(), i.getKid(), i.getSeller(),
                    i.getBuyer(), i.getPaid(), i.getCredited(), i.getCreatedBy(), i.getCreatedAt(), i.getChangedBy(), i.getChangedAt(),
                    invoice.getVersion() + 1);
        }
    }

    @Override
    public Invoice add(Invoice draft) {
        synchronized (rows) {
            var stored = draft.withId(new InvoiceId(nextId()));
            rows.put(stored.getId().value(), new Row(stored, null, null, null, null));
            return stored;
        }
    }

    /** Every invoice and credit note, drafts too. */
    public List<Invoice> all() {
        synchronized (rows) {
            return rows.values().stream().map(Row::invoice).toList();
        }
    }

    @Override
    public Optional<Invoice> find(InvoiceId id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id.value())).map(Row::invoice);
        }
    }

    @Override
    public Optional<Invoice> findByNumber(long number) {
        synchronized (rows) {
            return rows.values().stream().map(Row::invoice).filter(i -> i.getNumber() != null && i.getNumber() == number).findFirst();
        }
    }

    @Override
    public Optional<Invoice> lock(InvoiceId id) {
        return find(id);
    }

    @Override
    public Optional<Invoice> lockByKid(String kid) {
        synchronized (rows) {
            return rows.values().stream().map(Row::invoice)
                    .filter(i -> i.getKid() != null && i.getKid().value().equals(kid) && i.getStatus().isIssued()).findFirst();
        }
    }

    @Override
    public Invoice update(Invoice draft) {
        return write(draft, row -> row.with(draft));
    }

    @Override
    public void delete(Invoice draft) {
        synchronized (rows) {
            current(draft).invoice().requireDraft();
            rows.remove(draft.getId().value());
        }
    }

    @Override
    public Invoice issue(Invoice issued, String ubl, byte[] pinHash) {
        return write(issued, row -> {
            row.invoice().requireDraft();
            return new Row(row.with(issued).invoice(), ubl, pinHash, null, null);
        });
    }

    @Override
    public void replacePin(InvoiceId id, byte[] pinHash, String actor, Instant at) {
        synchronized (rows) {
            var row = rows.get(id.value());
            if (row == null || row.invoice().getStatus() == no.kontor.domain.invoice.InvoiceStatus.DRAFT) {
                throw new IllegalStateException("only an issued document has a PIN");
            }
            rows.put(id.value(), new Row(row.invoice(), row.ubl(), pinHash.clone(), row.pinVersion() + 1, row.pdf(), row.preprinted()));
        }
    }

    @Override
    public Invoice updateMoney(Invoice changed) {
        return write(changed, row -> {
            var before = row.invoice();
            if (!Objects.equals(before.getLines(), changed.getLines()) || !Objects.equals(before.getNumber(), changed.getNumber())) {
                throw new IllegalStateException("an issued document's content cannot change");
            }
            return row.with(changed);
        });
    }

    private Invoice write(Invoice changed, java.util.function.UnaryOperator<Row> change) {
        synchronized (rows) {
            var row = change.apply(current(changed));
            rows.put(changed.getId().value(), row);
            return row.invoice();
        }
    }

    private Row current(Invoice invoice) {
        var row = rows.get(invoice.getId().value());
        if (row == null || row.invoice().getVersion() != invoice.getVersion()) {
            throw new StaleVersionException("invoice", invoice.getId(), invoice.getVersion());
        }
        return row;
    }

    @Override
    public Set<Integer> creditedLines(InvoiceId invoice) {
        var lines = new HashSet<Integer>();
        creditNotesOf(invoice).forEach(n -> n.getLines().stream().map(InvoiceLine::creditedLineNo).forEach(lines::add));
        return lines;
    }

    @Override
    public Page<Invoice> creditNotesOf(InvoiceId invoice, String cursor, int limit) {
        return InMemoryPages.ascending("credit-notes", creditNotesOf(invoice), i -> List.of(i.getId().value()), cursor, limit);
    }

    @Override
    public List<Invoice> creditNotesOf(InvoiceId invoice) {
        synchronized (rows) {
            return rows.values().stream().map(Row::invoice)
                    .filter(i -> invoice.equals(i.getCreditedInvoiceId()) && i.getStatus().isIssued()).toList();
        }
    }

    @Override
    public Optional<String> document(InvoiceId id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id.value())).map(Row::ubl);
        }
    }

    @Override
    public Optional<byte[]> archivedPdf(InvoiceId id, Giro giro) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id.value())).map(r -> giro == Giro.PREPRINTED ? r.preprinted() : r.pdf());
        }
    }

    @Override
    public void archivePdf(InvoiceId id, byte[] pdf, byte[] preprinted) {
        synchronized (rows) {
            var row = rows.get(id.value());
            if (row != null && row.pdf() == null && row.invoice().getStatus().isIssued()) {
                rows.put(id.value(), new Row(row.invoice(), row.ubl(), row.pinHash(), row.pinVersion(), pdf, preprinted));
            }
        }
    }

    @Override
    public CompanyBalance balanceOf(CompanyId company, LocalDate today) {
        synchronized (rows) {
            var issued = rows.values().stream().map(Row::invoice)
                    .filter(i -> i.getCompanyId().equals(company) && i.getKind() == InvoiceKind.INVOICE && i.getStatus().isIssued())
                    .toList();
            return new CompanyBalance(issued.stream().mapToLong(Invoice::due).sum(),
                    issued.stream().filter(i -> i.isOverdue(today)).mapToLong(Invoice::due).sum(),
                    issued.stream().mapToLong(Invoice::overpaid).sum());
        }
    }

    @Override
    public Page<Invoice> list(InvoiceFilter filter, String cursor, int limit) {
        synchronized (rows) {
            return new Page<>(rows.values().stream().map(Row::invoice)
                    .filter(i -> filter.status() == null || i.getStatus() == filter.status())
                    .filter(i -> filter.companyId() == null || i.getCompanyId().equals(filter.companyId()))
                    .filter(i -> !filter.issuedOnly() || i.getStatus() != no.kontor.domain.invoice.InvoiceStatus.DRAFT)
                    .filter(i -> filter.from() == null || i.getIssueDate() != null && !i.getIssueDate().isBefore(filter.from()))
                    .filter(i -> filter.to() == null || i.getIssueDate() != null && !i.getIssueDate().isAfter(filter.to()))
                    .filter(i -> filter.overdueOn() == null || i.isOverdue(filter.overdueOn()))
                    .sorted(Comparator.comparing((Invoice i) -> i.getId().value()).reversed()).limit(limit).toList(), null);
        }
    }

    /** The stored row, for tests that look at what issuing and rendering wrote. */
    public Row row(InvoiceId id) {
        synchronized (rows) {
            return rows.get(id.value());
        }
    }
}
