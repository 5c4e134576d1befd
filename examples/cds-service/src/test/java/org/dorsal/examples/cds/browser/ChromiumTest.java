package org.dorsal.examples.cds.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser suites' tool itself: axe-core finds a violation when there is one, and none when there is none. */
class ChromiumTest {
    @TempDir
    Path dir;

    @Test
    void axe_reports_an_unlabelled_control_and_passes_a_labelled_one() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.html"),
                "<!doctype html><html lang=en><head><title>t</title></head><body><main><input type=text></main></body></html>");
        Path good = Files.writeString(dir.resolve("good.html"),
                "<!doctype html><html lang=en><head><title>t</title></head><body><main><h1>Form</h1>"
                        + "<label for=a>Name</label><input id=a type=text></main></body></html>");
        try (Chromium chromium = Chromium.open(800, 600)) {
            chromium.driver().get(bad.toUri().toString());
            assertThat(chromium.axeViolations()).extracting(v -> v.get("id")).contains("label");
            chromium.driver().get(good.toUri().toString());
            assertThat(chromium.axeViolations()).isEmpty();
        }
    }
}
