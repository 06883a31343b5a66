package no.kontor.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import com.deque.html.axecore.selenium.AxeBuilder;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.bootstrap.TestStaff;

/**
 * What a journey in the browser needs: the server, staff users, one headless Chromium for the
 * class, logging in through the login page, an accessibility check (axe-core: no serious or
 * critical violation) and a screenshot. A subclass is a {@code @MicronautTest(transactional =
 * false)} with {@code @TestInstance(PER_CLASS)}.
 */
abstract class Journey implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;

    ChromeDriver browser;
    String base;

    @BeforeAll
    void startBrowser() {
        Browser.requireInstalled();
        base = server.getURI().toString().replaceAll("/$", "");
        browser = Browser.start();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens {@code path} (starting with {@code /}). */
    void open(String path) {
        browser.get(base + path);
    }

    /** Logs {@code username} in through the login page (password {@code <username>-password}), after logging out whoever was. */
    void logInAs(String username) {
        open("/ui/login");
        browser.manage().deleteAllCookies();
        open("/ui/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username + "-password");
        Browser.clickThrough(browser, By.cssSelector("main form button"));
        assertThat(browser.getCurrentUrl()).as("logged in").doesNotEndWith("/ui/login");
    }

    void clickThrough(By target) {
        Browser.clickThrough(browser, target);
    }

    String text(By target) {
        return browser.findElement(target).getText();
    }

    /** The page has no serious or critical accessibility violation (axe-core's rules, WCAG 2.1 AA). */
    void accessible() {
        var results = new AxeBuilder().withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(browser);
        var serious = results.getViolations().stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertThat(serious).as("axe-core on " + browser.getCurrentUrl()).isEmpty();
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png} (docs/screenshots holds the chosen ones). */
    void screenshot(String name) {
        try {
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "screenshots", name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The staff session cookie ({@code kontor_ui=…}) of {@code username}, logged in over plain HTTP. */
    String sessionCookie(String username) {
        var login = ApiClient.anonymous(server.getURI()).send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + username + "-password"))
                .build());
        assertThat(login.statusCode()).isEqualTo(303);
        return login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    /** The CSRF token that goes with a session cookie: what the pages print in their forms. */
    static String csrfOf(String cookie) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(cookie.substring(cookie.indexOf('=') + 1).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** POSTs a form body to {@code path} with the session {@code cookie}, as a hand-made request would (no browser). */
    HttpResponse<String> postForm(String cookie, String path, String body) {
        return ApiClient.anonymous(server.getURI()).send(java.net.http.HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> getWith(String cookie, String path) {
        return ApiClient.anonymous(server.getURI()).send(java.net.http.HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", cookie).GET().build());
    }
}
