package no.kontor.adapters.persistence.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Cursor;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.payment.port.Payments;
import no.kontor.application.shared.Page;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.payment.BankTransactionKey;
import no.kontor.domain.payment.Payment;
import no.kontor.adapters.persistence.shared.Keyset;

@Singleton
public class JdbcPayments implements Payments {
    private static final String COLUMNS = "id, invoice_id, kind, source, amount, paid_on, kid, bank_reference, ocr_agreement_id, "
            + "ocr_assignment_number, ocr_transaction_number, import_id, registered_by, registered_at";
    private static final String INSERT = "INSERT INTO payment (invoice_id, kind, source, amount, paid_on, kid, bank_reference, "
            + "ocr_agreement_id, ocr_assignment_number, ocr_transaction_number, import_id, registered_by, registered_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private final PaymentRepository repository;
    private final PaymentEntityMapper mapper;
    private final Jdbc jdbc;

    public JdbcPayments(PaymentRepository repository, PaymentEntityMapper mapper, Jdbc jdbc) {
        this.repository = repository;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    public Payment add(Payment p) {
        return mapper.toDomain(repository.save(mapper.toEntity(p)));
    }

    /**
     * {@code ON CONFLICT} on the bank key: a key registered before, or by a concurrent import
     * that commits, inserts nothing (the other's row is waited for, never raced). OCR payments
     * imported before the key was kept are recognised by their bank reference.
     */
    @Override // hand SQL: ON CONFLICT … DO NOTHING on the bank key, which a repository's save cannot say
    public Optional<Payment> addFromBank(Payment p) {
        if (p.bankKey() == null) {
            throw new IllegalArgumentException("only an OCR payment with its bank key is added from the bank");
        }
        boolean keylessTwin = !jdbc.query("SELECT 1 FROM payment WHERE source = 'OCR' AND ocr_agreement_id IS NULL AND bank_reference = ?",
                List.of(p.bankReference()), rs -> rs.getInt(1)).isEmpty();
        if (keylessTwin) {
            return Optional.empty();
        }
        return jdbc.query(INSERT + " ON CONFLICT (ocr_agreement_id, ocr_assignment_number, ocr_transaction_number, paid_on) DO NOTHING "
                + "RETURNING id", values(p), rs -> rs.getLong(1)).stream().findFirst().map(p::withId);
    }

    private static List<Object> values(Payment p) {
        var key = p.bankKey();
        return Arrays.asList(p.invoiceId() == null ? null : p.invoiceId().value(), p.kind().name(), p.source().name(), p.amount(),
                p.paidOn(), p.kid(), p.bankReference(), key == null ? null : key.agreementId(), key == null ? null : key.assignmentNumber(),
                key == null ? null : key.transactionNumber(), p.importId(), p.registeredBy(), p.registeredAt());
    }

    @Override
    public Optional<Payment> find(long id) {
        return repository.findById(id).map(mapper::toDomain);
    }

    @Override
    public Optional<Payment> lock(long id) {
        return repository.findByIdForUpdate(id).map(mapper::toDomain);
    }

    @Override
    public Payment assign(Payment assigned) {
        repository.assign(assigned.id(), assigned.invoiceId().value());
        return find(assigned.id()).orElseThrow();
    }

    @Override // hand SQL, as every keyset page of the house: its rows below
    public Page<Payment> unmatched(String cursor, int limit) {
        var params = new ArrayList<Object>();
        String after = "";
        if (cursor != null) {
            after = " AND id > ?";
            params.add(Cursor.read(cursor, "unmatched", 1, keys -> Long.parseLong(keys.get(0))));
        }
        params.add(limit + 1);
        var rows = jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE invoice_id IS NULL AND kind = 'PAYMENT'" + after
                + " ORDER BY id LIMIT ?", params, JdbcPayments::row);
        var items = rows.stream().limit(limit).toList();
        return new Page<>(items, rows.size() > limit ? Cursor.encode("unmatched", items.get(items.size() - 1).id()) : null);
    }

    @Override
    public List<Payment> ofInvoice(InvoiceId invoice) {
        return repository.findByInvoiceIdOrderById(invoice.value()).stream().map(mapper::toDomain).toList();
    }

    private static final Keyset OF_INVOICE = Keyset.ascending("payments", Keyset.key("id", Keyset.Type.LONG));

    @Override
    public Page<Payment> ofInvoice(InvoiceId invoice, String cursor, int limit) {
        return OF_INVOICE.page(jdbc, "SELECT " + COLUMNS + " FROM payment WHERE invoice_id = ?", List.of(invoice.value()), cursor, limit,
                JdbcPayments::row);
    }

    private static Payment row(ResultSet rs) throws SQLException {
        Long invoice = Jdbc.nullableLong(rs, "invoice_id");
        LocalDate paidOn = rs.getObject("paid_on", LocalDate.class);
        String agreement = rs.getString("ocr_agreement_id");
        var key = agreement == null ? null : new BankTransactionKey(agreement, rs.getString("ocr_assignment_number"),
                rs.getString("ocr_transaction_number"), paidOn);
        return new Payment(rs.getLong("id"), invoice == null ? null : new InvoiceId(invoice), Payment.Kind.valueOf(rs.getString("kind")),
                Payment.Source.valueOf(rs.getString("source")), rs.getLong("amount"), paidOn, rs.getString("kid"),
                rs.getString("bank_reference"), key, Jdbc.nullableLong(rs, "import_id"), rs.getString("registered_by"),
                Jdbc.instant(rs, "registered_at"));
    }
}
