package no.kontor.bootstrap.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its driver (packages {@code chromium}, {@code chromium-driver}),
 * never a downloaded browser. {@code .ci/run} installs them when they are missing; a run
 * without them fails, naming the one install line, rather than pass or skip in silence.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("THE BROWSER TESTS CANNOT RUN: Debian's chromium and chromium-driver are not installed. "
                    + "Install them with: apt-get install chromium chromium-driver (.ci/run does this)");
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
        var deadline = java.time.Instant.now().plusSeconds(10);
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                page.isDisplayed();
                Thread.sleep(20);
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the page did not change after clicking " + target);
    }
}
