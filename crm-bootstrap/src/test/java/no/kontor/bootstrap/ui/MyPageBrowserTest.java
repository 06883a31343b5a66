package no.kontor.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.bootstrap.TestCustomers;
import no.kontor.bootstrap.TestStaff;

/**
 * My page in a real browser (Debian's headless Chromium): a customer logs in with an invoice
 * number and its PIN, sees the company's invoice with its amount in Norwegian, opens its PDF,
 * cannot open another company's, and logs out; a wrong PIN is told in Norwegian.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyPageBrowserTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;
    @Inject
    TestCustomers customers;

    ChromeDriver browser;
    String base;
    long number;
    String invoice;
    String theirs;

    @BeforeAll
    void start() {
        Browser.requireInstalled();
        base = server.getURI().toString();
        var admin = staff.admin();
        String company = ApiClient.field(admin.post("/api/v1/companies", "{\"name\":\"Bakeri Sør AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        String other = ApiClient.field(admin.post("/api/v1/companies", "{\"name\":\"Annen AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        invoice = issued(admin, company);
        theirs = issued(admin, other);
        number = customers.knownPin(Long.parseLong(invoice));
        browser = Browser.start();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    static String issued(ApiClient admin, String company) {
        String sale = ApiClient.field(admin.post("/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"ORDERED\"}").body(), "id");
        admin.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Annonse\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":1003600}");
        String id = ApiClient.field(admin.post("/api/v1/invoices", "{\"saleIds\":[" + sale + "]}").body(), "id");
        assertThat(admin.post("/api/v1/invoices/" + id + "/issue", "").statusCode()).isEqualTo(200);
        return id;
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerLogsInSeesTheInvoiceOpensItsPdfAndLogsOut() throws Exception {
        browser.get(base + "/minside");
        assertThat(browser.getCurrentUrl()).endsWith("/minside/login");
        browser.findElement(By.id("invoiceNumber")).sendKeys(Long.toString(number));
        browser.findElement(By.id("pin")).sendKeys("000000");
        Browser.clickThrough(browser, By.cssSelector("main form button"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo("Feil fakturanummer eller PIN.");

        browser.findElement(By.id("invoiceNumber")).sendKeys(Long.toString(number));
        browser.findElement(By.id("pin")).sendKeys(TestCustomers.PIN);
        Browser.clickThrough(browser, By.cssSelector("main form button"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bakeri Sør AS");
        assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("Faktura " + number, "12 545,00 kr");
        var cookie = browser.manage().getCookieNamed("kontor_minside");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "screenshots", "minside-innlogget.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // the PDF, as the browser would fetch it with the session's cookie (once the outbox has rendered it)
        var http = java.net.http.HttpClient.newHttpClient();
        String session = "kontor_minside=" + cookie.getValue();
        var deadline = Instant.now().plusSeconds(30);
        java.net.http.HttpResponse<byte[]> pdf;
        do {
            pdf = http.send(HttpRequest.newBuilder(server.getURI().resolve("/minside/fakturaer/" + invoice + "/pdf")).header("Cookie", session)
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (pdf.statusCode() == 200) {
                break;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        var others = http.send(HttpRequest.newBuilder(server.getURI().resolve("/minside/fakturaer/" + theirs + "/pdf")).header("Cookie", session)
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(others.statusCode()).as("another company's invoice").isEqualTo(404);
        var staffPage = http.send(HttpRequest.newBuilder(server.getURI().resolve("/ui")).header("Cookie", session).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(staffPage.statusCode()).as("My page's cookie opens no staff page").isEqualTo(303);

        Browser.clickThrough(browser, By.cssSelector(".logout button"));
        assertThat(browser.getCurrentUrl()).endsWith("/minside/login");
        browser.get(base + "/minside");
        assertThat(browser.getCurrentUrl()).as("logged out on the server").endsWith("/minside/login");
    }
}
