package org.dorsal.examples.cds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.dorsal.Assessment;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;
import org.dorsal.fhir.DorsalFhir;
import org.dorsal.fhir.IntakeResponses;
import org.dorsal.internal.Text;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * {@code POST /cds-services/dorsal-patient-view}: the patient's latest intake, from the prefetch,
 * assessed into cards.
 */
final class PatientViewEndpoint implements Endpoint {
    static final String PREFETCH_KEY = "intake";

    private final BodyDecoder decoder = new BodyDecoder(Exchanges.JSON, CdsLimits.HOOK);
    private final DorsalFhir fhir;
    private final FhirContext fhirContext;
    private final Assessor assessor;
    private final IssuedCards issued;
    private final FhirFallback fallback = FhirFallback.withDefaults();
    /** The web interview the questions card links to; see {@link Cards#interview}. */
    private final URI interview;

    PatientViewEndpoint(DorsalFhir fhir, FhirContext fhirContext, Assessor assessor, IssuedCards issued, URI interview) {
        this.fhir = fhir;
        this.fhirContext = fhirContext;
        this.assessor = assessor;
        this.issued = issued;
        this.interview = interview;
    }

    @Override
    public Reply answer(HttpExchange ex) throws IOException {
        return Reply.json(cards(HookRequest.of(decoder.json(ex, "the hook request"))));
    }

    /** The cards for one request; also what the warm-up runs, without HTTP. */
    String cards(HookRequest request) {
        JsonNode intakeNode = request.prefetched(PREFETCH_KEY);
        QuestionnaireResponse response;
        if (intakeNode != null) {
            response = intakeNode.isNull() ? null : latestResponse(intakeNode);
            // Never advise on someone else's answers.
            if (response != null && !IntakeResponses.isFor(response, request.patientId())) {
                throw HttpProblem.badRequest("subject-mismatch", "prefetch." + PREFETCH_KEY + ".subject",
                        "the prefetched QuestionnaireResponse is not about the patient in context");
            }
        } else if (FhirFallback.offered(request)) {
            response = fallback.newest(request).orElse(null);
        } else {
            throw new HttpProblem(412, "prefetch-missing", "prefetch." + PREFETCH_KEY, "prefetch." + PREFETCH_KEY
                    + " is missing, and without fhirServer and fhirAuthorization the service cannot query the FHIR server for it");
        }
        ObjectNode root = Json.object();
        ArrayNode cards = root.putArray("cards");
        if (response == null) {
            // No intake on file: nothing to advise on, which CDS Hooks says with no cards.
            return Json.write(root);
        }
        Assessment a = assessor.assess(Assessor.PATIENT_VIEW, intake(response));
        for (Cards.IssuedCard c : Cards.of(a, UUID::randomUUID, interview)) {
            issued.remember(c.card().uuid(), c.about());
            cards.add(Json.WRITER.valueToTree(c.card()));
        }
        return Json.write(root);
    }

    private QuestionnaireResponse latestResponse(JsonNode node) {
        IBaseResource resource;
        try {
            resource = fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(Json.WRITER.writeValueAsString(node));
        } catch (DataFormatException | JsonProcessingException e) {
            throw HttpProblem.badRequest("invalid-fhir", "prefetch." + PREFETCH_KEY,
                    "prefetch." + PREFETCH_KEY + " is not a valid FHIR R4 resource: " + Text.clip(e.getMessage(), 200));
        }
        if (resource instanceof QuestionnaireResponse qr) {
            return qr;
        }
        if (resource instanceof Bundle bundle) {
            return IntakeResponses.newest(bundle).orElse(null);
        }
        throw HttpProblem.badRequest("invalid-fhir", "prefetch." + PREFETCH_KEY, "prefetch." + PREFETCH_KEY
                + " must be a QuestionnaireResponse or a Bundle of them, got " + resource.fhirType());
    }

    private Intake intake(QuestionnaireResponse response) {
        try {
            return fhir.intake(response);
        } catch (InvalidIntakeException e) {
            throw HttpProblem.badRequest("invalid-intake", e.field(), e.getMessage());
        }
    }
}
