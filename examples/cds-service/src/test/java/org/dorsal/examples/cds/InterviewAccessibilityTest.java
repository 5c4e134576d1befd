package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dorsal.Dorsal;
import org.dorsal.examples.cds.browser.Chromium;
import org.dorsal.fhir.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * axe-core (WCAG 2.0 and 2.1, A and AA) on every screen of the web interview, 320 px wide and at a
 * desktop width, and in print; nothing wider than the window at 320 px. The screenshots of the
 * question, the emergency screen and the result go to target/screenshots/, so that a test run
 * leaves the checkout clean; docs/interview/ holds copies, refreshed by hand when the page changes.
 */
class InterviewAccessibilityTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP = 1280;

    /** Built here, not taken from FhirChecks, so that these tests do not wait for HAPI's validator. */
    static final Dorsal DORSAL = Dorsal.builder().build();
    @RegisterExtension
    static final RunningService SERVICE = new RunningService(DORSAL);
    static Chromium chromium;
    static InterviewPage page;
    /** Every screen checked, for the report: "320 question", ... */
    static final List<String> checked = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        chromium = Chromium.open(DESKTOP, 900);
        page = new InterviewPage(chromium, SERVICE.server().baseUri());
    }

    @AfterAll
    static void stop() throws IOException {
        System.out.printf("web interview: axe-core found 0 WCAG 2.1 A/AA violations on %d screens: %s%n", checked.size(), checked);
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {320, DESKTOP})
    void every_screen_passes_axe_and_fits_the_width(int width) {
        String size = width == DESKTOP ? "desktop" : Integer.toString(width);
        chromium.driver().manage().window().setSize(new Dimension(width, width == DESKTOP ? 900 : 640));
        page.open();
        assertThat(chromium.driver().executeScript("return window.innerWidth")).isEqualTo((long) width);
        check(size, "start");

        page.start();
        assertThat(page.subject()).isEqualTo("SEVERE_SUDDEN_HEADACHE");
        assertThat(chromium.driver().findElement(By.cssSelector(".help")).isDisplayed()).as("help shown").isTrue();
        check(size, "question with help");
        screenshot("question-" + size, false);
        page.driver().findElement(By.cssSelector("input[value=absent]")).click();
        check(size, "question answered");

        page.answer("present");
        assertThat(page.screen()).isEqualTo("emergency");
        check(size, "emergency");
        screenshot("emergency-" + size, false);
        printed(size, "emergency");

        // A duration question, then refused input on it.
        page.back();
        page.answer("absent");
        while (!page.subject().equals("hoursSinceOnset")) {
            page.answer(page.subject().equals("MUSCLE_SPASM") ? "present" : "absent");
        }
        check(size, "duration question");
        page.refusedDuration("2.5", "hour");
        check(size, "duration refused");

        // Results of each kind: self-care, routine, urgent, provisional.
        for (String sample : new String[] {"urgent-radiculopathy", "provisional-spasm", "self-care-spasm", "routine-stiffness"}) {
            new ScriptedPatient(Samples.named(sample).intake(), new Random(7), ScriptedPatient.Hands.SCRIPT).complete(page);
            assertThat(page.screen()).isEqualTo("result");
            check(size, "result " + sample);
        }
        assertThat(page.shown().disposition()).isEqualTo("ROUTINE");
        screenshot("result-" + size, true);
        printed(size, "result");
        if (width == DESKTOP) {
            media("print");
            screenshot("result-print", true);
            media("");
        }
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    /** The same page as printed: axe again, and no buttons on paper. */
    private static void printed(String size, String screen) {
        media("print");
        assertThat(chromium.driver().executeScript("return matchMedia('print').matches")).isEqualTo(true);
        assertThat(chromium.driver().findElements(By.tagName("button"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        check(size, screen + " printed");
        media("");
    }

    /** Emulates a CSS media type through the DevTools protocol ("print", or "" for the screen again). */
    private static void media(String type) {
        chromium.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", type));
    }

    private static void check(String size, String screen) {
        List<Map<String, Object>> violations = chromium.axeViolations();
        assertThat(violations).as("axe-core on %s at %s: %s", screen, size, describe(violations)).isEmpty();
        Object overflow = chromium.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("%s at %s: nothing wider than the window", screen, size).isEqualTo(0L);
        checked.add(size + " " + screen);
    }

    @SuppressWarnings("unchecked")
    private static String describe(List<Map<String, Object>> violations) {
        StringBuilder s = new StringBuilder();
        for (Map<String, Object> v : violations) {
            s.append("\n  ").append(v.get("id")).append(": ").append(v.get("help"));
            for (Map<String, Object> node : (List<Map<String, Object>>) v.get("nodes")) {
                s.append("\n    ").append(node.get("target")).append(" ").append(node.get("failureSummary"));
            }
        }
        return s.toString();
    }

    /** A PNG of the viewport, or of the whole page; written only when it differs from the file there. */
    private static void screenshot(String name, boolean wholePage) {
        Dimension window = chromium.driver().manage().window().getSize();
        try {
            if (wholePage) {
                long height = (Long) chromium.driver().executeScript("return document.documentElement.scrollHeight");
                chromium.driver().manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height, 6000)));
            }
            byte[] png = chromium.driver().getScreenshotAs(OutputType.BYTES);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(SCREENSHOTS);
            if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), png)) {
                Files.write(file, png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            chromium.driver().manage().window().setSize(window);
        }
    }
}
