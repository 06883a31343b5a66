package no.kontor.adapters.persistence.invoice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Cursor;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.invoice.InvoiceFilter;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.Page;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.CompanyBalance;

/**
 * Invoices, credit notes and their lines in plain SQL (exact decimals, one statement
 * per write). Every write names the version it read; the database's triggers refuse
 * any change to an issued document's content whatever the caller does.
 */
@Singleton
public class JdbcInvoices implements Invoices {
    private static final String HEADER = "id, kind, company_id, status, number, credited_invoice_id, buyer_reference, note, issue_date, "
            + "due_date, kid, seller_name, seller_org_no, seller_street, seller_postal_code, seller_place, seller_email, seller_phone, "
            + "seller_account, seller_vat_registered, seller_foretaksregisteret, buyer_customer_no, buyer_name, buyer_org_no, "
            + "buyer_street, buyer_postal_code, buyer_place, buyer_email, paid, credited, created_by, created_at, changed_by, "
            + "changed_at, version";
    private static final String LINE = "invoice_id, line_no, sale_id, credited_line_no, description, quantity, unit_code, unit_price, "
            + "discount_percent, tax_category, tax_percent, exemption_reason";

    private final Jdbc jdbc;

    public JdbcInvoices(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Invoice add(Invoice draft) {
        long id = jdbc.query("INSERT INTO invoice (kind, company_id, status, credited_invoice_id, buyer_reference, note, created_by, "
                        + "created_at, changed_by, changed_at) VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                Arrays.asList(draft.getKind().name(), draft.getCompanyId().value(),
                        draft.getCreditedInvoiceId() == null ? null : draft.getCreditedInvoiceId().value(), draft.getBuyerReference(),
                        draft.getNote(), draft.getCreatedBy(), draft.getCreatedAt(), draft.getChangedBy(), draft.getChangedAt()),
                rs -> rs.getLong(1)).get(0);
        for (InvoiceLine l : draft.getLines()) {
            jdbc.update("INSERT INTO invoice_line (" + LINE + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Arrays.asList(id, l.lineNo(), l.saleId(), l.creditedLineNo(), l.description(), l.quantity(), l.unitCode(),
                            l.unitPrice(), l.discountPercent(), l.category().name(), l.percent(), l.exemptionReason()));
        }
        return find(new InvoiceId(id)).orElseThrow();
    }

    @Override
    public Optional<Invoice> find(InvoiceId id) {
        return one("SELECT " + HEADER + " FROM invoice WHERE id = ?", id);
    }

    @Override
    public Optional<Invoice> findByNumber(long number) {
        return withLines(jdbc.query("SELECT " + HEADER + " FROM invoice WHERE number = ?", List.of(number), JdbcInvoices::header)).stream()
                .findFirst();
    }

    @Override
    public Optional<Invoice> lock(InvoiceId id) {
        return one("SELECT " + HEADER + " FROM invoice WHERE id = ? FOR UPDATE", id);
    }

    @Override
    public Optional<Invoice> lockByKid(String kid) {
        return withLines(jdbc.query("SELECT " + HEADER + " FROM invoice WHERE kid = ? AND status <> 'DRAFT' FOR UPDATE", List.of(kid),
                JdbcInvoices::header)).stream().findFirst();
    }

    private Optional<Invoice> one(String sql, InvoiceId id) {
        return withLines(jdbc.query(sql, List.of(id.value()), JdbcInvoices::header)).stream().findFirst();
    }

    @Override
    public Invoice update(Invoice draft) {
        versioned(draft, jdbc.update("UPDATE invoice SET buyer_reference = ?, note = ?, changed_by = ?, changed_at = ?, "
                        + "version = version + 1 WHERE id = ? AND version = ? AND status = 'DRAFT'",
                Arrays.asList(draft.getBuyerReference(), draft.getNote(), draft.getChangedBy(), draft.getChangedAt(),
                        draft.getId().value(), draft.getVersion())));
        return find(draft.getId()).orElseThrow();
    }

    @Override
    public void delete(Invoice draft) {
        versioned(draft, jdbc.update("DELETE FROM invoice WHERE id = ? AND version = ? AND status = 'DRAFT'",
                List.of(draft.getId().value(), draft.getVersion())));
    }

    @Override
    public Invoice issue(Invoice issued, String ubl, byte[] pinHash) {
        Seller s = issued.getSeller();
        Buyer b = issued.getBuyer();
        var totals = issued.totals();
        writeVatAsIssued(issued);
        versioned(issued, jdbc.update("UPDATE invoice SET status = ?, number = ?, issue_date = ?, due_date = ?, kid = ?, "
                        + "seller_name = ?, seller_org_no = ?, seller_street = ?, seller_postal_code = ?, seller_place = ?, seller_email = ?, "
                        + "seller_phone = ?, seller_account = ?, seller_vat_registered = ?, seller_foretaksregisteret = ?, "
                        + "buyer_customer_no = ?, buyer_name = ?, buyer_org_no = ?, buyer_street = ?, buyer_postal_code = ?, "
                        + "buyer_place = ?, buyer_email = ?, net = ?, vat = ?, gross = ?, ubl = ?, changed_by = ?, "
                        + "changed_at = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'DRAFT'",
                Arrays.asList(issued.getStatus().name(), issued.getNumber(), issued.getIssueDate(), issued.getDueDate(),
                        issued.getKid() == null ? null : issued.getKid().value(), s.name(), s.organisationNumber().value(), s.street(),
                        s.postalCode(), s.place(), s.email(), s.phone(), s.account().value(), s.vatRegistered(), s.foretaksregisteret(),
                        b.customerNumber(), b.name(), b.organisationNumber() == null ? null : b.organisationNumber().value(),
                        b.street(), b.postalCode(), b.place(), b.email(), totals.net(), totals.vat(), totals.gross(), ubl,
                        issued.getChangedBy(), issued.getChangedAt(), issued.getId().value(), issued.getVersion())));
        // the PIN's hash has a table of its own, so a reset can replace it (V16)
        if (pinHash != null) {
            jdbc.update("INSERT INTO invoice_pin (invoice_id, pin_hash, changed_by, changed_at) VALUES (?, ?, ?, ?)",
                    Arrays.asList(issued.getId().value(), pinHash, issued.getChangedBy(), issued.getChangedAt()));
        }
        return find(issued.getId()).orElseThrow();
    }

    /**
     * Issuing may change a line's VAT (a seller not registered bills in category O): the
     * lines' VAT is written as the issued document has it, in one statement, while the
     * invoice is still a draft and its lines may change.
     */
    private void writeVatAsIssued(Invoice issued) {
        var lines = issued.getLines();
        jdbc.withStatement("UPDATE invoice_line l SET tax_category = v.category, tax_percent = v.percent, exemption_reason = v.reason "
                + "FROM unnest(?::int[], ?::text[], ?::numeric[], ?::text[]) AS v(line_no, category, percent, reason) "
                + "WHERE l.invoice_id = ? AND l.line_no = v.line_no", List.of(), ps -> {
                    var c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("int4", lines.stream().map(InvoiceLine::lineNo).toArray()));
                    ps.setArray(2, c.createArrayOf("text", lines.stream().map(l -> l.category().name()).toArray()));
                    ps.setArray(3, c.createArrayOf("numeric", lines.stream().map(InvoiceLine::percent).toArray()));
                    ps.setArray(4, c.createArrayOf("text", lines.stream().map(InvoiceLine::exemptionReason).toArray()));
                    ps.setLong(5, issued.getId().value());
                    return ps.executeUpdate();
                });
    }

    @Override
    public void replacePin(InvoiceId id, byte[] pinHash, String actor, java.time.Instant at) {
        // a document issued before V9 kept its hash in the frozen row only and has no login row yet
        jdbc.update("INSERT INTO invoice_pin (invoice_id, pin_hash, changed_by, changed_at) SELECT id, ?, ?, ? FROM invoice "
                + "WHERE id = ? AND status <> 'DRAFT' ON CONFLICT (invoice_id) DO UPDATE SET pin_hash = excluded.pin_hash, "
                + "pin_version = invoice_pin.pin_version + 1, failures = 0, locked_until = NULL, changed_by = excluded.changed_by, "
                + "changed_at = excluded.changed_at", List.of(pinHash, actor, at, id.value()));
    }

    @Override
    public Invoice updateMoney(Invoice changed) {
        versioned(changed, jdbc.update("UPDATE invoice SET status = ?, paid = ?, credited = ?, changed_by = ?, changed_at = ?, "
                        + "version = version + 1 WHERE id = ? AND version = ?",
                Arrays.asList(changed.getStatus().name(), changed.getPaid(), changed.getCredited(), changed.getChangedBy(),
                        changed.getChangedAt(), changed.getId().value(), changed.getVersion())));
        return find(changed.getId()).orElseThrow();
    }

    private static void versioned(Invoice invoice, int rows) {
        if (rows != 1) {
            throw new StaleVersionException("invoice", invoice.getId(), invoice.getVersion());
        }
    }

    @Override
    public Set<Integer> creditedLines(InvoiceId invoice) {
        return new HashSet<>(jdbc.query("SELECT l.credited_line_no FROM invoice n JOIN invoice_line l ON l.invoice_id = n.id "
                + "WHERE n.credited_invoice_id = ? AND n.status <> 'DRAFT'", List.of(invoice.value()), rs -> rs.getInt(1)));
    }

    @Override
    public List<Invoice> creditNotesOf(InvoiceId invoice) {
        return withLines(jdbc.query("SELECT " + HEADER + " FROM invoice WHERE credited_invoice_id = ? AND status <> 'DRAFT' ORDER BY id",
                List.of(invoice.value()), JdbcInvoices::header));
    }

    private static final Keyset CREDIT_NOTES = Keyset.ascending("credit-notes", Keyset.key("id", Keyset.Type.LONG));

    @Override
    public Page<Invoice> creditNotesOf(InvoiceId invoice, String cursor, int limit) {
        var page = CREDIT_NOTES.page(jdbc, "SELECT " + HEADER + " FROM invoice WHERE credited_invoice_id = ? AND status <> 'DRAFT'",
                List.of(invoice.value()), cursor, limit, JdbcInvoices::header);
        return new Page<>(withLines(page.items()), page.nextCursor());
    }

    @Override
    public Optional<String> document(InvoiceId id) {
        return jdbc.query("SELECT ubl FROM invoice WHERE id = ? AND ubl IS NOT NULL", List.of(id.value()), rs -> rs.getString(1))
                .stream().findFirst();
    }

    @Override
    public Optional<byte[]> archivedPdf(InvoiceId id, Giro giro) {
        String column = giro == Giro.PREPRINTED ? "pdf_preprinted" : "pdf";
        return jdbc.query("SELECT " + column + " FROM invoice WHERE id = ? AND " + column + " IS NOT NULL", List.of(id.value()),
                rs -> rs.getBytes(1)).stream().findFirst();
    }

    @Override
    public void archivePdf(InvoiceId id, byte[] pdf, byte[] preprinted) {
        // a second render (a retried job) finds the PDFs archived and leaves them as they are
        jdbc.update("UPDATE invoice SET pdf = ?, pdf_preprinted = ? WHERE id = ? AND pdf IS NULL AND status <> 'DRAFT'",
                List.of(pdf, preprinted, id.value()));
    }

    @Override
    public CompanyBalance balanceOf(CompanyId company, LocalDate today) {
        return jdbc.query("SELECT coalesce(sum(greatest(gross - paid - credited, 0)) FILTER (WHERE status <> 'CREDITED'), 0), "
                + "coalesce(sum(greatest(gross - paid - credited, 0)) FILTER (WHERE status <> 'CREDITED' AND due_date < ?), 0), "
                + "coalesce(sum(greatest(paid + credited - gross, 0)), 0) "
                + "FROM invoice WHERE company_id = ? AND kind = 'INVOICE' AND status <> 'DRAFT'", List.of(today, company.value()),
                rs -> new CompanyBalance(rs.getLong(1), rs.getLong(2), rs.getLong(3))).get(0);
    }

    @Override
    public Page<Invoice> list(InvoiceFilter filter, String cursor, int limit) {
        var where = new StringBuilder("TRUE");
        var params = new ArrayList<Object>();
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (filter.companyId() != null) {
            where.append(" AND company_id = ?");
            params.add(filter.companyId().value());
        }
        if (filter.issuedOnly()) {
            where.append(" AND status <> 'DRAFT'");
        }
        if (filter.from() != null) {
            where.append(" AND issue_date >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND issue_date <= ?");
            params.add(filter.to());
        }
        if (filter.overdueOn() != null) {
            where.append(" AND kind = 'INVOICE' AND status IN ('ISSUED', 'PARTLY_PAID') AND due_date < ? AND gross - paid - credited > 0");
            params.add(filter.overdueOn());
        }
        if (cursor != null) {
            where.append(" AND id < ?");
            params.add(Cursor.read(cursor, "invoices", 1, keys -> Long.parseLong(keys.get(0))));
        }
        params.add(limit + 1);
        var rows = withLines(jdbc.query("SELECT " + HEADER + " FROM invoice WHERE " + where + " ORDER BY id DESC LIMIT ?", params,
                JdbcInvoices::header));
        var items = rows.stream().limit(limit).toList();
        return new Page<>(items, rows.size() > limit ? Cursor.encode("invoices", items.get(items.size() - 1).getId().value()) : null);
    }

    /** The headers, each with its lines (read in one query). */
    private List<Invoice> withLines(List<Invoice> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Long[] ids = headers.stream().map(h -> h.getId().value()).toArray(Long[]::new);
        Map<Long, List<InvoiceLine>> lines = jdbc.withStatement("SELECT " + LINE + " FROM invoice_line WHERE invoice_id = ANY (?) "
                + "ORDER BY invoice_id, line_no", List.of(), ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids));
                    var byInvoice = new LinkedHashMap<Long, List<InvoiceLine>>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byInvoice.computeIfAbsent(rs.getLong("invoice_id"), k -> new ArrayList<>()).add(line(rs));
                        }
                    }
                    return byInvoice;
                });
        return headers.stream().map(h -> withLines(h, lines.getOrDefault(h.getId().value(), List.of()))).toList();
    }

    private static Invoice withLines(Invoice i, List<InvoiceLine> lines) {
        return new Invoice(i.getId(), i.getKind(), i.getCompanyId(), i.getStatus(), i.getNumber(), i.getCreditedInvoiceId(),
                i.getBuyerReference(), i.getNote(), lines, i.getIssueDate(), i.getDueDate(), i.getKid(), i.getSeller(), i.getBuyer(),
                i.getPaid(), i.getCredited(), i.getCreatedBy(), i.getCreatedAt(), i.getChangedBy(), i.getChangedAt(), i.getVersion());
    }

    private static Invoice header(ResultSet rs) throws SQLException {
        Seller seller = rs.getString("seller_name") == null ? null : new Seller(rs.getString("seller_name"),
                new OrganisationNumber(rs.getString("seller_org_no")), rs.getString("seller_street"), rs.getString("seller_postal_code"),
                rs.getString("seller_place"), rs.getString("seller_email"), rs.getString("seller_phone"),
                new BankAccountNumber(rs.getString("seller_account")), rs.getBoolean("seller_vat_registered"),
                rs.getBoolean("seller_foretaksregisteret"));
        Buyer buyer = rs.getString("buyer_name") == null ? null : new Buyer(rs.getLong("buyer_customer_no"), rs.getString("buyer_name"),
                rs.getString("buyer_org_no") == null ? null : new OrganisationNumber(rs.getString("buyer_org_no")),
                rs.getString("buyer_street"), rs.getString("buyer_postal_code"), rs.getString("buyer_place"), rs.getString("buyer_email"));
        Long credited = Jdbc.nullableLong(rs, "credited_invoice_id");
        return new Invoice(new InvoiceId(rs.getLong("id")), InvoiceKind.valueOf(rs.getString("kind")),
                new CompanyId(rs.getLong("company_id")), InvoiceStatus.valueOf(rs.getString("status")), Jdbc.nullableLong(rs, "number"),
                credited == null ? null : new InvoiceId(credited), rs.getString("buyer_reference"), rs.getString("note"), List.of(),
                rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                rs.getString("kid") == null ? null : new Kid(rs.getString("kid")), seller, buyer, rs.getLong("paid"),
                rs.getLong("credited"), rs.getString("created_by"), Jdbc.instant(rs, "created_at"), rs.getString("changed_by"),
                Jdbc.instant(rs, "changed_at"), rs.getLong("version"));
    }

    /** An invoice line as stored; the reporting context reads the books with it too. */
    public static InvoiceLine line(ResultSet rs) throws SQLException {
        BigDecimal percent = rs.getBigDecimal("tax_percent");
        Long credited = Jdbc.nullableLong(rs, "credited_line_no");
        return new InvoiceLine(rs.getInt("line_no"), Jdbc.nullableLong(rs, "sale_id"), credited == null ? null : credited.intValue(),
                rs.getString("description"), rs.getBigDecimal("quantity").stripTrailingZeros(), rs.getString("unit_code"),
                rs.getLong("unit_price"), rs.getBigDecimal("discount_percent").stripTrailingZeros(),
                TaxCategory.valueOf(rs.getString("tax_category")), percent == null ? null : percent.stripTrailingZeros(),
                rs.getString("exemption_reason"));
    }
}
