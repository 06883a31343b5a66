package no.kontor.application.company;

import java.time.Clock;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.application.company.port.PostalCodeRegister;

/** An admin replaces the postal-code register with Bring's full file, all or nothing. */
public final class ImportPostalCodes {
    private final PostalCodeRegister register;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ImportPostalCodes(PostalCodeRegister register, AuditTrail audit, Transactions tx, Clock clock) {
        this.register = register;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The number of postcodes imported. */
    public int execute(Actor actor, byte[] bringFile) {
        actor.require(Role.ADMIN);
        var places = BringPostalCodeFile.parse(bringFile);
        return tx.inTransaction(() -> {
            int count = register.replaceAll(places);
            audit.record(AuditEvent.of(actor, clock.instant(), "postal-code-register", "bring", "imported",
                    Map.of(), Map.of("postcodes", (long) count), null));
            return count;
        });
    }
}
