package no.kontor.domain.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.ValidationException;

/**
 * An invoice or a credit note. A draft (no number) may be edited or discarded; once
 * issued its content — number, dates, parties, lines, amounts — never changes, and
 * only what money does to it moves: payments, credit notes, and the status they give.
 * Amounts on a credit note are positive, as in UBL; its kind gives the sign.
 */
public final class Invoice {
    public static final int MAX_BUYER_REFERENCE = 200;
    public static final int MAX_NOTE = 1000;

    private final InvoiceId id;
    private final InvoiceKind kind;
    private final CompanyId companyId;
    private final InvoiceStatus status;
    private final Long number;
    private final InvoiceId creditedInvoiceId;
    private final String buyerReference;
    private final String note;
    private final List<InvoiceLine> lines;
    private final LocalDate issueDate;
    private final LocalDate dueDate;
    private final Kid kid;
    private final Seller seller;
    private final Buyer buyer;
    private final long paid;
    private final long credited;
    private final String createdBy;
    private final Instant createdAt;
    private final String changedBy;
    private final Instant changedAt;
    private final long version;

    /** Everything issuing fixes, decided by the caller inside the issuing transaction. */
    public record Issue(long number, LocalDate issueDate, LocalDate dueDate, Kid kid, Seller seller, Buyer buyer) {
        public Issue {
            if (number < 1) {
                throw new IllegalArgumentException("invoice numbers start at 1");
            }
            Objects.requireNonNull(issueDate, "issueDate");
            Objects.requireNonNull(seller, "seller");
            Objects.requireNonNull(buyer, "buyer");
        }
    }

    public Invoice(InvoiceId id, InvoiceKind kind, CompanyId companyId, InvoiceStatus status, Long number,
                   InvoiceId creditedInvoiceId, String buyerReference, String note, List<InvoiceLine> lines, LocalDate issueDate,
                   LocalDate dueDate, Kid kid, Seller seller, Buyer buyer, long paid, long credited, String createdBy,
                   Instant createdAt, String changedBy, Instant changedAt, long version) {
        this.id = id;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.companyId = Objects.requireNonNull(companyId, "companyId");
        this.status = Objects.requireNonNull(status, "status");
        this.number = number;
        this.creditedInvoiceId = creditedInvoiceId;
        this.buyerReference = buyerReference;
        this.note = note;
        this.lines = List.copyOf(lines);
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.kid = kid;
        this.seller = seller;
        this.buyer = buyer;
        this.paid = paid;
        this.credited = credited;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.changedBy = Objects.requireNonNull(changedBy, "changedBy");
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.version = version;
    }

    /** A draft invoice to one company, its lines copied from the sales it bills. */
    public static Invoice draft(CompanyId companyId, List<InvoiceLine> lines, String buyerReference, String note, String actor,
                                Instant now) {
        if (lines.isEmpty()) {
            throw new ValidationException("saleIds", "invoice.no-lines", "An invoice needs at least one line: the sales have none");
        }
        return new Invoice(null, InvoiceKind.INVOICE, companyId, InvoiceStatus.DRAFT, null, null, cleanReference(buyerReference),
                cleanNote(note), lines, null, null, null, null, null, 0, 0, actor, now, actor, now, 0);
    }

    /**
     * The draft of a credit note reversing {@code lineNos} of this issued invoice (all
     * lines not yet credited when {@code lineNos} is empty). {@code alreadyCredited}
     * holds the line numbers earlier credit notes reversed; a line is credited once.
     */
    public Invoice creditNote(Set<Integer> lineNos, Set<Integer> alreadyCredited, String reason, String actor, Instant now) {
        if (kind != InvoiceKind.INVOICE || !status.isIssued()) {
            throw new ConflictException("invoice.not-creditable", "Only an issued invoice can be credited");
        }
        if (status == InvoiceStatus.CREDITED) {
            throw new ConflictException("invoice.already-credited", "Invoice " + number + " is already credited in full");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null || why.length() > MAX_NOTE) {
            throw new ValidationException("reason", "credit-note.reason-invalid", "A credit note states why, in 1–" + MAX_NOTE + " characters");
        }
        var known = new HashSet<Integer>();
        lines.forEach(l -> known.add(l.lineNo()));
        var unknown = lineNos.stream().filter(n -> !known.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException("lineNumbers", "credit-note.unknown-line", "Invoice " + number + " has no line " + unknown);
        }
        var twice = lineNos.stream().filter(alreadyCredited::contains).sorted().toList();
        if (!twice.isEmpty()) {
            throw new ConflictException("credit-note.line-already-credited", "Line " + twice + " of invoice " + number + " is already credited");
        }
        var reversed = new ArrayList<InvoiceLine>();
        for (InvoiceLine line : lines) {
            boolean chosen = lineNos.isEmpty() ? !alreadyCredited.contains(line.lineNo()) : lineNos.contains(line.lineNo());
            if (chosen) {
                reversed.add(line.reversedAs(reversed.size() + 1));
            }
        }
        return new Invoice(null, InvoiceKind.CREDIT_NOTE, companyId, InvoiceStatus.DRAFT, null, id, buyerReference, why, reversed,
                null, null, null, null, null, 0, 0, actor, now, actor, now, 0);
    }

    /** Refuses anything but a draft: an issued document is corrected by a credit note only. */
    public void requireDraft() {
        if (status != InvoiceStatus.DRAFT) {
            throw new ConflictException("invoice.already-issued", "Invoice " + number + " is issued and can no longer change");
        }
    }

    public Invoice edit(String newBuyerReference, String newNote, String actor, Instant now) {
        requireDraft();
        return new Invoice(id, kind, companyId, status, null, creditedInvoiceId, cleanReference(newBuyerReference), cleanNote(newNote),
                lines, null, null, null, null, null, 0, 0, createdBy, createdAt, actor, now, version);
    }

    /**
     * This draft issued: numbered, dated, with the parties as they are today. A seller
     * not registered for VAT on the issue date bills every line in category {@code O}.
     */
    public Invoice issue(Issue issue, String actor, Instant now) {
        requireDraft();
        if (kind == InvoiceKind.INVOICE && (issue.dueDate() == null || issue.dueDate().isBefore(issue.issueDate()))) {
            throw new IllegalArgumentException("an invoice is due on or after its issue date");
        }
        var issuedLines = issue.seller().vatRegistered() ? lines : lines.stream().map(InvoiceLine::outsideVat).toList();
        var issued = new Invoice(id, kind, companyId, InvoiceStatus.ISSUED, issue.number(), creditedInvoiceId, buyerReference, note,
                issuedLines, issue.issueDate(), issue.dueDate(), issue.kid(), issue.seller(), issue.buyer(), 0, 0, createdBy,
                createdAt, actor, now, version);
        if (issued.totals().gross() < 0) {
            throw new ConflictException("invoice.negative", "An invoice's total cannot be negative");
        }
        return issued;
    }

    /**
     * This invoice after a credit note of {@code amount} øre; {@code whole} when every
     * line is now credited, which makes it credited (its sales may be invoiced again).
     */
    public Invoice creditedBy(long amount, boolean whole, String actor, Instant now) {
        requireIssuedInvoice();
        return moved(paid, Math.addExact(credited, amount), whole, actor, now);
    }

    /** This invoice after a payment of {@code amount} øre (negative: a payment taken back). */
    public Invoice paidBy(long amount, String actor, Instant now) {
        requireIssuedInvoice();
        return moved(Math.addExact(paid, amount), credited, status == InvoiceStatus.CREDITED, actor, now);
    }

    private void requireIssuedInvoice() {
        if (kind != InvoiceKind.INVOICE || !status.isIssued()) {
            throw new ConflictException("invoice.not-issued", "Only an issued invoice takes payments and credit notes");
        }
    }

    private Invoice moved(long newPaid, long newCredited, boolean whollyCredited, String actor, Instant now) {
        long due = totals().gross() - newCredited - newPaid;
        InvoiceStatus next = whollyCredited ? InvoiceStatus.CREDITED
                : due <= 0 ? InvoiceStatus.PAID
                : newPaid > 0 ? InvoiceStatus.PARTLY_PAID
                : InvoiceStatus.ISSUED;
        return new Invoice(id, kind, companyId, next, number, creditedInvoiceId, buyerReference, note, lines, issueDate, dueDate, kid,
                seller, buyer, newPaid, newCredited, createdBy, createdAt, actor, now, version);
    }

    public InvoiceTotals totals() {
        return InvoiceTotals.of(lines);
    }

    /** What the customer still owes, in øre; never below zero (see {@link #overpaid()}). */
    public long due() {
        return kind == InvoiceKind.CREDIT_NOTE ? 0 : Math.max(0, totals().gross() - credited - paid);
    }

    /** Money the customer has to get back: paid and credited beyond the invoice's total. */
    public long overpaid() {
        return kind == InvoiceKind.CREDIT_NOTE ? 0 : Math.max(0, paid + credited - totals().gross());
    }

    /** Unpaid after its due date, as of {@code today} in Europe/Oslo. */
    public boolean isOverdue(LocalDate today) {
        return kind == InvoiceKind.INVOICE && status.isIssued() && status != InvoiceStatus.CREDITED && due() > 0
                && today.isAfter(dueDate);
    }

    public Invoice withId(InvoiceId newId) {
        return new Invoice(newId, kind, companyId, status, number, creditedInvoiceId, buyerReference, note, lines, issueDate, dueDate,
                kid, seller, buyer, paid, credited, createdBy, createdAt, changedBy, changedAt, version);
    }

    private static String cleanReference(String reference) {
        String r = reference == null || reference.isBlank() ? null : reference.strip();
        if (r == null || r.length() > MAX_BUYER_REFERENCE) {
            throw new ValidationException("buyerReference", "invoice.buyer-reference-invalid",
                    "An invoice's buyer reference (\"Deres ref.\") is 1–" + MAX_BUYER_REFERENCE + " characters");
        }
        return r;
    }

    private static String cleanNote(String note) {
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > MAX_NOTE) {
            throw new ValidationException("note", "invoice.note-too-long", "A note is at most " + MAX_NOTE + " characters");
        }
        return n;
    }

    /**
     * The fields the audit log records. The buyer reference is left out: it is often a
     * contact person's name, which the log keeps only encrypted for that person (the
     * drafting use case records it so); the document itself keeps it as issued.
     */
    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("kind", kind.name());
        m.put("companyId", companyId.value());
        m.put("status", status.name());
        m.put("number", number);
        m.put("creditedInvoiceId", creditedInvoiceId == null ? null : creditedInvoiceId.value());
        m.put("note", note);
        m.put("issueDate", issueDate == null ? null : issueDate.toString());
        m.put("dueDate", dueDate == null ? null : dueDate.toString());
        m.put("kid", kid == null ? null : kid.value());
        m.put("lines", lines.size());
        m.put("gross", totals().gross());
        m.put("paid", paid);
        m.put("credited", credited);
        return m;
    }

    public InvoiceId getId() { return id; }
    public InvoiceKind getKind() { return kind; }
    public CompanyId getCompanyId() { return companyId; }
    public InvoiceStatus getStatus() { return status; }
    public Long getNumber() { return number; }
    public InvoiceId getCreditedInvoiceId() { return creditedInvoiceId; }
    public String getBuyerReference() { return buyerReference; }
    public String getNote() { return note; }
    public List<InvoiceLine> getLines() { return lines; }
    public LocalDate getIssueDate() { return issueDate; }
    public LocalDate getDueDate() { return dueDate; }
    public Kid getKid() { return kid; }
    public Seller getSeller() { return seller; }
    public Buyer getBuyer() { return buyer; }
    public long getPaid() { return paid; }
    public long getCredited() { return credited; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
    public long getVersion() { return version; }
}
