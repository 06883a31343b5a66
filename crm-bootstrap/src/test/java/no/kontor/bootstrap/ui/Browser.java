package no.kontor.bootstrap.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its driver (packages {@code chromium}, {@code chromium-driver}),
 * never a downloaded browser. {@code .ci/run} installs them when they are missing and runs with
 * {@code CI=true}, under which a missing browser fails; elsewhere the browser tests are skipped
 * with a loud message naming the one install line (docs/decisions/web-ui.md).
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static final String INSTALL = "apt-get install chromium chromium-driver";

    /**
     * Without Debian's browser: under {@code CI=true} (as {@code .ci/run} runs) the test fails;
     * elsewhere it is skipped, and says so loudly on the console with the install line, so a
     * newcomer's first run is not mistaken for a run that tested the pages.
     */
    static void requireInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "THE BROWSER TESTS DID NOT RUN: Debian's chromium and chromium-driver are not installed. Install them with: "
                + INSTALL + " (.ci/run does this)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        System.err.println("\n" + "!".repeat(100) + "\n" + message + "\n" + "!".repeat(100) + "\n");
        org.junit.jupiter.api.Assumptions.abort(message);
    }

    static ChromeDriver start() {
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=nb-NO",
                "--disable-background-networking", "--disable-component-update"); // no network here
        var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Clicks what {@code target} finds and waits until the page it leads to has replaced this one. */
    static void clickThrough(ChromeDriver browser, org.openqa.selenium.By target) {
        var page = browser.findElement(org.openqa.selenium.By.tagName("html"));
        browser.findElement(target).click();
        waitUntilGone(page);
    }

    /** Waits until {@code page} (the old page's {@code html} element) has been replaced by the next page. */
    static void waitUntilGone(org.openqa.selenium.WebElement page) {
        var deadline = java.time.Instant.now().plusSeconds(10);
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                page.isDisplayed();
                Thread.sleep(20);
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return;
            } catch (org.openqa.selenium.WebDriverException e) {
                // while the next page loads, Chromium may call the old node "not in the document" rather than stale: gone all the same
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return;
                }
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the page did not change");
    }
}
