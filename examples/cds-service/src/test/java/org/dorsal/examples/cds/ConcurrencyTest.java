package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.dorsal.Assessment;
import org.dorsal.DorsalJson;
import org.dorsal.fhir.FhirChecks;
import org.dorsal.fhir.Samples;
import org.dorsal.fhir.Samples.Sample;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 200 requests in flight at once, across the three assessing endpoints, each answered as the facade would. */
class ConcurrencyTest {
    private static final int REQUESTS = 200;

    @TempDir
    Path dir;

    @Test
    void two_hundred_concurrent_requests_get_the_facades_answers() throws IOException {
        try (CdsServer server = CdsServer.start(0, dir.resolve("feedback.jsonl"), DORSAL)) {
            Client client = new Client(server);
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>(REQUESTS);
            List<Consumer<HttpResponse<String>>> checks = new ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                Sample sample = Samples.ALL.get(i % Samples.ALL.size());
                QuestionnaireResponse qr = MAPPINGS.questionnaireResponse(sample.intake());
                // What the form takes of the sample: the same outcome, without answers it hides.
                Assessment expected = DORSAL.assess(MAPPINGS.intake(qr));
                switch (i % 3) {
                    case 0 -> {
                        inFlight.add(client.postAsync("/assess", "application/json", new String(Samples.json(sample.name()))));
                        Assessment direct = DORSAL.assess(sample.intake());
                        checks.add(r -> assertThat(r.body()).isEqualTo(DorsalJson.writeAssessment(direct)));
                    }
                    case 1 -> {
                        inFlight.add(client.postAsync("/cds-services/dorsal-patient-view", "application/json", Client.hook(qr)));
                        checks.add(r -> assertThat(CdsServerTest.withoutUuids(Client.json(r).get("cards")))
                                .isEqualTo(CdsServerTest.expectedCards(expected, server.baseUri())));
                    }
                    default -> {
                        inFlight.add(client.postAsync("/fhir/QuestionnaireResponse/$assess", "application/fhir+json", FhirChecks.json(qr)));
                        checks.add(r -> {
                            GuidanceResponse g = FhirChecks.parse(GuidanceResponse.class, r.body());
                            g.setOccurrenceDateTimeElement(null);
                            assertThat(g.equalsDeep(MAPPINGS.guidanceResponse(expected))).as(sample.name()).isTrue();
                        });
                    }
                }
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<String> r = inFlight.get(i).join();
                assertThat(r.statusCode()).as("request %d: %s", i, r.body()).isEqualTo(200);
                checks.get(i).accept(r);
            }
        }
    }
}
