package no.kontor.bootstrap.ui;

import static no.kontor.domain.payment.OcrFileWriter.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.bootstrap.Db;
import no.kontor.domain.identity.Role;
import no.kontor.domain.payment.OcrFileWriter;

/**
 * The invoice and payment pages in a real browser (Debian's headless Chromium): a manager drafts an
 * invoice from a sale ready to be invoiced, reviews and issues it, opens its PDF in the browser and
 * credits one line; imports the bank's OCR file through the upload form and reads what it did;
 * registers a payment by hand; assigns a payment no invoice claimed; reminds an overdue invoice.
 * Over raw HTTP: a form without its CSRF token does nothing; a double issue gives one number;
 * malformed amounts, dates and ids are told next to the form; a file that is not an OCR file is
 * refused whole; hostile text shows as text; a seller is refused what only a manager may.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoicePagesBrowserTest extends Journey {
    static final String HOSTILE = "<script>alert(1)</script>";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Inject
    DataSource dataSource;

    ApiClient seller;
    ApiClient manager;
    String company;
    int transmission = 7100;

    @BeforeAll
    void start() {
        staff.add("frida", Role.SELLER);
        staff.add("magnus", Role.MANAGER);
        seller = staff.login("frida");
        manager = staff.login("magnus");
        company = company("Fjordkafé AS");
    }

    String company(String name) {
        var created = seller.post("/api/v1/companies", "{\"name\":\"" + name + "\",\"status\":\"CUSTOMER\","
                + "\"invoiceEmail\":\"faktura@fjordkafe.example\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.field(created.body(), "id");
    }

    /** An ordered sale of {@code companyId} with a line per {description, unit price in øre}; its id. */
    String orderedSale(String companyId, String description, Object... lines) {
        var sale = seller.post("/api/v1/sales", "{\"companyId\":" + companyId + ",\"stage\":\"ORDERED\",\"description\":\""
                + description.replace("\"", "\\\"") + "\"}");
        assertThat(sale.statusCode()).as(sale.body()).isEqualTo(201);
        String id = ApiClient.field(sale.body(), "id");
        for (int i = 0; i < lines.length; i += 2) {
            var line = seller.post("/api/v1/sales/" + id + "/lines", "{\"description\":\"" + ((String) lines[i]).replace("\"", "\\\"")
                    + "\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":" + lines[i + 1] + "}");
            assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        }
        return id;
    }

    String draft(String companyId) {
        var drafted = manager.post("/api/v1/invoices", "{\"saleIds\":[" + orderedSale(companyId, "Annonser", "Annonse", 100000) + "]}");
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        return ApiClient.field(drafted.body(), "id");
    }

    /** An issued invoice of 1 000.00 + 25 % VAT = 1 250.00: its id, number and KID. */
    String[] issued(String companyId) {
        String id = draft(companyId);
        var issued = manager.post("/api/v1/invoices/" + id + "/issue", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return new String[] {id, ApiClient.field(issued.body(), "number"), ApiClient.field(issued.body(), "kid")};
    }

    String invoiceField(String id, String field) {
        return ApiClient.field(manager.get("/api/v1/invoices/" + id).body(), field);
    }

    long numbered() {
        return Db.count(dataSource, "SELECT count(*) FROM invoice WHERE number IS NOT NULL");
    }

    long payments() {
        return Db.count(dataSource, "SELECT count(*) FROM payment");
    }

    static String today() {
        return LocalDate.now(OSLO).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    OcrFileWriter ocrFile() {
        String n = String.format("%07d", transmission++);
        return new OcrFileWriter().transmissionNumber(n).assignment(OcrFileWriter.AGREEMENT_ID, n);
    }

    @Test
    void aManagerDraftsFromASaleReviewsAndIssuesItOpensItsPdfAndCreditsOneLine() throws Exception {
        String cafe = company("Havnekiosken AS");
        orderedSale(cafe, "Vinterkampanje", "Annonse forside", 100000, "Banner uke 10", 50000);
        logInAs("magnus");
        clickThrough(By.linkText("Fakturaer"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Fakturaer");
        var ready = browser.findElement(By.xpath("//form[contains(@class,'ready-company')][.//caption[text()='Havnekiosken AS']]"));
        assertThat(ready.getText()).contains("Vinterkampanje", "1 500,00 kr", "1 875,00 kr");
        accessible();
        screenshot("fakturaer");
        clickThrough(By.xpath("//button[text()='Lag fakturautkast for Havnekiosken AS']"));

        // the draft, for review
        assertThat(text(By.tagName("h1"))).isEqualTo("Fakturautkast");
        assertThat(text(By.cssSelector("table.lines tbody"))).contains("Annonse forside", "Banner uke 10", "25 %");
        assertThat(text(By.cssSelector("dl.totals"))).contains("1 500,00 kr", "375,00 kr", "1 875,00 kr");
        accessible();
        String id = browser.getCurrentUrl().replaceAll(".*/ui/invoices/(\\d+).*", "$1");
        clickThrough(By.xpath("//form[contains(@class,'issue')]//button[text()='Utsted']"));

        // issued: number, KID, due date, lines, totals
        String number = invoiceField(id, "number");
        assertThat(text(By.tagName("h1"))).isEqualTo("Faktura " + number);
        assertThat(text(By.cssSelector("[role=status]"))).isEqualTo("Fakturaen er utstedt.");
        var details = text(By.cssSelector("dl.details"));
        assertThat(details).contains("Havnekiosken AS", "Utstedt", invoiceField(id, "kid"),
                LocalDate.parse(invoiceField(id, "dueDate")).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")), today());
        assertThat(text(By.cssSelector("dd.due"))).isEqualTo("1 875,00 kr");
        accessible();
        screenshot("faktura");

        // the PDF in the browser: the archived one, as the API serves it
        clickThrough(By.linkText("Åpne PDF"));
        var deadline = Instant.now().plusSeconds(30);
        while (!browser.getCurrentUrl().endsWith("/ui/invoices/" + id + "/pdf") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(browser.getCurrentUrl()).as("the browser went to the PDF").endsWith("/ui/invoices/" + id + "/pdf");
        String cookie = "kontor_ui=" + browser.manage().getCookieNamed("kontor_ui").getValue();
        HttpResponse<byte[]> pdf;
        do {
            pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/ui/invoices/" + id + "/pdf"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (pdf.statusCode() == 202) {
                assertThat(pdf.headers().firstValue("Retry-After")).as("while it is rendered").isPresent();
                Thread.sleep(200);
            }
        } while (pdf.statusCode() == 202 && Instant.now().isBefore(deadline));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        assertThat(pdf.body()).isEqualTo(manager.sendBytes(manager.request("/api/v1/invoices/" + id + "/pdf").GET().build()).body());

        // credit the second line
        open("/ui/invoices/" + id);
        browser.findElement(By.id("line-2")).click();
        browser.findElement(By.id("reason")).sendKeys("Banneret ble ikke vist");
        clickThrough(By.xpath("//button[text()='Krediter valgte linjer']"));
        String noteNumber = String.valueOf(Long.parseLong(number) + 1);
        assertThat(text(By.tagName("h1"))).isEqualTo("Kreditnota " + noteNumber);
        assertThat(text(By.cssSelector("table.lines tbody"))).contains("Banner uke 10").doesNotContain("Annonse forside");
        assertThat(text(By.cssSelector("dl.details"))).contains("Banneret ble ikke vist");
        clickThrough(By.linkText("fakturaen"));
        assertThat(text(By.cssSelector("dl.totals"))).contains("625,00 kr");
        assertThat(text(By.cssSelector("dd.due"))).isEqualTo("1 250,00 kr");
        assertThat(text(By.tagName("main"))).contains("Kreditnotaer", noteNumber, "Banneret ble ikke vist");

        // the same line again: told next to the form, and no second credit note
        browser.findElement(By.id("line-2")).click();
        browser.findElement(By.id("reason")).sendKeys("En gang til");
        clickThrough(By.xpath("//button[text()='Krediter valgte linjer']"));
        assertThat(text(By.cssSelector(".credit [role=alert]"))).contains("kreditert før");
        assertThat(manager.get("/api/v1/invoices/" + id + "/credit-notes").body()).doesNotContain("En gang til");
    }

    @Test
    void anOcrFileUploadedThroughTheFormShowsItsSummaryPaysTheInvoiceAndItsStrayPaymentIsAssigned() throws Exception {
        var paid = issued(company);
        var other = issued(company);
        String strayKid = "000000000000018";
        var file = Files.createTempFile("ocr", ".txt");
        Files.write(file, ocrFile().transaction(transaction(10, 125000).kid(paid[2]).settled(LocalDate.now(OSLO).minusDays(1)))
                .transaction(transaction(10, 40000).kid(strayKid).settled(LocalDate.now(OSLO).minusDays(1))).bytes());
        logInAs("magnus");
        clickThrough(By.linkText("Innbetalinger"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Innbetalinger");
        accessible();

        // while the upload runs, the form says so and holds a second click back (the POST is kept from leaving here)
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.executeScript("document.querySelector('form.ocr-import').addEventListener('submit', function (e) { e.preventDefault(); });");
        assertThat(browser.findElement(By.id("ocr-progress")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("form.ocr-import button")).click();
        assertThat(browser.findElement(By.id("ocr-progress")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("form.ocr-import button")).isEnabled()).isFalse();

        open("/ui/payments");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        clickThrough(By.cssSelector("form.ocr-import button"));
        assertThat(text(By.cssSelector("dd.transactions"))).isEqualTo("2");
        assertThat(text(By.cssSelector("dd.applied"))).isEqualTo("1");
        assertThat(text(By.cssSelector("dd.unmatched"))).isEqualTo("1");
        assertThat(text(By.cssSelector("dd.duplicates"))).isEqualTo("0");
        assertThat(text(By.cssSelector("dd.amount-applied"))).isEqualTo("1 250,00 kr");
        assertThat(text(By.cssSelector("table.unmatched tbody"))).contains(strayKid, "400,00 kr");
        assertThat(invoiceField(paid[0], "status")).isEqualTo("PAID");
        accessible();
        screenshot("innbetalinger");

        // the same file again: nothing registered twice, the first report shown
        long before = payments();
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        clickThrough(By.cssSelector("form.ocr-import button"));
        assertThat(text(By.cssSelector(".ocr-report"))).contains("importert før");
        assertThat(payments()).isEqualTo(before);

        // the stray payment, assigned to the other invoice by its number
        var row = browser.findElement(By.xpath("//table[contains(@class,'unmatched')]//tr[td[text()='" + strayKid + "']]"));
        row.findElement(By.cssSelector("input[name=invoiceNumber]")).sendKeys(other[1]);
        clickThrough(By.xpath("//table[contains(@class,'unmatched')]//tr[td[text()='" + strayKid + "']]//button"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("knyttet til fakturaen", "Faktura " + other[1], "Delvis betalt",
                "betalt 400,00 kr", "å betale 850,00 kr");
        assertThat(browser.findElements(By.xpath("//td[text()='" + strayKid + "']"))).isEmpty();
        assertThat(invoiceField(other[0], "paid")).isEqualTo("40000");

        open("/ui/invoices/" + paid[0]);
        assertThat(text(By.cssSelector("dl.details"))).contains("Betalt");
        assertThat(text(By.cssSelector("table.payments"))).contains("1 250,00 kr", "OCR-fil", paid[2]);
    }

    @Test
    void aPaymentRegisteredByHandByNumberOrByKidPaysTheInvoice() {
        var invoice = issued(company);
        logInAs("magnus");
        open("/ui/invoices/" + invoice[0]);
        clickThrough(By.linkText("Registrer innbetaling"));
        assertThat(browser.findElement(By.id("invoiceNumber")).getAttribute("value")).isEqualTo(invoice[1]);
        assertThat(browser.findElement(By.id("paidOn")).getAttribute("value")).isEqualTo(today());
        browser.findElement(By.id("amount")).sendKeys("500,00");
        clickThrough(By.cssSelector("form.register-payment button"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("Innbetalingen er registrert", "Faktura " + invoice[1], "Delvis betalt",
                "å betale 750,00 kr");

        browser.findElement(By.id("kid")).sendKeys(invoice[2]);
        browser.findElement(By.id("amount")).sendKeys("750");
        clickThrough(By.cssSelector("form.register-payment button"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("Faktura " + invoice[1], "Betalt", "å betale 0,00 kr");
        assertThat(invoiceField(invoice[0], "status")).isEqualTo("PAID");

        browser.findElement(By.id("invoiceNumber")).sendKeys("999999");
        browser.findElement(By.id("amount")).sendKeys("10");
        clickThrough(By.cssSelector("form.register-payment button"));
        assertThat(text(By.cssSelector(".register-payment [role=alert]"))).isEqualTo("Ingen faktura har nummer 999999.");
        assertThat(browser.findElement(By.id("amount")).getAttribute("value")).as("what was typed is kept").isEqualTo("10");
    }

    @Test
    void anOverdueInvoiceIsListedAndRemindedFromTheList() {
        var invoice = issued(company);
        String asOf = LocalDate.now(OSLO).plusDays(30).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        logInAs("magnus");
        open("/ui/invoices");
        clickThrough(By.linkText("Forfalte fakturaer og purringer"));
        browser.findElement(By.id("asOf")).sendKeys(asOf);
        clickThrough(By.cssSelector("form.filters button"));
        String rowPath = "//table[contains(@class,'overdue-items')]//tr[td/a[text()='" + invoice[1] + "']]";
        assertThat(browser.findElement(By.xpath(rowPath)).getText()).contains("Fjordkafé AS", "1 250,00 kr");
        assertThat(text(By.cssSelector("table.bands caption"))).contains(asOf);
        accessible();
        clickThrough(By.xpath(rowPath + "//button"));
        assertThat(text(By.cssSelector("[role=status]"))).isEqualTo("Purring nr. 1 er lagt i kø for sending.");
        assertThat(browser.findElement(By.id("asOf")).getAttribute("value")).as("the same day's list").isEqualTo(asOf);
        assertThat(browser.findElement(By.xpath(rowPath)).getText()).contains(today());
        var reminders = manager.get("/api/v1/invoices/" + invoice[0] + "/reminders");
        assertThat(reminders.body()).contains("\"number\":1").doesNotContain("\"number\":2");

        open("/ui/invoices/overdue?asOf=31.02.2027");
        assertThat(text(By.cssSelector("[role=alert]"))).contains("31.02.2027", "dd.mm.åååå");
    }

    @Test
    void aFormWithoutItsCsrfTokenDoesNothingAndADoubleIssueGivesOneNumber() throws Exception {
        String draft = draft(company);
        String cookie = sessionCookie("magnus");
        long before = numbered();
        assertThat(postForm(cookie, "/ui/invoices/" + draft + "/issue", "key=k1").statusCode()).isEqualTo(403);
        assertThat(postForm(cookie, "/ui/invoices/" + draft + "/issue", "csrf=wrong&key=k1").statusCode()).isEqualTo(403);
        assertThat(invoiceField(draft, "status")).isEqualTo("DRAFT");
        assertThat(numbered()).isEqualTo(before);

        // a double click: the same form twice at once, then once more after
        String body = "csrf=" + csrfOf(cookie) + "&key=issue-" + draft;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var answers = new ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                    start.await();
                    return postForm(cookie, "/ui/invoices/" + draft + "/issue", body);
                }));
            }
            start.countDown();
            for (var answer : answers) {
                var response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
                assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                        .startsWith("/ui/invoices/" + draft + "?"));
            }
        } finally {
            pool.shutdownNow();
        }
        var again = postForm(cookie, "/ui/invoices/" + draft + "/issue", body);
        assertThat(again.statusCode()).isEqualTo(303);
        var otherTab = postForm(cookie, "/ui/invoices/" + draft + "/issue", "csrf=" + csrfOf(cookie) + "&key=another-tab");
        assertThat(otherTab.statusCode()).isEqualTo(303);
        assertThat(otherTab.headers().firstValue("Location")).hasValue("/ui/invoices/" + draft + "?melding=allerede-utstedt");
        assertThat(numbered()).as("one number for the draft").isEqualTo(before + 1);
        assertThat(invoiceField(draft, "status")).isEqualTo("ISSUED");

        // the other forms refuse without the token too
        long paymentsBefore = payments();
        String number = invoiceField(draft, "number");
        assertThat(postForm(cookie, "/ui/payments", "invoiceNumber=" + number + "&amount=10&paidOn=" + today()).statusCode())
                .isEqualTo(403);
        assertThat(postForm(cookie, "/ui/invoices/" + draft + "/credit", "whole=true&reason=Feil").statusCode()).isEqualTo(403);
        assertThat(postForm(cookie, "/ui/invoices/" + draft + "/remind", "").statusCode()).isEqualTo(403);
        assertThat(postForm(cookie, "/ui/invoices/" + draft + "/send", "").statusCode()).isEqualTo(403);
        assertThat(multipart(cookie, null, "ocr.txt", ocrFile().bytes()).statusCode()).isEqualTo(403);
        assertThat(payments()).isEqualTo(paymentsBefore);
        assertThat(numbered()).isEqualTo(before + 1);
        assertThat(manager.get("/api/v1/invoices/" + draft + "/reminders").body()).contains("\"items\":[]");
    }

    @Test
    void malformedAmountsDatesAndIdsAreToldNextToTheFormAndNothingIsDone() {
        var invoice = issued(company);
        String cookie = sessionCookie("magnus");
        String csrf = csrfOf(cookie);
        long before = payments();
        for (String body : new String[] {
                "invoiceNumber=" + invoice[1] + "&amount=12%2C3%2C4&paidOn=" + today(),
                "invoiceNumber=" + invoice[1] + "&amount=-5&paidOn=" + today(),
                "invoiceNumber=" + invoice[1] + "&amount=1e3&paidOn=" + today(),
                "invoiceNumber=" + invoice[1] + "&amount=100&paidOn=31.02.2026",
                "invoiceNumber=" + invoice[1] + "&amount=100&paidOn=",
                "invoiceNumber=" + invoice[1] + "&amount=100&paidOn=01.01.2999",
                "invoiceNumber=abc&amount=100&paidOn=" + today(),
                "invoiceNumber=" + invoice[1] + "&kid=" + invoice[2] + "&amount=100&paidOn=" + today(),
                "kid=12x4&amount=100&paidOn=" + today(),
                "invoiceNumber=" + invoice[1] + "&amount=100%01&paidOn=" + today()}) {
            var response = postForm(cookie, "/ui/payments", "csrf=" + csrf + "&" + body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("role=\"alert\"", "Registrer innbetaling");
        }
        assertThat(postForm(cookie, "/ui/payments", "csrf=" + csrf + "&invoiceNumber=" + invoice[1] + "&amount=1%20250%2C5&paidOn="
                + today()).body()).doesNotContain("role=\"alert\"");
        assertThat(payments()).as("only the well-formed one").isEqualTo(before + 1);
        assertThat(invoiceField(invoice[0], "paid")).isEqualTo("125050");

        var assign = postForm(cookie, "/ui/payments/1/assign", "csrf=" + csrf + "&invoiceNumber=x1");
        assertThat(assign.statusCode()).isEqualTo(400);
        assertThat(assign.body()).contains("role=\"alert\"", "x1", "ikke et gyldig nummer");
        var credit = postForm(cookie, "/ui/invoices/" + invoice[0] + "/credit", "csrf=" + csrf + "&line-abc=on&reason=Feil&whole=false");
        assertThat(credit.statusCode()).isEqualTo(400);
        assertThat(credit.body()).contains("role=\"alert\"", "Krediter");
        var noReason = postForm(cookie, "/ui/invoices/" + invoice[0] + "/credit", "csrf=" + csrf + "&whole=true&reason=");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Skriv en begrunnelse");
        assertThat(manager.get("/api/v1/invoices/" + invoice[0] + "/credit-notes").body()).contains("\"items\":[]");

        var filter = getWith(cookie, "/ui/invoices?from=32.13.2026");
        assertThat(filter.statusCode()).isEqualTo(400);
        assertThat(filter.body()).contains("role=\"alert\"", "32.13.2026");
        assertThat(getWith(cookie, "/ui/invoices?status=NOPE").statusCode()).isEqualTo(400);
        for (String path : new String[] {"/ui/invoices/abc", "/ui/invoices/0", "/ui/invoices/-1", "/ui/invoices/99999999999999999999",
                "/ui/invoices/987654321", "/ui/invoices/abc/pdf"}) {
            var page = getWith(cookie, path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Finnes ikke");
        }
        assertThat(postForm(cookie, "/ui/invoices/abc/issue", "csrf=" + csrf).statusCode()).isEqualTo(404);
        assertThat(postForm(cookie, "/ui/invoices/drafts", "csrf=" + csrf + "&sale-x=on").statusCode()).isEqualTo(400);
        assertThat(postForm(cookie, "/ui/invoices/drafts", "csrf=" + csrf).statusCode()).isEqualTo(400);
        assertThat(postForm(cookie, "/ui/invoices/drafts", "csrf=" + csrf + "&sale-987654321=on").statusCode()).isEqualTo(400);
    }

    @Test
    void aFileThatIsNotAnOcrFileIsRefusedWholeWithTheReason() {
        String cookie = sessionCookie("magnus");
        long before = payments();
        long imports = Db.count(dataSource, "SELECT count(*) FROM ocr_import");
        var notOcr = multipart(cookie, csrfOf(cookie), "regnskap.csv", "dato;beløp\n01.12.2026;100\n".getBytes(StandardCharsets.UTF_8));
        assertThat(notOcr.statusCode()).isEqualTo(400);
        assertThat(notOcr.body()).contains("role=\"alert\"", "ikke en gyldig OCR-fil", "ingenting er importert", "linje 1");
        var empty = multipart(cookie, csrfOf(cookie), "tom.txt", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Filen er tom");
        var badTotal = multipart(cookie, csrfOf(cookie), "ocr.txt", ocrFile().transaction(transaction(10, 10000).kid("000000000000018")
                .settled(LocalDate.now(OSLO))).transmissionTotalOffBy(1).bytes());
        assertThat(badTotal.statusCode()).isEqualTo(400);
        assertThat(badTotal.body()).contains("Summen");
        assertThat(payments()).isEqualTo(before);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM ocr_import")).isEqualTo(imports);
    }

    @Test
    void hostileTextIsShownAsText() {
        String place = company("Scriptkafé AS");
        orderedSale(place, HOSTILE, HOSTILE, 20000);
        logInAs("magnus");
        open("/ui/invoices");
        assertThat(browser.findElement(By.xpath("//form[contains(@class,'ready-company')][.//caption[text()='Scriptkafé AS']]")).getText())
                .contains(HOSTILE);
        assertThat(browser.findElements(By.xpath("//script[not(@src)]"))).as("text, not a script").isEmpty();
        clickThrough(By.xpath("//button[text()='Lag fakturautkast for Scriptkafé AS']"));
        assertThat(text(By.cssSelector("table.lines tbody"))).contains(HOSTILE);
        assertThat(browser.findElements(By.xpath("//script[not(@src)]"))).isEmpty();
        open("/ui/invoices?company=" + java.net.URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8));
        assertThat(text(By.cssSelector("[role=alert]"))).contains(HOSTILE);
        assertThat(browser.findElements(By.xpath("//script[not(@src)]"))).isEmpty();
    }

    @Test
    void aSellerReadsButIsRefusedWhatOnlyAManagerMay() {
        String draft = draft(company);
        var invoice = issued(company);
        String sale = orderedSale(company, "Selgers salg", "Annonse", 10000);
        String cookie = sessionCookie("frida");
        String csrf = csrfOf(cookie);
        long numbers = numbered();
        long before = payments();

        var list = getWith(cookie, "/ui/invoices");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Selgers salg", "En leder lager fakturautkastene").doesNotContain("Lag fakturautkast for");
        var page = getWith(cookie, "/ui/invoices/" + draft);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(">Utsted<");

        for (var refused : new String[][] {
                {"/ui/invoices/drafts", "sale-" + sale + "=on"},
                {"/ui/invoices/" + draft + "/issue", "key=seller"},
                {"/ui/invoices/" + invoice[0] + "/credit", "whole=true&reason=Feil"},
                {"/ui/invoices/" + invoice[0] + "/remind", "key=seller-remind"},
                {"/ui/payments", "invoiceNumber=" + invoice[1] + "&amount=100&paidOn=" + today()}}) {
            var response = postForm(cookie, refused[0], "csrf=" + csrf + "&" + refused[1]);
            assertThat(response.statusCode()).as(refused[0]).isEqualTo(403);
            assertThat(response.body()).as(refused[0]).contains("Ingen tilgang");
        }
        assertThat(multipart(cookie, csrf, "ocr.txt", ocrFile().transaction(transaction(10, 125000).kid(invoice[2])
                .settled(LocalDate.now(OSLO))).bytes()).statusCode()).isEqualTo(403);
        assertThat(numbered()).isEqualTo(numbers);
        assertThat(payments()).isEqualTo(before);
        assertThat(invoiceField(draft, "status")).isEqualTo("DRAFT");
        assertThat(ApiClient.field(seller.get("/api/v1/sales/" + sale).body(), "invoiceId")).as("on no invoice").isNull();

        // a seller may send an issued invoice
        var sent = postForm(cookie, "/ui/invoices/" + invoice[0] + "/send", "csrf=" + csrf + "&key=seller-send");
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(manager.get("/api/v1/invoices/" + invoice[0] + "/jobs").body()).contains("SEND_INVOICE");
    }

    /** The OCR upload form's POST, made by hand: a multipart body with the CSRF token (none when null) and the file. */
    HttpResponse<String> multipart(String cookie, String csrf, String filename, byte[] file) {
        String boundary = "----kontor" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        try {
            if (csrf != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ApiClient.anonymous(server.getURI()).send(HttpRequest.newBuilder(URI.create(base + "/ui/payments/ocr"))
                .header("Cookie", cookie).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
