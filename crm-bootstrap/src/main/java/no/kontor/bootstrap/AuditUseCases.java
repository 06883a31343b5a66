package no.kontor.bootstrap;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.audit.port.AuditLog;
import no.kontor.application.audit.ReadAuditLog;
import no.kontor.application.audit.VerifyAuditLog;

@Factory
public class AuditUseCases {

    @Singleton
    ReadAuditLog readAuditLog(AuditLog log) {
        return new ReadAuditLog(log);
    }

    @Singleton
    VerifyAuditLog verifyAuditLog(AuditLog log) {
        return new VerifyAuditLog(log);
    }
}
