package no.kontor.adapters.persistence.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.LongConsumer;

import no.kontor.application.invoice.port.InvoiceNumbers;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;

/** What the invoice persistence tests share: the day, a seller, and issuing as the use case does it, without the use case. */
final class InvoiceFixtures {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private InvoiceFixtures() {
    }

    static Seller seller(boolean vatRegistered) {
        return new Seller("Lokalavisa AS", new OrganisationNumber("974760673"), "Storgata 1", "0150", "OSLO", null, null,
                new BankAccountNumber("86011117947"), vatRegistered, true);
    }

    /**
     * Inside the caller's transaction: locks the draft, takes the next number (then runs
     * {@code afterNumber}, where a test may fail on purpose), and issues it with a MOD10 KID.
     */
    static Invoice issue(Invoices invoices, InvoiceNumbers numbers, InvoiceId draft, Seller seller, Buyer buyer, byte[] pinHash,
                         LongConsumer afterNumber) {
        var locked = invoices.lock(draft).orElseThrow();
        long number = numbers.next();
        afterNumber.accept(number);
        var company = new CompanyId(buyer.customerNumber());
        var issued = locked.issue(new Invoice.Issue(number, DAY, DAY.plusDays(14), Kid.of(Kid.Algorithm.MOD10, 15, 7, company.value(),
                number), seller, buyer), "test", NOW);
        return invoices.issue(issued, "<Invoice>" + number + "</Invoice>", pinHash);
    }
}
