package no.kontor.adapters.web.testing;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.payment.AssignPayment;
import no.kontor.application.payment.ImportOcrPayments;
import no.kontor.application.payment.ReadPayments;
import no.kontor.application.payment.RegisterPayment;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryIdempotencyKeys;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.InMemoryOcrImports;
import no.kontor.application.testing.InMemoryPayments;

@Factory
public class PaymentTestFactory {

    @Singleton
    InMemoryInvoices invoices(DirectTransactions tx) {
        return tx.registered(new InMemoryInvoices());
    }

    @Singleton
    InMemoryPayments payments(DirectTransactions tx) {
        return tx.registered(new InMemoryPayments());
    }

    @Singleton
    InMemoryOcrImports ocrImports(DirectTransactions tx) {
        return tx.registered(new InMemoryOcrImports());
    }

    @Singleton
    InMemoryIdempotencyKeys idempotencyKeys(DirectTransactions tx) {
        return tx.registered(new InMemoryIdempotencyKeys());
    }

    @Singleton
    RegisterPayment registerPayment(InMemoryPayments payments, InMemoryInvoices invoices, InMemoryIdempotencyKeys keys,
                                    InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new RegisterPayment(payments, invoices, keys, audit, tx, clock);
    }

    @Singleton
    AssignPayment assignPayment(InMemoryPayments payments, InMemoryInvoices invoices, InMemoryAuditTrail audit, DirectTransactions tx,
                                Clock clock) {
        return new AssignPayment(payments, invoices, audit, tx, clock);
    }

    @Singleton
    ImportOcrPayments importOcrPayments(InMemoryOcrImports imports, InMemoryPayments payments, InMemoryInvoices invoices,
                                        InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new ImportOcrPayments(imports, payments, invoices, audit, tx, clock);
    }

    @Singleton
    ReadPayments readPayments(InMemoryPayments payments, InMemoryOcrImports imports, InMemoryInvoices invoices, DirectTransactions tx) {
        return new ReadPayments(payments, imports, invoices, tx);
    }
}
