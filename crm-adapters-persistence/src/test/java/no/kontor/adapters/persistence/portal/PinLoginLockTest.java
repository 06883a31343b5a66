package no.kontor.adapters.persistence.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.portal.port.PinLogins;
import no.kontor.application.shared.port.Transactions;
import no.kontor.application.testing.contract.PortContract;

/**
 * An invoice's My page login is read under its row's lock (LogInCustomer counts a failure from
 * what it read): while one attempt holds it, another waits, so two failures are never counted
 * from the same count. Without {@code FOR UPDATE} this test fails: the second read goes through.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PinLoginLockTest extends PortContract implements UsesTestDatabase {
    @Inject
    BeanContext beans;

    @Override
    protected <T> T port(Class<T> port) {
        return beans.getBean(port);
    }

    @Test
    void aSecondAttemptWaitsForTheFirstToFinish() throws Exception {
        byte[] hash = new byte[32];
        long number = issuedInvoice(hash).getNumber();
        var logins = port(PinLogins.class);
        var tx = port(Transactions.class);
        var jdbc = beans.getBean(Jdbc.class);
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        var first = pool.submit(() -> tx.inTransaction(() -> {
            logins.lock(number).orElseThrow();
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            jdbc.update("SET LOCAL lock_timeout = '300ms'", List.of());
            return logins.lock(number);
        })).as("the second attempt waits on the row's lock").hasStackTraceContaining("lock timeout");
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(tx.inTransaction(() -> logins.lock(number))).as("free once the first is done").isPresent();
    }
}
