package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.examples.cds.browser.Chromium;
import org.dorsal.fhir.Samples;
import org.dorsal.testkit.RandomIntakes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The web interview in Debian's Chromium against a real service on a loopback port: scripted
 * patients answer it for every sample intake and for seeded random ones, and what the page shows
 * must equal {@code POST /assess} of the answers they gave; keyboard alone; the emergency screen;
 * Back and Change; durations refused as the command line refuses them; nothing kept anywhere.
 * One browser for the whole class.
 */
class InterviewBrowserTest {
    /** Override with -Ddorsal.interview.seed=N to replay another population. */
    static final long SEED = Long.getLong("dorsal.interview.seed", 20_261_206L);
    static final int RANDOM_PATIENTS = 12;
    static final Path CLI_SAMPLES = Path.of("..", "intake");
    static final Path DOCS_INTAKE = Path.of("..", "..", "docs", "examples", "intake.json");

    /** Built here, not taken from FhirChecks, so that these tests do not wait for HAPI's validator. */
    static final Dorsal DORSAL = Dorsal.builder().build();
    @TempDir
    static Path dir;
    @RegisterExtension
    static final RunningService SERVICE = new RunningService(DORSAL);
    static Chromium chromium;
    static InterviewPage page;
    static final AtomicInteger matched = new AtomicInteger();
    static final AtomicInteger questionsAnswered = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        chromium = Chromium.open(1024, 800);
        page = new InterviewPage(chromium, SERVICE.server().baseUri());
    }

    @AfterAll
    static void stop() throws IOException {
        System.out.printf("web interview: %d scripted interviews matched POST /assess (%d questions answered; random seed %d)%n",
                matched.get(), questionsAnswered.get(), SEED);
        if (chromium != null) {
            chromium.close();
        }
    }

    /** docs/examples/intake.json, the command line's samples (examples/intake) and rules-fhir's sample intakes. */
    static Stream<Arguments> samples() throws IOException {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("docs/examples/intake.json", DorsalJson.readIntake(Files.readAllBytes(DOCS_INTAKE))));
        try (Stream<Path> files = Files.list(CLI_SAMPLES)) {
            files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> all.add(Arguments.of(
                    "examples/intake/" + f.getFileName(), read(f))));
        }
        Samples.ALL.forEach(s -> all.add(Arguments.of("rules-fhir intakes/" + s.name(), s.intake())));
        assertThat(all).hasSize(1 + 8 + 8);
        return all.stream();
    }

    private static Intake read(Path file) {
        try {
            return DorsalJson.readIntake(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_patient_with_a_sample_intake_gets_what_assess_says_of_the_answers_given(String name, Intake intake) {
        // The first sample by WebDriver's mouse clicks, the others through the page's controls in one
        // script per question (the keyboard, emergency and Back/Change tests use WebDriver's input too).
        ScriptedPatient.Hands hands = name.equals("docs/examples/intake.json") ? ScriptedPatient.Hands.MOUSE : ScriptedPatient.Hands.SCRIPT;
        ScriptedPatient patient = new ScriptedPatient(intake, new Random(name.hashCode()), hands);
        patient.complete(page);
        assertShowsAssessmentOf(patient, name);
    }

    @Test
    void seeded_random_patients_get_what_assess_says_of_the_answers_given() {
        System.out.printf("web interview: %d random patients, RandomIntakes seed %d%n", RANDOM_PATIENTS, SEED);
        RandomIntakes intakes = RandomIntakes.seeded(SEED, DORSAL.thresholds());
        Random choices = new Random(SEED);
        long answering = 0;
        long checking = 0;
        for (int i = 0; i < RANDOM_PATIENTS; i++) {
            Intake intake = intakes.get(i);
            ScriptedPatient patient = new ScriptedPatient(intake, choices, ScriptedPatient.Hands.SCRIPT);
            long t0 = System.nanoTime();
            patient.complete(page);
            long t1 = System.nanoTime();
            assertShowsAssessmentOf(patient, "seed " + SEED + " intake " + i + " " + DorsalJson.writeIntake(intake).replaceAll("\\s+", ""));
            answering += t1 - t0;
            checking += System.nanoTime() - t1;
        }
        // Measured, not asserted: the machine's load decides it.
        System.out.printf("web interview: random patients took %d ms answering, %d ms checking against POST /assess%n",
                answering / 1_000_000, checking / 1_000_000);
    }

    @Test
    void a_patient_completes_the_interview_with_the_keyboard_alone() {
        // Every kind of answer: yes, no, "Don't know", a blank, a duration in another unit, the Don't know button.
        Intake intake = DorsalJson.readIntake("""
                {"hoursSinceOnset": 72, "findings": {"SEVERE_SUDDEN_HEADACHE": "absent", "DIZZINESS_OR_VERTIGO": "absent",
                 "VISUAL_DISTURBANCE": "absent", "BOWEL_OR_BLADDER_CONTROL_LOSS": "absent", "FEVER_OR_CHILLS": "absent",
                 "UNEXPLAINED_WEIGHT_LOSS": "absent", "RADIATING_ARM_PAIN": "absent", "NUMBNESS_OR_TINGLING": "absent",
                 "ARM_OR_HAND_WEAKNESS": "unknown", "MUSCLE_SPASM": "present", "NECK_STIFFNESS": "present",
                 "SELF_CARE_TRIED": "present", "PROLONGED_SITTING_OR_SCREEN": "present"}}""");
        for (long seed = 1; seed <= 2; seed++) {
            ScriptedPatient patient = new ScriptedPatient(intake, new Random(seed), ScriptedPatient.Hands.KEYBOARD);
            patient.complete(page);
            assertShowsAssessmentOf(patient, "keyboard, seed " + seed);
        }
        // Change an answer with the keyboard too: Tab to the first Change, Enter, answer, Tab on.
        page.tabTo("[data-action=change]", false);
        page.pressToChangeScreen(Keys.ENTER);
        assertThat(page.subject()).isEqualTo("SEVERE_SUDDEN_HEADACHE");
        assertThat(page.checkedState()).as("the earlier answer is filled in").isEqualTo("absent");
        page.tabTo("input[name=answer]:checked", false);
        page.press(Keys.ARROW_UP);
        assertThat(page.checkedState()).isEqualTo("present");
        page.tabTo("[data-action=next]", false);
        page.pressToChangeScreen(Keys.ENTER);
        assertThat(page.screen()).isEqualTo("emergency");
        assertThat(page.focusedTag()).as("focus on the emergency heading").isEqualTo("h1");
    }

    @Test
    void an_emergency_answer_replaces_the_page_at_once_and_back_undoes_it() {
        page.open();
        page.start();
        assertThat(page.subject()).as("the knowledge base asks the most severe first").isEqualTo("SEVERE_SUDDEN_HEADACHE");
        page.answer("present");

        assertThat(page.screen()).isEqualTo("emergency");
        assertThat(page.heading()).isEqualTo("Call emergency services now");
        assertThat(page.focusedTag()).isEqualTo("h1");
        assertThat(page.driver().getTitle()).startsWith("Call emergency services now");
        assertThat(page.driver().findElements(By.cssSelector("form.question"))).as("no question left on the page").isEmpty();
        assertThat(page.mainText()).contains("Call your local emergency number now. Do not drive yourself.")
                .contains("This is decision support, not a diagnosis.");
        ObjectNode answers = Client.object("{\"findings\": {\"SEVERE_SUDDEN_HEADACHE\": \"present\"}}");
        assertShows(answers, "the emergency screen");
        assertThat(page.shown().redFlags()).containsExactly("RF-THUNDERCLAP-HEADACHE");

        page.back();
        assertThat(page.screen()).isEqualTo("question");
        assertThat(page.subject()).isEqualTo("SEVERE_SUDDEN_HEADACHE");
        assertThat(page.checkedState()).as("the answer given is shown, to change").isEqualTo("present");
        page.answer("absent");
        assertThat(page.subject()).isEqualTo("DIZZINESS_OR_VERTIGO");
    }

    @Test
    void back_and_change_give_the_assessment_of_the_answers_as_they_stand() {
        page.open();
        page.start();
        // Recorded independently of the page: subject -> answer, in the order given.
        List<String[]> given = new ArrayList<>();
        String[] plan = {"absent", "present", "absent"};
        for (String state : plan) {
            given.add(new String[] {page.subject(), state});
            page.answer(state);
        }
        // Back twice: the third and second answers are taken back; the second is shown as given.
        page.back();
        given.remove(2);
        assertThat(page.checkedState()).isEqualTo("absent");
        page.back();
        String[] second = given.remove(1);
        assertThat(page.subject()).isEqualTo(second[0]);
        assertThat(page.checkedState()).isEqualTo("present");
        // Change it, then answer everything else "no" (blank durations: don't know).
        while (page.screen().equals("question")) {
            String subject = page.subject();
            if (subject.equals("hoursSinceOnset") || subject.equals("selfCareDays")) {
                page.duration("", subject.equals("hoursSinceOnset") ? "hour" : "day");
                given.add(new String[] {subject, null});
            } else {
                given.add(new String[] {subject, "absent"});
                page.answer("absent");
            }
        }
        assertThat(page.screen()).isEqualTo("result");
        assertShows(intake(given), "after Back");
        assertThat(page.answersListed()).extracting(a -> a[0]).containsExactlyElementsOf(given.stream().map(a -> a[0]).toList());

        // Change the fever answer to yes; the later answers are asked again, filled in as they were.
        int fever = given.stream().map(a -> a[0]).toList().indexOf("FEVER_OR_CHILLS");
        assertThat(fever).as("fever asked").isPositive();
        page.change(fever);
        String changed = page.subject();
        assertThat(changed).isEqualTo("FEVER_OR_CHILLS");
        assertThat(page.checkedState()).isEqualTo("absent");
        List<String[]> kept = new ArrayList<>(given.subList(0, fever));
        kept.add(new String[] {changed, "present"});
        page.answer("present");
        while (page.screen().equals("question")) {
            String subject = page.subject();
            String before = given.stream().filter(a -> a[0].equals(subject)).map(a -> a[1]).findFirst().orElse(null);
            if (subject.equals("hoursSinceOnset") || subject.equals("selfCareDays")) {
                assertThat(page.driver().findElement(By.id("amount")).getAttribute("value")).isEmpty();
                kept.add(new String[] {subject, null});
            } else {
                assertThat(page.checkedState()).as("%s filled in as answered before", subject).isEqualTo(before);
                kept.add(new String[] {subject, before == null ? "unknown" : before});
            }
            page.next();
        }
        assertThat(page.shown().disposition()).isEqualTo("URGENT");
        assertShows(intake(kept), "after Change");
    }

    @Test
    void durations_are_read_as_the_command_line_reads_them() {
        page.open();
        page.start();
        while (!page.subject().equals("hoursSinceOnset")) {
            page.answer(page.subject().equals("MUSCLE_SPASM") ? "present" : "absent");
        }
        assertThat(page.refusedDuration("three", "day")).startsWith("Please give one number in digits");
        assertThat(page.refusedDuration("-2", "day")).startsWith("A time cannot be negative");
        assertThat(page.refusedDuration("1.3", "day")).isEqualTo(
                "1.3 days is 31.2 hours, not a whole number of hours. Please give one, such as 31 hours or 32 hours.");
        assertThat(page.refusedDuration("1.3", "hour")).isEqualTo(
                "1.3 hours is not a whole number of hours. Please give one, such as 1 hour or 2 hours.");
        assertThat(page.refusedDuration("521.5", "week")).startsWith("That is more than 87600 hours");
        page.duration("1.5", "day");
        assertThat(page.subject()).isNotEqualTo("hoursSinceOnset");
        // 1.5 days is 36 hours: Back shows what was typed, the result page lists 36.
        page.back();
        assertThat(page.driver().findElement(By.id("amount")).getAttribute("value")).isEqualTo("1.5");
        assertThat(page.driver().findElement(By.id("unit")).getAttribute("value")).isEqualTo("day");
        page.duration("1.5", "day");
        while (page.screen().equals("question")) {
            if (page.subject().equals("selfCareDays")) {
                assertThat(page.refusedDuration("1.5", "week")).isEqualTo(
                        "1.5 weeks is 10.5 days, not a whole number of days. Please give one, such as 10 days or 11 days.");
                page.duration("2", "week");
            } else {
                page.answer(page.subject().equals("SELF_CARE_TRIED") || page.subject().equals("MUSCLE_SPASM") ? "present" : "absent");
            }
        }
        List<String[]> listed = page.answersListed();
        assertThat(listed).anySatisfy(a -> assertThat(a).containsExactly("hoursSinceOnset", "36"));
        if (listed.stream().anyMatch(a -> a[0].equals("selfCareDays"))) {
            assertThat(listed).anySatisfy(a -> assertThat(a).containsExactly("selfCareDays", "14"));
        }
        assertThat(page.mainText()).contains("1.5 days (36 hours)");
    }

    @Test
    void nothing_of_the_answers_is_kept_in_the_browser_or_the_url() {
        page.open();
        Object history = page.driver().executeScript("return history.length");
        page.start();
        page.answer("absent");
        page.back();
        new ScriptedPatient(Samples.named("self-care-spasm").intake(), new Random(1), ScriptedPatient.Hands.MOUSE).answerAll(page);
        page.change(0);
        page.next();
        assertThat(page.driver().getCurrentUrl()).as("nothing in the URL").isEqualTo(page.uri().toString());
        assertThat(page.driver().executeScript("return history.length")).as("no history entries pushed").isEqualTo(history);
        assertThat(page.driver().manage().getCookies()).isEmpty();
        assertThat(page.driver().executeScript("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        assertThat(chromium.consoleErrors()).as("no console errors, CSP reports included").isEmpty();
        // A reload forgets everything: the start screen again.
        page.driver().navigate().refresh();
        assertThat(page.screen()).isEqualTo("start");
    }

    @Test
    void a_failed_request_keeps_the_answers_and_says_what_to_do() throws IOException {
        CdsServer doomed = CdsServer.start(0, dir.resolve("doomed.jsonl"), DORSAL);
        InterviewPage other = new InterviewPage(chromium, doomed.baseUri());
        other.open();
        other.start();
        other.answer("absent");
        String subject = other.subject();
        doomed.close();
        other.answer("absent");
        assertThat(other.screen()).isEqualTo("error");
        assertThat(other.mainText()).contains("Your answers so far are still here")
                .contains("If you think this is an emergency, call your local emergency number now.");
        other.back();
        assertThat(other.subject()).isEqualTo(subject);
        assertThat(other.checkedState()).isEqualTo("absent");
        chromium.consoleErrors(); // the failed fetch is logged by the browser; read and drop it
    }

    // --- comparison with POST /assess ----------------------------------------------------------

    private static void assertShowsAssessmentOf(ScriptedPatient patient, String what) {
        questionsAnswered.addAndGet(patient.asked().size());
        ObjectNode answers = patient.answers();
        assertShows(answers, what);
        if (page.screen().equals("result")) {
            assertThat(page.answersListed()).as("%s: the answers listed", what).extracting(a -> a[0])
                    .containsExactlyElementsOf(patient.asked());
        }
        matched.incrementAndGet();
    }

    /** The page shows the disposition, provisional flag, red flags and advice of POST /assess on {@code answers}, and their words. */
    private static void assertShows(ObjectNode answers, String what) {
        JsonNode a = Client.json(SERVICE.client().post("/assess", "application/json", answers.toString()));
        InterviewPage.Shown expected = new InterviewPage.Shown(a.get("disposition").asText(), a.get("provisional").asBoolean(),
                ids(a.get("redFlags")), ids(a.get("recommendations")));
        assertThat(page.shown()).as("%s: the page's result for %s", what, answers).isEqualTo(expected);
        assertThat(page.screen()).as(what).isEqualTo(expected.disposition().equals("EMERGENCY") ? "emergency" : "result");
        boolean note = !page.driver().findElements(By.cssSelector("[data-provisional-note]")).isEmpty();
        assertThat(note).as("%s: the provisional note", what)
                .isEqualTo(expected.provisional() && !expected.disposition().equals("EMERGENCY"));
        String text = page.mainText();
        a.get("redFlags").forEach(r -> assertThat(text).contains(r.get("reason").asText()));
        a.get("recommendations").forEach(r -> {
            assertThat(text).contains(r.get("text").asText());
            String source = r.get("source").asText().equals("policy")
                    ? "Dorsal's own rule, where the clinical sources say nothing" : r.get("source").asText();
            assertThat(text).contains("Source: " + source + " (rule " + r.get("id").asText() + ")");
            if (r.has("dose")) {
                assertThat(text).contains("How much: " + dose(r.get("dose")));
            }
        });
        assertThat(text).contains("This is decision support, not a diagnosis.");
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    /** A dose in the page's words: "15–20 minutes (each time)", "5 seconds (hold, ...)", or the note alone. */
    private static String dose(JsonNode d) {
        if (!d.has("min")) {
            return d.get("note").asText();
        }
        int min = d.get("min").asInt();
        int max = d.get("max").asInt();
        String unit = switch (d.get("unit").asText()) {
            case "MINUTES" -> "minutes";
            case "SECONDS" -> "seconds";
            default -> "repetitions";
        };
        String amount = (min == max ? Integer.toString(min) : min + "–" + max) + " " + unit;
        String note = d.path("note").asText("");
        return note.isEmpty() ? amount : amount + " (" + note + ")";
    }

    private static ObjectNode intake(List<String[]> given) {
        ObjectNode json = Client.JSON.createObjectNode();
        ObjectNode findings = json.putObject("findings");
        for (String[] a : given) {
            if (a[0].equals("hoursSinceOnset") || a[0].equals("selfCareDays")) {
                if (a[1] != null) {
                    json.put(a[0], Integer.parseInt(a[1]));
                }
            } else {
                findings.put(a[0], a[1] == null ? "unknown" : a[1]);
            }
        }
        return json;
    }
}
