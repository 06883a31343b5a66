package no.kontor.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.bootstrap.TestCustomers;

/**
 * My page's journey in a real browser (issue 21: "their orders, invoices (PDF/EHF), balance and
 * ad statistics"): a customer logs in, sees the balance and the invoice, the orders with their
 * lines and booked placements, and the ads' impressions, clicks and click-through rate in all and
 * day by day; downloads the invoice's PDF and EHF (XML, as an attachment). Another company's EHF,
 * PDF or booking is the not-found page. My page has its own header, never the staff menu.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyPageJourneyBrowserTest extends Journey {
    @Inject
    TestCustomers customers;

    long number;
    String invoice;
    String theirs;
    String booking;
    String theirBooking;

    @BeforeAll
    void start() throws Exception {
        var admin = staff.admin();
        String company = ApiClient.field(admin.post("/api/v1/companies", "{\"name\":\"Bakeri Sør AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        String other = ApiClient.field(admin.post("/api/v1/companies", "{\"name\":\"Annen AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        invoice = MyPageBrowserTest.issued(admin, company);
        theirs = MyPageBrowserTest.issued(admin, other);
        String placement = ApiClient.field(admin.post("/api/v1/placements", "{\"name\":\"Toppbanner\",\"unit\":\"DAY\",\"channel\":\"Nett\"}")
                .body(), "id");
        String side = ApiClient.field(admin.post("/api/v1/placements", "{\"name\":\"Sidebanner\",\"unit\":\"DAY\",\"channel\":\"Nett\"}")
                .body(), "id");
        booking = book(admin, company, placement, "Vinterkampanje", "2026-11-01", "2026-11-03");
        theirBooking = book(admin, other, side, "Deres kampanje", "2026-11-01", "2026-11-30");
        assertThat(admin.post("/api/v1/placements/" + placement + "/ad-zone", "{\"zoneId\":\"7\"}").statusCode()).isEqualTo(204);
        assertThat(admin.post("/api/v1/placements/" + side + "/ad-zone", "{\"zoneId\":\"8\"}").statusCode()).isEqualTo(204);
        var started = admin.send(admin.request("/api/v1/ad-statistics/imports").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("Day,Zone ID,Impressions,Clicks\n2026-11-01,7,2000,20\n2026-11-02,7,400,0\n"
                        + "2026-11-02,8,999,99\n")).build());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        var deadline = Instant.now().plusSeconds(30);
        while (admin.get(location).body().contains("\"RUNNING\"") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(admin.get(location).body()).contains("\"DONE\"");
        number = customers.knownPin(Long.parseLong(invoice));
    }

    static String book(ApiClient admin, String company, String placement, String description, String first, String last) {
        String sale = ApiClient.field(admin.post("/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"ORDERED\",\"description\":\""
                + description + "\"}").body(), "id");
        var line = admin.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Toppbanner 3 dager\",\"quantity\":3,\"unit\":\"DAY\","
                + "\"unitPrice\":150000,\"discountPercent\":10}");
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        var r = admin.post("/api/v1/bookings", "{\"saleId\":" + sale + ",\"placementId\":" + placement + ",\"firstDay\":\"" + first
                + "\",\"lastDay\":\"" + last + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.field(r.body(), "id");
    }

    void logIn() {
        open("/minside/login");
        browser.manage().deleteAllCookies();
        open("/minside/login");
        browser.findElement(By.id("invoiceNumber")).sendKeys(Long.toString(number));
        browser.findElement(By.id("pin")).sendKeys(TestCustomers.PIN);
        clickThrough(By.cssSelector("main form button"));
        assertThat(browser.getCurrentUrl()).endsWith("/minside");
    }

    @Test
    void aCustomerSeesBalanceInvoicesOrdersAndAdStatisticsAndDownloadsThePdfAndEhf() throws Exception {
        logIn();
        assertThat(text(By.tagName("h1"))).isEqualTo("Bakeri Sør AS");
        assertThat(text(By.cssSelector("section[aria-labelledby=balance]"))).contains("Å betale", "12 545,00 kr");
        assertThat(text(By.cssSelector("section[aria-labelledby=invoices] tbody"))).contains("Faktura " + number, "12 545,00 kr");
        assertThat(browser.findElements(By.linkText("Administrasjon"))).as("no staff menu").isEmpty();
        assertThat(browser.findElements(By.linkText("Arbeidsliste"))).isEmpty();
        assertThat(text(By.cssSelector("header nav"))).contains("Oversikt og fakturaer", "Ordrer", "Annonsestatistikk");
        var ehfLink = browser.findElement(By.linkText("Last ned EHF for " + number));
        assertThat(ehfLink.getAttribute("href")).endsWith("/minside/fakturaer/" + invoice + "/ehf");
        assertThat(browser.findElement(By.linkText("Åpne Faktura " + number)).getAttribute("href"))
                .endsWith("/minside/fakturaer/" + invoice + "/pdf");
        accessible();
        screenshot("minside");

        String session = "kontor_minside=" + browser.manage().getCookieNamed("kontor_minside").getValue();
        var http = java.net.http.HttpClient.newHttpClient();
        var deadline = Instant.now().plusSeconds(30);
        HttpResponse<byte[]> pdf;
        do {
            pdf = http.send(HttpRequest.newBuilder(server.getURI().resolve("/minside/fakturaer/" + invoice + "/pdf")).header("Cookie", session)
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (pdf.statusCode() == 200) {
                break;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        var ehf = http.send(HttpRequest.newBuilder(server.getURI().resolve(ehfLink.getAttribute("href"))).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ehf.statusCode()).isEqualTo(200);
        assertThat(ehf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(ehf.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"faktura-" + invoice + ".xml\"");
        assertThat(ehf.body()).contains("<cbc:ID>" + number + "</cbc:ID>", "Bakeri Sør AS");
        for (String path : new String[] {"/minside/fakturaer/" + theirs + "/ehf", "/minside/fakturaer/" + theirs + "/pdf",
                "/minside/fakturaer/abc/ehf", "/minside/annonsestatistikk/" + theirBooking}) {
            var other = http.send(HttpRequest.newBuilder(server.getURI().resolve(path)).header("Cookie", session).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(other.body()).as(path).doesNotContain("Annen AS", "Sidebanner");
        }
        var anonymous = http.send(HttpRequest.newBuilder(server.getURI().resolve("/minside/fakturaer/" + invoice + "/ehf")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("no session: to the login page").isEqualTo(303);

        // another company's EHF in the browser: the not-found page
        open("/minside/fakturaer/" + theirs + "/ehf");
        assertThat(text(By.tagName("main"))).contains("Denne fakturaen finnes ikke.");
        accessible();

        open("/minside");
        clickThrough(By.linkText("Ordrer"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Ordrer");
        String orders = text(By.tagName("main"));
        assertThat(orders).contains("Vinterkampanje", "Bestilt", "Toppbanner 3 dager", "3 dager", "1 500,00 kr", "10 %", "4 050,00 kr",
                "Toppbanner", "01.11.2026", "03.11.2026", "Reservert");
        assertThat(orders).as("the invoiced sale too").contains("Fakturert", "Annonse", "10 036,00 kr");
        assertThat(orders).doesNotContain("Deres kampanje", "Sidebanner");
        accessible();
        screenshot("minside-ordrer");

        clickThrough(By.linkText("Annonsestatistikk"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Annonsestatistikk");
        String row = text(By.cssSelector("tbody tr"));
        assertThat(row).contains("Toppbanner", "01.11.2026–03.11.2026", "2 400", "20", "0,83 %");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).as("only the company's own booking").hasSize(1);
        accessible();
        clickThrough(By.partialLinkText("Dag for dag"));
        assertThat(text(By.tagName("tbody"))).contains("01.11.2026", "2 000", "1,00 %", "02.11.2026", "400");
        accessible();
        screenshot("minside-annonsestatistikk");

        clickThrough(By.cssSelector(".logout button"));
        assertThat(browser.getCurrentUrl()).endsWith("/minside/login");
        open("/minside/ordrer");
        assertThat(browser.getCurrentUrl()).as("logged out on the server").endsWith("/minside/login");
    }
}
