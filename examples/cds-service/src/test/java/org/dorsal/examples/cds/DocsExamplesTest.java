package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.dorsal.fhir.FhirChecks.DORSAL;
import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.fhir.FhirChecks;
import org.dorsal.fhir.FormFill;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code docs/examples/}, taken the way its reader takes it: a FHIR resource by
 * HAPI's validator (with the intake Questionnaire loaded) and by its endpoint, the intake JSON by
 * the strict intake reader and {@code /assess}, the CDS Hooks request and feedback by the service.
 * The directory is listed, not named file by file, and a file no check recognises fails: a new
 * example cannot go unchecked.
 */
class DocsExamplesTest {
    /** Relative to the module directory Maven runs the tests in. */
    static final Path EXAMPLES = Path.of("..", "..", "docs", "examples");
    private static final Path INTEGRATION_GUIDE = Path.of("..", "..", "docs", "integration.md");

    @RegisterExtension
    static final RunningService SERVICE = new RunningService(DORSAL);

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.sorted().toList();
        }
    }

    @Test
    void every_example_the_integration_guide_names_exists() throws IOException {
        Matcher named = Pattern.compile("docs/examples/([\\w.-]+)").matcher(Files.readString(INTEGRATION_GUIDE));
        List<String> missing = new ArrayList<>();
        int count = 0;
        while (named.find()) {
            count++;
            if (!Files.isRegularFile(EXAMPLES.resolve(named.group(1)))) {
                missing.add(named.group(1));
            }
        }
        assertThat(count).as("examples named in docs/integration.md").isPositive();
        assertThat(missing).as("named in docs/integration.md but not in docs/examples/").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_example_is_taken_by_what_reads_it(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode json;
        try {
            json = Client.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(file + " is not JSON; every example is a request body: " + e.getOriginalMessage(), e);
        }
        if (json.has("resourceType")) {
            fhirResource(file, text);
        } else if (json.has("hook")) {
            hookRequest(file, text, json);
        } else if (json.has("feedback")) {
            feedback(text, json);
        } else if (json.has("findings") || json.has("hoursSinceOnset") || json.has("selfCareDays")) {
            intake(text);
        } else {
            fail(file + ": no check knows this kind of example; add one to " + getClass().getSimpleName());
        }
    }

    /** Valid FHIR R4 with the Questionnaire loaded, every response in it readable, and $assess takes it. */
    private static void fhirResource(Path file, String text) {
        IBaseResource resource = validFhir(file.getFileName().toString(), text);
        responsesIn(resource).forEach(MAPPINGS::intake);
        if (resource instanceof QuestionnaireResponse) {
            HttpResponse<String> r = SERVICE.client().post("/fhir/QuestionnaireResponse/$assess", "application/fhir+json", text);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(FhirChecks.errors(FhirChecks.parse(GuidanceResponse.class, r.body()))).isEmpty();
        }
    }

    /** The prefetched resources are valid FHIR, and the service answers with the cards of their assessment. */
    private static void hookRequest(Path file, String text, JsonNode json) {
        List<QuestionnaireResponse> responses = new ArrayList<>();
        json.path("prefetch").fields().forEachRemaining(prefetch -> {
            if (!prefetch.getValue().isNull()) {
                String what = file.getFileName() + " prefetch." + prefetch.getKey();
                responses.addAll(responsesIn(validFhir(what, prefetch.getValue().toString())));
            }
        });
        HttpResponse<String> r = SERVICE.client().post("/cds-services/" + CdsService.SERVICE_ID, "application/json", text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode cards = Client.json(r).get("cards");
        assertThat(responses).as("an example request with an intake on file").hasSize(1);
        assertThat(CdsServerTest.withoutUuids(cards))
                .isEqualTo(CdsServerTest.expectedCards(DORSAL.assess(MAPPINGS.intake(responses.get(0))), SERVICE.server().baseUri()));
    }

    private static void feedback(String text, JsonNode json) {
        HttpResponse<String> r = SERVICE.client().post("/cds-services/" + CdsService.SERVICE_ID + "/feedback", "application/json", text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Client.json(r).get("stored").asInt()).isEqualTo(json.get("feedback").size());
    }

    private static void intake(String text) {
        Intake intake = DorsalJson.readIntake(text);
        HttpResponse<String> r = SERVICE.client().post("/assess", "application/json", text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(DorsalJson.writeAssessment(DORSAL.assess(intake)));
    }

    /**
     * Parsed as strictly as the service parses (an unknown element fails) and free of validator
     * errors. On failure, says in which order the Questionnaire has its items, since a response
     * must follow it.
     */
    private static IBaseResource validFhir(String what, String text) {
        IBaseResource resource = FhirChecks.FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(text);
        List<String> order = FormFill.questions(MAPPINGS.questionnaire()).stream().map(QuestionnaireItemComponent::getLinkId).toList();
        assertThat(FhirChecks.errors(resource))
                .as("%s against the intake Questionnaire, whose questions are, in order and in their groups: %s", what, order)
                .isEmpty();
        return resource;
    }

    private static List<QuestionnaireResponse> responsesIn(IBaseResource resource) {
        if (resource instanceof QuestionnaireResponse qr) {
            return List.of(qr);
        }
        if (resource instanceof Bundle bundle) {
            return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(QuestionnaireResponse.class::isInstance).map(QuestionnaireResponse.class::cast).toList();
        }
        return List.of();
    }
}
