package no.kontor.bootstrap;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.payment.AssignPayment;
import no.kontor.application.payment.ImportOcrPayments;
import no.kontor.application.payment.port.OcrImports;
import no.kontor.application.payment.port.Payments;
import no.kontor.application.payment.ReadPayments;
import no.kontor.application.payment.RegisterPayment;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.application.shared.port.Transactions;

@Factory
public class PaymentUseCases {

    @Singleton
    RegisterPayment registerPayment(Payments payments, Invoices invoices, IdempotencyKeys keys, AuditTrail audit, Transactions tx,
                                    Clock clock) {
        return new RegisterPayment(payments, invoices, keys, audit, tx, clock);
    }

    @Singleton
    AssignPayment assignPayment(Payments payments, Invoices invoices, AuditTrail audit, Transactions tx, Clock clock) {
        return new AssignPayment(payments, invoices, audit, tx, clock);
    }

    @Singleton
    ImportOcrPayments importOcrPayments(OcrImports imports, Payments payments, Invoices invoices, AuditTrail audit, Transactions tx,
                                        Clock clock) {
        return new ImportOcrPayments(imports, payments, invoices, audit, tx, clock);
    }

    @Singleton
    ReadPayments readPayments(Payments payments, OcrImports imports, Invoices invoices, Transactions tx) {
        return new ReadPayments(payments, imports, invoices, tx);
    }
}
