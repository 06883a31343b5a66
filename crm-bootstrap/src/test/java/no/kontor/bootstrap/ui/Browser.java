package no.kontor.bootstrap.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its driver (packages {@code chromium}, {@code chromium-driver}),
 * never a downloaded browser. {@code .ci/run} installs them when they are missing; a run without
 * them fails, naming the one install line, rather than pass or skip.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static final String INSTALL = "apt-get install chromium chromium-driver";

    /**
     * Without Debian's browser the browser tests fail, naming the one install line: a skipped
     * browser test proves nothing about the pages, so no run passes without them
     * (docs/decisions/web-ui.md).
     */
    static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("THE BROWSER TESTS CANNOT RUN: Debian's chromium and chromium-driver are not installed. "
                    + "Install them with: " + INSTALL + " (.ci/run does this)");
        }
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
