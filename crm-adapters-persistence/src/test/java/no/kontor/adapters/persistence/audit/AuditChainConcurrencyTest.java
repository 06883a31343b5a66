package no.kontor.adapters.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditLog;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.Page;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.application.audit.AuditRecord;
import no.kontor.application.audit.AuditQuery;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditChainConcurrencyTest implements UsesTestDatabase {
    @Inject
    AuditTrail trail;
    @Inject
    AuditLog log;
    @Inject
    Transactions tx;
    @Inject
    PersonalDataVault vault;

    @Test
    void twentyConcurrentWritersChainInOrderWithoutAGap() throws Exception {
        long before = log.head().seq();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        var futures = new ArrayList<Future<?>>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                return tx.inTransaction(() -> {
                    trail.record(AuditEvent.created(Actor.staff(n + 1, "u" + n, Role.SELLER), Instant.now(), "company", n,
                            Map.of("name", "Samtidig " + n)));
                    return null;
                });
            }));
        }
        start.countDown();
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        var verification = log.verify();
        assertThat(verification.valid()).as(verification.reason()).isTrue();
        assertThat(verification.checked()).isEqualTo(before + 20);
        assertThat(log.head().seq()).isEqualTo(before + 20);
        var page = log.search(new AuditQuery(null, null, null, "company", 15, null));
        assertThat(page.items()).hasSize(15);
        assertThat(page.items().get(0).seq()).as("newest first").isEqualTo(before + 20);
        Page<AuditRecord> rest = log.search(new AuditQuery(null, null, null, "company", 15, page.nextCursor()));
        assertThat(rest.items()).hasSize(5);
        assertThat(rest.nextCursor()).isNull();
        assertThat(log.search(new AuditQuery("user:3", null, null, null, 10, null)).items()).singleElement()
                .satisfies(r -> assertThat(r.changes()).containsKey("name"));
    }

    @Test
    void forgettingAPersonSealsTheirValuesAndKeepsTheChain() {
        var personal = new AuditEvent.PersonalData("contact:900", Set.of("name", "email"));
        var other = new AuditEvent.PersonalData("contact:901", Set.of("name", "email"));
        for (var p : new AuditEvent.PersonalData[] {personal, other}) {
            tx.inTransaction(() -> {
                trail.record(AuditEvent.created(Actor.staff(1, "a", Role.ADMIN), Instant.now(), "contact",
                        p.subject().substring("contact:".length()), Map.of("name", "Ola Nordmann", "email", "ola@example.no", "unsubscribed", false))
                        .withPersonal(p));
                return null;
            });
        }
        var before = log.history("contact", "900").get(0);
        var opened = new java.util.HashMap<String, Object>();
        opened.put("after", "Ola Nordmann");
        opened.put("before", null);
        assertThat(before.changes().get("name")).as("readable while the key exists").isEqualTo(opened);
        assertThat(vault.forget("contact:900")).isTrue();

        var after = log.history("contact", "900").get(0);
        assertThat(after.changes().get("name")).isEqualTo(JdbcAuditLog.FORGOTTEN);
        assertThat(after.changes().get("email")).isEqualTo(JdbcAuditLog.FORGOTTEN);
        assertThat(after.changes().get("unsubscribed")).as("not personal, still readable").isNotEqualTo(JdbcAuditLog.FORGOTTEN);
        assertThat(log.history("contact", "901").get(0).changes().get("email").toString()).contains("ola@example.no");
        assertThat(log.verify().valid()).as("the chain is untouched by forgetting").isTrue();
    }
}
