package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Thresholds;
import org.dorsal.fhir.FhirChecks;
import org.dorsal.fhir.Samples;
import org.dorsal.governance.Engine;
import org.dorsal.governance.EngineConfig;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shadow mode over real HTTP: the live answers are unchanged, and what the candidate says is
 * counted in {@code /metrics} by result, disposition transition and rule ID, for every endpoint
 * that assesses.
 */
class ShadowModeTest {
    /** Spasm for 8 days despite self-care, not improving: referred at 7 days (live), not yet at 10 (candidate). */
    static final Intake SPASM_8_DAYS = Intake.builder()
            .present(Finding.MUSCLE_SPASM, Finding.SELF_CARE_TRIED).absent(Finding.IMPROVING)
            .hoursSinceOnset(8 * 24).selfCareDays(8).build();
    static final String RULE = "DT-SPASM-PERSISTENT";

    @TempDir
    static Path dir;
    static Engine spasm10;
    static CdsServer plain;

    @BeforeAll
    static void start() throws IOException {
        spasm10 = EngineConfig.host(new Thresholds(10, Thresholds.STIFFNESS_MIN)).open();
        plain = CdsServer.start(0, dir.resolve("plain.jsonl"), DORSAL);
    }

    @AfterAll
    static void stop() throws IOException {
        plain.close();
    }

    static CdsServer shadowed(Engine candidate, int queue) throws IOException {
        return CdsServer.start(0, dir.resolve("shadow-" + System.nanoTime() + ".jsonl"), DORSAL, candidate, queue);
    }

    /** The three assessing requests for one intake: /assess, the patient-view hook and the FHIR operation. */
    static Map<String, HttpResponse<String>> assessEverywhere(Client client, Intake intake) {
        QuestionnaireResponse qr = MAPPINGS.questionnaireResponse(intake);
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("assess", client.post("/assess", "application/json", DorsalJson.writeIntake(intake)));
        answers.put("patient-view", client.post("/cds-services/dorsal-patient-view", "application/json", Client.hook(qr.copy())));
        QuestionnaireResponse withSubject = qr.copy();
        withSubject.setSubject(new Reference("Patient/" + Client.PATIENT_ID));
        answers.put("fhir-assess", client.post("/fhir/QuestionnaireResponse/$assess", "application/fhir+json", FhirChecks.json(withSubject)));
        answers.values().forEach(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        return answers;
    }

    /** Card uuids are random and the GuidanceResponse is stamped with the time: everything else must match. */
    static String withoutRandomness(String body) {
        return body.replaceAll("\"uuid\":\"[0-9a-f-]{36}\"", "\"uuid\":\"-\"")
                .replaceAll("\"occurrenceDateTime\": \"[^\"]*\"", "\"occurrenceDateTime\": \"-\"")
                // Each server links to the interview at its own (free) port.
                .replaceAll("\"url\":\"http://127\\.0\\.0\\.1:[0-9]+/interview\"", "\"url\":\"http://127.0.0.1:-/interview\"");
    }

    @Test
    void the_answers_are_byte_for_byte_those_of_the_service_without_shadow_mode() throws IOException {
        List<Intake> intakes = new ArrayList<>();
        Samples.ALL.forEach(s -> intakes.add(s.intake()));
        intakes.add(SPASM_8_DAYS);
        try (CdsServer shadow = shadowed(spasm10, 256)) {
            Client withShadow = new Client(shadow);
            Client without = new Client(plain);
            for (Intake intake : intakes) {
                Map<String, HttpResponse<String>> expected = assessEverywhere(without, intake);
                Map<String, HttpResponse<String>> actual = assessEverywhere(withShadow, intake);
                for (String route : expected.keySet()) {
                    HttpResponse<String> e = expected.get(route);
                    HttpResponse<String> a = actual.get(route);
                    assertThat(a.headers().map()).as(route).containsEntry("content-type", e.headers().allValues("content-type"));
                    if (route.equals("assess")) {
                        assertThat(a.body()).as(route).isEqualTo(e.body());
                    } else {
                        assertThat(withoutRandomness(a.body())).as(route).isEqualTo(withoutRandomness(e.body()));
                    }
                }
            }
            Metrics metrics = new Metrics(withShadow);
            metrics.await(3 * intakes.size(), "dorsal_shadow_comparisons_total");
            // The candidate did disagree: the answers are the same despite it, not for want of a difference.
            assertThat(metrics.get("dorsal_shadow_comparisons_total", "result=disagree")).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void a_threshold_disagreement_is_counted_by_transition_and_rule() throws IOException {
        assertThat(DORSAL.assess(SPASM_8_DAYS).disposition()).isEqualTo(Disposition.ROUTINE);
        assertThat(spasm10.assess(SPASM_8_DAYS).disposition()).isEqualTo(Disposition.SELF_CARE);
        try (CdsServer shadow = shadowed(spasm10, 256)) {
            Client client = new Client(shadow);
            HttpResponse<String> r = client.post("/assess", "application/json", DorsalJson.writeIntake(SPASM_8_DAYS));
            assertThat(r.body()).isEqualTo(DorsalJson.writeAssessment(DORSAL.assess(SPASM_8_DAYS)));

            Metrics metrics = new Metrics(client);
            metrics.await(1, "dorsal_shadow_comparisons_total", "result=disagree");
            String scrape = metrics.scrape();
            assertThat(Metrics.sum(scrape, "dorsal_shadow_comparisons_total", "result=agree")).isZero();
            assertThat(Metrics.sum(scrape, "dorsal_shadow_disagreements_total", "from=ROUTINE", "to=SELF_CARE")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_shadow_disagreements_total")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_shadow_rule_changes_total", "rule=" + RULE, "change=removed")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_shadow_rule_changes_total")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_shadow_provisional_changes_total")).isZero();
            assertThat(Metrics.sum(scrape, "dorsal_shadow_dropped_total")).isZero();
            assertThat(Metrics.sum(scrape, "dorsal_shadow_errors_total")).isZero();
            assertThat(Metrics.sum(scrape, "dorsal_assessments_seconds_count", "route=assess")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_engine_info", "role=live", "spasm_referral_days=7")).isEqualTo(1);
            assertThat(Metrics.sum(scrape, "dorsal_engine_info", "role=shadow", "spasm_referral_days=10",
                    "content_version=" + DORSAL.contentVersion())).isEqualTo(1);
        }
    }

    @Test
    void an_agreement_is_counted_and_nothing_else() throws IOException {
        Intake selfCare = Samples.named("self-care-spasm").intake();
        assertThat(spasm10.assess(selfCare).ruleIds()).isEqualTo(org.dorsal.governance.Outcome.of(DORSAL.assess(selfCare)).ruleIds());
        try (CdsServer shadow = shadowed(spasm10, 256)) {
            Client client = new Client(shadow);
            client.post("/assess", "application/json", DorsalJson.writeIntake(selfCare));
            Metrics metrics = new Metrics(client);
            metrics.await(1, "dorsal_shadow_comparisons_total", "result=agree");
            String scrape = metrics.scrape();
            assertThat(Metrics.sum(scrape, "dorsal_shadow_comparisons_total", "result=disagree")).isZero();
            assertThat(scrape).doesNotContain("dorsal_shadow_disagreements_total{").doesNotContain("dorsal_shadow_rule_changes_total{");
        }
    }

    @Test
    void every_assessing_endpoint_is_compared_and_nothing_else_is() throws IOException {
        try (CdsServer shadow = shadowed(spasm10, 256)) {
            Client client = new Client(shadow);
            assessEverywhere(client, SPASM_8_DAYS);
            // Requests that assess nothing: discovery, the form, a refused intake, no intake on file.
            client.get("/cds-services");
            client.get("/fhir/Questionnaire/dorsal-intake");
            assertThat(client.post("/assess", "application/json", "{\"findings\": {\"NO_SUCH\": \"present\"}}").statusCode()).isEqualTo(400);
            client.post("/cds-services/dorsal-patient-view", "application/json", Client.hookWithPrefetch("null"));

            Metrics metrics = new Metrics(client);
            metrics.await(3, "dorsal_shadow_disagreements_total", "from=ROUTINE", "to=SELF_CARE");
            String scrape = metrics.scrape();
            for (String route : List.of("assess", "patient-view", "fhir-assess")) {
                assertThat(Metrics.sum(scrape, "dorsal_assessments_seconds_count", "route=" + route)).as(route).isEqualTo(1);
            }
            assertThat(Metrics.sum(scrape, "dorsal_shadow_comparisons_total")).isEqualTo(3);
            assertThat(Metrics.sum(scrape, "dorsal_shadow_rule_changes_total", "rule=" + RULE, "change=removed")).isEqualTo(3);
        }
    }

    @Test
    void a_candidate_from_other_jars_in_its_own_class_loader_is_compared_like_any_other() throws IOException {
        Engine isolated = EngineConfig.jars(new Thresholds(10, Thresholds.STIFFNESS_MIN), builtJars()).open();
        try (CdsServer shadow = shadowed(isolated, 256)) {
            Client client = new Client(shadow);
            HttpResponse<String> r = client.post("/assess", "application/json", DorsalJson.writeIntake(SPASM_8_DAYS));
            assertThat(r.body()).isEqualTo(DorsalJson.writeAssessment(DORSAL.assess(SPASM_8_DAYS)));
            Metrics metrics = new Metrics(client);
            metrics.await(1, "dorsal_shadow_disagreements_total", "from=ROUTINE", "to=SELF_CARE");
            assertThat(metrics.get("dorsal_shadow_rule_changes_total", "rule=" + RULE, "change=removed")).isEqualTo(1);
        }
    }

    @Test
    void without_a_candidate_there_are_no_shadow_metrics() {
        Client client = new Client(plain);
        client.post("/assess", "application/json", DorsalJson.writeIntake(SPASM_8_DAYS));
        String scrape = new Metrics(client).scrape();
        assertThat(scrape).doesNotContain("dorsal_shadow").doesNotContain("role=\"shadow\"");
        assertThat(Metrics.sum(scrape, "dorsal_engine_info", "role=live")).isEqualTo(1);
        assertThat(Metrics.sum(scrape, "dorsal_assessments_seconds_count", "route=assess")).isGreaterThanOrEqualTo(1);
        assertThat(client.post("/metrics", "text/plain", "x").statusCode()).isEqualTo(405);
    }

    /**
     * The engine and content this build made (jars, or class directories in a reactor build before
     * {@code package}), given as another version's jars would be.
     */
    static List<Path> builtJars() {
        try {
            URL content = ShadowModeTest.class.getClassLoader().getResource("META-INF/dorsal/content.json");
            assertThat(content).as("the content manifest on the test class path").isNotNull();
            Path contentRoot = content.getProtocol().equals("jar")
                    ? Path.of(URI.create(content.getPath().substring(0, content.getPath().indexOf("!/"))))
                    : Path.of(content.toURI()).getParent().getParent().getParent();
            Path engine = Path.of(Dorsal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return List.of(engine, contentRoot);
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
