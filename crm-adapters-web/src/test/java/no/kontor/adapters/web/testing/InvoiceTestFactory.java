package no.kontor.adapters.web.testing;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.invoice.CreditInvoice;
import no.kontor.application.invoice.DraftInvoice;
import no.kontor.application.invoice.port.EhfDocuments;
import no.kontor.application.invoice.InvoiceSettings;
import no.kontor.application.invoice.IssueInvoice;
import no.kontor.application.invoice.ReadInvoices;
import no.kontor.application.invoice.RemindInvoice;
import no.kontor.application.invoice.ReminderSettings;
import no.kontor.application.invoice.SendInvoice;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryCompanies;
import no.kontor.application.testing.InMemoryContacts;
import no.kontor.application.testing.InMemoryIdempotencyKeys;
import no.kontor.application.testing.InMemoryInvoiceJobs;
import no.kontor.application.testing.InMemoryInvoiceNumbers;
import no.kontor.application.testing.InMemoryInvoiceReminders;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.InMemoryPostalCodes;
import no.kontor.application.testing.InMemorySales;
import no.kontor.application.testing.TestCustomerPins;
import no.kontor.domain.invoice.DatedRates;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;

/**
 * Invoicing on in-memory ports. The EHF writer is the documents adapter's, which the
 * web adapter may not depend on: here a document that names its number stands in.
 */
@Factory
public class InvoiceTestFactory {

    @Singleton
    InMemorySales sales(DirectTransactions tx) {
        return tx.registered(new InMemorySales());
    }

    @Singleton
    InMemorySales.Lines saleLines(DirectTransactions tx) {
        return tx.registered(new InMemorySales.Lines());
    }

    @Singleton
    InMemoryInvoiceNumbers invoiceNumbers(DirectTransactions tx) {
        return tx.registered(new InMemoryInvoiceNumbers());
    }

    @Singleton
    InMemoryInvoiceReminders reminders(DirectTransactions tx) {
        return tx.registered(new InMemoryInvoiceReminders());
    }

    @Singleton
    InMemoryInvoiceJobs invoiceJobs(DirectTransactions tx, Clock clock) {
        return tx.registered(new InMemoryInvoiceJobs(clock));
    }

    @Singleton
    InvoiceSettings invoiceSettings() {
        return new InvoiceSettings("Lokalavisa AS", new OrganisationNumber("974760673"), "Storgata 1", "0150", "OSLO", "f@avisa.example",
                null, new BankAccountNumber("86011117947"), true, java.time.LocalDate.of(2024, 1, 1), 14, Kid.Algorithm.MOD10, 15, 7);
    }

    @Singleton
    SwitchableDocumentValidator documentValidator() {
        return new SwitchableDocumentValidator();
    }

    @Singleton
    DraftInvoice draftInvoice(InMemoryInvoices invoices, InMemorySales sales, InMemorySales.Lines lines, InMemoryContacts contacts,
                              InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new DraftInvoice(invoices, sales, lines, contacts, audit, tx, clock);
    }

    @Singleton
    IssueInvoice issueInvoice(InMemoryInvoices invoices, InMemoryInvoiceNumbers numbers, InMemorySales sales, InMemoryCompanies companies,
                              InMemoryPostalCodes postalCodes, InMemoryInvoiceJobs jobs, InvoiceSettings settings,
                              InMemoryIdempotencyKeys keys, InMemoryAuditTrail audit, DirectTransactions tx, Clock clock,
                              SwitchableDocumentValidator documents, TestCustomerPins pins) {
        return new IssueInvoice(invoices, numbers, sales, companies, postalCodes, documentNamingItsNumber(), documents,
                pins, jobs, settings, keys, audit, tx, clock);
    }

    @Singleton
    CreditInvoice creditInvoice(InMemoryInvoices invoices, InMemoryInvoiceNumbers numbers, InMemorySales sales, InMemoryInvoiceJobs jobs,
                                InMemoryAuditTrail audit, DirectTransactions tx, Clock clock, SwitchableDocumentValidator documents) {
        return new CreditInvoice(invoices, numbers, sales, documentNamingItsNumber(), documents, jobs, audit, tx, clock);
    }

    @Singleton
    SendInvoice sendInvoice(InMemoryInvoices invoices, InMemoryCompanies companies, InMemoryInvoiceJobs jobs, InMemoryIdempotencyKeys keys,
                            InMemoryAuditTrail audit, DirectTransactions tx, Clock clock,
                            no.kontor.application.testing.InMemoryCustomerCopies copies, TestCustomerPins pins) {
        return new SendInvoice(invoices, companies, jobs, copies, pins, keys, audit, tx, clock);
    }

    @Singleton
    RemindInvoice remindInvoice(InMemoryInvoices invoices, InMemoryInvoiceReminders reminders, InMemoryCompanies companies,
                                InMemoryInvoiceJobs jobs, InMemoryIdempotencyKeys keys, InMemoryAuditTrail audit, DirectTransactions tx,
                                Clock clock) {
        return new RemindInvoice(invoices, reminders, companies, jobs, new ReminderSettings(DatedRates.parse("2021-01-01=35.00"),
                DatedRates.parse("2024-01-01=12.00")), keys, audit, tx, clock);
    }

    @Singleton
    ReadInvoices readInvoices(InMemoryInvoices invoices, InMemoryInvoiceReminders reminders, InMemoryInvoiceJobs jobs,
                              DirectTransactions tx, Clock clock) {
        return new ReadInvoices(invoices, reminders, jobs, tx, clock);
    }

    private static EhfDocuments documentNamingItsNumber() {
        return (issued, credited) -> "<" + issued.getKind() + "><ID>" + issued.getNumber() + "</ID></" + issued.getKind() + ">";
    }
}
