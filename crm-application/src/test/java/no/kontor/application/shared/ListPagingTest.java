package no.kontor.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import no.kontor.application.identity.ManageStaff;
import no.kontor.application.identity.LoginLimits;
import no.kontor.application.identity.PasswordAttempts;
import no.kontor.application.identity.port.PasswordHasher;
import no.kontor.application.identity.TokenCheck;
import no.kontor.application.testing.InMemoryLoginThrottle;
import no.kontor.application.payment.ReadPayments;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.InMemoryOcrImports;
import no.kontor.application.testing.InMemoryPayments;
import no.kontor.application.testing.InMemoryStaffUsers;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.payment.Payment;
import no.kontor.domain.shared.ValidationException;

/** The lists that had no limit page on the in-memory ports the way they do on PostgreSQL. */
class ListPagingTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final Actor seller = Actor.staff(1, "sindre", Role.SELLER);
    final InMemoryStaffUsers users = new InMemoryStaffUsers();
    final PasswordHasher hasher = new PasswordHasher() {
        @Override
        public String hash(char[] password) {
            return "hash";
        }

        @Override
        public boolean matches(char[] password, String hash) {
            return false;
        }
    };
    final ManageStaff staff = new ManageStaff(users, hasher,
            new PasswordAttempts(new InMemoryLoginThrottle(), new LoginLimits(3, java.time.Duration.ofMinutes(15), 20,
                    java.time.Duration.ofMinutes(1)), clock),
            new TokenCheck(users, clock, java.time.Duration.ofSeconds(5)), new InMemoryAuditTrail(),
            new DirectTransactions().register(users), clock);

    void user(String username) {
        users.add(new StaffUser(null, username, username, null, "hash", Role.SELLER, null, true, clock.instant(), clock.instant(), 0));
    }

    static <T> List<T> walk(BiFunction<String, Integer, Page<T>> list, int limit) {
        var seen = new ArrayList<T>();
        String cursor = null;
        int pages = 0;
        do {
            var page = list.apply(cursor, limit);
            assertThat(page.items()).hasSizeBetween(1, limit);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(pages).as("more than one page").isGreaterThan(1);
        return seen;
    }

    @Test
    void staffUsersPageByUsernameWithTheirCursor() {
        for (String name : List.of("ulf", "anne", "pia", "mats", "berit")) {
            user(name);
        }
        var seen = walk((cursor, limit) -> staff.list(seller, cursor, limit), 2);
        assertThat(seen).extracting(StaffUser::getUsername).containsExactly("anne", "berit", "mats", "pia", "ulf");
        assertThat(staff.list(seller, null, Paging.MAX_LIMIT).nextCursor()).isNull();
    }

    @Test
    void aBadLimitOrCursorNamesTheField() {
        user("anne");
        for (int limit : new int[] {0, -1, Paging.MAX_LIMIT + 1}) {
            assertThatThrownBy(() -> staff.list(seller, null, limit)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors().get(0).field()).isEqualTo("limit"));
        }
        assertThatThrownBy(() -> staff.list(seller, "garbage", 10)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
    }

    @Test
    void paymentsOfAnInvoicePageOldestFirstAndRefuseAnotherListsCursor() {
        var invoices = new InMemoryInvoices();
        var payments = new InMemoryPayments();
        var read = new ReadPayments(payments, new InMemoryOcrImports(), invoices, new DirectTransactions().register(payments));
        var invoice = new InvoiceId(7);
        for (int i = 1; i <= 5; i++) {
            payments.add(Payment.manual(invoice, 100L * i, LocalDate.of(2026, 3, i), null, LocalDate.of(2026, 3, 31), "user:1",
                    clock.instant()));
        }
        var seen = walk((cursor, limit) -> payments.ofInvoice(invoice, cursor, limit), 2);
        assertThat(seen).extracting(Payment::amount).containsExactly(100L, 200L, 300L, 400L, 500L);
        for (int i = 1; i <= 2; i++) {
            user("user" + i);
            user("other" + i);
        }
        String usersCursor = staff.list(seller, null, 1).nextCursor();
        assertThatThrownBy(() -> payments.ofInvoice(invoice, usersCursor, 2)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> read.ofInvoice(seller, invoice, null, 0)).isInstanceOf(ValidationException.class);
    }
}
