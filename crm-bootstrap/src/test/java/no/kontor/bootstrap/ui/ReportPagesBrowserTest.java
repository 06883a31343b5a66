package no.kontor.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * The reports in a real browser, on figures set up through the JSON API: the KPI dashboard's
 * charts drawn by ECharts with the same numbers in tables, exported as CSV; a saved dashboard
 * published as a link, opened without a login and revoked; a goal set and followed; a control
 * list read and exported. Sellers read but are refused what is for managers; forged and
 * malformed forms change nothing; a hostile name is shown as text.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesBrowserTest extends Journey {
    static final String HOSTILE = "<script>alert(1)</script>";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    ApiClient manager;
    ApiClient seller;
    String dashboard;
    String forgedAt;
    LocalDate today;

    @BeforeAll
    void setUp() {
        staff.add("margit", Role.MANAGER);
        long selja = staff.add("selja", Role.SELLER);
        manager = staff.login("margit");
        seller = staff.login("selja");
        today = LocalDate.now(OSLO);

        // a customer with a call in and our answer two hours later: fresh, and a response time of 2 h
        String kafe = id(seller.post("/api/v1/companies", "{\"name\":\"Kafé Nord AS\",\"status\":\"CUSTOMER\",\"responsibleSellerId\":"
                + selja + "}"));
        var now = ZonedDateTime.now(OSLO).withNano(0);
        created(seller.post("/api/v1/companies/" + kafe + "/activities", "{\"kind\":\"PHONE_CALL\",\"direction\":\"INBOUND\",\"occurredAt\":\""
                + now.minusMinutes(150).toOffsetDateTime() + "\",\"subject\":\"Spør om annonser\"}"));
        created(seller.post("/api/v1/companies/" + kafe + "/activities", "{\"kind\":\"PHONE_CALL\",\"direction\":\"OUTBOUND\",\"occurredAt\":\""
                + now.minusMinutes(30).toOffsetDateTime() + "\",\"subject\":\"Ringte tilbake\"}"));

        // a placement on the site's section "Nett"
        String banner = id(staff.admin().post("/api/v1/placements", "{\"name\":\"Toppbanner\",\"channel\":\"Nett\",\"unit\":\"WEEK\"}"));

        // four sales opened today: a lead, an offer, an order invoiced (1 000.00) and an order not invoiced, of a hostile name
        created(seller.post("/api/v1/sales", "{\"companyId\":" + kafe + ",\"responsibleSellerId\":" + selja + ",\"stage\":\"LEAD\"}"));
        created(seller.post("/api/v1/sales", "{\"companyId\":" + kafe + ",\"responsibleSellerId\":" + selja + ",\"stage\":\"OFFERED\"}"));
        String invoiced = orderedSale(kafe, selja, banner, 100000);
        var draft = manager.post("/api/v1/invoices", "{\"saleIds\":[" + invoiced + "]}");
        created(draft);
        var issued = manager.post("/api/v1/invoices/" + id(draft) + "/issue", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String hostile = id(seller.post("/api/v1/companies", "{\"name\":\"" + HOSTILE.replace("\"", "\\\"")
                + "\",\"status\":\"CUSTOMER\",\"responsibleSellerId\":" + selja + "}"));
        orderedSale(hostile, selja, null, 50000);

        // the site's statistics for today
        var imported = manager.send(manager.request("/api/v1/site-statistics").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("date;channel;articles;page_views\n" + today + ";Nett;10;5000\n"))
                .build());
        created(imported);

        // a dashboard saved through the API, for the refusals below
        dashboard = id(manager.post("/api/v1/dashboards", "{\"name\":\"Ledelse\",\"widgets\":[{\"kind\":\"FRESHNESS\"}]}"));
        forgedAt = id(manager.post("/api/v1/dashboards", "{\"name\":\"Styret\",\"widgets\":[{\"kind\":\"FRESHNESS\"}]}"));
    }

    private String orderedSale(String company, long sellerId, String placement, long unitPrice) {
        String sale = id(seller.post("/api/v1/sales", "{\"companyId\":" + company + ",\"responsibleSellerId\":" + sellerId
                + ",\"stage\":\"ORDERED\"}"));
        created(seller.post("/api/v1/sales/" + sale + "/lines", "{\"placementId\":" + placement
                + ",\"description\":\"Annonse\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":" + unitPrice + "}"));
        return sale;
    }

    private static String id(java.net.http.HttpResponse<String> created) {
        created(created);
        return ApiClient.field(created.body(), "id");
    }

    private static void created(java.net.http.HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    /** The cells of the row headed {@code head} in the table of the section whose id starts with {@code section}. */
    private List<String> row(String section, String head) {
        return browser.findElements(By.xpath("//section[starts-with(@id,'" + section + "')]//tr[th[normalize-space()='" + head + "']]/td"))
                .stream().map(td -> td.getText().replace('\u00a0', ' ')).toList();
    }

    /** Every chart on the page was drawn: ECharts put its canvas into each container. */
    private void everyChartDrawn(int expected) {
        var charts = browser.findElements(By.cssSelector(".chart"));
        assertThat(charts).hasSize(expected);
        for (WebElement chart : charts) {
            assertThat(chart.findElements(By.tagName("canvas"))).as("a canvas in " + chart.getAttribute("data-chart")).isNotEmpty();
            assertThat(chart.getAttribute("data-drawn")).isEqualTo("true");
        }
    }

    private String cookie() {
        return "kontor_ui=" + browser.manage().getCookieNamed("kontor_ui").getValue();
    }

    private String path(String href) {
        var uri = URI.create(href);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void aManagerReadsTheKpiDashboardDrawnWithTheApisFiguresAndExportsAFigure() {
        logInAs("margit");
        clickThrough(By.linkText("Rapporter"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Rapporter");
        accessible();
        clickThrough(By.linkText("Nøkkeltall"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Nøkkeltall");
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).as("this month by default")
                .isEqualTo(YearMonth.from(today).atDay(1).format(NORWEGIAN));

        // the last seven days, typed as dd.mm.yyyy
        browser.findElement(By.id("from")).clear();
        browser.findElement(By.id("from")).sendKeys(today.minusDays(6).format(NORWEGIAN));
        browser.findElement(By.id("to")).clear();
        browser.findElement(By.id("to")).sendKeys(today.format(NORWEGIAN));
        clickThrough(By.xpath("//button[normalize-space()='Vis perioden']"));
        assertThat(text(By.cssSelector(".period p"))).contains(today.minusDays(6).format(NORWEGIAN) + "–" + today.format(NORWEGIAN));

        everyChartDrawn(5);
        assertThat(row("salgstrakt", "Emne")).containsExactly("4", "100,0 %", "–");
        assertThat(row("salgstrakt", "Tilbud")).containsExactly("3", "75,0 %", "25,0 %");
        assertThat(row("salgstrakt", "Bestilt")).containsExactly("2", "50,0 %", "33,3 %");
        assertThat(row("salgstrakt", "Fakturert")).containsExactly("1", "25,0 %", "50,0 %");
        assertThat(row("konvertering", "Salg")).containsExactly("4", "3", "2", "50,0 %", "66,7 %");
        assertThat(row("svartider", "Salg")).containsExactly("1", "0", "2 t 0 min", "2 t 0 min");
        assertThat(row("ferskhet", "Salg")).containsExactly("1", "0", "0", "0", "1", "2");
        assertThat(browser.findElements(By.xpath("//table/caption"))).as("every table has its caption").hasSizeGreaterThanOrEqualTo(4);
        accessible();
        screenshot("dashbord");

        // the funnel as CSV: the link's file, fetched with the session, is the use case's figures
        String href = browser.findElement(By.cssSelector("#salgstrakt .export a")).getAttribute("href");
        assertThat(href).contains("/ui/reports/kpis/salgstrakt/export.csv?from=" + today.minusDays(6) + "&to=" + today);
        var csv = getWith(cookie(), path(href));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        assertThat(csv.body().replace("\ufeff", "").split("\r\n")).containsExactly("Steg;Salg;Andel av åpnede %;Frafall fra forrige %",
                "LEAD;4;100,0;", "OFFERED;3;75,0;25,0", "ORDERED;2;50,0;33,3", "INVOICED;1;25,0;50,0", "LOST;0;;", "CANCELLED;0;;");
        var conversion = getWith(cookie(), path(browser.findElement(By.cssSelector("#konvertering .export a")).getAttribute("href")));
        assertThat(conversion.body()).contains("Team;Åpnet;Tilbud;Bestilt", "Salg;4;3;2;50,0;66,7");

        // revenue: per placement (no placement on these lines) and per article of the site's statistics
        clickThrough(By.linkText("Inntekter"));
        everyChartDrawn(2);
        var banner = browser.findElements(By.xpath("//section[@id='inntekt-per-plassering']//tbody/tr[td[1][normalize-space()='Toppbanner']]"
                + "/td")).stream().map(td -> td.getText().replace('\u00a0', ' ')).toList();
        assertThat(banner).as("ordered, invoiced, credited, net").containsExactly("Toppbanner", "1 000,00 kr", "1 000,00 kr", "0,00 kr",
                "1 000,00 kr");
        assertThat(row("inntekt-per-artikkel", YearMonth.from(today).atDay(1).format(NORWEGIAN)))
                .containsExactly("Nett", "1 000,00 kr", "10", "5 000", "100,00 kr", "200,00 kr");
        accessible();
        var site = getWith(cookie(), path(browser.findElement(By.cssSelector("#inntekt-per-artikkel .export a")).getAttribute("href")));
        var api = manager.get("/api/v1/reports/site-revenue.csv?from=" + YearMonth.from(today).atDay(1) + "&to="
                + YearMonth.from(today).atEndOfMonth() + "&grain=MONTH");
        assertThat(site.body()).as("the page's file is the API's").isEqualTo(api.body()).contains(";Nett;1000,00;10;5000;100,00;200,00");
    }

    @Test
    void aManagerSavesADashboardPublishesItsLinkOpensItAndRevokesIt() {
        logInAs("margit");
        open("/ui/reports");
        browser.findElement(By.id("name")).sendKeys(HOSTILE + " tavle");
        for (String kind : List.of("FRESHNESS", "RESPONSE_TIMES", "CONVERSION", "FUNNEL", "GOALS")) {
            browser.findElement(By.name("kind-" + kind)).click();
        }
        browser.findElement(By.cssSelector("#period option[value=LAST_7_DAYS]")).click();
        clickThrough(By.xpath("//button[normalize-space()='Lagre dashbordet']"));
        assertThat(text(By.tagName("h1"))).as("the name is text").isEqualTo(HOSTILE + " tavle");
        assertThat(browser.findElements(By.xpath("//script[not(@src)]"))).isEmpty();
        everyChartDrawn(5);
        assertThat(row("salgstrakt", "Bestilt")).containsExactly("2", "50,0 %", "33,3 %");
        assertThat(row("svartider", "Alle")).containsExactly("1", "0", "2 t 0 min", "2 t 0 min");
        accessible();

        clickThrough(By.linkText("Delte lenker til dashbordet"));
        assertThat(text(By.tagName("main"))).contains("Ingen lenker er publisert.");
        accessible();
        clickThrough(By.xpath("//button[normalize-space()='Publiser lenken']"));
        String link = browser.findElement(By.id("published-link")).getAttribute("value");
        assertThat(link).startsWith(base + "/dashboards/shared/");
        accessible();
        String linksPage = browser.getCurrentUrl();

        browser.get(link);
        assertThat(text(By.tagName("h1"))).as("the shared page, without a login").isEqualTo(HOSTILE + " tavle");
        var anonymous = ApiClient.anonymous(server.getURI());
        assertThat(anonymous.get(path(link)).statusCode()).isEqualTo(200);

        browser.get(linksPage);
        assertThat(row("", "Lenke " + linkIdOf())).contains("Virker");
        clickThrough(By.xpath("//button[normalize-space()='Trekk tilbake']"));
        assertThat(browser.getCurrentUrl()).endsWith("/links");
        assertThat(text(By.cssSelector("tbody"))).contains("Trukket tilbake");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Trekk tilbake']"))).isEmpty();
        assertThat(anonymous.get(path(link)).statusCode()).as("a revoked link is not found").isEqualTo(404);
        assertThat(anonymous.get(path(link).replace("/dashboards/", "/api/v1/dashboards/")).statusCode()).isEqualTo(404);
    }

    private String linkIdOf() {
        return browser.findElement(By.cssSelector("tbody tr th")).getText().replace("Lenke ", "");
    }

    @Test
    void aManagerSetsAGoalAndSeesItsProgress() {
        logInAs("margit");
        open("/ui/reports/goals");
        assertThat(text(By.tagName("h1"))).isEqualTo("Mål");
        browser.findElement(By.cssSelector("#metric option[value=REVENUE]")).click();
        var month = YearMonth.from(today);
        browser.findElement(By.id("firstDay")).sendKeys(month.atDay(1).format(NORWEGIAN));
        browser.findElement(By.id("lastDay")).sendKeys(month.atEndOfMonth().format(NORWEGIAN));
        browser.findElement(By.id("team")).sendKeys("Salg");
        browser.findElement(By.id("target")).sendKeys("2 000");
        clickThrough(By.xpath("//button[normalize-space()='Sett målet']"));
        assertThat(row("maal", "Omsetning – team Salg")).hasSize(5).startsWith(month.atDay(1).format(NORWEGIAN) + "–"
                + month.atEndOfMonth().format(NORWEGIAN), "2 000,00 kr", "1 000,00 kr", "50,0 %");
        everyChartDrawn(1);
        accessible();
        assertThat(manager.get("/api/v1/goals?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth()).body())
                .contains("\"target\":200000", "\"reached\":100000");

        // a target that is not a number: the form again, with what was typed and why
        browser.findElement(By.id("firstDay")).sendKeys(month.atDay(1).format(NORWEGIAN));
        browser.findElement(By.id("lastDay")).sendKeys(month.atEndOfMonth().format(NORWEGIAN));
        browser.findElement(By.id("target")).sendKeys("mange");
        clickThrough(By.xpath("//button[normalize-space()='Sett målet']"));
        assertThat(text(By.id("goal-error"))).isEqualTo("Målet må være et tall.");
        assertThat(browser.findElement(By.id("target")).getAttribute("value")).isEqualTo("mange");
    }

    @Test
    void aManagerReadsAControlListWithAHostileNameAsTextAndExportsIt() {
        logInAs("margit");
        open("/ui/reports");
        clickThrough(By.linkText("Kontrollister"));
        accessible();
        clickThrough(By.linkText("Bestilt, ikke fakturert"));
        browser.findElement(By.id("days")).clear();
        browser.findElement(By.id("days")).sendKeys("0");
        clickThrough(By.xpath("//button[normalize-space()='Vis']"));
        assertThat(text(By.cssSelector("table.figures tbody"))).as("the name, as text").contains(HOSTILE).doesNotContain("Kafé Nord AS");
        assertThat(browser.findElements(By.xpath("//script[not(@src)]"))).isEmpty();
        accessible();
        screenshot("kontrollister");

        String href = browser.findElement(By.linkText("Last ned hele listen som CSV")).getAttribute("href");
        assertThat(href).endsWith("/ui/reports/control/uninvoiced/export.csv?days=0");
        var csv = getWith(cookie(), path(href));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .isEqualTo("attachment; filename=\"ikke-fakturert.csv\""));
        var lines = csv.body().replace("\ufeff", "").split("\r\n");
        assertThat(lines[0]).isEqualTo("Salg;Kundenummer;Kunde;Bestilt;Beskrivelse");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(";" + HOSTILE + ";" + today + ";");
        assertThat(csv.body()).isEqualTo(manager.get("/api/v1/reports/uninvoiced-orders.csv?days=0").body());

        // the overdue list on a day three weeks on: the invoice of 1 250.00 is seven days overdue
        clickThrough(By.linkText("Forfalte fakturaer"));
        browser.findElement(By.id("asOf")).sendKeys(today.plusDays(21).format(NORWEGIAN));
        clickThrough(By.xpath("//button[normalize-space()='Vis']"));
        assertThat(text(By.cssSelector("main")).replace('\u00a0', ' ')).contains("Kafé Nord AS", "1 250,00 kr");
        accessible();
    }

    @Test
    void aSellerReadsTheFiguresButIsRefusedWhatIsForManagers() {
        logInAs("selja");
        open("/ui/reports/kpis");
        everyChartDrawn(5);
        assertThat(browser.findElements(By.cssSelector(".export a"))).as("exports are for managers").isEmpty();
        open("/ui/reports/dashboards/" + dashboard + "/links");
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen tilgang");
        String cookie = cookie();
        assertThat(getWith(cookie, "/ui/reports/dashboards/" + dashboard + "/links").statusCode()).isEqualTo(403);
        var export = getWith(cookie, "/ui/reports/kpis/salgstrakt/export.csv");
        assertThat(export.statusCode()).isEqualTo(403);
        assertThat(export.body()).contains("Ingen tilgang");
        assertThat(getWith(cookie, "/ui/reports/control/unmatched-payments/export.csv").statusCode()).isEqualTo(403);
        var published = postForm(cookie, "/ui/reports/dashboards/" + dashboard + "/links", "csrf=" + csrfOf(cookie));
        assertThat(published.statusCode()).as("a seller publishes nothing").isEqualTo(403);
        assertThat(manager.get("/api/v1/dashboards/" + dashboard + "/links").body()).isEqualTo("[]");
    }

    @Test
    void formsWithoutTheirCsrfTokenChangeNothingAndMalformedInputIsRefusedWithTheFormsError() {
        String cookie = sessionCookie("margit");
        String csrf = csrfOf(cookie);
        String links = "/ui/reports/dashboards/" + forgedAt + "/links";

        assertThat(postForm(cookie, links, "").statusCode()).as("publish without a token").isEqualTo(403);
        assertThat(postForm(cookie, links, "csrf=wrong").statusCode()).isEqualTo(403);
        assertThat(manager.get("/api/v1/dashboards/" + forgedAt + "/links").body()).isEqualTo("[]");

        var published = postForm(cookie, links, "csrf=" + csrf + "&expires=");
        assertThat(published.statusCode()).isEqualTo(201);
        String token = published.body().replaceAll("(?s).*/dashboards/shared/([A-Za-z0-9_-]+).*", "$1");
        String linkId = manager.get("/api/v1/dashboards/" + forgedAt + "/links").body().replaceAll("(?s)^\\[\\{\"id\":(\\d+).*", "$1");
        assertThat(postForm(cookie, links + "/" + linkId + "/revoke", "").statusCode()).as("revoke without a token").isEqualTo(403);
        assertThat(ApiClient.anonymous(server.getURI()).get("/dashboards/shared/" + token).statusCode()).as("still works").isEqualTo(200);
        assertThat(postForm(cookie, links + "/" + linkId + "/revoke", "csrf=" + csrf).statusCode()).isEqualTo(303);
        assertThat(ApiClient.anonymous(server.getURI()).get("/dashboards/shared/" + token).statusCode()).isEqualTo(404);

        var pastExpiry = postForm(cookie, links, "csrf=" + csrf + "&expires=01.01.2020");
        assertThat(pastExpiry.statusCode()).isEqualTo(400);
        assertThat(pastExpiry.body()).contains("må ligge fram i tid");

        String goal = "metric=ACTIVITIES&firstDay=01.01.2031&lastDay=31.01.2031&team=Forfalsket&target=5";
        assertThat(postForm(cookie, "/ui/reports/goals", goal).statusCode()).as("a goal without a token").isEqualTo(403);
        assertThat(manager.get("/api/v1/goals?from=2031-01-01&to=2031-01-31").body()).isEqualTo("[]");
        var hostileTeam = postForm(cookie, "/ui/reports/goals", "csrf=" + csrf + "&metric=ACTIVITIES&firstDay=01.01.2031&lastDay=31.01.2031"
                + "&target=5&team=" + java.net.URLEncoder.encode(HOSTILE, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(hostileTeam.statusCode()).isEqualTo(303);
        var goals = getWith(cookie, "/ui/reports/goals?from=01.01.2031&to=31.01.2031");
        assertThat(goals.body()).contains("team &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);

        var malformed = getWith(cookie, "/ui/reports/kpis?from=32.13.2026&to=01.01.2027");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("role=\"alert\"", "«32.13.2026» er ikke en dato").doesNotContain("class=\"chart\"");
        var backwards = getWith(cookie, "/ui/reports/kpis?from=2026-12-31&to=2026-12-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("siste dag kan ikke ligge før første");
        assertThat(getWith(cookie, "/ui/reports/goals?month=13.2026").statusCode()).isEqualTo(400);
        var days = getWith(cookie, "/ui/reports/control/uninvoiced?days=mange");
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(days.body()).contains("role=\"alert\"", "«mange» er ikke et tall");
        assertThat(getWith(cookie, "/ui/reports/kpis/salgstrakt/export.csv?from=x&to=y").statusCode()).isEqualTo(400);
        assertThat(getWith(cookie, "/ui/reports/kpis/ukjent/export.csv").statusCode()).isEqualTo(404);
        assertThat(getWith(cookie, "/ui/reports/control/ukjent").statusCode()).isEqualTo(404);
        var unnamed = postForm(cookie, "/ui/reports/dashboards", "csrf=" + csrf + "&name=Tom&period=THIS_MONTH");
        assertThat(unnamed.statusCode()).as("a dashboard of no figures").isEqualTo(400);
        assertThat(unnamed.body()).contains("Velg 1–20 figurer");
        assertThat(getWith(sessionCookie("margit"), "/ui/reports").body()).doesNotContain(">Tom<");
    }
}
