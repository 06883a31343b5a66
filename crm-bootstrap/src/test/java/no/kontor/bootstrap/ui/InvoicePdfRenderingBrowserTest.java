package no.kontor.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * An invoice's PDF in the browser before the outbox has rendered it (here no worker runs, so it
 * never is): {@code 202} with {@code Retry-After}, and a page that says so and asks again by itself.
 */
@MicronautTest(transactional = false)
@Property(name = "kontor.jobs.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoicePdfRenderingBrowserTest extends Journey {
    String invoice;

    @BeforeAll
    void start() {
        staff.add("marte", Role.MANAGER);
        var manager = staff.login("marte");
        String company = ApiClient.field(manager.post("/api/v1/companies", "{\"name\":\"Trykkeriet AS\",\"status\":\"CUSTOMER\"}").body(),
                "id");
        String sale = ApiClient.field(manager.post("/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"ORDERED\"}").body(), "id");
        manager.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Annonse\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":100000}");
        invoice = ApiClient.field(manager.post("/api/v1/invoices", "{\"saleIds\":[" + sale + "]}").body(), "id");
        assertThat(manager.post("/api/v1/invoices/" + invoice + "/issue", "").statusCode()).isEqualTo(200);
    }

    @Test
    void aPdfStillBeingRenderedIsA202WithRetryAfterAndAPageThatAsksAgain() {
        var answer = getWith(sessionCookie("marte"), "/ui/invoices/" + invoice + "/pdf");
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(answer.headers().firstValue("Refresh")).hasValue("2");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));

        logInAs("marte");
        open("/ui/invoices/" + invoice);
        clickThrough(By.linkText("Åpne PDF"));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/invoices/" + invoice + "/pdf");
        // the page reloads itself every two seconds: each look is retried when it fell on a reload
        onThePage(() -> assertThat(text(By.tagName("h1"))).isEqualTo("PDF-en lages"));
        onThePage(() -> assertThat(text(By.cssSelector("[role=status]"))).contains("prøver igjen av seg selv"));
        onThePage(this::accessible);
    }

    void onThePage(Runnable look) {
        for (int attempt = 1; ; attempt++) {
            try {
                look.run();
                return;
            } catch (org.openqa.selenium.WebDriverException reloaded) {
                if (attempt == 5) {
                    throw reloaded;
                }
            }
        }
    }
}
