package org.dorsal.examples.cds.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.dorsal.Assessment;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.Recommendation;
import org.dorsal.State;
import org.dorsal.Subject;
import org.dorsal.examples.cds.CdsServer;
import org.dorsal.fhir.FhirChecks;
import org.dorsal.fhir.FormFill;
import org.dorsal.fhir.Samples;
import org.dorsal.testkit.RandomIntakes;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A third-party FHIR renderer in the suite: NLM's LHC-Forms (npm {@code lforms}, locked in
 * package-lock.json) renders the Questionnaire the running service publishes, in Debian's
 * Chromium; a scripted patient fills it by clicking and typing, for every sample intake and for
 * seeded random ones; LHC-Forms exports the QuestionnaireResponse, HAPI's validator (with the
 * Questionnaire loaded) finds no error in it, and the service's FHIR {@code $assess} answers it
 * exactly as {@code POST /assess} answers the same answers as intake JSON.
 *
 * <p>The page and LHC-Forms' built files are served by a small server of the test's own on
 * loopback (module scripts do not load from file://); the Questionnaire comes from the service.
 */
class LhcFormsTest {
    static final long SEED = 10;
    static final int RANDOM_INTAKES = 8;
    private static final Path LFORMS = Chromium.NODE_MODULES.resolve("lforms/dist/lforms");
    /**
     * Written under target/ so that a test run leaves the checkout clean; docs/interview/lhc-forms.png
     * is a copy of it, refreshed by hand when the form changes.
     */
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "lhc-forms.png");
    private static final String YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136";
    private static final String DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    @TempDir
    static Path dir;
    static CdsServer service;
    static HttpServer assets;
    static Chromium chromium;
    static HttpClient http = HttpClient.newHttpClient();
    static String questionnaireJson;
    static Questionnaire form;

    @BeforeAll
    static void start() throws IOException {
        service = CdsServer.start(0, dir.resolve("feedback.jsonl"));
        assets = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        assets.createContext("/", LhcFormsTest::serve);
        assets.start();
        HttpResponse<String> q = get("/fhir/Questionnaire/dorsal-intake");
        assertThat(q.statusCode()).isEqualTo(200);
        questionnaireJson = q.body();
        form = FhirChecks.parse(Questionnaire.class, questionnaireJson);
        chromium = Chromium.open(1280, 1000);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            assets.stop(0);
            service.close();
        }
    }

    // --- what a patient sees -------------------------------------------------------------------

    @Test
    void lhc_forms_shows_sections_radio_buttons_dont_know_and_help() {
        render();
        WebDriver d = chromium.driver();
        for (QuestionnaireItemComponent group : form.getItem()) {
            if (group.getType() == Questionnaire.QuestionnaireItemType.GROUP) {
                WebElement section = d.findElement(By.id("item-" + group.getLinkId() + "/1"));
                assertThat(section.getAttribute("class")).contains("lhc-item-group");
                assertThat(section.findElement(By.id("label-" + group.getLinkId() + "/1")).getText()).isEqualTo(group.getText());
            }
        }
        for (QuestionnaireItemComponent item : FormFill.questions(form)) {
            WebElement shown = d.findElement(By.id("item-" + item.getLinkId() + "/1/1"));
            if (item.getType() == Questionnaire.QuestionnaireItemType.CHOICE) {
                assertThat(shown.findElements(By.cssSelector("input[type=radio]"))).as(item.getLinkId()).hasSize(3);
                assertThat(shown.findElements(By.cssSelector("select, [role=combobox]"))).as(item.getLinkId()).isEmpty();
                assertThat(optionLabel(item.getLinkId(), DATA_ABSENT, "asked-unknown").getText()).isEqualTo("Don't know");
                assertThat(optionLabel(item.getLinkId(), YES_NO, "Y").getText()).isEqualTo("Yes");
                assertThat(optionLabel(item.getLinkId(), YES_NO, "N").getText()).isEqualTo("No");
            }
            if (FhirChecks.DORSAL.redFlagFindings().keySet().stream().anyMatch(f -> f.name().equals(item.getLinkId()))) {
                assertThat(shown.findElements(By.cssSelector("button.lhc-help-button"))).as(item.getLinkId()).hasSize(1);
            }
        }
        String page = d.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Don't know").doesNotContain("Asked But Unknown")
                .contains("a blank answer counts as \u201cDon't know\u201d");

        chromium.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1000, 1400));
        answer("MUSCLE_SPASM", State.PRESENT);
        answer("DIZZINESS_OR_VERTIGO", State.ABSENT);
        answer("VISUAL_DISTURBANCE", State.UNKNOWN);
        d.findElement(By.cssSelector(".lhc-form-title")).click();   // nothing focused, nothing highlighted
        chromium.screenshot(SCREENSHOT);
        chromium.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void the_neck_movement_follow_up_is_hidden_after_no_and_shown_after_yes() {
        render();
        String link = "SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA";
        assertThat(shown(link)).as("before any answer").isTrue();
        answer("DIZZINESS_OR_VERTIGO", State.ABSENT);
        assertThat(shown(link)).as("dizziness no, visual disturbance unanswered").isTrue();
        answer("VISUAL_DISTURBANCE", State.ABSENT);
        assertThat(shown(link)).as("both no").isFalse();
        answer("DIZZINESS_OR_VERTIGO", State.PRESENT);
        assertThat(shown(link)).as("dizziness yes").isTrue();
        answer("DIZZINESS_OR_VERTIGO", State.ABSENT);
        assertThat(shown(link)).as("both no again").isFalse();
        answer("VISUAL_DISTURBANCE", State.UNKNOWN);
        assertThat(shown(link)).as("visual disturbance don't know").isTrue();

        assertThat(shown("selfCareDays")).isTrue();
        answer("NECK_STIFFNESS", State.ABSENT);
        answer("UPPER_BACK_STIFFNESS", State.ABSENT);
        assertThat(shown("selfCareDays")).as("no stiffness of either kind").isFalse();
        answer("UPPER_BACK_STIFFNESS", State.PRESENT);
        assertThat(shown("selfCareDays")).as("upper back stiffness").isTrue();
    }

    // --- filled, exported, validated, assessed ----------------------------------------------------

    @Test
    void every_sample_and_seeded_random_intakes_filled_in_lhc_forms_are_assessed_as_by_assess() {
        List<String> names = new ArrayList<>();
        List<Intake> targets = new ArrayList<>();
        Samples.ALL.forEach(s -> {
            names.add(s.name());
            targets.add(s.intake());
        });
        RandomIntakes random = RandomIntakes.seeded(SEED, FhirChecks.DORSAL.thresholds());
        for (int i = 0; i < RANDOM_INTAKES; i++) {
            names.add("seed " + SEED + " intake " + i);
            targets.add(random.get(i));
        }
        int matched = 0;
        int hiddenAnswers = 0;
        int[] unknownTurn = {0};
        for (int i = 0; i < targets.size(); i++) {
            String name = names.get(i);
            Intake target = targets.get(i);
            render();
            Intake entered = fill(target, unknownTurn);
            // LHC-Forms shows and hides what R4's enableWhen says, as Dorsal's own reading of it does.
            assertThat(entered).as(name).isEqualTo(FormFill.visible(form, target));
            hiddenAnswers += answered(target) - answered(entered);

            String exported = (String) ((JavascriptExecutor) chromium.driver()).executeScript(
                    "return JSON.stringify(LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', document.getElementById('form')));");
            QuestionnaireResponse qr = FhirChecks.parse(QuestionnaireResponse.class, exported);
            // LHC-Forms stamps a profile HAPI does not know (notes in docs/integration.md).
            qr.setMeta(null);
            assertThat(FhirChecks.errors(qr)).as(name + ": " + exported).isEmpty();
            assertThat(FhirChecks.MAPPINGS.intake(qr)).as(name).isEqualTo(entered);

            HttpResponse<String> fhir = post("/fhir/QuestionnaireResponse/$assess", "application/fhir+json", FhirChecks.json(qr));
            assertThat(fhir.statusCode()).as(name + ": " + fhir.body()).isEqualTo(200);
            HttpResponse<String> json = post("/assess", "application/json", DorsalJson.writeIntake(entered));
            assertThat(json.statusCode()).as(name + ": " + json.body()).isEqualTo(200);
            Assessment viaJson = DorsalJson.readAssessment(json.body());
            GuidanceResponse viaFhir = FhirChecks.parse(GuidanceResponse.class, fhir.body());
            viaFhir.setOccurrenceDateTimeElement(null);
            assertThat(viaFhir.equalsDeep(FhirChecks.MAPPINGS.guidanceResponse(viaJson, qr.getSubject()))).as(name).isTrue();
            // And what the form hid changed nothing that matters.
            Assessment whole = FhirChecks.DORSAL.assess(target);
            assertThat(viaJson.disposition()).as(name).isEqualTo(whole.disposition());
            assertThat(viaJson.provisional()).as(name).isEqualTo(whole.provisional());
            assertThat(viaJson.recommendations()).as(name).extracting(Recommendation::id)
                    .containsExactlyElementsOf(whole.recommendations().stream().map(Recommendation::id).toList());
            matched++;
        }
        System.out.printf("LhcFormsTest: %d intakes (%d samples, %d of seed %d) filled in LHC-Forms, exported, validated"
                        + " with 0 errors and assessed as POST /assess; %d answers hidden by enableWhen%n",
                matched, Samples.ALL.size(), RANDOM_INTAKES, SEED, hiddenAnswers);
        assertThat(matched).isEqualTo(Samples.ALL.size() + RANDOM_INTAKES);
        assertThat(hiddenAnswers).as("some answers were hidden, so the check of enableWhen meant something").isPositive();
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    // --- driving the page ----------------------------------------------------------------------

    /** A bounded wait that looks often: the page settles in tens of milliseconds, most of the time. */
    private static WebDriverWait waiting(WebDriver d, int seconds) {
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofMillis(25));
        return wait;
    }

    /** A fresh page with the service's Questionnaire rendered by LHC-Forms. */
    private static void render() {
        WebDriver d = chromium.driver();
        d.get("http://127.0.0.1:" + assets.getAddress().getPort() + "/lhc-forms.html");
        JavascriptExecutor js = (JavascriptExecutor) d;
        waiting(d, 30).until(x -> (Boolean) js.executeScript(
                "return !!(window.LForms && LForms.Util && LForms.Util.getFormFHIRData && LForms.Util.addFormToPage);"));
        Object error = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "LForms.Util.addFormToPage(JSON.parse(arguments[0]), 'form', {fhirVersion: 'R4'})"
                + ".then(() => done(null), e => done(String(e)));", questionnaireJson);
        assertThat(error).as("LHC-Forms rendering the Questionnaire").isNull();
        waiting(d, 30).until(x -> !x.findElements(By.id("item-AWKWARD_LIFT_OR_TWIST/1/1")).isEmpty());
    }

    /** Answers as a patient would, in the form's order; returns what was entered. */
    private static Intake fill(Intake target, int[] unknownTurn) {
        Intake.Builder entered = Intake.builder();
        for (QuestionnaireItemComponent item : FormFill.questions(form)) {
            String linkId = item.getLinkId();
            if (!shown(linkId)) {
                continue;
            }
            Subject subject = Subject.parse(linkId).orElseThrow();
            if (subject instanceof Quantity q) {
                OptionalInt value = target.quantity(q);
                if (value.isPresent()) {
                    type(item, value.getAsInt());
                    entered.quantity(q, value);
                }
                continue;
            }
            State state = target.state((Finding) subject);
            // Unknown alternates between a blank answer and "Don't know": both are read as unknown.
            if (state == State.UNKNOWN && unknownTurn[0]++ % 2 == 0) {
                continue;
            }
            answer(linkId, state);
            entered.answer((Finding) subject, state);
        }
        return entered.build();
    }

    private static WebElement optionLabel(String linkId, String system, String code) {
        return chromium.driver().findElement(By.id(linkId + "/1/1|" + system + "|" + code));
    }

    private static void answer(String linkId, State state) {
        WebElement label = switch (state) {
            case PRESENT -> optionLabel(linkId, YES_NO, "Y");
            case ABSENT -> optionLabel(linkId, YES_NO, "N");
            case UNKNOWN -> optionLabel(linkId, DATA_ABSENT, "asked-unknown");
        };
        label.click();
        // One round trip to the browser, not two: a form is some 150 of them, at tens of ms each here.
        assertThat((Boolean) ((JavascriptExecutor) chromium.driver()).executeScript(
                "return arguments[0].querySelector('input[type=radio]').checked;", label)).as(linkId).isTrue();
    }

    private static boolean shown(String linkId) {
        // As WebElement.isDisplayed would say, in one round trip instead of two.
        return (Boolean) ((JavascriptExecutor) chromium.driver()).executeScript(
                "const e = document.getElementById(arguments[0]);"
                        + "return !!e && e.checkVisibility({opacityProperty: true, visibilityProperty: true});",
                "item-" + linkId + "/1/1");
    }

    /**
     * Types {@code value} (in the intake's unit) in the largest unit the item offers that it is a
     * whole number of, as a person would say it ("3 days" rather than "72 hours").
     */
    private static void type(QuestionnaireItemComponent item, int value) {
        List<Coding> units = item.getExtensionsByUrl("http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption")
                .stream().map(e -> (Coding) e.getValue()).toList();
        // Each offered unit in the first one (the intake's): the test's own table, not the mapping's.
        Map<String, Integer> hours = Map.of("h", 1, "d", 24, "wk", 168);
        int first = hours.get(units.get(0).getCode());
        java.util.function.ToIntFunction<Coding> factor = u -> hours.get(u.getCode()) / first;
        Coding unit = units.get(0);
        for (Coding u : units) {
            if (value != 0 && value % factor.applyAsInt(u) == 0 && factor.applyAsInt(u) > factor.applyAsInt(unit)) {
                unit = u;
            }
        }
        WebDriver d = chromium.driver();
        WebElement number = d.findElement(By.id(item.getLinkId() + "/1/1"));
        number.click();
        number.sendKeys(String.valueOf(value / factor.applyAsInt(unit)));
        WebElement unitField = d.findElement(By.id("unit_" + item.getLinkId() + "/1/1"));
        unitField.click();
        unitField.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        unitField.sendKeys(unit.getDisplay());
        // LHC-Forms' unit list numbers its entries ("2:  day").
        String wanted = unit.getDisplay();
        // The list is redrawn as the patient types: look again until the entry holds still to be clicked.
        waiting(d, 10).ignoring(StaleElementReferenceException.class).until(x -> {
            WebElement choice = x.findElements(By.cssSelector("#lhc-tools-searchResults li")).stream()
                    .filter(li -> li.isDisplayed() && li.getText().replaceFirst("^\\d+:\\s*", "").trim().equals(wanted))
                    .findFirst().orElse(null);
            if (choice == null) {
                return false;
            }
            choice.click();
            return true;
        });
        assertThat(unitField.getAttribute("value")).as(item.getLinkId()).isEqualTo(wanted);
    }

    private static int answered(Intake intake) {
        return intake.findings().size() + (int) Stream.of(Quantity.values()).filter(q -> intake.quantity(q).isPresent()).count();
    }

    // --- the two servers -----------------------------------------------------------------------

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(service.baseUri().resolve(path)).GET().build());
    }

    private static HttpResponse<String> post(String path, String type, String body) {
        return send(HttpRequest.newBuilder(service.baseUri().resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test page, and LHC-Forms' built files under /lforms/, nothing else. */
    private static void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URI.create(ex.getRequestURI().getRawPath()).normalize().getPath();
            byte[] body;
            String type;
            if (path.equals("/lhc-forms.html")) {
                try (InputStream in = LhcFormsTest.class.getResourceAsStream("/browser/lhc-forms.html")) {
                    body = in.readAllBytes();
                }
                type = "text/html; charset=utf-8";
            } else if (path.startsWith("/lforms/") && !path.contains("..")) {
                Path file = LFORMS.resolve(path.substring("/lforms/".length())).normalize();
                if (!file.startsWith(LFORMS) || !Files.isRegularFile(file)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                body = Files.readAllBytes(file);
                type = path.endsWith(".js") ? "text/javascript; charset=utf-8"
                        : path.endsWith(".css") ? "text/css; charset=utf-8"
                        : path.endsWith(".png") ? "image/png"
                        : path.endsWith(".ico") ? "image/x-icon"
                        : "application/octet-stream";
            } else {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }
}
