package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dorsal.Thresholds;
import org.dorsal.governance.EngineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disagreement is logged by dispositions, provisional flags and rule IDs: nothing of the request or the patient. */
class ShadowLogTest {
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static PrintStream stderr;

    @TempDir
    static Path dir;

    @BeforeAll
    static void captureLog() {
        // slf4j-simple looks System.err up on every write: this catches the service's log lines.
        stderr = System.err;
        System.setErr(new PrintStream(LOG, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void restoreLog() {
        System.setErr(stderr);
    }

    @Test
    void a_disagreement_line_carries_dispositions_flags_and_rule_ids_only() throws IOException {
        try (CdsServer server = CdsServer.start(0, dir.resolve("feedback.jsonl"), DORSAL,
                EngineConfig.host(new Thresholds(10, Thresholds.STIFFNESS_MIN)).open(), 16)) {
            Client client = new Client(server);
            ShadowModeTest.assessEverywhere(client, ShadowModeTest.SPASM_8_DAYS);
            new Metrics(client).await(3, "dorsal_shadow_comparisons_total", "result=disagree");
        }
        String log = LOG.toString(StandardCharsets.UTF_8);
        List<String> shadowLines = log.lines().filter(l -> l.contains(Shadow.LOGGER)).toList();
        assertThat(shadowLines).hasSize(3).allSatisfy(line -> assertThat(line).endsWith("INFO org.dorsal.shadow - disagreement:"
                + " live ROUTINE provisional=true, candidate SELF_CARE provisional=true, added [], removed [DT-SPASM-PERSISTENT]"));

        // Nor anywhere else in the log: the patient, the hook instance, the findings, the durations.
        assertThat(log).contains("POST patient-view -> 200", "POST assess -> 200", "POST fhir-assess -> 200");
        assertThat(log).doesNotContain(Client.PATIENT_ID).doesNotContain("Patient/")
                .doesNotContain("1f4a3b0e-2d3c-4a5b-9c8d-7e6f5a4b3c2d")
                .doesNotContain("MUSCLE_SPASM").doesNotContain("SELF_CARE_TRIED").doesNotContain("hoursSinceOnset")
                .doesNotContain("selfCareDays");
    }
}
