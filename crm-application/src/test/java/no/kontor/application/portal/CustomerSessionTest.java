package no.kontor.application.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.Giro;
import no.kontor.application.portal.port.CustomerSessions.EndReason;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.shared.NotFoundException;

class CustomerSessionTest {
    final PortalFixture f = new PortalFixture();
    final CompanyId company = f.company("Kunde AS");
    final CompanyId other = f.company("Annen AS");

    LogInCustomer.Result.LoggedIn logIn(long number) {
        return (LogInCustomer.Result.LoggedIn) f.logIn().execute(new LogInCustomer.Command(Long.toString(number), "123456", "192.0.2.1"));
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesAndUseKeepsItAlive() {
        var in = logIn(f.issued(company, "123456").getNumber());
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(f.check().customer(in.token())).as("used within the limit").isPresent();
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(f.check().customer(in.token())).as("29 minutes after the last use").isPresent();
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(f.check().customer(in.token())).isEmpty();
        assertThat(f.sessions.row(in.customer().sessionId()).reason()).isEqualTo(EndReason.IDLE);
        f.clock.advance(Duration.ofSeconds(-3600));
        assertThat(f.check().customer(in.token())).as("an ended session stays ended").isEmpty();
    }

    @Test
    void loggingOutEndsTheSessionOnTheServerAndIsAudited() {
        var in = logIn(f.issued(company, "123456").getNumber());
        f.logOut().execute(in.customer());
        assertThat(f.check().customer(in.token())).isEmpty();
        assertThat(f.sessions.row(in.customer().sessionId()).reason()).isEqualTo(EndReason.LOGGED_OUT);
        assertThat(f.audit.of(LogInCustomer.RECORD_TYPE, in.customer().sessionId())).extracting(e -> e.action()).containsExactly("logged-out");
    }

    @Test
    void aTokenThatIsNotOneOpensNothing() {
        assertThat(f.check().customer(null)).isEmpty();
        assertThat(f.check().customer("kp_short")).isEmpty();
        assertThat(f.check().customer(CustomerTokens.newToken())).as("well formed, never issued").isEmpty();
        assertThat(f.check().customer("eyJhbGciOiJIUzI1NiJ9.e30.x")).as("a staff token").isEmpty();
    }

    @Test
    void myPageShowsTheCompanysIssuedDocumentsAndNothingOfAnotherCompany() {
        var mine = f.issued(company, "123456");
        var older = f.issued(company, "222222");
        var draft = f.draft(company);
        var theirs = f.issued(other, "333333");
        var customer = logIn(mine.getNumber()).customer();
        var page = f.myPage();

        assertThat(page.invoices(customer, null, 50).items()).extracting(i -> i.getId()).containsExactly(older.getId(), mine.getId());
        assertThat(page.invoice(customer, older.getId()).getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(page.overview(customer).companyName()).isEqualTo("Kunde AS");
        assertThat(page.overview(customer).balance().due()).isEqualTo(250000);
        for (var id : java.util.List.of(theirs.getId(), draft.getId(), new no.kontor.domain.invoice.InvoiceId(999_999))) {
            assertThatThrownBy(() -> page.invoice(customer, id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> page.pdf(customer, id, Giro.FULL)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> page.ehf(customer, id)).isInstanceOf(NotFoundException.class);
        }
        assertThat(page.ehf(customer, mine.getId())).isEqualTo("<Invoice/>");
    }

    @Test
    void myPageListsTheCompanysOrdersButNotItsLeadsNorAnotherCompanysSales() {
        var sales = f.ports.get(no.kontor.application.sale.port.Sales.class);
        var open = (java.util.function.BiFunction<CompanyId, no.kontor.domain.sale.SaleStage, no.kontor.domain.sale.SaleId>) (c, stage) ->
                f.tx.inTransaction(() -> sales.add(no.kontor.domain.sale.Sale.open(c, null, stage, false, "Kampanje", "user:1",
                        PortalFixture.START))).getId();
        var ordered = open.apply(company, no.kontor.domain.sale.SaleStage.ORDERED);
        open.apply(company, no.kontor.domain.sale.SaleStage.LEAD);
        open.apply(other, no.kontor.domain.sale.SaleStage.ORDERED);
        var customer = logIn(f.issued(company, "123456").getNumber()).customer();
        assertThat(f.myPage().orders(customer)).extracting(o -> o.sale().getId()).containsExactly(ordered);
    }
}
