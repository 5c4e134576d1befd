package org.dorsal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dorsal.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the report in a real browser, Debian's Chromium driven through its own chromedriver, and
 * checks what a reader sees: the title, the banner, the matrix, both charts drawn at a real size,
 * no console error, and nothing loaded from anywhere but the file itself.
 *
 * <p>A missing browser fails the build rather than skipping the test: {@code .ci/run} installs
 * Chromium and its driver first, and a report nobody checked in a browser is not checked. Both
 * paths are given to Selenium, so Selenium Manager never runs and never downloads anything
 * (the surefire configuration also sets it offline, in case).
 */
class ImpactReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL = "install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)";

    // Selenium looks for DevTools classes matching the browser's version to offer CDP, which this
    // test does not use; a Chromium newer than Selenium's list only earns a warning, silenced here.
    // Held in a field: java.util.logging keeps loggers weakly.
    private static final Logger CDP_NOISE = Logger.getLogger(
            "org.openqa.selenium.devtools.CdpVersionFinder");

    private static ChromeDriverService service;
    private static ChromeDriver browser;
    private static Path profile;
    private static Path page;
    private static Path calmPage;

    @BeforeAll
    static void openBrowser() throws IOException {
        assertThat(CHROMIUM).as(INSTALL).isExecutable();
        assertThat(CHROMEDRIVER).as(INSTALL).isExecutable();
        CDP_NOISE.setLevel(Level.SEVERE);

        Engine before = EngineConfig.host(Thresholds.defaults()).open();
        Engine after = EngineConfig.host(ImpactReportTest.LENIENT).open();
        Path out = Path.of("target", "impact-browser");
        page = write(ImpactReport.of(ImpactReportTest.tally(before, after, 3_000, 3), before, after,
                "synthetic, 3000 intakes, seed 3"), out.resolve("downgrades"));
        Engine same = EngineConfig.host(Thresholds.defaults()).open();
        calmPage = write(ImpactReport.of(ImpactReportTest.tally(before, same, 300, 3), before, same,
                "synthetic, 300 intakes, seed 3"), out.resolve("none"));

        profile = Files.createTempDirectory("dorsal-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // What works as root and offline (see the browser notes): no sandbox, no GPU, and none of the
        // background traffic Chromium would otherwise keep attempting.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1100, 1400));
    }

    private static Path write(ImpactReport report, Path dir) {
        report.write(dir);
        return dir.resolve("impact.html").toAbsolutePath();
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void the_report_renders_with_its_banner_matrix_and_charts() throws IOException {
        browser.get(page.toUri().toString());
        assertThat(browser.getTitle()).isEqualTo(
                "Dorsal impact report: content 1.1.0, spasm 7 d, stiffness 14 d \u2192 content 1.1.0, spasm 10 d, stiffness 28 d");

        WebElement banner = browser.findElement(By.id("downgrades"));
        assertThat(banner.getAttribute("class")).contains("alert");
        assertThat(banner.getText()).contains("Downgrades: read these first").contains("ROUTINE \u2192 SELF_CARE");
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(banner.getCssValue("background-color")).isNotIn("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)");

        WebElement matrix = browser.findElement(By.id("transition-matrix"));
        assertThat(matrix.findElement(By.tagName("caption")).getText()).startsWith("Transition matrix");
        assertThat(matrix.findElements(By.cssSelector("tbody tr"))).hasSize(5);
        assertThat(matrix.findElements(By.cssSelector("td.down"))).isNotEmpty();

        for (String chart : List.of("transition-chart", "fire-rate-chart")) {
            WebElement svg = browser.findElement(By.id(chart));
            assertThat(svg.getTagName()).isEqualTo("svg");
            assertThat(svg.getSize().getWidth()).as(chart).isGreaterThan(300);
            assertThat(svg.getSize().getHeight()).as(chart).isGreaterThan(200);
            assertThat(svg.findElements(By.tagName("rect"))).as(chart).hasSizeGreaterThan(8);
            assertThat(svg.getAttribute("aria-labelledby")).isNotBlank();
        }
        assertThat(browser.findElements(By.cssSelector("#transition-chart rect.down"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#changes article.example"))).isNotEmpty();
        assertThat(browser.findElement(By.id("notice")).getText()).contains("no patient data");

        assertNothingFetched();
        assertNoConsoleErrors();

        Path shot = Path.of("target", "impact-report.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void a_change_without_downgrades_says_so() {
        browser.get(calmPage.toUri().toString());
        WebElement banner = browser.findElement(By.id("downgrades"));
        assertThat(banner.getAttribute("class")).contains("ok");
        assertThat(banner.getText()).contains("No downgrades");
        assertThat(browser.findElement(By.id("fire-rate-chart")).getSize().getHeight()).isPositive();
        assertNothingFetched();
        assertNoConsoleErrors();
    }

    @Test
    void the_checks_would_see_a_fetch_or_an_error() {
        browser.get(page.toUri().toString());
        assertNoConsoleErrors();
        // The page's Content-Security-Policy must refuse an outside image, and the refusal must reach
        // the log this test reads; otherwise "no console errors" would prove nothing.
        ((JavascriptExecutor) browser).executeScript(
                "const i = document.createElement('img'); i.src = 'https://example.invalid/x.png'; document.body.append(i);"
                        + " console.error('dorsal-control');");
        List<LogEntry> entries = severe();
        assertThat(entries).extracting(LogEntry::getMessage).anyMatch(m -> m.contains("dorsal-control"));
        assertThat(entries).extracting(LogEntry::getMessage).anyMatch(m -> m.contains("Content Security Policy"));
    }

    private static void assertNothingFetched() {
        JavascriptExecutor js = browser;
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) js.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat(resources).as("resources the page loaded").isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> references = (List<Map<String, String>>) js.executeScript(
                "const out = [];"
                        + " for (const e of document.querySelectorAll('*')) {"
                        + "   for (const a of ['src', 'href', 'xlink:href', 'srcset', 'poster', 'action', 'data']) {"
                        + "     const v = e.getAttribute(a); if (v !== null) out.push({tag: e.tagName, attr: a, value: v});"
                        + "   }"
                        + " }"
                        + " for (const s of document.styleSheets) { if (s.href) out.push({tag: 'stylesheet', attr: 'href', value: s.href}); }"
                        + " return out;");
        assertThat(references).allSatisfy(r -> assertThat(r.get("value")).as("%s %s", r.get("tag"), r.get("attr")).startsWith("#"));
    }

    private static void assertNoConsoleErrors() {
        assertThat(severe()).as("SEVERE browser console entries").isEmpty();
    }

    private static List<LogEntry> severe() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }
}
