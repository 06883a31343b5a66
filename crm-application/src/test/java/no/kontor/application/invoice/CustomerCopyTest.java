package no.kontor.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.InMemoryCustomerCopies;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;

/**
 * The customer's copy around its PIN: a manager's reset gives a new PIN (its version rises,
 * the old hash is gone) and queues a new copy; a send finds a copy coming or makes one with a
 * new PIN; printing hands the copy out once. The PIN is never in the audit log.
 */
class CustomerCopyTest extends InvoicingWorld {
    final InMemoryCustomerCopies copies = new InMemoryCustomerCopies();
    final ResetInvoicePin reset = new ResetInvoicePin(invoices, pins, jobs, audit, tx, clock);
    final PrintCustomerCopy print = new PrintCustomerCopy(invoices, copies, jobs, audit, tx, clock);
    final SendInvoice send = new SendInvoice(invoices, companies, jobs, copies, pins, keys, audit, tx, clock);

    final no.kontor.domain.company.Company mailed = companies.add(no.kontor.domain.company.Company.register(
            no.kontor.domain.company.CompanyDetails.parse("Post AS", null, no.kontor.domain.company.CompanyStatus.CUSTOMER, null, null,
                    null, null, "faktura@post.example", null, null, null, null), "test", NOW));

    /** An issued invoice of a company with an invoice e-mail address, its render job done. */
    InvoiceId issued() {
        var sale = sales.add(no.kontor.domain.sale.Sale.open(mailed.getId(), null, no.kontor.domain.sale.SaleStage.ORDERED, false, null,
                "selma", NOW)).getId();
        saleLines.add(seller, sale, line("Annonse"));
        var id = drafting.create(manager, List.of(sale), null, null).getId();
        issuing.execute(manager, id, null);
        jobs.markAllDone(); // the render job of the issue has run
        return id;
    }

    @Test
    void aManagersResetGivesANewPinAndQueuesItsCopy() {
        var id = issued();
        var before = invoices.row(id);
        assertThatThrownBy(() -> reset.execute(seller, id)).isInstanceOf(AccessDeniedException.class);
        reset.execute(manager, id);
        var after = invoices.row(id);
        assertThat(after.pinVersion()).isEqualTo(before.pinVersion() + 1);
        assertThat(after.pinHash()).isNotEqualTo(before.pinHash());
        assertThat(jobs.all()).filteredOn(j -> j.kind() == InvoiceJobKind.RENDER_CUSTOMER_COPY).singleElement().satisfies(j -> {
            assertThat(j.pin()).matches("[0-9]{6}");
            assertThat(pins.matches(after.invoice().getNumber(), j.pin(), after.pinHash())).as("the job prints the new PIN").isTrue();
        });
        assertThat(reset.copyPending(id)).isTrue();
        assertThat(audit.of("invoice", id)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("pin-reset");
            assertThat(e.changes().toString()).doesNotContain(jobs.all().get(jobs.all().size() - 1).pin());
        });
        var draft = drafting.create(manager, List.of(orderedSale()), null, null).getId();
        assertThatThrownBy(() -> reset.execute(manager, draft)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aSendAfterTheCopyWasDeliveredMakesANewPinAndCopy() {
        var id = issued();
        int version = invoices.row(id).pinVersion();
        copies.store(id, new byte[] {1}, new byte[] {2}, NOW, NOW.plusSeconds(60));
        send.execute(seller, id, false, null);
        assertThat(invoices.row(id).pinVersion()).as("a copy is there: the PIN stays").isEqualTo(version);

        copies.remove(id);
        send.execute(seller, id, false, null);
        assertThat(invoices.row(id).pinVersion()).as("no copy left, none coming: a new PIN").isEqualTo(version + 1);
        int renders = (int) jobs.all().stream().filter(j -> j.kind() == InvoiceJobKind.RENDER_CUSTOMER_COPY).count();
        send.execute(seller, id, false, null);
        assertThat(invoices.row(id).pinVersion()).as("one coming already: no second PIN").isEqualTo(version + 1);
        assertThat(jobs.all().stream().filter(j -> j.kind() == InvoiceJobKind.RENDER_CUSTOMER_COPY).count()).isEqualTo(renders);
    }

    @Test
    void printingHandsTheCopyOutOnce() {
        var id = issued();
        copies.store(id, new byte[] {1}, new byte[] {2}, NOW, NOW.plusSeconds(60));
        assertThat(print.execute(seller, id, Giro.PREPRINTED)).hasValueSatisfying(b -> assertThat(b).containsExactly(2));
        assertThat(copies.exists(id)).isFalse();
        assertThat(audit.of("invoice", id)).last().satisfies(e -> assertThat(e.action()).isEqualTo("customer-copy-printed"));
        assertThatThrownBy(() -> print.execute(seller, id, Giro.FULL)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("invoice.no-customer-copy"));
        reset.execute(manager, id);
        assertThat(print.execute(seller, id, Giro.FULL)).as("the new copy is still being rendered").isEmpty();
    }
}
