package no.kontor.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * The administration pages in a real browser (issue 21: "Admin: users and roles, the
 * organisation's details, placements and price lists, postal-code import"): an admin adds a
 * user, changes the role, sets the password and deactivates the user; sets up a placement with a
 * price list (an overlapping price refused in Norwegian) and takes it off sale; imports a small
 * postal-code file and sees the summary (a bad file refused, naming the line, nothing changed);
 * everyone changes the own password with the old one. A seller cannot reach the manager pages
 * (no menu entry, "Ingen tilgang" on every URL); a manager reads but does not change. Over raw
 * HTTP: a form without its CSRF token is 403 and changes nothing; malformed, oversize and hostile
 * input is refused or shown as text.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesBrowserTest extends Journey {
    static final String HOSTILE = "<script>alert(1)</script>";
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    long adminId;
    String placement;

    @BeforeAll
    void start() {
        staff.add("selma", Role.SELLER);
        staff.add("siv", Role.SELLER);
        staff.add("maja", Role.MANAGER);
        adminId = Long.parseLong(ApiClient.field(staff.admin().get("/api/v1/users?limit=100").body().replaceAll(".*?(\\{[^{}]*\"username\":\"admin\"[^{}]*\\}).*", "$1"), "id"));
        placement = ApiClient.field(staff.admin().post("/api/v1/placements", "{\"name\":\"Sidebanner\",\"unit\":\"DAY\",\"channel\":\"Nett\"}").body(), "id");
    }

    /** Picks the option {@code label} of the select {@code id}, as a user would. */
    void choose(String id, String label) {
        browser.findElement(By.xpath("//select[@id='" + id + "']/option[normalize-space()='" + label + "']")).click();
    }

    String userRow(String username) {
        return browser.findElement(By.xpath("//tbody/tr[td[1][normalize-space()='" + username + "']]")).getText();
    }

    @Test
    void anAdminAddsAUserChangesTheRoleSetsThePasswordAndDeactivates() {
        logInAs("admin");
        Browser.clickThrough(browser, By.linkText("Administrasjon"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Administrasjon");
        accessible();
        clickThrough(By.linkText("Brukere og roller"));
        assertThat(userRow("admin")).contains("Administrator", "Aktiv");

        browser.findElement(By.id("username")).sendKeys("kari");
        browser.findElement(By.id("displayName")).sendKeys("Kari Nordmann");
        browser.findElement(By.id("email")).sendKeys("kari@avisa.example");
        browser.findElement(By.id("team")).sendKeys("Annonse");
        choose("role", "Selger");
        browser.findElement(By.id("password")).sendKeys("kari-forste-passord");
        clickThrough(By.cssSelector("form.admin-form button"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Kari Nordmann");
        assertThat(text(By.cssSelector("[role=status]"))).isEqualTo("Brukeren er lagt til.");
        assertThat(text(By.cssSelector("dl.details"))).contains("kari", "Selger", "Aktiv", "Annonse");
        accessible();
        String kari = browser.getCurrentUrl().replaceAll(".*/users/(\\d+).*", "$1");
        ApiClient.anonymous(server.getURI()).login("kari", "kari-forste-passord"); // she can log in

        choose("role", "Leder");
        clickThrough(By.cssSelector("section[aria-labelledby=change] button"));
        assertThat(text(By.cssSelector("[role=status]"))).isEqualTo("Endringene er lagret.");
        assertThat(text(By.cssSelector("dl.details"))).contains("Leder");
        assertThat(staff.admin().get("/api/v1/users/" + kari).body()).contains("\"role\":\"MANAGER\"");

        // the admin sets her password without the old one; her old one opens nothing after
        browser.findElement(By.id("newPassword")).sendKeys("kari-nytt-passord");
        clickThrough(By.cssSelector("section[aria-labelledby=password] button"));
        assertThat(text(By.cssSelector("[role=status]"))).startsWith("Passordet er satt.");
        ApiClient.anonymous(server.getURI()).login("kari", "kari-nytt-passord");
        assertThat(ApiClient.anonymous(server.getURI()).post("/api/v1/login",
                "{\"username\":\"kari\",\"password\":\"kari-forste-passord\"}").statusCode()).isEqualTo(401);

        // a password too short is told in Norwegian, and the form is where it was
        browser.findElement(By.id("newPassword")).sendKeys("kort");
        browser.executeScript("document.getElementById('newPassword').removeAttribute('minlength')");
        clickThrough(By.cssSelector("section[aria-labelledby=password] button"));
        assertThat(text(By.cssSelector("section[aria-labelledby=password] [role=alert]"))).isEqualTo("Passordet må ha minst 10 tegn.");

        clickThrough(By.linkText("Brukere og roller"));
        assertThat(userRow("kari")).contains("Kari Nordmann", "Leder", "Annonse", "Aktiv");
        accessible();
        screenshot("admin-brukere");

        // deactivated: she can log in no more
        clickThrough(By.linkText("Endre kari"));
        browser.findElement(By.id("active")).click();
        clickThrough(By.cssSelector("section[aria-labelledby=change] button"));
        assertThat(text(By.cssSelector("dl.details"))).contains("Deaktivert");
        assertThat(ApiClient.anonymous(server.getURI()).post("/api/v1/login",
                "{\"username\":\"kari\",\"password\":\"kari-nytt-passord\"}").statusCode()).isEqualTo(401);

        // the last admin stays: the refusal is in Norwegian, on the form
        open("/ui/admin/users/" + adminId);
        choose("role", "Leder");
        clickThrough(By.cssSelector("section[aria-labelledby=change] button"));
        assertThat(text(By.cssSelector("section[aria-labelledby=change] [role=alert]"))).startsWith("Den siste aktive administratoren");
        assertThat(text(By.cssSelector("dl.details"))).contains("Administrator");

        // a name typed as a script is text
        open("/ui/admin/users");
        browser.findElement(By.id("username")).sendKeys("hostile");
        browser.findElement(By.id("displayName")).sendKeys(HOSTILE);
        browser.findElement(By.id("password")).sendKeys("hostile-password");
        clickThrough(By.cssSelector("form.admin-form button"));
        assertThat(text(By.tagName("h1"))).isEqualTo(HOSTILE);
        assertThat(browser.findElements(By.xpath("//script[not(@src)]"))).isEmpty();

        // a username taken is told on the form, with what was typed kept
        open("/ui/admin/users");
        browser.findElement(By.id("username")).sendKeys("kari");
        browser.findElement(By.id("displayName")).sendKeys("Kari To");
        browser.findElement(By.id("password")).sendKeys("kari-to-passordet");
        clickThrough(By.cssSelector("form.admin-form button"));
        assertThat(text(By.cssSelector("form.admin-form [role=alert]"))).isEqualTo("Brukernavnet er allerede tatt.");
        assertThat(browser.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Kari To");
    }

    @Test
    void anAdminSetsUpAPlacementWithAPriceListAndTakesItOffSale() {
        logInAs("admin");
        open("/ui/admin");
        clickThrough(By.linkText("Plasseringer og prislister"));
        browser.findElement(By.id("name")).sendKeys("Toppbanner forside");
        browser.findElement(By.id("channel")).sendKeys("Nett");
        choose("unit", "Uke");
        browser.findElement(By.id("description")).sendKeys("980×150 over artikkellisten");
        clickThrough(By.cssSelector("form.admin-form button"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Toppbanner forside");
        assertThat(text(By.cssSelector("[role=status]"))).startsWith("Plasseringen er lagt til.");
        assertThat(text(By.cssSelector("section[aria-labelledby=prices]"))).contains("Ingen priser ennå.");

        addPrice("01.01.2020", "31.12.2030", "4 500");
        assertThat(text(By.cssSelector("[role=status]"))).isEqualTo("Prisen er lagt til.");
        assertThat(text(By.cssSelector("section[aria-labelledby=prices] tbody"))).contains("01.01.2020", "31.12.2030", "4 500,00 kr", "Ja");

        addPrice("01.06.2030", "", "5000");
        assertThat(text(By.cssSelector("section[aria-labelledby=prices] [role=alert]")))
                .startsWith("Plasseringen har allerede en pris i en del av denne perioden").contains("gjelder fra 01.01.2020");
        addPrice("01.01.2031", "", "5000,50");
        assertThat(text(By.cssSelector("section[aria-labelledby=prices] tbody"))).contains("01.01.2031", "5 000,50 kr");
        addPrice("01.01.2032", "", "fem tusen");
        assertThat(text(By.cssSelector("section[aria-labelledby=prices] [role=alert]"))).startsWith("Prisen må være et beløp i kroner");
        addPrice("31.02.2033", "", "100");
        assertThat(text(By.cssSelector("section[aria-labelledby=prices] [role=alert]"))).contains("er ikke en dato");
        accessible();

        clickThrough(By.linkText("Plasseringer og prislister"));
        assertThat(text(By.xpath("//tbody/tr[td[1][normalize-space()='Toppbanner forside']]"))).contains("Nett", "Uke",
                "4 500,00 kr per uke", "Til salgs");
        accessible();
        screenshot("admin-plasseringer");

        clickThrough(By.linkText("Toppbanner forside"));
        browser.findElement(By.id("active")).click();
        clickThrough(By.cssSelector("section[aria-labelledby=change] button"));
        assertThat(text(By.cssSelector("dl.details"))).contains("Ikke til salgs");
        String id = browser.getCurrentUrl().replaceAll(".*/placements/(\\d+).*", "$1");
        assertThat(staff.admin().get("/api/v1/placements/" + id).body()).contains("\"active\":false");
        assertThat(staff.admin().get("/api/v1/placements/" + id + "/prices").body()).contains("\"unitPrice\":450000", "\"unitPrice\":500050");
    }

    void addPrice(String from, String to, String price) {
        browser.findElement(By.id("validFrom")).clear();
        browser.findElement(By.id("validFrom")).sendKeys(from);
        browser.findElement(By.id("validTo")).clear();
        browser.findElement(By.id("validTo")).sendKeys(to);
        browser.findElement(By.id("unitPrice")).clear();
        browser.findElement(By.id("unitPrice")).sendKeys(price);
        clickThrough(By.cssSelector("section[aria-labelledby=prices] form button"));
    }

    static byte[] bring(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(WINDOWS_1252);
    }

    @Test
    void anAdminImportsAPostalCodeFileAndSeesTheSummaryAndABadFileChangesNothing() throws Exception {
        logInAs("admin");
        open("/ui/admin");
        clickThrough(By.linkText("Postnummerregisteret"));
        accessible();
        Path good = Files.createTempFile("bring", ".txt");
        Files.write(good, bring("0150\tOSLO\t0301\tOSLO\tG", "5003\tBERGEN\t4601\tBERGEN\tG", "9990\tBÅTSFJORD\t5632\tBÅTSFJORD\tG"));

        // while the server works, the page says so and the button cannot be pressed twice
        assertThat(browser.findElement(By.id("importing")).isDisplayed()).isFalse();
        browser.findElement(By.id("file")).sendKeys(good.toString());
        browser.executeScript("document.querySelector('form.admin-form').addEventListener('submit', e => e.preventDefault())");
        browser.findElement(By.cssSelector("form.admin-form button")).click();
        assertThat(browser.findElement(By.id("importing")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("form.admin-form button")).isEnabled()).isFalse();

        open("/ui/admin/postal-codes");
        browser.findElement(By.id("file")).sendKeys(good.toString());
        clickThrough(By.cssSelector("form.admin-form button"));
        assertThat(text(By.cssSelector("section[role=status] h2"))).isEqualTo("Importert");
        assertThat(text(By.xpath("//section[@role='status']//dt[.='Postnumre']/following-sibling::dd[1]"))).isEqualTo("3");
        assertThat(text(By.xpath("//section[@role='status']//dt[.='Fil']/following-sibling::dd[1]"))).isEqualTo(good.getFileName().toString());
        accessible();
        var admin = staff.admin();
        assertThat(admin.get("/api/v1/postal-codes/9990").body()).contains("BÅTSFJORD", "5632");

        Path bad = Files.createTempFile("bring-feil", ".txt");
        Files.write(bad, bring("0150\tOSLO\t0301\tOSLO\tG", "12a4\tNOWHERE\t0301\tOSLO\tG"));
        browser.findElement(By.id("file")).sendKeys(bad.toString());
        clickThrough(By.cssSelector("form.admin-form button"));
        assertThat(text(By.cssSelector("main [role=alert]"))).isEqualTo(
                "Filen ble ikke importert. Linje 2: postnummeret «12a4» er ikke fire siffer. Ingenting ble endret.");
        assertThat(browser.findElements(By.cssSelector("section[role=status]"))).isEmpty();
        assertThat(admin.get("/api/v1/postal-codes/5003").body()).as("the register as it was").contains("BERGEN");
    }

    @Test
    void everyoneChangesTheOwnPasswordWithTheOldOne() {
        logInAs("selma");
        clickThrough(By.linkText("Bytt passord"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Bytt passord");
        accessible();
        changeOwn("feil-passord-her", "selma-nytt-passord", "selma-nytt-passord");
        assertThat(text(By.cssSelector("main [role=alert]"))).isEqualTo("Det nåværende passordet er feil.");
        changeOwn("selma-password", "selma-nytt-passord", "selma-nytt-passor");
        assertThat(text(By.cssSelector("main [role=alert]"))).isEqualTo("Det nye passordet ble ikke gjentatt likt.");
        changeOwn("selma-password", "selma-nytt-passord", "selma-nytt-passord");
        assertThat(text(By.cssSelector("[role=status]"))).isEqualTo("Passordet ditt er endret.");
        open("/ui");
        assertThat(text(By.tagName("h1"))).as("still logged in, with a new session").isEqualTo("Arbeidsliste");
        assertThat(ApiClient.anonymous(server.getURI()).post("/api/v1/login",
                "{\"username\":\"selma\",\"password\":\"selma-password\"}").statusCode()).isEqualTo(401);

        clickThrough(By.cssSelector(".logout button"));
        browser.findElement(By.id("username")).sendKeys("selma");
        browser.findElement(By.id("password")).sendKeys("selma-nytt-passord");
        clickThrough(By.cssSelector("main form button"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Arbeidsliste");
    }

    void changeOwn(String current, String next, String repeat) {
        browser.findElement(By.id("currentPassword")).sendKeys(current);
        browser.findElement(By.id("newPassword")).sendKeys(next);
        browser.findElement(By.id("repeatPassword")).sendKeys(repeat);
        clickThrough(By.cssSelector("main form button"));
    }

    List<String> managerPages() {
        return List.of("/ui/admin", "/ui/admin/users", "/ui/admin/users/" + adminId, "/ui/admin/organisation", "/ui/admin/placements",
                "/ui/admin/placements/" + placement, "/ui/admin/postal-codes");
    }

    @Test
    void aSellerCannotReachManagerPages() {
        logInAs("siv");
        assertThat(browser.findElements(By.linkText("Administrasjon"))).as("no menu entry").isEmpty();
        for (String page : managerPages()) {
            open(page);
            assertThat(text(By.tagName("h1"))).as(page).isEqualTo("Ingen tilgang");
        }
        accessible();
        String cookie = sessionCookie("siv");
        assertThat(getWith(cookie, "/ui/account/password").statusCode()).as("the own password is everyone's").isEqualTo(200);
        for (String page : managerPages()) {
            var r = getWith(cookie, page);
            assertThat(r.statusCode()).as(page).isEqualTo(403);
            assertThat(r.body()).as(page).contains("Ingen tilgang").doesNotContain("Administrator", "Lokalavisa Demo AS");
        }
        var add = postForm(cookie, "/ui/admin/users", "csrf=" + csrfOf(cookie)
                + "&username=sniker&displayName=Sniker&password=sniker-passord&role=ADMIN");
        assertThat(add.statusCode()).isEqualTo(403);
        assertThat(staff.admin().get("/api/v1/users?limit=100").body()).doesNotContain("sniker");
    }

    @Test
    void aManagerReadsTheAdministrationButChangesNothing() {
        logInAs("maja");
        clickThrough(By.linkText("Administrasjon"));
        clickThrough(By.linkText("Organisasjonen"));
        assertThat(text(By.tagName("tbody"))).contains("Lokalavisa Demo AS", "974760673", "8601 11 17947", "KONTOR_SELLER_ACCOUNT");
        accessible();
        open("/ui/admin/users");
        assertThat(userRow("maja")).contains("Leder");
        assertThat(browser.findElements(By.id("username"))).as("no form to add a user").isEmpty();

        String cookie = sessionCookie("maja");
        var add = postForm(cookie, "/ui/admin/users", "csrf=" + csrfOf(cookie)
                + "&username=sniker&displayName=Sniker&password=sniker-passord&role=ADMIN");
        assertThat(add.statusCode()).as("only an admin adds users").isEqualTo(403);
        assertThat(add.body()).contains("Ingen tilgang");
        var priced = postForm(cookie, "/ui/admin/placements/" + placement + "/prices", "csrf=" + csrfOf(cookie)
                + "&validFrom=01.01.2040&unitPrice=100");
        assertThat(priced.statusCode()).isEqualTo(403);
        var imported = multipart(cookie, "/ui/admin/postal-codes", csrfOf(cookie), bring("0150\tOSLO\t0301\tOSLO\tG"));
        assertThat(imported.statusCode()).isEqualTo(403);
        var admin = staff.admin();
        assertThat(admin.get("/api/v1/users?limit=100").body()).doesNotContain("sniker");
        assertThat(admin.get("/api/v1/placements/" + placement + "/prices").body()).doesNotContain("2040");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String cookie = sessionCookie("admin");
        var admin = staff.admin();
        String siv = ApiClient.field(admin.get("/api/v1/users?limit=100").body()
                .replaceAll(".*?(\\{[^{}]*\"username\":\"siv\"[^{}]*\\}).*", "$1"), "id");
        String version = ApiClient.field(admin.get("/api/v1/users/" + siv).body(), "version");
        for (String csrf : new String[] {"", "csrf=forfalsket&"}) {
            assertThat(postForm(cookie, "/ui/admin/users", csrf + "username=forged&displayName=Forged&password=forged-password&role=ADMIN")
                    .statusCode()).isEqualTo(403);
            assertThat(postForm(cookie, "/ui/admin/users/" + siv, csrf + "displayName=siv&role=ADMIN&active=on&version=" + version)
                    .statusCode()).isEqualTo(403);
            assertThat(postForm(cookie, "/ui/admin/users/" + siv + "/password", csrf + "newPassword=forged-password").statusCode())
                    .isEqualTo(403);
            assertThat(postForm(cookie, "/ui/account/password", csrf + "currentPassword=admin-password&newPassword=forged-password"
                    + "&repeatPassword=forged-password").statusCode()).isEqualTo(403);
            assertThat(postForm(cookie, "/ui/admin/placements", csrf + "name=Forged&unit=DAY").statusCode()).isEqualTo(403);
            assertThat(postForm(cookie, "/ui/admin/placements/" + placement, csrf + "name=Forged&unit=WEEK&version=0").statusCode())
                    .isEqualTo(403);
            assertThat(postForm(cookie, "/ui/admin/placements/" + placement + "/prices", csrf + "validFrom=01.01.2041&unitPrice=1")
                    .statusCode()).isEqualTo(403);
            assertThat(multipart(cookie, "/ui/admin/postal-codes", csrf.isEmpty() ? null : "forfalsket",
                    bring("0150\tFORGED\t0301\tOSLO\tG")).statusCode()).isEqualTo(403);
        }
        assertThat(admin.get("/api/v1/users?limit=100").body()).doesNotContain("forged");
        assertThat(admin.get("/api/v1/users/" + siv).body()).contains("\"role\":\"SELLER\"", "\"version\":" + version);
        staff.login("siv"); // her password is as it was
        staff.login("admin");
        assertThat(admin.get("/api/v1/placements?limit=100").body()).doesNotContain("Forged");
        assertThat(admin.get("/api/v1/placements/" + placement + "/prices").body()).doesNotContain("2041");
        assertThat(admin.get("/api/v1/postal-codes/0150").body()).doesNotContain("FORGED");
    }

    @Test
    void malformedOversizeAndHostileInputIsRefusedOrShownAsText() {
        String cookie = sessionCookie("admin");
        String csrf = "csrf=" + csrfOf(cookie) + "&";
        var admin = staff.admin();
        assertThat(postForm(cookie, "/ui/admin/users", csrf + "username=ok&displayName=Ok&password=ok-password-1&role=KING").statusCode())
                .as("no such role").isEqualTo(400);
        var longName = postForm(cookie, "/ui/admin/users", csrf + "username=" + "x".repeat(65) + "&displayName=Ok&password=ok-password-1"
                + "&role=SELLER");
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).contains("Brukernavnet er for langt");
        assertThat(postForm(cookie, "/ui/admin/users", csrf + "username=ctl&displayName=Sty%01re&password=ok-password-1&role=SELLER")
                .statusCode()).as("a control character").isEqualTo(400);
        assertThat(postForm(cookie, "/ui/admin/users", csrf + "username=Store+Bokstaver&displayName=X&password=ok-password-1&role=SELLER")
                .statusCode()).as("not a username").isEqualTo(400);
        assertThat(postForm(cookie, "/ui/admin/users/" + adminId, csrf + "displayName=admin&role=ADMIN&active=on&version=abc").statusCode())
                .isEqualTo(400);
        assertThat(postForm(cookie, "/ui/admin/users/" + adminId, csrf + "displayName=admin&role=ADMIN&active=on&version=9999").statusCode())
                .as("a version that is not the stored one").isEqualTo(409);
        assertThat(getWith(cookie, "/ui/admin/users/abc").statusCode()).isEqualTo(404);
        assertThat(getWith(cookie, "/ui/admin/users/99999999").statusCode()).isEqualTo(404);
        assertThat(getWith(cookie, "/ui/admin/placements/99999999999999999999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/users?limit=100").body()).doesNotContain("\"ok\"", "ctl", "xxxxx");

        assertThat(postForm(cookie, "/ui/admin/placements", csrf + "name=Lang&unit=DAY&description=" + "d".repeat(2001)).statusCode())
                .isEqualTo(400);
        assertThat(postForm(cookie, "/ui/admin/placements", csrf + "name=Enhet&unit=MONTH").statusCode()).isEqualTo(400);
        assertThat(postForm(cookie, "/ui/admin/placements/" + placement + "/prices", csrf + "validFrom=01.01.2042&unitPrice=12,345")
                .statusCode()).as("three decimals").isEqualTo(400);
        assertThat(postForm(cookie, "/ui/admin/placements/" + placement + "/prices", csrf + "validFrom=01.01.2042&unitPrice=99999999999")
                .statusCode()).as("above the largest price").isEqualTo(400);
        assertThat(postForm(cookie, "/ui/admin/placements/" + placement + "/prices", csrf + "validFrom=02.01.2042&validTo=01.01.2042"
                + "&unitPrice=1").statusCode()).as("ends before it starts").isEqualTo(400);
        assertThat(postForm(cookie, "/ui/admin/placements/" + placement + "/prices", csrf + "validFrom=&unitPrice=1").statusCode())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/placements?limit=100").body()).doesNotContain("Lang", "Enhet");
        assertThat(admin.get("/api/v1/placements/" + placement + "/prices").body()).doesNotContain("2042");

        // an admin's own password needs the old one too, here as in the API
        var noOld = postForm(cookie, "/ui/account/password", csrf + "currentPassword=&newPassword=admin-nytt-passord"
                + "&repeatPassword=admin-nytt-passord");
        assertThat(noOld.statusCode()).isEqualTo(400);
        assertThat(noOld.body()).contains("Skriv inn det nåværende passordet ditt.");
        var ownBySetting = postForm(cookie, "/ui/admin/users/" + adminId + "/password", csrf + "newPassword=admin-nytt-passord");
        assertThat(ownBySetting.statusCode()).as("one's own is changed on the own page").isEqualTo(303);
        assertThat(ownBySetting.headers().firstValue("Location")).hasValue("/ui/account/password");
        var tooLong = postForm(cookie, "/ui/account/password", csrf + "currentPassword=admin-password&newPassword=" + "p".repeat(201)
                + "&repeatPassword=" + "p".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        staff.login("admin"); // the password is as it was

        var hostile = postForm(cookie, "/ui/admin/placements", csrf + "name=" + URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8) + "&unit=DAY");
        assertThat(hostile.statusCode()).isEqualTo(303);
        var list = getWith(cookie, "/ui/admin/placements");
        assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);

        var empty = multipart(cookie, "/ui/admin/postal-codes", csrfOf(cookie), new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Velg Bring sin postnummerfil først.");
        var utf16 = multipart(cookie, "/ui/admin/postal-codes", csrfOf(cookie), "0150\tOSLO\t0301\tOSLO\tG".getBytes(StandardCharsets.UTF_16));
        assertThat(utf16.statusCode()).isEqualTo(400);
        var oversize = multipart(cookie, "/ui/admin/postal-codes", csrfOf(cookie), new byte[1024 * 1024 + 1]);
        assertThat(oversize.statusCode()).isEqualTo(413);
        assertThat(admin.get("/api/v1/postal-codes/0150").body()).doesNotContain("FORGED");
    }

    /** A multipart form as a browser sends one: the CSRF token (none when null) and the file. */
    HttpResponse<String> multipart(String cookie, String path, String csrf, byte[] file) {
        String boundary = "----kontor" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        if (csrf != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bring.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return ApiClient.anonymous(server.getURI()).send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
