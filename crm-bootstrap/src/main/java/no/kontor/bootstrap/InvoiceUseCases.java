package no.kontor.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import no.kontor.adapters.mail.SmtpMailer;
import no.kontor.adapters.pdf.FopInvoicePdfs;
import no.kontor.adapters.pdf.UblSchemaValidator;
import no.kontor.adapters.pdf.UblWriter;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.Contacts;
import no.kontor.application.company.port.PostalCodeRegister;
import no.kontor.application.invoice.CreditInvoice;
import no.kontor.application.invoice.port.CustomerCopies;
import no.kontor.application.invoice.port.CustomerPins;
import no.kontor.application.invoice.port.DocumentValidator;
import no.kontor.application.invoice.DraftInvoice;
import no.kontor.application.invoice.port.EhfDocuments;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.InvoicePdfs;
import no.kontor.application.invoice.port.InvoiceReminders;
import no.kontor.application.invoice.port.InvoiceNumbers;
import no.kontor.application.invoice.InvoiceSettings;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.invoice.IssueInvoice;
import no.kontor.application.invoice.port.Mailer;
import no.kontor.application.invoice.ReadInvoices;
import no.kontor.application.invoice.RemindInvoice;
import no.kontor.application.invoice.ReminderSettings;
import no.kontor.application.invoice.PrintCustomerCopy;
import no.kontor.application.invoice.ResetInvoicePin;
import no.kontor.application.invoice.RunInvoiceJobs;
import no.kontor.application.invoice.SendInvoice;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.invoice.DatedRates;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;

/** Invoicing: the organisation's settings from {@code kontor.invoicing.*}, the documents adapter, the use cases. */
@Factory
public class InvoiceUseCases {

    @Singleton
    InvoiceSettings invoiceSettings(@Value("${kontor.invoicing.seller.name}") String name,
                                    @Value("${kontor.invoicing.seller.organisation-number}") String organisationNumber,
                                    @Nullable @Value("${kontor.invoicing.seller.street:}") String street,
                                    @Nullable @Value("${kontor.invoicing.seller.postal-code:}") String postalCode,
                                    @Nullable @Value("${kontor.invoicing.seller.place:}") String place,
                                    @Nullable @Value("${kontor.invoicing.seller.email:}") String email,
                                    @Nullable @Value("${kontor.invoicing.seller.phone:}") String phone,
                                    @Value("${kontor.invoicing.seller.account}") String account,
                                    @Value("${kontor.invoicing.seller.foretaksregisteret:false}") boolean foretaksregisteret,
                                    @Nullable @Value("${kontor.invoicing.seller.vat-registered-from:}") String vatRegisteredFrom,
                                    @Value("${kontor.invoicing.payment-terms-days:14}") int paymentTermsDays,
                                    @Value("${kontor.invoicing.kid.algorithm:MOD10}") Kid.Algorithm kidAlgorithm,
                                    @Value("${kontor.invoicing.kid.length:15}") int kidLength,
                                    @Value("${kontor.invoicing.kid.customer-digits:7}") int kidCustomerDigits) {
        StartupChecks.requireSeller(name, organisationNumber, account);
        return new InvoiceSettings(name, OrganisationNumber.parse(organisationNumber), blankToNull(street), blankToNull(postalCode),
                blankToNull(place), blankToNull(email), blankToNull(phone), new BankAccountNumber(account), foretaksregisteret,
                blankToNull(vatRegisteredFrom) == null ? null : LocalDate.parse(vatRegisteredFrom.strip()), paymentTermsDays,
                kidAlgorithm, kidLength, kidCustomerDigits);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Singleton
    EhfDocuments ehfDocuments() {
        return new UblWriter();
    }

    /** The UBL 2.1 schema, compiled once in the background from start (it takes a second or two). */
    @Singleton
    DocumentValidator documentValidator() {
        return new UblSchemaValidator();
    }

    @Singleton
    DraftInvoice draftInvoice(Invoices invoices, Sales sales, SaleLines lines, Contacts contacts, AuditTrail audit, Transactions tx,
                              Clock clock, @Value("${kontor.invoicing.max-lines:500}") int maxLines) {
        return new DraftInvoice(invoices, sales, lines, contacts, audit, tx, clock, maxLines);
    }

    @Singleton
    IssueInvoice issueInvoice(Invoices invoices, InvoiceNumbers numbers, Sales sales, Companies companies,
                              PostalCodeRegister postalCodes, EhfDocuments ehf, DocumentValidator documents, CustomerPins pins,
                              InvoiceJobs jobs, InvoiceSettings settings, IdempotencyKeys keys, AuditTrail audit, Transactions tx,
                              Clock clock) {
        return new IssueInvoice(invoices, numbers, sales, companies, postalCodes, ehf, documents, pins, jobs, settings, keys, audit, tx,
                clock);
    }

    @Singleton
    CreditInvoice creditInvoice(Invoices invoices, InvoiceNumbers numbers, Sales sales, EhfDocuments ehf, DocumentValidator documents,
                                InvoiceJobs jobs, AuditTrail audit, Transactions tx, Clock clock) {
        return new CreditInvoice(invoices, numbers, sales, ehf, documents, jobs, audit, tx, clock);
    }

    @Singleton
    ReadInvoices readInvoices(Invoices invoices, InvoiceReminders reminders, InvoiceJobs jobs, Transactions tx, Clock clock) {
        return new ReadInvoices(invoices, reminders, jobs, tx, clock);
    }

    @Singleton
    SendInvoice sendInvoice(Invoices invoices, Companies companies, InvoiceJobs jobs, CustomerCopies copies, CustomerPins pins,
                            IdempotencyKeys keys, AuditTrail audit, Transactions tx, Clock clock) {
        return new SendInvoice(invoices, companies, jobs, copies, pins, keys, audit, tx, clock);
    }

    @Singleton
    ResetInvoicePin resetInvoicePin(Invoices invoices, CustomerPins pins, InvoiceJobs jobs, AuditTrail audit, Transactions tx, Clock clock) {
        return new ResetInvoicePin(invoices, pins, jobs, audit, tx, clock);
    }

    @Singleton
    PrintCustomerCopy printCustomerCopy(Invoices invoices, CustomerCopies copies, InvoiceJobs jobs, AuditTrail audit, Transactions tx,
                                        Clock clock) {
        return new PrintCustomerCopy(invoices, copies, jobs, audit, tx, clock);
    }

    @Singleton
    ReminderSettings reminderSettings(@Value("${kontor.invoicing.reminders.fee}") String fee,
                                      @Value("${kontor.invoicing.reminders.interest}") String interest) {
        return new ReminderSettings(DatedRates.parse(fee), DatedRates.parse(interest));
    }

    @Singleton
    RemindInvoice remindInvoice(Invoices invoices, InvoiceReminders reminders, Companies companies, InvoiceJobs jobs,
                                ReminderSettings settings, IdempotencyKeys keys, AuditTrail audit, Transactions tx, Clock clock) {
        return new RemindInvoice(invoices, reminders, companies, jobs, settings, keys, audit, tx, clock);
    }

    /** The renderer; {@link RendererWarmUp} warms it in the background once the server listens. */
    @Singleton
    InvoicePdfs invoicePdfs(@Nullable @Value("${kontor.invoicing.seller.logo:}") String logoPath) throws IOException {
        byte[] logo = logoPath == null || logoPath.isBlank() ? null : Files.readAllBytes(Path.of(logoPath.strip()));
        return new FopInvoicePdfs(logo);
    }

    /** The SMTP server; the sender defaults to the seller's e-mail address and name. */
    @Singleton
    Mailer mailer(InvoiceSettings seller, @Value("${kontor.mail.host:localhost}") String host, @Value("${kontor.mail.port:25}") int port,
                  @Nullable @Value("${kontor.mail.username:}") String username, @Nullable @Value("${kontor.mail.password:}") String password,
                  @Nullable @Value("${kontor.mail.from:}") String from, @Nullable @Value("${kontor.mail.from-name:}") String fromName,
                  @Value("${kontor.mail.starttls:false}") boolean starttls, @Value("${kontor.mail.timeout:10s}") Duration timeout) {
        String sender = blankToNull(from) != null ? from.strip() : seller.email();
        if (sender == null) {
            throw new IllegalStateException("set kontor.mail.from (KONTOR_MAIL_FROM) or the seller's e-mail address");
        }
        return new SmtpMailer(new SmtpMailer.Settings(host, port, blankToNull(username), blankToNull(password), sender,
                blankToNull(fromName) != null ? fromName.strip() : seller.name(), starttls, timeout, timeout));
    }

    @Singleton
    RunInvoiceJobs runInvoiceJobs(InvoiceJobs jobs, Invoices invoices, InvoiceReminders reminders, InvoicePdfs pdfs, Mailer mailer,
                                  CustomerCopies copies, AuditTrail audit, Transactions tx, Clock clock,
                                  @Value("${kontor.jobs.lease:5m}") Duration lease, @Value("${kontor.jobs.max-attempts:10}") int maxAttempts,
                                  @Value("${kontor.invoicing.customer-copy-days:30}") int copyDays) {
        return new RunInvoiceJobs(jobs, invoices, reminders, pdfs, mailer, copies, audit, tx, clock, lease, maxAttempts, Duration.ofDays(copyDays));
    }
}
