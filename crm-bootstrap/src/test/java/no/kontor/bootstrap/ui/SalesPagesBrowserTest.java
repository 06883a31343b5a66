package no.kontor.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * The sales pages in a real browser: a seller finds a company and opens a sale for it, adds a
 * line and reads the sums, moves the sale on the pipeline board by keyboard (the card's own
 * form) and by dragging, is told in Norwegian why a move the rules forbid was refused, registers
 * hours, and books a placement from its availability calendar, where the period then shows taken
 * (by this sale) and a second booking of the same days is refused with the booking in the way.
 *
 * <p>Dragging is Selenium's {@code Actions.dragAndDrop}: a real pointer drag, which headless
 * Chromium turns into the HTML5 drag events ({@code dragstart}, {@code dragover}, {@code drop},
 * {@code dragend}) that {@code board.js} listens to; no event is dispatched by the test. The drag
 * starts on the card's line of text (not its form's fields) and ends on the column.
 *
 * <p>And over raw HTTP: a form without its CSRF token is 403 and changes nothing; malformed
 * ids, dates and amounts are 400 with the form's own error; hostile text is shown as text; a
 * seller may not remove another seller's hours (the use case's rule).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesPagesBrowserTest extends Journey {
    static final String HOSTILE = "<script>alert(1)</script>";
    static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    ApiClient selma;
    ApiClient sverre;
    String company;
    String hostileCompany;
    String placement;

    @BeforeAll
    void setUp() {
        staff.add("selma", Role.SELLER);
        staff.add("sverre", Role.SELLER);
        selma = staff.login("selma");
        sverre = staff.login("sverre");
        company = created(selma.post("/api/v1/companies", "{\"name\":\"Kafé Nord AS\",\"status\":\"CUSTOMER\"}"));
        hostileCompany = created(selma.post("/api/v1/companies", "{\"name\":\"" + HOSTILE.replace("\"", "\\\"") + "\",\"status\":\"PROSPECT\"}"));
        created(selma.post("/api/v1/sales", "{\"companyId\":" + hostileCompany + ",\"description\":\"" + HOSTILE + "\"}"));
        var admin = staff.admin();
        placement = created(admin.post("/api/v1/placements", "{\"name\":\"Toppbanner forside\",\"unit\":\"DAY\",\"channel\":\"Nett\"}"));
        created(admin.post("/api/v1/placements/" + placement + "/prices", "{\"validFrom\":\"2020-01-01\",\"validTo\":null,\"unitPrice\":450000}"));
    }

    static String created(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.field(response.body(), "id");
    }

    /** What an element shows, with no-break spaces (amounts) as plain ones. */
    String shown(By target) {
        return text(target).replace('\u00a0', ' ');
    }

    /** Presses Enter on {@code target} (a button: the keyboard's way to send its form) and waits for the next page. */
    void pressEnter(By target) {
        var page = browser.findElement(By.tagName("html"));
        browser.findElement(target).sendKeys(Keys.ENTER);
        Browser.waitUntilGone(page);
    }

    /** The texts of a select's options. */
    static java.util.List<String> options(WebElement select) {
        return select.findElements(By.tagName("option")).stream().map(WebElement::getText).toList();
    }

    /** Chooses the option that shows {@code label}. */
    static void choose(WebElement select, String label) {
        select.findElements(By.tagName("option")).stream().filter(o -> o.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + label)).click();
    }

    static String chosen(WebElement select) {
        return select.findElements(By.tagName("option")).stream().filter(WebElement::isSelected).map(WebElement::getText).findFirst()
                .orElse("");
    }

    /** Drags the card to the column with the pointer (Selenium's drag and drop: real HTML5 drag events in Chromium). */
    void drag(String saleId, String stage) {
        new Actions(browser).dragAndDrop(browser.findElement(By.cssSelector("#sale-" + saleId + " .meta")),
                browser.findElement(By.cssSelector("section[data-stage=" + stage + "]"))).perform();
    }

    void dragAndWait(String saleId, String stage) {
        var page = browser.findElement(By.tagName("html"));
        drag(saleId, stage);
        Browser.waitUntilGone(page);
    }

    boolean inColumn(String saleId, String stage) {
        return !browser.findElements(By.cssSelector("section[data-stage=" + stage + "] #sale-" + saleId)).isEmpty();
    }

    @Test
    void aSellerOpensASaleMovesItOnTheBoardRegistersHoursAndBooksAPlacementFromTheCalendar() {
        logInAs("selma");

        // a new sale: find the company by name, choose it, describe the sale
        open("/ui/sales");
        accessible();
        browser.findElement(By.id("new-q")).sendKeys("Kafé");
        clickThrough(By.cssSelector(".sales-new button"));
        clickThrough(By.linkText("Velg Kafé Nord AS"));
        browser.findElement(By.id("description")).sendKeys("Vårkampanje 2031");
        clickThrough(By.cssSelector(".sale-form button"));
        assertThat(text(By.tagName("h1"))).startsWith("Salg ").endsWith(": Kafé Nord AS");
        String sale = browser.getCurrentUrl().replaceAll(".*/ui/sales/([0-9]+).*", "$1");
        assertThat(text(By.id("stage-now"))).isEqualTo("Lead");

        // a line: 2 × 1 250,50 kr at 25 %
        browser.findElement(By.id("description")).sendKeys("Annonse helside");
        browser.findElement(By.id("quantity")).sendKeys("2");
        browser.findElement(By.id("unitPrice")).sendKeys("1 250,50");
        clickThrough(By.cssSelector(".line-form button"));
        assertThat(shown(By.cssSelector("table.lines tbody"))).contains("Annonse helside", "1 250,50 kr", "2 501,00 kr");
        assertThat(shown(By.id("total-net"))).isEqualTo("2 501,00 kr");
        assertThat(shown(By.id("total-vat"))).isEqualTo("625,25 kr");
        assertThat(shown(By.id("total-gross"))).isEqualTo("3 126,25 kr");

        // the board: the sale is a lead; by keyboard (its card's select and button) it becomes offered
        open("/ui/sales/board");
        assertThat(inColumn(sale, "LEAD")).isTrue();
        assertThat(browser.findElement(By.cssSelector("section[data-stage=LEAD]")).getText()).contains(HOSTILE);
        assertThat(browser.findElements(By.xpath("//script[not(@src)]"))).as("a hostile name is text, not a script").isEmpty();
        accessible();
        var select = browser.findElement(By.id("stage-" + sale));
        assertThat(options(select)).as("only the moves the rules allow").containsExactly("Velg steg", "Tilbud sendt", "Bestilt", "Tapt", "Kansellert");
        assertThat(browser.findElement(By.id("reason-" + sale)).isDisplayed()).as("no reason needed for this stage").isFalse();
        select.sendKeys("Tilbud sendt");
        pressEnter(By.cssSelector("#sale-" + sale + " form.move button"));
        assertThat(inColumn(sale, "OFFERED")).isTrue();
        assertThat(text(By.cssSelector("[role=status].notice"))).isEqualTo("Salg " + sale + " står nå som «Tilbud sendt».");

        // by keyboard, lost without a reason: refused in Norwegian, and the sale stays where it was
        select = browser.findElement(By.id("stage-" + sale));
        select.sendKeys("Tapt");
        assertThat(browser.findElement(By.id("reason-" + sale)).isDisplayed()).as("a lost sale needs a reason: the field opens").isTrue();
        pressEnter(By.cssSelector("#sale-" + sale + " form.move button"));
        assertThat(text(By.id("refusal"))).contains("trenger en begrunnelse");
        assertThat(inColumn(sale, "OFFERED")).isTrue();

        // dragging: offered → ordered
        dragAndWait(sale, "ORDERED");
        assertThat(inColumn(sale, "ORDERED")).isTrue();
        assertThat(browser.findElements(By.id("refusal"))).isEmpty();

        // dragging back to lead is a move the rules forbid: the server refuses it and says why
        dragAndWait(sale, "LEAD");
        assertThat(text(By.id("refusal"))).startsWith("Salg " + sale + " kan ikke flyttes fra «Bestilt» til «Lead».");
        assertThat(inColumn(sale, "ORDERED")).isTrue();

        // dragging a lead to lost opens its reason field and waits; with a reason it goes
        String other = created(selma.post("/api/v1/sales", "{\"companyId\":" + company + ",\"description\":\"Julekampanje\"}"));
        open("/ui/sales/board");
        var page = browser.findElement(By.tagName("html"));
        drag(other, "LOST");
        var reason = browser.findElement(By.id("reason-" + other));
        assertThat(reason.isDisplayed()).isTrue();
        assertThat(browser.switchTo().activeElement()).as("the reason field has the focus").isEqualTo(reason);
        assertThat(text(By.id("board-live"))).contains("krever en begrunnelse");
        assertThat(page.isDisplayed()).as("nothing was sent yet").isTrue();
        reason.sendKeys("Valgte en annen avis");
        pressEnter(By.cssSelector("#sale-" + other + " form.move button"));
        assertThat(inColumn(other, "LOST")).isTrue();
        assertThat(inColumn(sale, "ORDERED")).isTrue();
        accessible();
        screenshot("salgstavle");

        // hours on the sale: they become an hour line
        open("/ui/sales/" + sale);
        String today = LocalDate.now(ZoneId.of("Europe/Oslo")).format(NORWEGIAN);
        assertThat(browser.findElement(By.id("h-date")).getAttribute("value")).isEqualTo(today);
        browser.findElement(By.id("h-hours")).sendKeys("2,5");
        browser.findElement(By.id("h-rate")).sendKeys("950");
        browser.findElement(By.id("h-description")).sendKeys("Utforming av annonse");
        clickThrough(By.cssSelector(".hours-form button"));
        assertThat(shown(By.cssSelector("table.hours tbody"))).contains(today, "2,5", "Utforming av annonse", "selma");
        assertThat(shown(By.cssSelector("table.lines tbody"))).contains(today + ": Utforming av annonse", "2 375,00 kr");
        assertThat(shown(By.id("total-net"))).isEqualTo("4 876,00 kr");
        assertThat(text(By.cssSelector("table.history tbody"))).contains("Lead", "Tilbud sendt", "Bestilt")
                .as("refused moves left no trace").doesNotContain("Tapt");
        assertThat(text(By.id("stage-now"))).isEqualTo("Bestilt");
        accessible();

        // another sale holds 20–25 March 2031
        String bakery = created(selma.post("/api/v1/companies", "{\"name\":\"Bakeri Sør AS\",\"status\":\"CUSTOMER\"}"));
        String theirs = created(selma.post("/api/v1/sales", "{\"companyId\":" + bakery + ",\"stage\":\"ORDERED\"}"));
        created(selma.post("/api/v1/bookings", "{\"saleId\":" + theirs + ",\"placementId\":" + placement
                + ",\"firstDay\":\"2031-03-20\",\"lastDay\":\"2031-03-25\"}"));

        // the calendar from the sale: a month, the next one, then March 2031
        clickThrough(By.linkText("Toppbanner forside: se ledige perioder"));
        String thisMonth = text(By.cssSelector("table.calendar caption"));
        clickThrough(By.cssSelector("nav.months a[rel=next]"));
        assertThat(text(By.cssSelector("table.calendar caption"))).isNotEqualTo(thisMonth);
        assertThat(browser.getCurrentUrl()).contains("sale=" + sale);
        open("/ui/placements/" + placement + "/calendar?month=2031-03&sale=" + sale);
        assertThat(text(By.cssSelector("table.calendar caption"))).startsWith("Mars 2031");
        assertThat(text(By.cssSelector("td[data-date='2031-03-20']"))).contains("Opptatt", "Salg " + theirs + " – Bakeri Sør AS");
        assertThat(text(By.cssSelector("td[data-date='2031-03-03']"))).contains("Ledig");
        accessible();

        // pick the free period before it, then book 3–9 March
        clickThrough(By.linkText("Velg 01.03.2031–19.03.2031"));
        assertThat(browser.findElement(By.id("b-from")).getAttribute("value")).isEqualTo("01.03.2031");
        assertThat(browser.findElement(By.id("b-to")).getAttribute("value")).isEqualTo("19.03.2031");
        browser.findElement(By.id("b-from")).clear();
        browser.findElement(By.id("b-from")).sendKeys("03.03.2031");
        browser.findElement(By.id("b-to")).clear();
        browser.findElement(By.id("b-to")).sendKeys("09.03.2031");
        clickThrough(By.cssSelector(".booking-form button"));
        assertThat(text(By.cssSelector("[role=status].notice"))).isEqualTo("Booket: Toppbanner forside 03.03.2031–09.03.2031 på salg " + sale + ".");
        for (int day = 3; day <= 9; day++) {
            var cell = browser.findElement(By.cssSelector("td[data-date='2031-03-0" + day + "']"));
            assertThat(cell.getAttribute("class")).contains("taken", "mine");
            assertThat(cell.getText()).contains("Opptatt");
        }
        assertThat(text(By.cssSelector("td[data-date='2031-03-03']"))).contains("Salg " + sale + " – Kafé Nord AS");
        assertThat(text(By.cssSelector("td[data-date='2031-03-10']"))).contains("Ledig");
        accessible();
        screenshot("kalender");

        // the same days again: refused, the booking in the way shown and its days marked
        browser.findElement(By.id("b-from")).sendKeys("05.03.2031");
        browser.findElement(By.id("b-to")).sendKeys("06.03.2031");
        clickThrough(By.cssSelector(".booking-form button"));
        assertThat(text(By.id("booking-error"))).contains("Perioden er ikke ledig", "Opptatt 03.03.2031–09.03.2031 av Salg " + sale
                + " – Kafé Nord AS");
        assertThat(browser.findElement(By.cssSelector("td[data-date='2031-03-05']")).getAttribute("class")).contains("conflict");
        assertThat(selma.get("/api/v1/sales/" + sale + "/bookings").body()).containsOnlyOnce("\"firstDay\"");

        // the sale lists its booking
        clickThrough(By.partialLinkText("Tilbake til salg " + sale));
        assertThat(text(By.cssSelector("table.bookings tbody"))).contains("Toppbanner forside", "03.03.2031", "09.03.2031", "Reservert");
        screenshot("salg");
    }

    @Test
    void theListFiltersByStageSellerCompanyAndPeriodAndTheCompanyCardStartsASale() {
        logInAs("selma");
        String mine = created(selma.post("/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"OFFERED\",\"description\":\"Filtertest\"}"));
        String his = created(sverre.post("/api/v1/sales", "{\"companyId\":" + company + ",\"stage\":\"OFFERED\",\"description\":\"Sverres\"}"));

        open("/ui/sales?stage=OFFERED");
        assertThat(text(By.cssSelector("table.sales-list tbody"))).contains("Filtertest", "Sverres").doesNotContain("Vårkampanje");
        choose(browser.findElement(By.id("f-seller")), "sverre");
        clickThrough(By.cssSelector(".sales-filter button"));
        assertThat(text(By.cssSelector("table.sales-list tbody"))).contains("Sverres").doesNotContain("Filtertest");
        assertThat(chosen(browser.findElement(By.id("f-stage")))).isEqualTo("Tilbud sendt");
        accessible();

        String today = LocalDate.now(ZoneId.of("Europe/Oslo")).format(NORWEGIAN);
        open("/ui/sales?company=" + company + "&from=" + today + "&to=" + today);
        assertThat(text(By.cssSelector(".chip"))).contains("Kafé Nord AS");
        assertThat(text(By.cssSelector("table.sales-list tbody"))).contains("Salg " + mine, "Salg " + his).doesNotContain(HOSTILE);
        open("/ui/sales?from=" + LocalDate.now(ZoneId.of("Europe/Oslo")).plusDays(1).format(NORWEGIAN));
        assertThat(text(By.tagName("main"))).contains("Ingen salg passer.");
        open("/ui/sales?from=" + URLEncoder.encode("31.31.2031", StandardCharsets.UTF_8));
        assertThat(text(By.cssSelector("[role=alert]"))).contains("er ikke en dato");

        // from the customer card: a new sale for that company
        open("/ui/companies/" + company);
        clickThrough(By.linkText("Nytt salg"));
        assertThat(text(By.cssSelector(".sale-form p"))).contains("Kafé Nord AS");
        accessible();
        choose(browser.findElement(By.id("stage")), "Bestilt");
        clickThrough(By.cssSelector(".sale-form button"));
        assertThat(text(By.id("stage-now"))).isEqualTo("Bestilt");
    }

    @Test
    void formsWithoutTheirTokenChangeNothingAndMalformedInputIsToldInTheForm() {
        String cookie = sessionCookie("selma");
        String csrf = "csrf=" + csrfOf(cookie);
        String sale = created(selma.post("/api/v1/sales", "{\"companyId\":" + company + ",\"description\":\"Rå HTTP\"}"));
        String sales = selma.get("/api/v1/sales?limit=200").body();

        // no token, or a wrong one: 403 and nothing changed
        assertThat(postForm(cookie, "/ui/sales/" + sale + "/lines", "description=Smuglet&quantity=1&unitPrice=100").statusCode()).isEqualTo(403);
        assertThat(postForm(cookie, "/ui/sales/" + sale + "/stage", "csrf=wrong&stage=ORDERED").statusCode()).isEqualTo(403);
        assertThat(postForm(cookie, "/ui/sales", "companyId=" + company + "&description=Smuglet").statusCode()).isEqualTo(403);
        assertThat(postForm(cookie, "/ui/sales/" + sale + "/hours", "date=01.01.2026&hours=1&rate=100&description=Smuglet").statusCode())
                .isEqualTo(403);
        assertThat(postForm(cookie, "/ui/placements/" + placement + "/bookings", "sale=" + sale + "&from=01.01.2032&to=02.01.2032")
                .statusCode()).isEqualTo(403);
        assertThat(selma.get("/api/v1/sales/" + sale).body()).contains("\"stage\":\"LEAD\"", "\"lines\":[]").doesNotContain("Smuglet");
        assertThat(selma.get("/api/v1/sales?limit=200").body()).isEqualTo(sales);
        assertThat(selma.get("/api/v1/time-entries?saleId=" + sale).body()).contains("\"items\":[]");
        assertThat(selma.get("/api/v1/sales/" + sale + "/bookings").body()).contains("\"items\":[]");

        // malformed ids, dates and amounts: 400 with the form's own error, nothing stored
        assertRefused(postForm(cookie, "/ui/sales/" + sale + "/lines", csrf + "&description=X&quantity=to&unitPrice=100"), "er ikke et tall");
        assertRefused(postForm(cookie, "/ui/sales/" + sale + "/lines", csrf + "&description=X&quantity=1&unitPrice=12%2C345"),
                "er ikke et beløp");
        assertRefused(postForm(cookie, "/ui/sales/" + sale + "/lines", csrf + "&description=X&quantity=1&unitPrice=100&placement=abc"),
                "er ikke et nummer");
        assertRefused(postForm(cookie, "/ui/sales/" + sale + "/lines", csrf + "&description=Styre%01tegn&quantity=1&unitPrice=100"),
                "kontrolltegn");
        assertRefused(postForm(cookie, "/ui/sales/" + sale + "/lines", csrf + "&description=X&quantity=1&unitPrice=100&vat=S99"),
                "MVA-sats");
        assertRefused(postForm(cookie, "/ui/sales/" + sale + "/hours", csrf + "&date=31.13.2026&hours=1&rate=950&description=X"),
                "er ikke en dato");
        assertRefused(postForm(cookie, "/ui/sales/" + sale + "/hours", csrf + "&date=01.01.2026&hours=1&rate=ni&description=X"),
                "er ikke et beløp");
        assertRefused(postForm(cookie, "/ui/sales/" + sale + "/hours", csrf + "&date=01.01.2026&hours=25&rate=950&description=X"),
                "høyst 24");
        assertRefused(postForm(cookie, "/ui/sales/" + sale + "/stage", csrf + "&stage=DONE"), "er ikke et steg");
        assertRefused(postForm(cookie, "/ui/sales", csrf + "&companyId=abc"), "er ikke et nummer");
        assertRefused(postForm(cookie, "/ui/sales", csrf + "&companyId=" + company + "&description=" + "x".repeat(2001)), "høyst 2000 tegn");
        assertRefused(postForm(cookie, "/ui/placements/" + placement + "/bookings", csrf + "&sale=abc&from=01.01.2032&to=02.01.2032"),
                "er ikke et nummer");
        assertRefused(postForm(cookie, "/ui/placements/" + placement + "/bookings", csrf + "&sale=" + sale + "&from=1.1&to=02.01.2032"),
                "er ikke en dato");
        assertRefused(postForm(cookie, "/ui/placements/" + placement + "/bookings", csrf + "&sale=" + sale + "&from=05.01.2032&to=02.01.2032"),
                "Siste dag er før første dag");
        assertRefused(getWith(cookie, "/ui/placements/" + placement + "/calendar?month=2031-13"), "er ikke en måned");
        assertRefused(getWith(cookie, "/ui/sales?company=abc"), "er ikke et nummer");
        assertThat(getWith(cookie, "/ui/sales/abc").statusCode()).as("an impossible id names no sale").isEqualTo(404);
        assertThat(getWith(cookie, "/ui/sales/99999999").statusCode()).isEqualTo(404);
        assertThat(selma.get("/api/v1/sales/" + sale).body()).contains("\"stage\":\"LEAD\"", "\"lines\":[]");
        assertThat(selma.get("/api/v1/time-entries?saleId=" + sale).body()).contains("\"items\":[]");
        assertThat(selma.get("/api/v1/sales/" + sale + "/bookings").body()).contains("\"items\":[]");

        // hostile text is stored as typed and shown as text
        var line = postForm(cookie, "/ui/sales/" + sale + "/lines", csrf + "&description=" + URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8)
                + "&quantity=1&unitPrice=100");
        assertThat(line.statusCode()).as(line.body()).isEqualTo(303);
        var page = getWith(cookie, "/ui/sales/" + sale);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).doesNotContain("unsafe-inline"));

        // the use case's rule: only the one who registered hours, or a manager, removes them
        var entry = sverre.post("/api/v1/time-entries", "{\"saleId\":" + sale + ",\"workDate\":\"2026-01-02\",\"hours\":1,"
                + "\"description\":\"Sverres time\",\"hourlyRate\":95000}");
        String entryId = created(entry);
        var removal = postForm(cookie, "/ui/sales/" + sale + "/hours/" + entryId + "/remove", csrf);
        assertThat(removal.statusCode()).isEqualTo(403);
        assertThat(removal.body()).contains("Ingen tilgang");
        assertThat(selma.get("/api/v1/time-entries?saleId=" + sale).body()).contains("Sverres time");
    }

    static void assertRefused(java.net.http.HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("role=\"alert\"", error);
    }
}
