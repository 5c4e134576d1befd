package org.dorsal.examples.cds.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: the one browser of the CDS
 * service's browser suites, and the page-side tools they inject (axe-core, from the locked npm
 * packages the build installs).
 *
 * <p>A missing browser fails the test rather than skipping it: {@code .ci/run} installs Chromium
 * and its driver first. Both paths are given to Selenium, so Selenium Manager never runs and never
 * downloads anything (surefire also sets it offline, in case).
 */
public final class Chromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** The npm packages {@code npm ci} installs during the build (package-lock.json). */
    public static final Path NODE_MODULES = Path.of("node_modules").toAbsolutePath();
    private static final String INSTALL =
            "install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)";

    // Selenium looks for DevTools classes matching the browser's version to offer CDP, which these
    // tests do not use; a Chromium newer than Selenium's list only earns a warning, silenced here.
    // Held in a field: java.util.logging keeps loggers weakly.
    private static final Logger CDP_NOISE = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser with an empty profile and a window of the given size in CSS pixels. */
    public static Chromium open(int width, int height) {
        assertThat(BINARY).as(INSTALL).isExecutable();
        assertThat(DRIVER).as(INSTALL).isExecutable();
        CDP_NOISE.setLevel(Level.SEVERE);
        try {
            Path profile = Files.createTempDirectory("dorsal-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            // What works as root and offline: no sandbox, no GPU, and none of the background
            // traffic Chromium would otherwise keep attempting.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().window().setSize(new Dimension(width, height));
            return new Chromium(service, driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Runs axe-core on the page as it is now, for WCAG 2.0 and 2.1 levels A and AA, and returns
     * the violations (each a map as axe reports it: id, impact, help, nodes).
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> axeViolations() {
        String axe = read(NODE_MODULES.resolve("axe-core/axe.min.js"));
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(r.violations), e => done([{id: 'axe-error', help: String(e), nodes: []}]));");
        return (List<Map<String, Object>>) result;
    }

    /** Writes a PNG of the viewport. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's SEVERE entries so far (errors a patient would never see but a test should). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    static String read(Path file) {
        assertThat(file).as("%s: the build's npm ci installs it (examples/cds-service/package-lock.json)", file).isRegularFile();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A profile left in /tmp is harmless; the test's outcome is what matters.
            }
        }
    }
}
