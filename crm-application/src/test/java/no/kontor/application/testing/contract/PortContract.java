package no.kontor.application.testing.contract;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import no.kontor.application.company.port.Companies;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.CompanyStatus;

/**
 * The base of every port contract: a contract is written once, against a port, and run
 * twice — on the in-memory fake ({@code InMemory…ContractTest} in crm-application) and on
 * the JDBC adapter on PostgreSQL ({@code Jdbc…ContractTest} in crm-adapters-persistence) —
 * so the fakes the fast tests rely on cannot drift from the real adapters
 * (docs/decisions/test-strategy.md). A JDBC run shares one database between the tests of a
 * class: a contract never assumes an empty table, and makes its own rows unique.
 */
public abstract class PortContract {
    private static final AtomicInteger UNIQUE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    /** The implementation of {@code port} under test. */
    protected abstract <T> T port(Class<T> port);

    protected final <T> T tx(Supplier<T> work) {
        return port(Transactions.class).inTransaction(work);
    }

    protected final void run(Runnable work) {
        tx(() -> {
            work.run();
            return null;
        });
    }

    /** Now, to the microsecond PostgreSQL keeps. */
    protected static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A SHA-256 in hex, as the OCR import keeps it, different for every {@code seed}. */
    protected static String sha256(String seed) {
        return no.kontor.application.shared.Fingerprint.of(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    protected static int unique() {
        return UNIQUE.incrementAndGet();
    }

    /** A valid organisation number no other call returns: the first check digit the domain accepts. */
    protected static String organisationNumber() {
        while (true) {
            String base = String.format("9%07d", unique() % 10_000_000);
            for (char digit = '0'; digit <= '9'; digit++) {
                try {
                    return new no.kontor.domain.shared.OrganisationNumber(base + digit).value();
                } catch (no.kontor.domain.shared.InvalidValueException wrongDigit) {
                    // the next digit
                }
            }
        }
    }

    /** A stored sale of a new company, in {@code stage}. */
    protected final no.kontor.domain.sale.SaleId sale(no.kontor.domain.sale.SaleStage stage) {
        var company = company("Salg");
        return tx(() -> port(no.kontor.application.sale.port.Sales.class).add(no.kontor.domain.sale.Sale.open(company, null, stage, false,
                "kontrakt", "user:1", now()))).getId();
    }

    /** A stored, active placement sold by the day. */
    protected final no.kontor.domain.inventory.PlacementId placementId() {
        return tx(() -> port(no.kontor.application.inventory.port.Placements.class).add(new no.kontor.domain.inventory.Placement(null,
                "Plass " + unique(), null, "Forside", no.kontor.domain.inventory.Placement.Unit.DAY, true, now(), now(), 0))).id();
    }

    /** A draft invoice of {@code company} with one line of NOK 1 000 + 25 % VAT. */
    protected final no.kontor.domain.invoice.Invoice draftInvoice(CompanyId company) {
        var line = new no.kontor.domain.invoice.InvoiceLine(1, null, null, "Annonse", java.math.BigDecimal.ONE, "C62", 100000,
                java.math.BigDecimal.ZERO, no.kontor.domain.invoice.TaxCategory.S, new java.math.BigDecimal("25"), null);
        return tx(() -> port(no.kontor.application.invoice.port.Invoices.class).add(no.kontor.domain.invoice.Invoice.draft(company,
                java.util.List.of(line), "Kari", null, "user:1", now())));
    }

    /** An issued invoice of a new company, with the series' next number and a KID of its own: NOK 1 250.00 due. */
    protected final no.kontor.domain.invoice.Invoice issuedInvoice() {
        return issuedInvoice(new byte[32]);
    }

    /** The same, with {@code pinHash} kept as the hash of its PIN (32 bytes, an HMAC-SHA256). */
    protected final no.kontor.domain.invoice.Invoice issuedInvoice(byte[] pinHash) {
        var draft = draftInvoice(company("Faktura"));
        return tx(() -> {
            long number = port(no.kontor.application.invoice.port.InvoiceNumbers.class).next();
            String payload = String.format("%014d", number * 100_000 + unique() % 100_000);
            var kid = new no.kontor.domain.shared.Kid(payload + no.kontor.domain.shared.CheckDigits.mod10(payload));
            var seller = new no.kontor.domain.invoice.Seller("Lokalavisa AS", new no.kontor.domain.shared.OrganisationNumber("974760673"),
                    null, null, null, "faktura@avisa.example", null, new no.kontor.domain.shared.BankAccountNumber("86011117947"), true, true);
            var buyer = new no.kontor.domain.invoice.Buyer(draft.getCompanyId().value(), "Kunde AS", null, null, null, null,
                    "k@kunde.example");
            var day = java.time.LocalDate.of(2026, 11, 24);
            return port(no.kontor.application.invoice.port.Invoices.class).issue(draft.issue(new no.kontor.domain.invoice.Invoice.Issue(
                    number, day, day.plusDays(14), kid, seller, buyer), "user:1", now()), "<Invoice/>", pinHash);
        });
    }

    /** A stored company, the parent most rows need. */
    protected final CompanyId company(String name) {
        return tx(() -> port(Companies.class).add(Company.register(CompanyDetails.parse(name + " " + unique(), null,
                CompanyStatus.CUSTOMER, "Storgata 1", "0150", null, null, "faktura@kunde.example", null, null, null, null), "user:1",
                now()))).getId();
    }
}
