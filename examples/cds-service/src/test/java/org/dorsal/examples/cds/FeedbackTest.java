package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.dorsal.fhir.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback is appended to the log, survives a restart, and is stored with what the card said. */
class FeedbackTest {
    private static final String FEEDBACK = "/cds-services/dorsal-patient-view/feedback";

    @TempDir
    Path dir;

    @Test
    void feedback_is_stored_and_read_back_after_a_restart() throws IOException {
        Path log = dir.resolve("feedback.jsonl");
        String emergencyCard;
        String questionsCard;
        try (CdsServer first = CdsServer.start(0, log, DORSAL)) {
            Client client = new Client(first);
            HttpResponse<String> cards = client.post("/cds-services/dorsal-patient-view", "application/json",
                    Client.hook(MAPPINGS.questionnaireResponse(Samples.named("emergency-thunderclap").intake())));
            emergencyCard = Client.json(cards).get("cards").get(0).get("uuid").asText();
            questionsCard = Client.json(cards).get("cards").get(1).get("uuid").asText();
            HttpResponse<String> stored = client.post(FEEDBACK, "application/json", """
                    {"feedback": [
                      {"card": "%s", "outcome": "accepted", "outcomeTimestamp": "2025-11-20T10:15:00Z"},
                      {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2025-11-20T10:16:00Z",
                       "overrideReason": {"reason": {"system": "%s", "code": "already-addressed", "display": "Already addressed with the patient"},
                                          "userComment": "Asked all of them on the phone; all \\"no\\".\\nSee note."}}
                    ]}""".formatted(emergencyCard, questionsCard, Cards.OVERRIDE_SYSTEM));
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            assertThat(Client.json(stored).get("stored").asInt()).isEqualTo(2);
        }

        try (CdsServer second = CdsServer.start(0, log, DORSAL)) {
            HttpResponse<String> stored = new Client(second).post(FEEDBACK, "application/json", """
                    {"feedback": [{"card": "card-from-before-the-restart", "outcome": "accepted",
                                   "outcomeTimestamp": "2025-11-20T11:00:00+01:00", "acceptedSuggestions": [{"id": "s1"}]}]}""");
            assertThat(stored.statusCode()).isEqualTo(200);
        }

        List<JsonNode> records = FeedbackLog.read(log).stream().map(Client::object).map(JsonNode.class::cast).toList();
        assertThat(records).hasSize(3);
        JsonNode accepted = records.get(0);
        assertThat(accepted.get("card").asText()).isEqualTo(emergencyCard);
        assertThat(accepted.get("outcome").asText()).isEqualTo("accepted");
        assertThat(accepted.get("service").asText()).isEqualTo("dorsal-patient-view");
        assertThat(accepted.get("issued").get("disposition").asText()).isEqualTo("EMERGENCY");
        assertThat(accepted.get("issued").get("rules").get(0).asText()).isEqualTo("RF-THUNDERCLAP-HEADACHE");
        JsonNode overridden = records.get(1);
        assertThat(overridden.get("outcome").asText()).isEqualTo("overridden");
        assertThat(overridden.get("overrideReason").get("reason").get("code").asText()).isEqualTo("already-addressed");
        assertThat(overridden.get("overrideReason").get("userComment").asText()).isEqualTo("Asked all of them on the phone; all \"no\".\nSee note.");
        assertThat(overridden.get("issued").get("kind").asText()).isEqualTo("questions");
        JsonNode afterRestart = records.get(2);
        assertThat(afterRestart.get("card").asText()).isEqualTo("card-from-before-the-restart");
        assertThat(afterRestart.has("issued")).isFalse();
        assertThat(afterRestart.get("acceptedSuggestions").get(0).get("id").asText()).isEqualTo("s1");
    }

    @Test
    void a_second_server_cannot_share_the_log() throws IOException {
        Path log = dir.resolve("feedback.jsonl");
        try (CdsServer first = CdsServer.start(0, log, DORSAL)) {
            assertThatThrownBy(() -> CdsServer.start(0, log, DORSAL)).isInstanceOf(IOException.class).hasMessageContaining("in use");
        }
    }

    @Test
    void a_torn_last_line_does_not_swallow_the_next_record() throws IOException {
        Path log = dir.resolve("feedback.jsonl");
        Files.writeString(log, "{\"card\": \"whole\"}\n{\"card\": \"torn", StandardOpenOption.CREATE_NEW);
        try (FeedbackLog feedback = new FeedbackLog(log)) {
            feedback.append(List.of("{\"card\":\"next\"}"));
        }
        assertThat(FeedbackLog.read(log)).containsExactly("{\"card\": \"whole\"}", "{\"card\": \"torn", "{\"card\":\"next\"}");
    }
}
