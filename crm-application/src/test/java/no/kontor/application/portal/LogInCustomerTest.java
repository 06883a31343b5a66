package no.kontor.application.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.portal.LogInCustomer.Command;
import no.kontor.application.portal.LogInCustomer.Result;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.AccessDeniedException;

class LogInCustomerTest {
    static final String ADDRESS = "192.0.2.10";
    final PortalFixture f = new PortalFixture();
    final LogInCustomer logIn = f.logIn();
    final no.kontor.domain.company.CompanyId company = f.company("Kunde AS");

    Result attempt(long number, String pin) {
        return logIn.execute(new Command(Long.toString(number), pin, ADDRESS));
    }

    @Test
    void theRightPinOpensASessionForTheInvoicesCompanyOnly() {
        var invoice = f.issued(company, "123456");
        var result = attempt(invoice.getNumber(), "123456");
        assertThat(result).isInstanceOf(Result.LoggedIn.class);
        var in = (Result.LoggedIn) result;
        assertThat(CustomerTokens.looksLikeOne(in.token())).isTrue();
        assertThat(in.customer().companyId()).isEqualTo(company);
        assertThat(in.customer().invoiceId()).isEqualTo(invoice.getId().value());
        assertThat(f.check().customer(in.token())).contains(in.customer());
        assertThat(f.audit.of(LogInCustomer.RECORD_TYPE, invoice.getNumber())).extracting(AuditEvent::action, AuditEvent::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("succeeded", "customer:session:" + in.customer().sessionId()));
        // the token is stored only as its hash
        assertThat(f.sessions.row(in.customer().sessionId()).tokenHash()).isEqualTo(CustomerTokens.hash(in.token()));
    }

    @Test
    void aWrongPinAnUnknownInvoiceAndAMalformedOneGetTheSameAnswerAndAreAuditedWithTheirReason() {
        var invoice = f.issued(company, "123456");
        assertThat(attempt(invoice.getNumber(), "654321")).isEqualTo(new Result.Refused());
        assertThat(attempt(invoice.getNumber() + 500, "123456")).isEqualTo(new Result.Refused());
        assertThat(logIn.execute(new Command("12a", "123456", ADDRESS))).isEqualTo(new Result.Refused());
        assertThat(logIn.execute(new Command(null, null, ADDRESS))).isEqualTo(new Result.Refused());
        assertThat(attempt(invoice.getNumber(), "12345")).as("a PIN is six digits").isEqualTo(new Result.Refused());
        assertThat(f.audit.events()).filteredOn(e -> e.recordType().equals(LogInCustomer.RECORD_TYPE))
                .extracting(e -> e.recordId(), e -> e.changes().get("reason").after())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(invoice.getNumber().toString(), "bad-pin"),
                        org.assertj.core.groups.Tuple.tuple(Long.toString(invoice.getNumber() + 500), "unknown-invoice"),
                        org.assertj.core.groups.Tuple.tuple("malformed", "unknown-invoice"),
                        org.assertj.core.groups.Tuple.tuple("malformed", "unknown-invoice"),
                        org.assertj.core.groups.Tuple.tuple(invoice.getNumber().toString(), "bad-pin"));
        assertThat(f.audit.events()).filteredOn(e -> e.action().equals("failed")).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("public");
            assertThat(e.changes().get("clientAddress").after()).isEqualTo(ADDRESS);
            assertThat(e.changes().toString()).doesNotContain("654321").doesNotContain("123456");
        });
    }

    @Test
    void fiveFailuresLockTheInvoiceEvenForTheRightPinUntilTheLockRunsOut() {
        var invoice = f.issued(company, "123456");
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(invoice.getNumber(), "000000")).isEqualTo(new Result.Refused());
        }
        assertThat(f.audit.of(LogInCustomer.RECORD_TYPE, invoice.getNumber())).extracting(AuditEvent::action).endsWith("failed", "locked");
        assertThat(attempt(invoice.getNumber(), "123456")).as("locked: the right PIN too").isEqualTo(new Result.Refused());
        assertThat(f.audit.events().get(f.audit.events().size() - 1).changes().get("reason").after()).isEqualTo("locked");

        f.clock.advance(Duration.ofMinutes(15));
        assertThat(attempt(invoice.getNumber(), "123456")).isInstanceOf(Result.LoggedIn.class);
    }

    @Test
    void aSuccessForgetsTheFailuresBeforeIt() {
        var invoice = f.issued(company, "123456");
        for (int i = 0; i < 4; i++) {
            attempt(invoice.getNumber(), "000000");
        }
        assertThat(attempt(invoice.getNumber(), "123456")).isInstanceOf(Result.LoggedIn.class);
        for (int i = 0; i < 4; i++) {
            attempt(invoice.getNumber(), "000000");
        }
        assertThat(attempt(invoice.getNumber(), "123456")).as("four failures after a success do not lock").isInstanceOf(Result.LoggedIn.class);
    }

    @Test
    void anAddressPastTwentyFailuresAnHourWaitsUncheckedAndUnaudited() {
        var invoice = f.issued(company, "123456");
        for (int i = 0; i < 20; i++) {
            attempt(invoice.getNumber() + 1000 + i, "000000"); // walking the numbers, never the same invoice five times
        }
        int audited = f.audit.events().size();
        var result = attempt(invoice.getNumber(), "123456");
        assertThat(result).isInstanceOf(Result.Throttled.class);
        assertThat(((Result.Throttled) result).retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1).plusSeconds(1));
        assertThat(f.audit.events()).hasSize(audited);
        assertThat(logIn.execute(new Command(invoice.getNumber().toString(), "123456", "198.51.100.7")))
                .as("another address is not held back").isInstanceOf(Result.LoggedIn.class);

        f.clock.advance(Duration.ofHours(1));
        assertThat(attempt(invoice.getNumber(), "123456")).isInstanceOf(Result.LoggedIn.class);
    }

    @Test
    void aManagerUnlocksAnInvoiceAndItIsAudited() {
        var invoice = f.issued(company, "123456");
        for (int i = 0; i < 5; i++) {
            attempt(invoice.getNumber(), "000000");
        }
        var manager = Actor.staff(2, "mona", Role.MANAGER);
        assertThat(f.invoiceLogins().state(manager, invoice.getId()).lockedUntil()).isNotNull();
        assertThatThrownBy(() -> f.invoiceLogins().unlock(Actor.staff(3, "selma", Role.SELLER), invoice.getId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.invoiceLogins().unlock(Actor.customer(1), invoice.getId())).isInstanceOf(AccessDeniedException.class);

        var state = f.invoiceLogins().unlock(manager, invoice.getId());
        assertThat(state.lockedUntil()).isNull();
        assertThat(f.audit.of(LogInCustomer.RECORD_TYPE, invoice.getNumber())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("unlocked");
            assertThat(e.actor()).isEqualTo("user:2");
        });
        assertThat(attempt(invoice.getNumber(), "123456")).isInstanceOf(Result.LoggedIn.class);
    }

    @Test
    void everyCheckedAttemptCostsOneHmacWhateverItSent() {
        var invoice = f.issued(company, "123456");
        var counted = new java.util.concurrent.atomic.AtomicInteger();
        var real = f.pins;
        var pins = new no.kontor.application.invoice.port.CustomerPins() {
            @Override
            public String newPin() {
                return real.newPin();
            }

            @Override
            public byte[] hash(long invoiceNumber, String pin) {
                return real.hash(invoiceNumber, pin);
            }

            @Override
            public boolean matches(long invoiceNumber, String pin, byte[] stored) {
                counted.incrementAndGet();
                return real.matches(invoiceNumber, pin, stored);
            }
        };
        var counting = new LogInCustomer(f.logins, f.sessions, pins, f.audit, f.tx, f.clock, f.settings);
        for (var c : java.util.List.of(new Command(invoice.getNumber().toString(), "654321", ADDRESS),
                new Command(Long.toString(invoice.getNumber() + 77), "123456", ADDRESS), new Command("x", "y", ADDRESS),
                new Command(null, null, ADDRESS), new Command(invoice.getNumber().toString(), "123456", ADDRESS))) {
            int before = counted.get();
            counting.execute(c);
            assertThat(counted.get() - before).as("one HMAC and one constant-time comparison for " + c).isEqualTo(1);
        }
    }
}
