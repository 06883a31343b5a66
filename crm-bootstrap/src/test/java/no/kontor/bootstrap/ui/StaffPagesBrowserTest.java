package no.kontor.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
import no.kontor.bootstrap.TestStaff;
import no.kontor.domain.identity.Role;

/**
 * The staff pages in a real browser (Debian's headless Chromium through Selenium): a seller
 * logs in, sees the work list with a hostile subject shown as text, logs out; a wrong password
 * is told in Norwegian; the session cookie is HttpOnly and SameSite=Strict; every page sends a
 * Content-Security-Policy without inline script; a forged logout (no CSRF token) is refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPagesBrowserTest extends Journey {
    static final String HOSTILE = "<script>alert(1)</script>";

    String company;

    @BeforeAll
    void start() {
        staff.add("siri", Role.SELLER);
        var siri = staff.login("siri");
        company = ApiClient.field(siri.post("/api/v1/companies", "{\"name\":\"Kafé Nord AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        var logged = siri.post("/api/v1/companies/" + company + "/activities", "{\"kind\":\"PHONE_CALL\",\"direction\":\"OUTBOUND\","
                + "\"subject\":\"" + HOSTILE.replace("\"", "\\\"") + "\",\"followUp\":{\"dueDate\":\"2026-01-02\"}}");
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);

        for (String name : new String[] {"Kafé Ål", "Kafé Ønske", "Kafé Zebra", "Kafé Ærlig"}) {
            assertThat(siri.post("/api/v1/companies", "{\"name\":\"" + name + "\",\"status\":\"PROSPECT\"}").statusCode()).isEqualTo(201);
        }
        // a stranger orders through the public form today: the home page lists it
        var admin = staff.admin();
        String placement = ApiClient.field(admin.post("/api/v1/placements", "{\"name\":\"Forsidebanner\",\"unit\":\"DAY\"}").body(), "id");
        admin.post("/api/v1/placements/" + placement + "/prices", "{\"validFrom\":\"2020-01-01\",\"unitPrice\":50000}");
        var first = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).plusDays(40);
        var order = ApiClient.anonymous(server.getURI()).post("/api/v1/public/orders", "{\"companyName\":\"Bestiller AS\","
                + "\"contactName\":\"Ola\",\"email\":\"ola@bestiller.example\",\"placementId\":" + placement + ",\"firstDay\":\""
                + first + "\",\"lastDay\":\"" + first.plusDays(2) + "\"}");
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
    }

    @Test
    void aSellerLogsInSeesTheWorkListWithWhatWasTypedShownAsTextAndLogsOut() throws Exception {
        browser.get(base + "/ui/login");
        browser.manage().deleteAllCookies(); // whatever another test left
        browser.get(base + "/ui");
        assertThat(browser.getCurrentUrl()).as("no session: the login page").endsWith("/ui/login");
        browser.findElement(By.id("username")).sendKeys("siri");
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        Browser.clickThrough(browser, By.cssSelector("main form button"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo("Feil brukernavn eller passord.");

        browser.findElement(By.id("password")).sendKeys("siri-password");
        Browser.clickThrough(browser, By.cssSelector("main form button"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Arbeidsliste");
        var row = browser.findElement(By.cssSelector("tbody tr"));
        assertThat(row.getText()).contains("02.01.2026", HOSTILE);
        assertThat(row.getAttribute("class")).contains("overdue");
        assertThat(browser.findElements(By.xpath("//script[not(@src)]"))).as("the subject is text, not a script").isEmpty();
        accessible();
        assertThat(text(By.cssSelector("section[aria-labelledby=orders] tbody"))).as("the day's new orders from the order form")
                .contains("Bestilling fra skjema: Forsidebanner", "Bestilt");
        assertThat(browser.executeScript("return typeof htmx")).as("htmx is served from its webjar").isEqualTo("object");
        var cookie = browser.manage().getCookieNamed("kontor_ui");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        screenshot("arbeidsliste");

        Browser.clickThrough(browser, By.cssSelector(".logout button"));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/login");
        browser.get(base + "/ui");
        assertThat(browser.getCurrentUrl()).as("logged out: the session is gone").endsWith("/ui/login");
    }

    void logIn() {
        browser.get(base + "/ui/login");
        if (!browser.getCurrentUrl().endsWith("/ui/login")) {
            return; // still logged in
        }
        browser.findElement(By.id("username")).sendKeys("siri");
        browser.findElement(By.id("password")).sendKeys("siri-password");
        Browser.clickThrough(browser, By.cssSelector("main form button"));
    }

    @Test
    void aSellerFindsACompanyByNameEvenMisspelledAndReadsItsCard() throws Exception {
        logIn();
        Browser.clickThrough(browser, By.linkText("Kunder"));
        assertThat(browser.findElements(By.linkText("Bestiller AS"))).as("no query: every company").isNotEmpty();
        browser.findElement(By.id("q")).sendKeys("Kafé");
        // instant: the results narrow as the user types, without the button
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElements(
                By.linkText("Bestiller AS")).isEmpty());
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        assertThat(browser.getCurrentUrl()).as("the search is in the address, for back and bookmarks").contains("q=");
        assertThat(browser.findElements(By.cssSelector("#results li a")).stream().map(a -> a.getText()).toList())
                .as("Norwegian order: Æ, Ø, Å after Z").containsExactly("Kafé Nord AS", "Kafé Zebra", "Kafé Ærlig", "Kafé Ønske", "Kafé Ål");
        Browser.clickThrough(browser, By.linkText("Kafé Nord AS"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kafé Nord AS");
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=timeline] tbody")).getText()).contains(HOSTILE, "Telefonsamtale", "Utgående");
        assertThat(browser.findElements(By.xpath("//script[not(@src)]"))).isEmpty();
        accessible();

        // log a call with a follow-up: the subject, a date, one button
        browser.findElement(By.id("subject")).sendKeys("Ringte om vinterkampanjen");
        browser.findElement(By.id("followUp")).sendKeys("15.01.2027");
        Browser.clickThrough(browser, By.cssSelector(".log-call button"));
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=timeline] tbody")).getText())
                .contains("Ringte om vinterkampanjen", "15.01.2027");
        assertThat(text(By.cssSelector("section[aria-labelledby=history] tbody"))).as("the record's audit history").contains("created");
        assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=sales], section[aria-labelledby=ads]"))).hasSize(2);
        screenshot("kundekort");
        Browser.clickThrough(browser, By.linkText("Arbeidsliste"));
        assertThat(browser.findElement(By.tagName("tbody")).getText()).as("the follow-up is the logger's own")
                .contains("Ringte om vinterkampanjen", "15.01.2027");
        browser.navigate().back();
        browser.findElement(By.cssSelector(".log-call button")).click(); // no subject: the browser holds it back (required)
        assertThat(browser.findElements(By.cssSelector(".log-call [role=alert]"))).isEmpty();

        browser.get(base + "/ui/companies?q=" + java.net.URLEncoder.encode("Kafe Nord", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("disse ligner", "Kafé Nord AS");
        browser.get(base + "/ui/companies/999999");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Finnes ikke");
    }

    @Test
    void everyPageSendsAPolicyWithoutInlineScriptAndAForgedLogoutIsRefused() {
        var page = ApiClient.anonymous(server.getURI()).get("/ui/login");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> {
            assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'");
            assertThat(csp).doesNotContain("unsafe-inline");
        });
        var api = staff.login("siri");
        var login = api.send(api.request("/ui/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=siri&password=siri-password")).build());
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).as("plain HTTP: not Secure").doesNotContain("Secure");
        var claimsTls = api.send(api.request("/ui/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "username=siri&password=siri-password")).build());
        assertThat(claimsTls.headers().firstValue("Set-Cookie").orElseThrow()).as("a forwarded header from no trusted proxy is ignored")
                .doesNotContain("Secure");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        var forged = api.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/ui/logout")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=x"))
                .build());
        assertThat(forged.statusCode()).as("no CSRF token, no logout").isEqualTo(403);
        var still = api.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/ui")).header("Cookie", cookie).GET().build());
        assertThat(still.statusCode()).isEqualTo(200);
        var jsonWithCookie = api.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/companies")).header("Cookie",
                cookie).GET().build());
        assertThat(jsonWithCookie.statusCode()).as("the JSON API takes bearer tokens only").isEqualTo(401);

        // a call logged without its CSRF token is refused; one without a subject is told why, and nothing is logged
        String csrf = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(cookie.substring(cookie.indexOf('=') + 1)));
        var unsigned = api.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/ui/companies/" + company + "/calls"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("subject=Forfalsket")).build());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        var empty = api.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/ui/companies/" + company + "/calls"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&subject=&followUp=2027-13-45")).build());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("role=\"alert\"");
        var control = api.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/ui/companies/" + company + "/calls"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&subject=Styre%01tegn")).build());
        assertThat(control.statusCode()).as("a control character, as the JSON boundary refuses it").isEqualTo(400);
        var badDate = api.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/ui/companies/" + company + "/calls"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&subject=Dato&followUp=45.13.2027")).build());
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("45.13.2027", "dd.mm.åååå");
        assertThat(api.get("/api/v1/companies/" + company + "/activities").body()).doesNotContain("Forfalsket", "Styre", "\"Dato\"");
        var farFuture = api.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/ui/companies/" + company + "/calls"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&subject=Langt+fram&followUp=31.12.999999999")).build());
        assertThat(farFuture.statusCode()).as("a year no business has: the form's error, not a server error").isEqualTo(400);
        for (String path : new String[] {"/ui/companies/0", "/ui/companies/-1", "/ui/sales/abc", "/ui/sales/0", "/ui/placements/0/calendar",
                "/ui/reports/dashboards/abc", "/ui/invoices/99999999999999999999"}) {
            var r = api.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path)).header("Cookie", cookie).GET().build());
            assertThat(r.statusCode()).as(path + ": an impossible id is the page that is not there").isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        }
        // login CSRF: a login form posted from another site is refused, and no session is given
        for (String[] header : new String[][] {{"Origin", "https://angriper.example"}, {"Sec-Fetch-Site", "cross-site"}}) {
            var crossSite = api.send(api.request("/ui/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .header(header[0], header[1]).POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=siri&password=siri-password"))
                    .build());
            assertThat(crossSite.statusCode()).as(header[0]).isEqualTo(403);
            assertThat(crossSite.headers().firstValue("Set-Cookie")).as(header[0]).isEmpty();
        }
        var sameOrigin = api.send(api.request("/ui/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "username=siri&password=siri-password")).build());
        assertThat(sameOrigin.statusCode()).isEqualTo(303);
        var customerCrossSite = api.send(api.request("/minside/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site").POST(java.net.http.HttpRequest.BodyPublishers.ofString("invoiceNumber=1&pin=123456"))
                .build());
        assertThat(customerCrossSite.statusCode()).as("My page's login too").isEqualTo(403);
        var impossible = api.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/ui/companies/abc")).header("Cookie", cookie)
                .GET().build());
        assertThat(impossible.statusCode()).as("an id that is no number is a page that is not there").isEqualTo(404);
    }

    @Test
    void theBrowserRefusesInlineScriptOnEveryPageAFormWithAForeignTokenIsRefusedAndNoMainPageScrollsSidewaysOnATablet() {
        logIn();
        var pages = java.util.List.of("/ui", "/ui/companies", "/ui/companies/" + company, "/ui/sales", "/ui/sales/board", "/ui/invoices",
                "/ui/payments", "/ui/reports", "/ui/account/password");
        for (String path : pages) {
            open(path);
            // what an injected <script> would do: the policy stops it, and the browser reports the violation
            Object ran = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    let refused = false;
                    document.addEventListener('securitypolicyviolation', () => { refused = true; });
                    const s = document.createElement('script');
                    s.textContent = 'window.kontorInline = true';
                    document.body.appendChild(s);
                    setTimeout(() => done(String(window.kontorInline === true) + '/' + refused), 200);
                    """);
            assertThat(ran).as("inline script on " + path).isEqualTo("false/true");
        }
        // a form whose CSRF token is not the session's (as a forged cross-site form would be) is refused, and nothing is logged
        open("/ui/companies/" + company);
        browser.executeScript("document.querySelector('.log-call input[name=csrf]').value = 'forged'");
        browser.findElement(By.id("subject")).sendKeys("Forfalsket i nettleseren");
        clickThrough(By.cssSelector(".log-call button"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Ikke utført");
        assertThat(text(By.cssSelector("[role=alert]"))).contains("Skjemaet var utløpt");
        assertThat(staff.login("siri").get("/api/v1/companies/" + company + "/activities").body()).doesNotContain("Forfalsket i nettleseren");

        var size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024)); // a tablet, upright
            for (String path : pages) {
                open(path);
                Object sideways = browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(((Number) sideways).intValue()).as("the page scrolls sideways on a tablet: " + path).isLessThanOrEqualTo(0);
            }
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    static byte[] sha256(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
